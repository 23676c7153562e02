import { mulberry32 } from '../random/mulberry32.js';
import { compileModel } from './compile-model.js';
import { ContactQueue } from './contact-queue.js';
import { EventHeap } from './event-heap.js';
import { replicationSeed } from './replication-seed.js';
import type { ReplicationResult, SimModel } from './types.js';

const OFF = 0;
const IDLE = 1;
const BUSY = 2;
/** Busy, and off the phones once the current contact ends. */
const LEAVING = 3;

/**
 * One replication of the discrete-event simulation of a multi-skill centre over its whole grid,
 * starting empty (no warm-up: the first interval starts with idle agents and no queue; to
 * measure a steady state, prepend intervals and leave them out of the summary).
 *
 * - Arrivals per queue: a Poisson process, rate volume / interval length, piecewise constant by
 *   interval (exact inversion of the cumulative rate across boundaries).
 * - Each contact draws at arrival, from its queue's own stream, its patience (exponential) and its
 *   base handle time (exponential or log-normal); the serving group's factor scales the latter.
 *   The sample path of the contacts therefore does not depend on the staffing (common random
 *   numbers across staffings with one seed).
 * - Routing: an arriving contact goes to the longest-idle agent of the eligible groups with the
 *   fewest skills (specialists first; groups with equal skill counts compared by idle time); a
 *   freed agent serves the highest-priority queue among its skills, the oldest contact first
 *   among queues of equal priority.
 * - Abandonment when the patience runs out while waiting. A waiting contact affects nobody, so
 *   it is found lazily: a queue's expired contacts are dropped from its head when an agent looks.
 * - Staffing changes at slot boundaries; an agent leaving while busy finishes the contact first.
 * - The run stops at the end of the grid: contacts still waiting are `waitingAtEnd` (or
 *   abandoned, if their patience ran out before the end); services are cut at the end.
 *
 * The seed of queue q's stream is `replicationSeed(seed, replication, q)`: the result depends only
 * on (model, seed, replication). O(contacts log(queues + agents)); no allocation per event.
 * Example: `simulateReplication(model, 42, 0).offered` holds the contacts per queue and interval.
 */
