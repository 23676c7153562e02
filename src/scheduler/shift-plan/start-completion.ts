/**
 * A starting plan's best continuous part (docs/shift-plan.md, "Skills"): with its integer columns
 * (shifts, agents of a group on a shift, agents on a day pattern) fixed, the LP over the rest (which
 * skill class serves which queue, the shortages, the hours slack) is solved. The greedy allocation
 * of a plan's agents to queues (`greedySkillValues`) leaves queues short that a different split of
 * the same agents covers: on the multiskill-plan bench's 4 queues x 6 groups, the previous round's
 * plan started the next round at 1.34 x the LP bound greedily and within 1.03 by this LP.
 */
import { solveModel, type Highs } from '../mip/solve.js';
import type { ShiftPlanModel } from './model.js';

/**
 * `start` with its continuous columns re-optimised for its integer columns, or null when the LP
 * has no optimum within `seconds` (the integer columns break a row no continuous column can mend).
 * O(one LP, mostly removed by presolve).
 */
export function completeStart(
  highs: Highs,
  built: ShiftPlanModel,
  start: Float64Array,
  options: { seconds: number; seed: number },
): Float64Array | null {
  const m = built.model;
  const colLower = Float64Array.from(m.colLower);
  const colUpper = Float64Array.from(m.colUpper);
  for (let j = 0; j < m.numCols; j++)
    if (m.integer[j] === 1) colLower[j] = colUpper[j] = Math.round(start[j] as number);
  const out = solveModel(
    highs,
    { ...m, colLower, colUpper },
    { integer: false, timeLimitSeconds: options.seconds, relativeGap: 0, seed: options.seed },
  );
  if (!out.values || out.status !== 'optimal') return null;
  const values = out.values;
  for (let j = 0; j < m.numCols; j++) if (m.integer[j] === 1) values[j] = colLower[j] as number;
  return values;
}

/** A plan's integer columns (indices and values): the next round of the same agents starts from them. */
export interface IntegerColumns {
  cols: Int32Array;
  values: Float64Array;
}

/** The integer columns of `values` in `built`'s model. O(columns). */
export function integerColumns(built: ShiftPlanModel, values: Float64Array): IntegerColumns {
  const m = built.model;
  const cols: number[] = [];
  for (let j = 0; j < m.numCols; j++) if (m.integer[j] === 1) cols.push(j);
  return { cols: Int32Array.from(cols), values: Float64Array.from(cols, (j) => Math.round(values[j] as number)) };
}

/**
 * A start for `built` from an earlier round's integer columns, when its model has the same integer
 * columns (the same candidates, groups and patterns: only requirements moved) and their values keep
 * within the new bounds; null otherwise. The continuous columns are left at 0 (`completeStart` sets them).
 */
export function startFromIntegers(built: ShiftPlanModel, earlier: IntegerColumns): Float64Array | null {
  const m = built.model;
  const mine = integerColumns(built, new Float64Array(m.numCols)).cols;
  if (mine.length !== earlier.cols.length || mine.some((j, i) => j !== earlier.cols[i])) return null;
  const start = new Float64Array(m.numCols);
  for (let i = 0; i < mine.length; i++) {
    const j = mine[i] as number;
    const v = earlier.values[i] as number;
    if (v < (m.colLower[j] as number) - 1e-9 || v > (m.colUpper[j] as number) + 1e-9) return null;
    start[j] = v;
  }
  return start;
}
