import type { CoreProblem } from './problem.js';
import { construct, kick, polish } from './construct.js';
import { makeRng, randInt } from './rng.js';
import { RosterState } from './state.js';

export type MoveKind = 'change' | 'fill' | 'moveDay' | 'realign' | 'swapDay' | 'swapBlock';
const DEFAULT_MOVES: Record<MoveKind, number> = {
  change: 35,
  fill: 10,
  moveDay: 10,
  realign: 7,
  swapDay: 18,
  swapBlock: 20,
};

export interface SearchOptions {
  seed: number;
  /** Hard stop on move evaluations (makes the result independent of machine speed). */
  maxIterations: number;
  /** Wall-time budget in ms, measured with `now` (checked every 1024 moves). */
  timeLimitMs: number;
  /** A clock in ms supplied by the adapter; the core never reads the clock itself. */
  now: () => number;
  /** Cost per unit of weighted hard violation, relative to soft (default 1000). */
  hardMultiplier?: number;
  /** Late-acceptance history length (default 500). */
  historyLength?: number;
  /**
   * Relative frequency of the neighbourhoods (default change 35, fill 10, move-day 10, re-align 7,
   * swap-day 18, swap-block 20). Zero disables one.
   */
  moves?: Partial<Record<MoveKind, number>>;
  /**
   * Acceptance: late acceptance (default) or simulated annealing with a geometric cooling from
   * `temperature[0]` to `temperature[1]` over the budget (the larger of iteration and time progress).
   */
  acceptance?: 'late-acceptance' | 'annealing';
  temperature?: [number, number];
  /** Stop at the first long stall once a feasible roster is held, instead of restarting (default false). */
  stopWhenStalled?: boolean;
  /** Adapt the hard multiplier within [H/100, 100 H] (strategic oscillation; default true). */
  adaptive?: boolean;
}

export interface SearchResult {
  assign: Int32Array;
  hard: number;
  soft: number;
  iterations: number;
  restarts: number;
  /** Why the search stopped. */
  stoppedBy: 'iterations' | 'time' | 'stall';
}

/**
 * Rosters a core problem: greedy construction, then late-acceptance hill climbing (Burke &
 * Bykov 2017) over six neighbourhoods (change one agent-day; swap two agents' days; swap a block
 * of up to 7 days between two agents; fill an under-covered cell; re-align an agent's week on one
 * shift type and start time; move a working day to a day off), with restarts after a long stall
 * (alternately from the best roster with a random kick and from a fresh randomised construction). Each move costs O(days) for the one or two agents it touches.
 * Deterministic for a seed when `maxIterations` binds before `timeLimitMs`.
 */
