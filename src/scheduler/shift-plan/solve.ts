/**
 * Runs the model on HiGHS (npm `highs`, WebAssembly, single-threaded). The caller loads the solver
 * (`await loadHighs()`) and passes it in, so this module does no I/O; one solver per worker thread.
 */
import type { Highs } from 'highs';
import { WfmError } from '../../errors.js';
import type { SparseModel } from './sparse-model.js';

export type { Highs };

export interface SolveOutcome {
  /** 'optimal' (within the gap), 'limit' (stopped with a solution), 'none' (no solution), 'infeasible'. */
  status: 'optimal' | 'limit' | 'none' | 'infeasible';
  objective: number;
  values: Float64Array | null;
  /** Relative MIP gap (0 for an LP or a proven optimum), null when unknown. */
  gap: number | null;
}

export interface SolveOptions {
  integer: boolean;
  timeLimitSeconds: number;
  relativeGap: number;
  seed: number;
}

// HiGHS model status codes (highs.constants.modelStatus).
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;

/** Solves the LP relaxation (`integer: false`) or the MIP. Complexity: that of HiGHS. */
export function solveModel(highs: Highs, m: SparseModel, options: SolveOptions): SolveOutcome {
  if (m.numCols === 0) return { status: 'optimal', objective: 0, values: new Float64Array(0), gap: 0 };
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: { format: 'csc', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    ...(options.integer ? { integrality: Int32Array.from(m.integer) as never } : {}),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds,
      mip_rel_gap: options.relativeGap,
      random_seed: options.seed,
    });
    const { modelStatus } = model.run();
    const status = Number(modelStatus);
    if (status === INFEASIBLE || status === UNBOUNDED_OR_INFEASIBLE) return { status: 'infeasible', objective: NaN, values: null, gap: null };
    const primalStatus = Number(model.info.get('primal_solution_status'));
    if (primalStatus !== 2) return { status: 'none', objective: NaN, values: null, gap: null };
    const values = model.getSolution().colValue;
    const objective = model.getObjectiveValue();
    let gap: number | null = 0;
    if (options.integer) {
      const g = Number(model.info.get('mip_gap'));
      gap = Number.isFinite(g) ? g : null;
    }
    return { status: status === OPTIMAL ? 'optimal' : 'limit', objective, values, gap };
  } catch (error) {
    throw new WfmError('WFM_ERR_SCHEDULER_SOLVER', `HiGHS failed: ${(error as Error).message}`, { cause: error });
  } finally {
    model.dispose();
  }
}
