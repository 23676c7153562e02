import type { CompiledModel } from './compile-model.js';
import { ContactQueue } from './contact-queue.js';
import { EventHeap } from './event-heap.js';
import { RandomStreams } from './random-streams.js';

const OFF = 0;
const IDLE = 1;
const BUSY = 2;
/** Busy, and off the phones once the current contact ends. */
const LEAVING = 3;

/**
 * The event loop of one replication (see `simulateReplication` for the model). A class rather than
 * closures so that V8's type feedback and optimised code are shared by every replication.
 * Agents: state, since (start of the current idle or busy span), and per group an intrusive doubly
 * linked list of the idle, longest idle at the head. Events: arrivals (id q < Q, one pending per
 * queue) and completions (id Q + agent) on one binary heap; abandonment is lazy (a waiting
 * contact affects nobody until an agent looks at its queue).
 */
export class ReplicationEngine {
  readonly offered: Float64Array;
  readonly answered: Float64Array;
  readonly abandoned: Float64Array;
  readonly answeredWithin: Float64Array;
  readonly abandonedWithin: Float64Array;
  readonly waitSecondsAnswered: Float64Array;
  readonly waitSecondsAbandoned: Float64Array;
  readonly waitingAtEnd: Float64Array;
  readonly busySeconds: Float64Array;
  readonly idleSeconds: Float64Array;
  contacts = 0;

  private readonly m: CompiledModel;
  private readonly I: number;
  private readonly L: number;
  private readonly Q: number;
  private readonly endSeconds: number;
  private readonly random: RandomStreams;
  private readonly waiting: ContactQueue[];
  private readonly heap: EventHeap;
  private readonly state: Uint8Array;
  private readonly since: Float64Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly idleHead: Int32Array;
  private readonly idleTail: Int32Array;

  constructor(m: CompiledModel, seed: number, replication: number) {
    this.m = m;
    const I = (this.I = m.intervals);
    this.L = m.intervalSeconds;
    const Q = (this.Q = m.queueCount);
    const G = m.groupCount;
    const A = m.agentCount;
    this.endSeconds = I * this.L;
    this.offered = new Float64Array(Q * I);
    this.answered = new Float64Array(Q * I);
    this.abandoned = new Float64Array(Q * I);
    this.answeredWithin = new Float64Array(Q * I);
    this.abandonedWithin = new Float64Array(Q * I);
    this.waitSecondsAnswered = new Float64Array(Q * I);
    this.waitSecondsAbandoned = new Float64Array(Q * I);
    this.waitingAtEnd = new Float64Array(Q * I);
    this.busySeconds = new Float64Array(G * I);
    this.idleSeconds = new Float64Array(G * I);
    this.random = new RandomStreams(seed, replication, Q);
    this.waiting = Array.from({ length: Q }, () => new ContactQueue());
    this.heap = new EventHeap(Q + A + 1);
    this.state = new Uint8Array(A);
    this.since = new Float64Array(A);
    this.prev = new Int32Array(A).fill(-1);
    this.next = new Int32Array(A).fill(-1);
    this.idleHead = new Int32Array(G).fill(-1);
    this.idleTail = new Int32Array(G).fill(-1);
  }

  /** Runs the whole grid, then closes the agents' spans and counts who is still waiting. */
  run(): void {
    const { I, L, Q, heap } = this;
    for (let q = 0; q < Q; q++) this.scheduleArrival(q, 0);
    for (let i = 0; i < I; i++) {
      this.applyStaffing(i, i * L);
      const end = (i + 1) * L;
      while (heap.peekTime() < end) {
        const id = heap.pop();
        if (id < Q) this.arrive(id, heap.time);
        else this.complete(id - Q, heap.time);
      }
    }
    this.finish();
  }

  private intervalOf(t: number): number {
    const i = Math.floor(t / this.L);
    return i < this.I ? i : this.I - 1;
  }

  /** Adds the span [from, to) to arr[g * I + interval], split at interval boundaries. */
  private addSpan(arr: Float64Array, g: number, from: number, to: number): void {
    const { I, L } = this;
    let i = Math.floor(from / L);
    while (from < to && i < I) {
      const end = (i + 1) * L;
      const stop = to < end ? to : end;
      const k = g * I + i;
      arr[k] = (arr[k] as number) + stop - from;
      from = stop;
      i++;
    }
  }

  /** The next arrival of queue q after t (Infinity past the grid): inversion of the cumulative rate. */
  private scheduleArrival(q: number, t: number): void {
    const { I, L } = this;
    const rate = this.m.ratePerSecond;
    let e = -Math.log(1 - this.random.uniform(q));
    let i = Math.floor(t / L);
    while (i < I) {
      const r = rate[q * I + i] as number;
      const end = (i + 1) * L;
      if (r > 0) {
        const dt = e / r;
        if (t + dt < end) {
          this.heap.push(t + dt, q);
          return;
        }
        e -= r * (end - t);
      }
      t = end;
      i++;
    }
  }

