import type { CoreProblem } from './problem.js';
import { randInt } from './rng.js';
import { RosterState } from './state.js';

/**
 * For each under-covered cell, the best single improving move that puts one more agent on it: an
 * agent off that day, or one on an over-covered cell that day. Repeats while it improves.
 * O(under-covered cells x agents x days) per round, at most 3 rounds.
 */
export function polish(state: RosterState): void {
  const p = state.p;
  const assign = state.assign;
  const dayCount = p.days;
  for (let round = 0; round < 3; round++) {
    let improved = false;
    for (let c = 0; c < p.cells.length; c++) {
      const d = p.cells[c]!.day;
      while (state.cover[c]! < p.cells[c]!.required) {
        let bestE = -1;
        let bestDelta = -1e-9;
        for (let e = 0; e < p.agents.length; e++) {
          const i = e * dayCount + d;
          const from = assign[i]!;
          if (from === c || !p.agents[e]!.allowed[c]) continue;
          if (from >= 0 && state.cover[from]! <= p.cells[from]!.required) continue;
          assign[i] = c;
          const delta = state.coverDelta(from, c) + state.rescore(e);
          assign[i] = from;
          if (delta < bestDelta) {
            bestDelta = delta;
            bestE = e;
          }
        }
        if (bestE < 0) break;
        const i = bestE * dayCount + d;
        const from = assign[i]!;
        assign[i] = c;
        state.coverDelta(from, c);
        state.rescore(bestE);
        state.applyCover(from, c);
        state.commit();
        improved = true;
      }
    }
    if (!improved) break;
  }
}

/** assign random allowed block swap, applied unconditionally (perturbation for restarts). */
export function kick(state: RosterState, rng: () => number): void {
  const p = state.p;
  const agentCount = p.agents.length;
  const dayCount = p.days;
  const assign = state.assign;
  const e1 = randInt(rng, agentCount);
  const e2 = randInt(rng, agentCount);
  if (e1 === e2) return;
  const len = 1 + randInt(rng, Math.min(4, dayCount));
  const d0 = randInt(rng, dayCount - len + 1);
  for (let d = d0; d < d0 + len; d++) {
    const c1 = assign[e1 * dayCount + d]!;
    const c2 = assign[e2 * dayCount + d]!;
    if ((c2 >= 0 && !p.agents[e1]!.allowed[c2]) || (c1 >= 0 && !p.agents[e2]!.allowed[c1])) return;
  }
  for (let d = d0; d < d0 + len; d++) {
    const t = assign[e1 * dayCount + d]!;
    assign[e1 * dayCount + d] = assign[e2 * dayCount + d]!;
    assign[e2 * dayCount + d] = t;
  }
  state.rescore(e1, e2);
  state.commit();
}

/**
 * Greedy construction: cells in order of day, each required head filled by the candidate (of up
 * to 64 sampled agents off that day) whose assignment lowers the cost most (randomised by `noise`
 * on restarts). O(required x 64 x days).
 */
export function construct(p: CoreProblem, hardMultiplier: number, rng: () => number, noise: number): Int32Array {
  const state = new RosterState(p, hardMultiplier);
  const agentCount = p.agents.length;
  const dayCount = p.days;
  const assign = state.assign;
  const sample = Math.min(agentCount, 64);
  for (let d = 0; d < dayCount; d++) {
    for (const c of p.cellsByDay[d]!) {
      const need = p.cells[c]!.required;
      for (let k = 0; k < need; k++) {
        let bestE = -1;
        let bestDelta = Infinity;
        const off = randInt(rng, Math.max(1, agentCount));
        for (let s = 0; s < sample; s++) {
          const e = (off + Math.floor((s * agentCount) / sample)) % agentCount;
          const i = e * dayCount + d;
          if (assign[i]! !== -1 || !p.agents[e]!.allowed[c]) continue;
          assign[i] = c;
          const raw = state.coverDelta(-1, c) + state.rescore(e);
          const delta = raw < 0 ? raw * (1 - noise * rng()) : raw;
          assign[i] = -1;
          if (delta < bestDelta) {
            bestDelta = delta;
            bestE = e;
          }
        }
        if (bestE < 0 || bestDelta >= 0) break;
        assign[bestE * dayCount + d] = c;
        state.applyCover(-1, c);
        state.rescore(bestE);
        state.commit();
      }
    }
  }
  return assign;
}
