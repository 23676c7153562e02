/**
 * The MIP, block by block (see `decompose`), from a starting solution.
 *
 * Pass 1, every block: RENS (Berthold 2014, "RENS: the optimal rounding", Math. Prog. Comp.
 * 6:33-54) — the MIP with every integer column (shift counts, agents of a group on a shift, agents
 * on a day pattern) between the floor and the ceiling of its LP value — which HiGHS solves fast and
 * close to the LP bound, while its own primal heuristics struggle on the full covering model. Where
 * that neighbourhood holds no solution, the wider one bounding only the shift counts is tried in the
 * time left (multiskill-plan, 6 queues x 8 groups with day patterns: the shift counts alone left a
 * sub-MIP with no solution found in 17 s; all integer columns gave the LP bound in 6.6 s). Pass 2, only the blocks not yet within the gap of their bound: the full
 * MIP started from the block's best solution. Each pass shares its time over its blocks by size,
 * and time a block leaves unused goes to the next (HiGHS's own clock). A block keeps the starting
 * solution's values when the solver finds nothing better.
 */
import { decompose, type ModelBlock } from '../mip/decompose.js';
import type { ShiftPlanModel } from './model.js';
import type { ShiftPlanRules } from './rules.js';
import { solveBlock, type Highs, type SolveOutcome } from '../mip/solve.js';

interface BlockState {
  block: ModelBlock;
  size: number;
  lpValues: Float64Array;
  best: Float64Array<ArrayBufferLike>;
  bestCost: number;
  bound: number;
}

/**
 * Share of a multi-skill plan's time (after the LP) its neighbourhood descent may use, before RENS.
 */
const NEIGHBOURHOOD_SHARE = 0.3;
/** Neighbourhood steps at most. */
const NEIGHBOURHOOD_STEPS = 6;

/** Share of the time limit (after the LP) that pass 1 may use. */
const RENS_SHARE = 0.5;
/**
 * The same for a multi-skill plan: its RENS sub-MIP often reaches the LP bound given the time, which
 * the full MIP rarely does (multiskill-plan, 4 queues x 6 groups at load 4-12: 1.000 in 17 s with
 * 0.85, time limit at 1.035 with 0.5).
 */
const SKILL_RENS_SHARE = 0.85;

/**
 * Improves `start` (a feasible integer column vector) within `rules.solver.timeLimitSeconds` minus
 * the LP's time; returns the best vector, its objective and the gap against the best bound
 * (LP value or MIP dual bound per block), and the solver seconds used with the LP's. Complexity: that of HiGHS on each block.
 */
export function improve(
  highs: Highs,
  built: ShiftPlanModel,
  rules: ShiftPlanRules,
  lp: SolveOutcome,
  start: Float64Array,
): SolveOutcome {
  const m = built.model;
  const gapTarget = rules.solver.relativeGap;
  const settings = { integer: true, relativeGap: gapTarget, seed: rules.solver.seed };
  const isShift = new Uint8Array(m.numCols);
  for (const col of built.shiftCols) isShift[col] = 1;
  const costOf = (block: ModelBlock, vals: ArrayLike<number>) => {
    let sum = 0;
    block.cols.forEach((j, c) => (sum += (m.colCost[j] as number) * (vals[c] as number)));
    return sum;
  };
  const states: BlockState[] = decompose(m).map((block) => {
    const lpValues = Float64Array.from(block.cols, (j) => lp.values?.[j] ?? 0);
    const best = Float64Array.from(block.cols, (j) => start[j] as number);
    return {
      block,
      size: block.model.indices.length + 1,
      lpValues,
      best,
      bestCost: costOf(block, best),
      bound: costOf(block, lpValues),
    };
  });
  const within = (s: BlockState) => s.bestCost <= 1e-9 || (s.bestCost - s.bound) / s.bestCost <= gapTarget + 1e-9;
  const offer = (s: BlockState, vals: Float64Array | null) => {
    if (!vals) return;
    const c = costOf(s.block, vals);
    if (c <= s.bestCost) {
      s.best = vals;
      s.bestCost = c;
    }
  };
  const initialBudget = Math.max(0.5, rules.solver.timeLimitSeconds - (lp.seconds ?? 0));
  let budget = initialBudget;

  if (process.env.WFM_ADD_ONLY) {
    for (const s of states.filter((x) => !within(x) && x.block.model.numRows > 0)) {
      const colLower = Float64Array.from(s.block.model.colLower);
      const colUpper = Float64Array.from(s.block.model.colUpper);
      s.block.cols.forEach((_, c) => {
        if (s.block.model.integer[c] !== 1) return;
        const v = s.best[c] as number;
        colLower[c] = Math.max(colLower[c] as number, v - (isShift[s.block.cols[c] as number] ? 0 : 1));
        colUpper[c] = Math.min(colUpper[c] as number, v + 1);
      });
      const out = solveBlock(
        highs,
        { ...s.block.model, colLower, colUpper },
        { ...settings, timeLimitSeconds: budget * 0.3, start: s.best },
      );
      const before = s.bestCost;
      offer(s, out.values);
      console.error(
        'addonly',
        out.seconds.toFixed(1),
        out.status,
        before.toFixed(1),
        '->',
        s.bestCost.toFixed(1),
        'bound',
        s.bound.toFixed(1),
      );
      budget = Math.max(0, budget - out.seconds);
    }
  }
  if (built.skillCols) budget -= descend(highs, states, isShift, settings, budget * NEIGHBOURHOOD_SHARE, within, offer);

  // Pass 1: RENS.
  let todo = states.filter((s) => !within(s) && s.block.model.numRows > 0);
  let passBudget = budget * (built.skillCols ? SKILL_RENS_SHARE : RENS_SHARE);
  let sizeLeft = todo.reduce((sum, s) => sum + s.size, 0);
  for (const s of todo) {
    const share = Math.max(0.05, (passBudget * s.size) / sizeLeft);
    sizeLeft -= s.size;
    let spent = 0;
    for (const bounded of [
      (c: number) => s.block.model.integer[c] === 1,
      (c: number) => isShift[s.block.cols[c] as number] === 1,
    ]) {
      const rens = solveBlock(highs, rensModel(s, bounded), {
        ...settings,
        timeLimitSeconds: Math.max(0.05, share - spent),
        start: s.best,
      });
      offer(s, rens.values);
      spent += rens.seconds;
      if (rens.status !== 'infeasible') break;
    }
    passBudget = Math.max(0, passBudget - spent);
    budget = Math.max(0, budget - spent);
  }

  // Pass 2: the full MIP where still needed.
  todo = states.filter((s) => !within(s) && s.block.model.numRows > 0);
  sizeLeft = todo.reduce((sum, s) => sum + s.size, 0);
  for (const s of todo) {
    const share = Math.max(0.05, (budget * s.size) / sizeLeft);
    sizeLeft -= s.size;
    const full = solveBlock(highs, s.block.model, { ...settings, timeLimitSeconds: share, start: s.best });
    if (Number.isFinite(full.bound)) s.bound = Math.max(s.bound, full.bound);
    offer(s, full.values);
    budget = Math.max(0, budget - full.seconds);
  }

  const values = Float64Array.from(start);
  let objective = 0;
  let bound = 0;
  for (const s of states) {
    s.block.cols.forEach((j, c) => (values[j] = s.best[c] as number));
    objective += s.bestCost;
    bound += Math.min(s.bound, s.bestCost);
  }
  const gap = objective > 1e-9 ? Math.max(0, (objective - bound) / objective) : 0;
  const seconds = (lp.seconds ?? 0) + initialBudget - budget;
  return { status: states.every(within) ? 'optimal' : 'limit', objective, values, gap, seconds };
}

