import type { CoreProblem } from './problem.js';
import { randInt } from './rng.js';
import { RosterState } from './state.js';

/**
 * For each under-covered cell, the best single improving move that puts one more agent on it: an
 * agent off that day, or one on an over-covered cell that day. Repeats while it improves.
 * O(under-covered cells x agents x days) per round, at most 3 rounds.
 */
export function polish(st: RosterState): void {
  const p = st.p;
  const A = st.assign;
  const D = p.days;
  for (let round = 0; round < 3; round++) {
    let improved = false;
    for (let c = 0; c < p.cells.length; c++) {
      const d = p.cells[c]!.day;
      while (st.cover[c]! < p.cells[c]!.required) {
        let bestE = -1;
        let bestDelta = -1e-9;
        for (let e = 0; e < p.agents.length; e++) {
          const i = e * D + d;
          const from = A[i]!;
          if (from === c || !p.agents[e]!.allowed[c]) continue;
          if (from >= 0 && st.cover[from]! <= p.cells[from]!.required) continue;
          A[i] = c;
          const delta = st.coverDelta(from, c) + st.rescore(e);
          A[i] = from;
          if (delta < bestDelta) {
            bestDelta = delta;
            bestE = e;
          }
        }
        if (bestE < 0) break;
        const i = bestE * D + d;
        const from = A[i]!;
        A[i] = c;
        st.coverDelta(from, c);
        st.rescore(bestE);
        st.applyCover(from, c);
        st.commit();
        improved = true;
      }
    }
    if (!improved) break;
  }
}

/** A random allowed block swap, applied unconditionally (perturbation for restarts). */
export function kick(st: RosterState, rng: () => number): void {
  const p = st.p;
  const E = p.agents.length;
  const D = p.days;
  const A = st.assign;
  const e1 = randInt(rng, E);
  const e2 = randInt(rng, E);
  if (e1 === e2) return;
  const len = 1 + randInt(rng, Math.min(4, D));
  const d0 = randInt(rng, D - len + 1);
  for (let d = d0; d < d0 + len; d++) {
    const c1 = A[e1 * D + d]!;
    const c2 = A[e2 * D + d]!;
    if ((c2 >= 0 && !p.agents[e1]!.allowed[c2]) || (c1 >= 0 && !p.agents[e2]!.allowed[c1])) return;
  }
  for (let d = d0; d < d0 + len; d++) {
    const t = A[e1 * D + d]!;
    A[e1 * D + d] = A[e2 * D + d]!;
    A[e2 * D + d] = t;
  }
  st.rescore(e1, e2);
  st.commit();
}

/**
 * Greedy construction: cells in order of day, each required head filled by the candidate (of up
 * to 64 sampled agents off that day) whose assignment lowers the cost most (randomised by `noise`
 * on restarts). O(required x 64 x days).
 */
export function construct(p: CoreProblem, H: number, rng: () => number, noise: number): Int32Array {
  const st = new RosterState(p, H);
  const E = p.agents.length;
  const D = p.days;
  const A = st.assign;
  const sample = Math.min(E, 64);
  for (let d = 0; d < D; d++) {
    for (const c of p.cellsByDay[d]!) {
      const need = p.cells[c]!.required;
      for (let k = 0; k < need; k++) {
        let bestE = -1;
        let bestDelta = Infinity;
        const off = randInt(rng, Math.max(1, E));
        for (let s = 0; s < sample; s++) {
          const e = (off + Math.floor((s * E) / sample)) % E;
          const i = e * D + d;
          if (A[i]! !== -1 || !p.agents[e]!.allowed[c]) continue;
          A[i] = c;
          const raw = st.coverDelta(-1, c) + st.rescore(e);
          const delta = raw < 0 ? raw * (1 - noise * rng()) : raw;
          A[i] = -1;
          if (delta < bestDelta) {
            bestDelta = delta;
            bestE = e;
          }
        }
        if (bestE < 0 || bestDelta >= 0) break;
        A[bestE * D + d] = c;
        st.applyCover(-1, c);
        st.rescore(bestE);
        st.commit();
      }
    }
  }
  return A;
}