export function searchRoster(p: CoreProblem, opts: SearchOptions): SearchResult {
  const rng = makeRng(opts.seed);
  const H = opts.hardMultiplier ?? 1000;
  const st = new RosterState(p, H, construct(p, H, rng, 0));
  const E = p.agents.length;
  const D = p.days;
  const A = st.assign;
  const start = opts.now();
  const L = opts.historyLength ?? 500;
  const adaptive = opts.adaptive ?? true;
  const annealing = opts.acceptance === 'annealing';
  const [t0, t1] = opts.temperature ?? [30, 0.3];
  let temperature = t0;
  const w = { ...DEFAULT_MOVES, ...opts.moves };
  const order: MoveKind[] = ['change', 'moveDay', 'realign', 'fill', 'swapDay', 'swapBlock'];
  const total = order.reduce((t, k) => t + w[k], 0) || 1;
  const cut: number[] = [];
  order.reduce((acc, k) => {
    cut.push((acc + w[k]) / total);
    return acc + w[k];
  }, 0);
  const hh = new Float64Array(L).fill(st.hard);
  // the history starts a little above the current cost, so the search can leave a local optimum
  const slack = (): number => 0.02 * Math.abs(st.soft) + 1;
  const hs = new Float64Array(L).fill(st.soft + slack());
  const adaptEvery = 4096;
  let best = Int32Array.from(A);
  let bestHard = st.hard;
  let bestSoft = st.soft;
  let lastImprove = 0;
  let restarts = 0;
  let iter = 0;
  let stoppedBy: SearchResult['stoppedBy'] = 'iterations';
  const stall = Math.max(20_000, 2000 * E, 50 * L);
  const blockBuf = new Int32Array(D);
  const moved = new Int32Array(D);
  const prevRow = new Int32Array(D);
  const twin = new Map<number, number>();
  p.cells.forEach((cell, c) => twin.set(twinKey(cell.day, cell.type, cell.startOfDayMinute), c));
  if (E === 0 || p.cells.length === 0)
    return { assign: best, hard: bestHard, soft: bestSoft, iterations: 0, restarts: 0, stoppedBy };
  for (; iter < opts.maxIterations; iter++) {
    if ((iter & 1023) === 0) {
      const elapsed = opts.now() - start;
      if (elapsed >= opts.timeLimitMs) {
        stoppedBy = 'time';
        break;
      }
      if (annealing) {
        const progress = Math.min(1, Math.max(iter / opts.maxIterations, elapsed / opts.timeLimitMs));
        temperature = t0 * Math.pow(t1 / t0, progress);
      }
    }
    const cur = st.cost;
    const r = rng();
    const v = iter % L;
    const histCost = annealing ? cur - temperature * Math.log(rng() + 1e-300) : st.hardMultiplier * hh[v]! + hs[v]!;
    let delta: number;
    if (r < cut[0]! || E < 2) {
      // change one agent-day
      const e = randInt(rng, E);
      const d = randInt(rng, D);
      const dayCells = p.cellsByDay[d]!;
      const k = randInt(rng, dayCells.length + 1);
      const to = k === dayCells.length ? -1 : dayCells[k]!;
      const i = e * D + d;
      const from = A[i]!;
      if (to === from || (to >= 0 && !p.agents[e]!.allowed[to])) continue;
      delta = st.coverDelta(from, to);
      A[i] = to;
      delta += st.rescore(e);
      if (accept(cur + delta, cur, histCost)) {
        st.applyCover(from, to);
        st.commit();
      } else A[i] = from;
    } else if (r < cut[1]!) {
      // move a working day: the agent works the same shift (type and start) on one of its days off instead
      const e = randInt(rng, E);
      const d1 = randInt(rng, D);
      const d2 = randInt(rng, D);
      const i1 = e * D + d1;
      const i2 = e * D + d2;
      const from = A[i1]!;
      if (d1 === d2 || from < 0 || A[i2]! >= 0) continue;
      const fc = p.cells[from]!;
      const to = twin.get(twinKey(d2, fc.type, fc.startOfDayMinute)) ?? -1;
      if (to < 0 || !p.agents[e]!.allowed[to]) continue;
      delta = st.coverDelta(from, -1) + st.coverDelta(-1, to);
      A[i1] = -1;
      A[i2] = to;
      delta += st.rescore(e);
      if (accept(cur + delta, cur, histCost)) {
        st.applyCover(from, -1);
        st.applyCover(-1, to);
        st.commit();
      } else {
        A[i1] = from;
        A[i2] = -1;
      }
    } else if (r < cut[2]!) {
      // re-align: move all of one agent's worked days to the same shift (type and local start)
      const e = randInt(rng, E);
      const d = randInt(rng, D);
      const cur0 = A[e * D + d]!;
      const dayCells = p.cellsByDay[d]!;
      if (cur0 < 0 || dayCells.length < 2) continue;
      const target = p.cells[dayCells[randInt(rng, dayCells.length)]!]!;
      let changed = 0;
      delta = 0;
      for (let dd = 0; dd < D; dd++) {
        const from = A[e * D + dd]!;
        if (from < 0) continue;
        const to = twin.get(twinKey(dd, target.type, target.startOfDayMinute)) ?? -1;
        if (to < 0 || to === from || !p.agents[e]!.allowed[to]) continue;
        delta += st.coverDelta(from, to);
        moved[changed++] = dd;
        prevRow[dd] = from;
        A[e * D + dd] = to;
      }
      if (changed === 0) continue;
      delta += st.rescore(e);
      if (accept(cur + delta, cur, histCost)) {
        for (let k = 0; k < changed; k++) {
          const dd = moved[k]!;
          st.applyCover(prevRow[dd]!, A[e * D + dd]!);
        }
        st.commit();
      } else for (let k = 0; k < changed; k++) A[e * D + moved[k]!] = prevRow[moved[k]!]!;
    } else if (r < cut[3]!) {
      // fill an under-covered cell with an agent who is off, or moves from an over-covered one
      const c = randInt(rng, p.cells.length);
      if (st.cover[c]! >= p.cells[c]!.required) continue;
      const e = randInt(rng, E);
      const d = p.cells[c]!.day;
      const i = e * D + d;
      const from = A[i]!;
      if (from === c || !p.agents[e]!.allowed[c]) continue;
      delta = st.coverDelta(from, c);
      A[i] = c;
      delta += st.rescore(e);
      if (accept(cur + delta, cur, histCost)) {
        st.applyCover(from, c);
        st.commit();
      } else A[i] = from;
    } else {
      // swap a block of days between two agents (length 1 = a single-day swap); cover unchanged
      const e1 = randInt(rng, E);
      let e2 = randInt(rng, E - 1);
      if (e2 >= e1) e2++;
      const len = r < cut[4]! ? 1 : 2 + randInt(rng, Math.min(6, D - 1));
      const d0 = randInt(rng, D - len + 1);
      const a1 = p.agents[e1]!;
      const a2 = p.agents[e2]!;
      let same = true;
      let ok = true;
      for (let d = d0; d < d0 + len; d++) {
        const c1 = A[e1 * D + d]!;
        const c2 = A[e2 * D + d]!;
        if (c1 !== c2) same = false;
        if ((c2 >= 0 && !a1.allowed[c2]) || (c1 >= 0 && !a2.allowed[c1])) {
          ok = false;
          break;
        }
      }
      if (same || !ok) continue;
      for (let d = d0; d < d0 + len; d++) {
        blockBuf[d] = A[e1 * D + d]!;
        A[e1 * D + d] = A[e2 * D + d]!;
        A[e2 * D + d] = blockBuf[d]!;
      }
      delta = st.rescore(e1, e2);
      if (accept(cur + delta, cur, histCost)) {
        st.commit();
      } else {
        for (let d = d0; d < d0 + len; d++) {
          A[e2 * D + d] = A[e1 * D + d]!;
          A[e1 * D + d] = blockBuf[d]!;
        }
      }
    }
    hh[v] = st.hard;
    hs[v] = st.soft;
    if (adaptive && (iter & (adaptEvery - 1)) === 0) {
      // strategic oscillation: raise the hard weight while infeasible, relax it while feasible
      st.hardMultiplier =
        st.hard > 1e-9 ? Math.min(H * 100, st.hardMultiplier * 1.3) : Math.max(H / 100, st.hardMultiplier / 1.3);
    }
    if (st.hard < bestHard - 1e-9 || (st.hard <= bestHard + 1e-9 && st.soft < bestSoft - 1e-9)) {
      bestHard = st.hard;
      bestSoft = st.soft;
      best = Int32Array.from(A);
      lastImprove = iter;
    } else if (!annealing && iter - lastImprove > stall) {
      if (opts.stopWhenStalled && bestHard <= 1e-9) {
        stoppedBy = 'stall';
        break;
      }
      // restart from the best roster with a fresh history and a small random kick
      // alternate: the best roster with a random kick, or a fresh randomised construction
      A.set(restarts % 2 === 0 ? best : construct(p, H, rng, 0.3));
      st.recomputeAll();
      if (restarts % 2 === 0) for (let k = 0; k < Math.max(2, E >> 2); k++) kick(st, rng);
      hh.fill(st.hard);
      hs.fill(st.soft + slack());
      lastImprove = iter;
      restarts++;
    }
  }
  // polish the best roster: greedily fill under-covered cells from agents off that day or on an over-covered cell
  A.set(best);
  st.recomputeAll();
  st.hardMultiplier = H;
  polish(st);
  if (st.hard < bestHard - 1e-9 || (st.hard <= bestHard + 1e-9 && st.soft < bestSoft - 1e-9)) {
    best = Int32Array.from(A);
    bestHard = st.hard;
    bestSoft = st.soft;
  }
  return { assign: best, hard: bestHard, soft: bestSoft, iterations: iter, restarts, stoppedBy };
}

function twinKey(day: number, type: number, startOfDayMinute: number): number {
  return (day * 4096 + type) * 2048 + startOfDayMinute;
}

function accept(candidate: number, current: number, historic: number): boolean {
  return candidate <= current || candidate <= historic;
}