/** The block with each column `bounded` picks held between the floor and the ceiling of its LP value. */
function rensModel(s: BlockState, bounded: (c: number) => boolean): ModelBlock['model'] {
  const colLower = Float64Array.from(s.block.model.colLower);
  const colUpper = Float64Array.from(s.block.model.colUpper);
  s.block.cols.forEach((_, c) => {
    if (!bounded(c)) return;
    colLower[c] = Math.max(colLower[c] as number, Math.floor((s.lpValues[c] as number) + 1e-6));
    colUpper[c] = Math.min(colUpper[c] as number, Math.ceil((s.lpValues[c] as number) - 1e-6));
  });
  return { ...s.block.model, colLower, colUpper };
}

/**
 * Neighbourhood descent from the block's best solution: the MIP with every integer column held
 * within one of its current value (a shift count may not fall), re-centred on each better solution
 * until a step finds none, NEIGHBOURHOOD_STEPS are done or `seconds` have passed. A re-plan of the
 * simulation cuts starts from the last plan with a few queue-intervals raised: one or two shifts
 * more mend them, which these small MIPs find in well under a second where RENS around the new LP
 * takes the whole limit on a 300-agent week (multiskill-plan, 6 x 8: 1.019 x bound at 30 s without,
 * 1.007 in 8 s with). Returns the seconds used.
 */
function descend(
  highs: Highs,
  states: BlockState[],
  isShift: Uint8Array,
  settings: { integer: boolean; relativeGap: number; seed: number },
  seconds: number,
  within: (s: BlockState) => boolean,
  offer: (s: BlockState, vals: Float64Array | null) => void,
): number {
  let used = 0;
  for (const s of states) {
    for (let step = 0; step < NEIGHBOURHOOD_STEPS && !within(s) && s.block.model.numRows > 0; step++) {
      if (used >= seconds) return used;
      const colLower = Float64Array.from(s.block.model.colLower);
      const colUpper = Float64Array.from(s.block.model.colUpper);
      s.block.cols.forEach((j, c) => {
        if (s.block.model.integer[c] !== 1) return;
        const v = s.best[c] as number;
        colLower[c] = Math.max(colLower[c] as number, isShift[j] ? v : v - 1);
        colUpper[c] = Math.min(colUpper[c] as number, v + 1);
      });
      const before = s.bestCost;
      const out = solveBlock(
        highs,
        { ...s.block.model, colLower, colUpper },
        { ...settings, timeLimitSeconds: Math.max(0.05, seconds - used), start: s.best },
      );
      used += out.seconds;
      offer(s, out.values);
      if (s.bestCost >= before - 1e-6) break;
    }
  }
  return used;
}
