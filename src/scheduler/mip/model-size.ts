/**
 * The solver-memory limit: HiGHS runs in WebAssembly with a heap of at most 2 GiB, and a model
 * that outgrows it aborts the solver ("Aborted()") after a long solve. A model (each independent
 * block, solved one at a time) whose estimated peak heap is over the limit is refused before any
 * solving starts, naming its size and the limit (docs/shift-plan.md, Limits).
 *
 * The estimate is linear in the model's size, at about twice the peak heap measured on shift-plan
 * models (`highs.memoryBytes` after the LP and a 30 s MIP; 20 MiB for a fresh instance): 24/7
 * weeks with starts at every interval, 15 minutes and 4 templates: 94 k nonzeros, 51 MiB; 6
 * templates: 175 k, 105 MiB; 5 minutes and 6 templates: 1.41 M nonzeros, 1,092 MiB, i.e. 763
 * bytes per nonzero over the base. Branch-and-bound grows the heap further with a longer time
 * limit, hence the margin.
 */
import { WfmError } from '../../errors.js';
import type { SparseModel } from './sparse-model.js';

/** The `highs` build's maximum WebAssembly memory, bytes. */
export const SOLVER_HEAP_BYTES = 2 ** 31;
/** Heap of a fresh HiGHS instance, bytes (measured: 20 MiB). */
const BASE_BYTES = 24 * 2 ** 20;
/** Estimated heap per matrix nonzero, bytes (about twice the largest measured, 763). */
const BYTES_PER_NONZERO = 1_500;
/** Estimated heap per row or column (bounds, costs, basis, presolve copies), bytes. */
const BYTES_PER_LINE = 400;

/** Largest number of nonzeros a model with no rows and columns besides could have under the limit. */
export const MAX_MODEL_NONZEROS = Math.floor((SOLVER_HEAP_BYTES - BASE_BYTES) / BYTES_PER_NONZERO);

/** The estimated peak HiGHS heap for solving `m` (LP and MIP), bytes. O(1). */
export function estimateSolverBytes(m: Pick<SparseModel, 'numCols' | 'numRows' | 'indices'>): number {
  return BASE_BYTES + BYTES_PER_NONZERO * m.indices.length + BYTES_PER_LINE * (m.numCols + m.numRows);
}

const mib = (bytes: number): string => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;

/**
 * Throws WFM_ERR_INPUT_TOO_LARGE when the estimated heap of a block is over the solver's 2 GiB,
 * naming the block's size, the estimate and the limit.
 */
export function assertFitsSolverHeap(m: Pick<SparseModel, 'numCols' | 'numRows' | 'indices'>): void {
  const bytes = estimateSolverBytes(m);
  if (bytes <= SOLVER_HEAP_BYTES) return;
  const size =
    `${m.numCols.toLocaleString('en-US')} columns, ${m.numRows.toLocaleString('en-US')} rows, ` +
    `${m.indices.length.toLocaleString('en-US')} nonzeros`;
  throw new WfmError(
    'WFM_ERR_INPUT_TOO_LARGE',
    `The model is too large for the solver: ${size} need an estimated ${mib(bytes)} of solver memory, over ` +
      `the limit of ${mib(SOLVER_HEAP_BYTES)} (HiGHS's WebAssembly heap). Plan fewer days or intervals at ` +
      'once, a coarser start step, or fewer templates.',
    { issues: [{ path: ['model'], message: `estimated ${mib(bytes)} > ${mib(SOLVER_HEAP_BYTES)}` }] },
  );
}
