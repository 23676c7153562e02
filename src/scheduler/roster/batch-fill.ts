/**
 * The fill of a problem too large for the one whole MIP (exact.ts): agents in batches of about
 * `BATCH_COLUMNS` assignment columns, the least flexible first (fewest shifts they may work), each
 * batch one exact sub-MIP over the whole horizon (every hard rule a constraint, the agents short
 * minimised, unweighted) with the batches before it fixed. The flexible agents come last and take
 * what the others could not. No seed or soft weight enters it, and each sub-MIP that HiGHS proves
 * optimal gives the same rows on every run, so the fill does not depend on them (docs/roster.md,
 * "What is exact"). On mixed-500 (benchmarks/roster-supply.bench.ts: 500 agents, 9,937 columns)
 * batches of 1,500 columns filled every plan shift in 9 s at a load average of 10 on 2 cores (1.4 s
 * with 600), each proven optimal, where the whole MIP still had 1,083 agents short after 25 s.
 */
import type { Highs } from 'highs';
import type { CoreProblem } from './problem.js';
import { RosterState } from './state.js';
import { solveSubMip } from './sub-mip.js';

/**
 * Assignment columns per batch (5 s of HiGHS at most each). Measured on the six centres of
 * benchmarks/roster-supply.bench.ts at a load average of 8-10: with 600 the whole fill took 0.2-1.8 s
 * per centre against 0.3-2.4 s with 1,500 (both filled every shift); the smaller sub-MIPs leave
 * less to a loaded machine's clock.
 */
export const BATCH_COLUMNS = 600;
const BATCH_SECONDS = 5;

/** Agents in batch order: fewest allowed cells first, then by index. */
function batchesOf(p: CoreProblem): number[][] {
  const width = p.agents.map((a) => a.allowed.reduce((t, x) => t + x, 0));
  const order = p.agents.map((_, e) => e).sort((a, b) => width[a]! - width[b]! || a - b);
  const batches: number[][] = [];
  let batch: number[] = [];
  let columns = 0;
  for (const e of order) {
    if (batch.length > 0 && columns + width[e]! > BATCH_COLUMNS) {
      batches.push(batch);
      batch = [];
      columns = 0;
    }
    batch.push(e);
    columns += width[e]!;
  }
  if (batch.length > 0) batches.push(batch);
  return batches.map((b) => b.sort((x, y) => x - y));
}

/**
 * Fills from an empty roster batch by batch within `timeLimitMs`, then, while shifts stay short,
 * mends them (`mendShort`); returns the roster (agents of batches the time did not reach stay off).
 */
export function batchFill(
  p: CoreProblem,
  highs: Highs,
  opts: { timeLimitMs: number; now: () => number },
): { assign: Int32Array } {
  const t0 = opts.now();
  const left = () => (opts.timeLimitMs - (opts.now() - t0)) / 1000;
  const assign = new Int32Array(p.agents.length * p.days).fill(-1);
  const batches = batchesOf(p);
  batches.forEach((batch, i) => {
    // each batch at most three times its fair share of what is left, so that a slow one leaves time to the rest
    const share = (3 * left()) / (batches.length - i);
    if (left() >= 0.1) solveInto(p, highs, assign, batch, Math.min(BATCH_SECONDS, share, left()));
  });
  for (let pass = 0; pass < MEND_PASSES && left() >= 0.1; pass++) if (!mendShort(p, highs, assign, pass, left)) break;
  return { assign };
}

/** One exact sub-MIP over `agents` (the rest fixed), its rows written into `assign` when none is worse. */
function solveInto(p: CoreProblem, highs: Highs, assign: Int32Array, agents: number[], seconds: number): void {
  const before = new RosterState(p, 1, assign);
  const rows = solveSubMip(p, assign, agents, 0, p.days, highs, seconds, 1, undefined, 'fill');
  if (!rows) return;
  const next = Int32Array.from(assign);
  rows.forEach((row, k) => next.set(row, agents[k]! * p.days));
  const after = new RosterState(p, 1, next);
  if (after.hard <= before.hard + 1e-9 && after.short <= before.short) assign.set(next);
}

/** Passes over the short shifts after the batches (the batches are greedy: a batch may take what a later one needed). */
const MEND_PASSES = 3;

/**
 * One pass over the short cells in order: for each still short, the agents who may work it, every
 * k-th by index from offset `pass` (as many as keep the sub-MIP near `BATCH_COLUMNS`), freed over
 * the whole horizon. Deterministic (no random draw). True when it left fewer short.
 */
function mendShort(p: CoreProblem, highs: Highs, assign: Int32Array, pass: number, left: () => number): boolean {
  const start = new RosterState(p, 1, assign).short;
  for (let c = 0; c < p.cells.length && left() >= 0.1; c++) {
    const state = new RosterState(p, 1, assign);
    if (state.short === 0) return true;
    if (state.cover[c]! >= p.cells[c]!.required) continue;
    const able = p.agents.flatMap((a, e) => (a.allowed[c] ? [e] : []));
    const width = (e: number) => p.agents[e]!.allowed.reduce((t, x) => t + x, 0);
    const total = able.reduce((t, e) => t + width(e), 0);
    const step = Math.max(1, Math.ceil(total / BATCH_COLUMNS));
    const agents = able.filter((_, i) => i % step === pass % step);
    solveInto(p, highs, assign, agents, Math.min(BATCH_SECONDS, left()));
  }
  return new RosterState(p, 1, assign).short < start;
}