  private pushIdle(a: number, g: number): void {
    const tail = this.idleTail[g] as number;
    this.prev[a] = tail;
    this.next[a] = -1;
    if (tail >= 0) this.next[tail] = a;
    else this.idleHead[g] = a;
    this.idleTail[g] = a;
  }

  private removeIdle(a: number, g: number): void {
    const p = this.prev[a] as number;
    const n = this.next[a] as number;
    if (p >= 0) this.next[p] = n;
    else this.idleHead[g] = n;
    if (n >= 0) this.prev[n] = p;
    else this.idleTail[g] = p;
    this.prev[a] = -1;
    this.next[a] = -1;
  }

  /** Agent a (not idle-listed) starts serving a contact of queue q that arrived at arrivalSeconds. */
  private startService(a: number, q: number, t: number, arrivalSeconds: number, work: number): void {
    const k = q * this.I + this.intervalOf(arrivalSeconds);
    const wait = t - arrivalSeconds;
    this.answered[k] = (this.answered[k] as number) + 1;
    this.waitSecondsAnswered[k] = (this.waitSecondsAnswered[k] as number) + wait;
    if (wait <= (this.m.answerSeconds[q] as number)) this.answeredWithin[k] = (this.answeredWithin[k] as number) + 1;
    this.state[a] = BUSY;
    this.since[a] = t;
    const f = this.m.factor[(this.m.agentGroup[a] as number) * this.Q + q] as number;
    this.heap.push(t + work * f, this.Q + a);
  }

  /** Counts a contact of queue q, arrived at `arrival`, as abandoned at `deadline`. */
  private countAbandoned(q: number, arrival: number, deadline: number): void {
    const k = q * this.I + this.intervalOf(arrival);
    this.abandoned[k] = (this.abandoned[k] as number) + 1;
    this.waitSecondsAbandoned[k] = (this.waitSecondsAbandoned[k] as number) + deadline - arrival;
    if (deadline - arrival <= (this.m.answerSeconds[q] as number)) {
      this.abandonedWithin[k] = (this.abandonedWithin[k] as number) + 1;
    }
  }

  /** Drops queue q's contacts whose patience ran out by t from its head, counting them abandoned. */
  private purgeExpired(q: number, t: number): void {
    const w = this.waiting[q] as ContactQueue;
    while (w.size > 0) {
      const s = w.head;
      const deadline = w.deadline[s] as number;
      if (deadline > t) return;
      this.countAbandoned(q, w.arrival[s] as number, deadline);
      w.shift();
    }
  }

  /** A free agent of group g at t takes the best waiting contact, if any; true when it did. */
  private takeWork(a: number, g: number, t: number): boolean {
    const { groupSkillStart, groupSkills, priority } = this.m;
    const end = groupSkillStart[g + 1] as number;
    let j = groupSkillStart[g] as number;
    while (j < end) {
      const tier = priority[groupSkills[j] as number] as number;
      let best = -1;
      let bestArrival = Infinity;
      for (; j < end && priority[groupSkills[j] as number] === tier; j++) {
        const q = groupSkills[j] as number;
        const w = this.waiting[q] as ContactQueue;
        if (w.size === 0) continue;
        this.purgeExpired(q, t);
        if (w.size > 0 && (w.arrival[w.head] as number) < bestArrival) {
          best = q;
          bestArrival = w.arrival[w.head] as number;
        }
      }
      if (best >= 0) {
        const w = this.waiting[best] as ContactQueue;
        const work = w.work[w.head] as number;
        w.shift();
        this.startService(a, best, t, bestArrival, work);
        return true;
      }
    }
    return false;
  }

  /** Agent a of group g becomes free at t (on the phones): serve a waiting contact or go idle. */
  private becomeFree(a: number, g: number, t: number): void {
    if (this.takeWork(a, g, t)) return;
    this.state[a] = IDLE;
    this.since[a] = t;
    this.pushIdle(a, g);
  }

  private goOff(a: number, g: number, t: number): void {
    const s = this.state[a] as number;
    if (s === IDLE) {
      this.removeIdle(a, g);
      this.addSpan(this.idleSeconds, g, this.since[a] as number, t);
      this.state[a] = OFF;
    } else if (s === BUSY) {
      this.state[a] = LEAVING;
    }
  }

  private comeOn(a: number, g: number, t: number): void {
    const s = this.state[a] as number;
    if (s === OFF) this.becomeFree(a, g, t);
    else if (s === LEAVING) this.state[a] = BUSY;
  }