export function simulateReplication(model: SimModel, seed: number, replication: number): ReplicationResult {
  const m = compileModel(model);
  const I = m.intervals;
  const L = m.intervalSeconds;
  const Q = m.queueCount;
  const G = m.groupCount;
  const A = m.agentCount;
  const endSeconds = I * L;
  const { ratePerSecond, workKind, workMean, workMu, workSigma, patienceSeconds, answerSeconds, factor } = m;
  const { queueGroupStart, queueGroups, skillCount, groupSkillStart, groupSkills, priority } = m;
  const { agentStart, agentGroup, staffing, usesMasks, onPhone } = m;

  const offered = new Float64Array(Q * I);
  const answered = new Float64Array(Q * I);
  const abandoned = new Float64Array(Q * I);
  const answeredWithin = new Float64Array(Q * I);
  const abandonedWithin = new Float64Array(Q * I);
  const waitSecondsAnswered = new Float64Array(Q * I);
  const waitSecondsAbandoned = new Float64Array(Q * I);
  const waitingAtEnd = new Float64Array(Q * I);
  const busySeconds = new Float64Array(G * I);
  const idleSeconds = new Float64Array(G * I);

  const rng = Array.from({ length: Q }, (_, q) => mulberry32(replicationSeed(seed, replication, q)));
  const waiting = Array.from({ length: Q }, () => new ContactQueue());
  const heap = new EventHeap(Q + A + 1);
  const state = new Uint8Array(A);
  const since = new Float64Array(A);
  // Idle agents per group, longest idle at the head: an intrusive doubly linked list.
  const prev = new Int32Array(A).fill(-1);
  const next = new Int32Array(A).fill(-1);
  const idleHead = new Int32Array(G).fill(-1);
  const idleTail = new Int32Array(G).fill(-1);
  let contacts = 0;

  const intervalOf = (t: number): number => {
    const i = Math.floor(t / L);
    return i < I ? i : I - 1;
  };

  /** Adds the span [from, to) to arr[g * I + interval], split at interval boundaries. */
  const addSpan = (arr: Float64Array, g: number, from: number, to: number): void => {
    let i = Math.floor(from / L);
    while (from < to && i < I) {
      const end = (i + 1) * L;
      const stop = to < end ? to : end;
      arr[g * I + i] = (arr[g * I + i] as number) + stop - from;
      from = stop;
      i++;
    }
  };

  /** The next arrival of queue q after t (Infinity past the grid): inversion of the cumulative rate. */
  const nextArrival = (q: number, t: number): number => {
    let e = -Math.log(1 - rng[q]!());
    let i = Math.floor(t / L);
    while (i < I) {
      const r = ratePerSecond[q * I + i] as number;
      const end = (i + 1) * L;
      if (r > 0) {
        const dt = e / r;
        if (t + dt < end) return t + dt;
        e -= r * (end - t);
      }
      t = end;
      i++;
    }
    return Infinity;
  };

  const scheduleArrival = (q: number, t: number): void => {
    const at = nextArrival(q, t);
    if (at < endSeconds) heap.push(at, q);
  };

  const pushIdle = (a: number, g: number): void => {
    const tail = idleTail[g] as number;
    prev[a] = tail;
    next[a] = -1;
    if (tail >= 0) next[tail] = a;
    else idleHead[g] = a;
    idleTail[g] = a;
  };

  const removeIdle = (a: number, g: number): void => {
    const p = prev[a] as number;
    const n = next[a] as number;
    if (p >= 0) next[p] = n;
    else idleHead[g] = n;
    if (n >= 0) prev[n] = p;
    else idleTail[g] = p;
    prev[a] = -1;
    next[a] = -1;
  };

  /** Agent a (not idle-listed) starts serving a contact of queue q that arrived at arrivalSeconds. */
  const startService = (a: number, q: number, t: number, arrivalSeconds: number, work: number): void => {
    const k = q * I + intervalOf(arrivalSeconds);
    const wait = t - arrivalSeconds;
    answered[k] = (answered[k] as number) + 1;
    waitSecondsAnswered[k] = (waitSecondsAnswered[k] as number) + wait;
    if (wait <= (answerSeconds[q] as number)) answeredWithin[k] = (answeredWithin[k] as number) + 1;
    state[a] = BUSY;
    since[a] = t;
    heap.push(t + work * (factor[(agentGroup[a] as number) * Q + q] as number), Q + a);
  };

  /** Drops queue q's contacts whose patience ran out by t from its head, counting them abandoned. */
  const purgeExpired = (q: number, t: number): void => {
    const w = waiting[q]!;
    while (w.size > 0) {
      const s = w.head;
      const deadline = w.deadline[s] as number;
      if (deadline > t) return;
      const arrival = w.arrival[s] as number;
      const k = q * I + intervalOf(arrival);
      abandoned[k] = (abandoned[k] as number) + 1;
      waitSecondsAbandoned[k] = (waitSecondsAbandoned[k] as number) + deadline - arrival;
      if (deadline - arrival <= (answerSeconds[q] as number)) abandonedWithin[k] = (abandonedWithin[k] as number) + 1;
      w.shift();
    }
  };

  /** A free agent of group g at t takes the best waiting contact, if any; true when it did. */
  const takeWork = (a: number, g: number, t: number): boolean => {
    const end = groupSkillStart[g + 1] as number;
    let j = groupSkillStart[g] as number;
    while (j < end) {
      const tier = priority[groupSkills[j] as number] as number;
      let best = -1;
      let bestArrival = Infinity;
      for (; j < end && priority[groupSkills[j] as number] === tier; j++) {
        const q = groupSkills[j] as number;
        purgeExpired(q, t);
        const w = waiting[q]!;
        if (w.size > 0 && (w.arrival[w.head] as number) < bestArrival) {
          best = q;
          bestArrival = w.arrival[w.head] as number;
        }
      }
      if (best >= 0) {
        const w = waiting[best]!;
        const work = w.work[w.head] as number;
        w.shift();
        startService(a, best, t, bestArrival, work);
        return true;
      }
    }
    return false;
  };

  /** Agent a of group g becomes free at t (on the phones): serve a waiting contact or go idle. */
  const becomeFree = (a: number, g: number, t: number): void => {
    if (takeWork(a, g, t)) return;
    state[a] = IDLE;
    since[a] = t;
    pushIdle(a, g);
  };

  const goOff = (a: number, g: number, t: number): void => {
    const s = state[a] as number;
    if (s === IDLE) {
      removeIdle(a, g);
      addSpan(idleSeconds, g, since[a] as number, t);
      state[a] = OFF;
    } else if (s === BUSY) {
      state[a] = LEAVING;
    }
  };

  const comeOn = (a: number, g: number, t: number): void => {
    const s = state[a] as number;
    if (s === OFF) becomeFree(a, g, t);
    else if (s === LEAVING) state[a] = BUSY;
  };

  /** Staffing of interval i at its start t. */
  const applyStaffing = (i: number, t: number): void => {
    for (let g = 0; g < G; g++) {
      const first = agentStart[g] as number;
      const last = agentStart[g + 1] as number;
      if (usesMasks[g]) {
        for (let a = first; a < last; a++) {
          if (onPhone[a * I + i]) comeOn(a, g, t);
          else goOff(a, g, t);
        }
        continue;
      }
      const target = staffing[g * I + i] as number;
      let active = 0;
      for (let a = first; a < last; a++) if (state[a] === IDLE || state[a] === BUSY) active++;
      // Fewer: the idle leave first (most recently idle first), then the busy after their contact.
      for (let a = idleTail[g] as number; active > target && a >= 0; active--) {
        const p = prev[a] as number;
        goOff(a, g, t);
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
          becomeFree(a, g, t);
          active++;
        }
      }
    }
  };

  const arrive = (q: number, t: number): void => {
    contacts++;
    offered[q * I + intervalOf(t)] = (offered[q * I + intervalOf(t)] as number) + 1;
    const rand = rng[q]!;
    const patience = patienceSeconds[q] as number;
    const deadline = patience > 0 ? t - patience * Math.log(1 - rand()) : Infinity;
    let work: number;
    if (workKind[q] === 0) {
      work = -(workMean[q] as number) * Math.log(1 - rand());
    } else {
      // Box-Muller (cosine branch) from two uniforms.
      const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      work = Math.exp((workMu[q] as number) + (workSigma[q] as number) * z);
    }
    scheduleArrival(q, t);
    // Specialists first: tiers of equal skill count, the longest idle within a tier.
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
        removeIdle(agent, g);
        addSpan(idleSeconds, g, agentSince, t);
        startService(agent, q, t, t, work);
        return;
      }
    }
    waiting[q]!.push(t, deadline, work);
  };

  const complete = (a: number, t: number): void => {
    const g = agentGroup[a] as number;
    addSpan(busySeconds, g, since[a] as number, t);
    if (state[a] === LEAVING) {
      state[a] = OFF;
      return;
    }
    becomeFree(a, g, t);
  };

  for (let q = 0; q < Q; q++) scheduleArrival(q, 0);
  for (let i = 0; i < I; i++) {
    applyStaffing(i, i * L);
    const end = (i + 1) * L;
    while (heap.peekTime() < end) {
      const id = heap.pop();
      if (id < Q) arrive(id, heap.time);
      else complete(id - Q, heap.time);
    }
  }

  // The end of the grid: close the agents' spans, count who is still waiting.
  for (let a = 0; a < A; a++) {
    const g = agentGroup[a] as number;
    const s = state[a] as number;
    if (s === IDLE) addSpan(idleSeconds, g, since[a] as number, endSeconds);
    else if (s === BUSY || s === LEAVING) addSpan(busySeconds, g, since[a] as number, endSeconds);
  }
  for (let q = 0; q < Q; q++) {
    purgeExpired(q, endSeconds);
    const w = waiting[q]!;
    for (let k = 0; k < w.size; k++) {
      const s = w.slot(k);
      const deadline = w.deadline[s] as number;
      const arrival = w.arrival[s] as number;
      const idx = q * I + intervalOf(arrival);
      if (deadline <= endSeconds) {
        abandoned[idx] = (abandoned[idx] as number) + 1;
        waitSecondsAbandoned[idx] = (waitSecondsAbandoned[idx] as number) + deadline - arrival;
        if (deadline - arrival <= (answerSeconds[q] as number))
          abandonedWithin[idx] = (abandonedWithin[idx] as number) + 1;
      } else {
        waitingAtEnd[idx] = (waitingAtEnd[idx] as number) + 1;
      }
    }
  }

  return {
    replication,
    seed: replicationSeed(seed, replication, 0),
    intervals: I,
    queues: Q,
    groups: G,
    offered,
    answered,
    abandoned,
    answeredWithin,
    abandonedWithin,
    waitSecondsAnswered,
    waitSecondsAbandoned,
    waitingAtEnd,
    busySeconds,
    idleSeconds,
    contacts,
  };
}
