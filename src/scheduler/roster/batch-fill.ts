/**
 * The fill of a problem too large for the one whole MIP (exact.ts): agents in batches of about
 * `BATCH_COLUMNS` assignment columns, the least flexible first (fewest shifts they may work), each
 * batch one exact sub-MIP over the whole horizon (every hard rule a constraint, the agents short
 * minimised, unweighted) with the batches before it fixed. The flexible agents come last and take
 * what the others could not. No seed or soft weight enters it, and each sub-MIP that HiGHS proves
 * optimal gives the same rows on every run, so the fill does not depend on them (docs/roster.md,
 * "What is exact"). On mixed-500 (benchmarks/roster-supply.bench.ts: 500 agents, 9,937 columns)
 * seven batches filled every plan shift in 9 s at a load average of 10 on 2 cores, each proven
 * optimal, where the whole MIP still had 1,083 agents short after 25 s.
 */
import type { Highs } from 'highs';
import type { CoreProblem } from './problem.js';
import { solveSubMip } from './sub-mip.js';

/** Assignment columns per batch (the 1,500 measured above; 5 s of HiGHS at most each). */
export const BATCH_COLUMNS = 1500;
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
 * Fills from an empty roster batch by batch within `timeLimitMs`; returns the roster (agents of
 * batches the time did not reach stay off) and whether every batch was proven optimal.
 */
export function batchFill(
  p: CoreProblem,
  highs: Highs,
  opts: { timeLimitMs: number; now: () => number },
): { assign: Int32Array; proven: boolean } {
  const t0 = opts.now();
  const assign = new Int32Array(p.agents.length * p.days).fill(-1);
  let proven = true;
  for (const batch of batchesOf(p)) {
    const leftSeconds = (opts.timeLimitMs - (opts.now() - t0)) / 1000;
    if (leftSeconds < 0.1) return { assign, proven: false };
    const proof = { optimal: false };
    const rows = solveSubMip(
      p,
      assign,
      batch,
      0,
      p.days,
      highs,
      Math.min(BATCH_SECONDS, leftSeconds),
      1,
      undefined,
      'fill',
      proof,
    );
    if (rows) rows.forEach((row, k) => assign.set(row, batch[k]! * p.days));
    proven &&= rows !== null && proof.optimal;
  }
  return { assign, proven };
}
