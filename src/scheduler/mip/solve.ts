/**
 * Runs the model on HiGHS (npm `highs`, WebAssembly, single-threaded). The caller loads the solver
 * (`await loadHighs()`) and passes it in, so this module does no I/O; one solver per worker thread.
 */
import type { Highs } from 'highs';
import { WfmError } from '../../errors.js';
import { decompose } from './decompose.js';
import { assertFitsSolverHeap } from './model-size.js';
import { createHighsModel, type SparseModel } from './sparse-model.js';

export type { Highs };

export interface SolveOutcome {
  /** 'optimal' (within the gap), 'limit' (stopped with a solution), 'none' (no solution), 'infeasible'. */
  status: 'optimal' | 'limit' | 'none' | 'infeasible';
  objective: number;
  values: Float64Array | null;
  /** Relative MIP gap (0 for an LP or a proven optimum), null when unknown. */
  gap: number | null;
  /** Solver run time, seconds (HiGHS's clock). */
  seconds?: number;
}

export interface SolveOptions {
  integer: boolean;
  timeLimitSeconds: number;
  relativeGap: number;
  seed: number;
  /** A feasible integer start (all columns) handed to the MIP as its first incumbent. */
  start?: Float64Array | undefined;
  /**
   * HiGHS's LP algorithm (default: its choice, dual simplex). 'ipm' (interior point, with crossover)
   * solves the degenerate LPs of a multi-skill plan several times faster.
   */
  lpSolver?: 'ipm' | undefined;
}

// HiGHS model status codes (highs.constants.modelStatus).
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;

/**
 * Solves the LP relaxation (`integer: false`) or the MIP, block by block (see `decompose`): the
 * blocks are independent, so values and objectives add up. The time limit is shared: each block
 * gets the remaining budget over the blocks left, weighted by size, measured by HiGHS's own clock.
 * A block without a solution takes its values from `start` when given.
 */
export function solveModel(highs: Highs, m: SparseModel, options: SolveOptions): SolveOutcome {
  const blocks = decompose(m);
  // Before any solving: a block over the solver's heap would abort HiGHS after a long solve.
  for (const block of blocks) assertFitsSolverHeap(block.model);
  const values = new Float64Array(m.numCols);
  let objective = 0;
  let bound = 0;
  let status: SolveOutcome['status'] = 'optimal';
  let budget = options.timeLimitSeconds;
  let nonzerosLeft = blocks.reduce((sum, b) => sum + b.model.indices.length + 1, 0);
  for (const block of blocks) {
    const size = block.model.indices.length + 1;
    const share = Math.max(0.05, (budget * size) / nonzerosLeft);
    nonzerosLeft -= size;
    const start = options.start ? Float64Array.from(block.cols, (j) => options.start?.[j] ?? 0) : undefined;
    const out = solveBlock(highs, block.model, { ...options, timeLimitSeconds: share, start });
    budget = Math.max(0, budget - out.seconds);
    if (out.status === 'infeasible' && !start) return { status: 'infeasible', objective: NaN, values: null, gap: null };
    let blockValues = out.values;
    if (!blockValues) {
      if (!start) return { status: 'none', objective: NaN, values: null, gap: null };
      blockValues = start;
      status = 'none';
    } else if (out.status === 'limit' && status === 'optimal') status = 'limit';
    block.cols.forEach((j, c) => (values[j] = blockValues[c] as number));
    let blockObjective = 0;
    block.cols.forEach((j, c) => (blockObjective += (m.colCost[j] as number) * (blockValues[c] as number)));
    objective += blockObjective;
    bound += Number.isFinite(out.bound) ? out.bound : blockObjective;
  }
  if (status === 'none') status = 'limit';
  const gap = options.integer ? (objective > 1e-9 ? Math.max(0, (objective - bound) / objective) : 0) : 0;
  return { status, objective, values, gap, seconds: options.timeLimitSeconds - budget };
}

export interface BlockOutcome {
  status: SolveOutcome['status'];
  values: Float64Array | null;
  /** The dual bound of the block (its LP value for an LP). */
  bound: number;
  seconds: number;
}

export function solveBlock(highs: Highs, m: SparseModel, options: SolveOptions): BlockOutcome {
  if (m.numCols === 0) return { status: 'optimal', values: new Float64Array(0), bound: 0, seconds: 0 };
  if (m.numRows === 0) {
    // Columns in no row: each sits at the bound its cost prefers.
    return {
      status: 'optimal',
      values: Float64Array.from(m.colCost, (c, j) => (c >= 0 ? (m.colLower[j] as number) : (m.colUpper[j] as number))),
      bound: 0,
      seconds: 0,
    };
  }
  const model = createHighsModel(highs, m, options.integer);
  try {
    model.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds,
      mip_rel_gap: options.relativeGap,
      random_seed: options.seed,
      ...(options.lpSolver && !options.integer ? { solver: options.lpSolver } : {}),
    });
    if (options.integer && options.start) model.setSolution({ colValue: options.start });
    const { modelStatus } = model.run();
    const seconds = model.getRunTime();
    const status = Number(modelStatus);
    if (status === INFEASIBLE || status === UNBOUNDED_OR_INFEASIBLE)
      return { status: 'infeasible', values: null, bound: NaN, seconds };
    const primalStatus = Number(model.info.get('primal_solution_status'));
    if (primalStatus !== 2) return { status: 'none', values: null, bound: NaN, seconds };
    const values = model.getSolution().colValue;
    const bound = options.integer ? Number(model.info.get('mip_dual_bound')) : model.getObjectiveValue();
    return { status: status === OPTIMAL ? 'optimal' : 'limit', values, bound, seconds };
  } catch (error) {
    throw new WfmError('WFM_ERR_SCHEDULER_SOLVER', `HiGHS failed: ${(error as Error).message}`, { cause: error });
  } finally {
    model.dispose();
  }
}