  /** Staffing of interval i at its start t. */
  private applyStaffing(i: number, t: number): void {
    const { agentStart, usesMasks, onPhone, staffing, groupCount } = this.m;
    const { I, state, prev } = this;
    for (let g = 0; g < groupCount; g++) {
      const first = agentStart[g] as number;
      const last = agentStart[g + 1] as number;
      if (usesMasks[g]) {
        for (let a = first; a < last; a++) {
          if (onPhone[a * I + i]) this.comeOn(a, g, t);
          else this.goOff(a, g, t);
        }
        continue;
      }
      const target = staffing[g * I + i] as number;
      let active = 0;
      for (let a = first; a < last; a++) if (state[a] === IDLE || state[a] === BUSY) active++;
      // Fewer: the idle leave first (most recently idle first), then the busy after their contact.
      for (let a = this.idleTail[g] as number; active > target && a >= 0; active--) {
        const p = prev[a] as number;
        this.goOff(a, g, t);
        a = p;
      }
      for (let a = first; active > target && a < last; a++) {
        if (state[a] === BUSY) {
          state[a] = LEAVING;
          active--;
        }
      }
      // More: the leaving stay first, then agents come on.
      for (let a = first; active < target && a < last; a++) {
        if (state[a] === LEAVING) {
          state[a] = BUSY;
          active++;
        }
      }
      for (let a = first; active < target && a < last; a++) {
        if (state[a] === OFF) {
          this.becomeFree(a, g, t);
          active++;
        }
      }
    }
  }

  private arrive(q: number, t: number): void {
    const m = this.m;
    const random = this.random;
    this.contacts++;
    const k = q * this.I + this.intervalOf(t);
    this.offered[k] = (this.offered[k] as number) + 1;
    const patience = m.patienceSeconds[q] as number;
    const deadline = patience > 0 ? t - patience * Math.log(1 - random.uniform(q)) : Infinity;
    let work: number;
    if (m.workKind[q] === 0) {
      work = -(m.workMean[q] as number) * Math.log(1 - random.uniform(q));
    } else {
      // Box-Muller (cosine branch) from two uniforms.
      const z = Math.sqrt(-2 * Math.log(1 - random.uniform(q))) * Math.cos(2 * Math.PI * random.uniform(q));
      work = Math.exp((m.workMu[q] as number) + (m.workSigma[q] as number) * z);
    }
    this.scheduleArrival(q, t);
    // Specialists first: tiers of equal skill count, the longest idle within a tier.
    const { queueGroupStart, queueGroups, skillCount, agentGroup } = m;
    const { idleHead, since } = this;
    const end = queueGroupStart[q + 1] as number;
    let j = queueGroupStart[q] as number;
    while (j < end) {
      const tier = skillCount[queueGroups[j] as number] as number;
      let agent = -1;
      let agentSince = Infinity;
      for (; j < end && skillCount[queueGroups[j] as number] === tier; j++) {
        const a = idleHead[queueGroups[j] as number] as number;
        if (a >= 0 && (since[a] as number) < agentSince) {
          agent = a;
          agentSince = since[a] as number;
        }
      }
      if (agent >= 0) {
        const g = agentGroup[agent] as number;
        this.removeIdle(agent, g);
        this.addSpan(this.idleSeconds, g, agentSince, t);
        this.startService(agent, q, t, t, work);
        return;
      }
    }
    (this.waiting[q] as ContactQueue).push(t, deadline, work);
  }

  private complete(a: number, t: number): void {
    const g = this.m.agentGroup[a] as number;
    this.addSpan(this.busySeconds, g, this.since[a] as number, t);
    if (this.state[a] === LEAVING) {
      this.state[a] = OFF;
      return;
    }
    this.becomeFree(a, g, t);
  }

  private finish(): void {
    const { endSeconds, Q, I } = this;
    const { agentGroup, agentCount } = this.m;
    for (let a = 0; a < agentCount; a++) {
      const g = agentGroup[a] as number;
      const s = this.state[a] as number;
      if (s === IDLE) this.addSpan(this.idleSeconds, g, this.since[a] as number, endSeconds);
      else if (s === BUSY || s === LEAVING) this.addSpan(this.busySeconds, g, this.since[a] as number, endSeconds);
    }
    for (let q = 0; q < Q; q++) {
      this.purgeExpired(q, endSeconds);
      const w = this.waiting[q] as ContactQueue;
      for (let k = 0; k < w.size; k++) {
        const s = w.slot(k);
        const deadline = w.deadline[s] as number;
        const arrival = w.arrival[s] as number;
        if (deadline <= endSeconds) this.countAbandoned(q, arrival, deadline);
        else {
          const idx = q * I + this.intervalOf(arrival);
          this.waitingAtEnd[idx] = (this.waitingAtEnd[idx] as number) + 1;
        }
      }
    }
  }
}
