/**
 * The batch API on the worker pool: splits a batch by series into slices, moves each slice's
 * Float64Arrays to a worker, and assembles the moved-back results. The numbers are identical to
 * `staffBatch(batch)` on one thread (each series is computed by the same function).
 */
import {
  allocateBatchResult,
  placeBatchResult,
  sliceBatch,
  type StaffingBatch,
  type StaffingBatchResult,
} from '../erlang/batch.js';
import { runTask, type WfmPool } from './parallel/pool.js';

export interface BatchRunOptions {
  /** Cancels every slice still queued or running (WFM_ERR_JOB_CANCELLED). */
  signal?: AbortSignal;
  /** Slices at most; default 4 per thread, so that uneven series still balance. */
  slices?: number;
}

/**
 * Staffs a batch on `pool`. The input arrays are left untouched (slices are copies).
 *
 * @example
 * const pool = createPool({ maxThreads: 2 });
 * const result = await staffBatchOnPool(pool, batch);
 */
export async function staffBatchOnPool(
  pool: WfmPool,
  batch: StaffingBatch,
  options: BatchRunOptions = {},
): Promise<StaffingBatchResult> {
  const result = allocateBatchResult(batch.seriesCount * batch.intervalCount);
  const slices = Math.max(1, Math.min(batch.seriesCount, options.slices ?? pool.maxThreads * 4));
  const size = Math.ceil(batch.seriesCount / slices);
  const runs: Promise<void>[] = [];
  for (let from = 0; from < batch.seriesCount; from += size) {
    const to = Math.min(batch.seriesCount, from + size);
    const part = sliceBatch(batch, from, to);
    const run = runTask(pool, 'staffing.batch', part, {
      transfer: [part.volume, part.ahtSeconds],
      ...(options.signal ? { signal: options.signal } : {}),
    }).then((moved) => placeBatchResult(result, moved, from, batch.intervalCount));
    runs.push(run);
  }
  await Promise.all(runs);
  return result;
}
