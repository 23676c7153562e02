/**
 * Batch staffing: many series (queues, or scenarios of one queue) over many intervals, the data
 * held in flat `Float64Array`s so that it can move between threads without copying. This module is
 * the pure, single-threaded path; `src/app/staffing-batch.ts` splits a batch by series over a
 * piscina pool and gets exactly the same numbers, because each series is computed by this same
 * function, whichever thread runs it.
 *
 * Layout: series-major. Cell `s * intervalCount + i` is interval `i` of series `s`.
 */
import { solveErlangCAgents, staffQueue } from './index.js';
import type { QueueParams } from './types.js';

export interface StaffingBatch {
  intervalMinutes: number;
  seriesCount: number;
  intervalCount: number;
  /** One entry shared by every series, or one per series. */
  params: QueueParams[];
  /** Contacts offered, seriesCount x intervalCount, series-major. */
  volume: Float64Array;
  /** Average handle time, seconds, same layout. */
  ahtSeconds: Float64Array;
  /**
   * 'full' (default): every metric, by `staffQueue` per series (the single-queue path).
   * 'agents': agents only (other columns NaN; agents NaN where the targets are unreachable);
   * Erlang C series use the allocation-free `solveErlangCAgents`, other models fall back to 'full'.
   */
  output?: 'full' | 'agents';
}

/** Per-cell results, same layout as the input. NaN where a column was not computed. */
export interface StaffingBatchResult {
  agents: Float64Array;
  agentsFractional: Float64Array;
  headcount: Float64Array;
  serviceLevel: Float64Array;
  /** Infinity when the interval is unstable. */
  asaSeconds: Float64Array;
  occupancy: Float64Array;
}

export const BATCH_RESULT_COLUMNS = [
  'agents',
  'agentsFractional',
  'headcount',
  'serviceLevel',
  'asaSeconds',
  'occupancy',
] as const;

/** The queue parameters of series `s`. */
export function seriesParams(batch: StaffingBatch, s: number): QueueParams {
  const params = batch.params.length === 1 ? batch.params[0] : batch.params[s];
  if (!params) throw new RangeError(`staffBatch: no params for series ${s}`);
  return params;
}

/**
 * Staffs every series of the batch, single-threaded. O(cells x agents searched).
 *
 * @example
 * const r = staffBatch({ intervalMinutes: 15, seriesCount: 1, intervalCount: 2,
 *   params: [{ model: 'erlang-c', targets: { serviceLevel: 0.8, answerSeconds: 20 } }],
 *   volume: Float64Array.of(100, 50), ahtSeconds: Float64Array.of(180, 180) });
 * r.agents // agents per interval
 */
export function staffBatch(batch: StaffingBatch): StaffingBatchResult {
  const cells = batch.seriesCount * batch.intervalCount;
  if (batch.volume.length !== cells || batch.ahtSeconds.length !== cells) {
    throw new RangeError(
      `staffBatch: expected ${cells} cells, got volume ${batch.volume.length}, ahtSeconds ${batch.ahtSeconds.length}`,
    );
  }
  const result = emptyResult(cells);
  const intervalSeconds = batch.intervalMinutes * 60;
  for (let s = 0; s < batch.seriesCount; s++) {
    const params = seriesParams(batch, s);
    const base = s * batch.intervalCount;
    if (batch.output === 'agents' && params.model === 'erlang-c') {
      for (let i = base; i < base + batch.intervalCount; i++) {
        const volume = batch.volume[i] as number;
        const aht = batch.ahtSeconds[i] as number;
        const agents = solveErlangCAgents((volume * aht) / intervalSeconds, aht, params.targets);
        result.agents[i] = agents < 0 ? Number.NaN : agents; // -1: no N up to the search cap
      }
      continue;
    }
    const intervals = new Array<{ volume: number; ahtSeconds: number }>(batch.intervalCount);
    for (let i = 0; i < batch.intervalCount; i++) {
      intervals[i] = { volume: batch.volume[base + i] as number, ahtSeconds: batch.ahtSeconds[base + i] as number };
    }
    const staffed = staffQueue({ intervalMinutes: batch.intervalMinutes, params, intervals }).intervals;
    staffed.forEach((x, i) => {
      result.agents[base + i] = x.agents;
      result.agentsFractional[base + i] = x.agentsFractional;
      result.headcount[base + i] = x.headcount;
      result.serviceLevel[base + i] = x.serviceLevel;
      result.asaSeconds[base + i] = x.asaSeconds;
      result.occupancy[base + i] = x.occupancy;
    });
  }
  return result;
}

function emptyResult(cells: number): StaffingBatchResult {
  const column = () => new Float64Array(cells).fill(Number.NaN);
  return {
    agents: column(),
    agentsFractional: column(),
    headcount: column(),
    serviceLevel: column(),
    asaSeconds: column(),
    occupancy: column(),
  };
}

/** A copy of series [from, to) as a batch of its own (fresh buffers, safe to transfer). */
export function sliceBatch(batch: StaffingBatch, from: number, to: number): StaffingBatch {
  const a = from * batch.intervalCount;
  const b = to * batch.intervalCount;
  return {
    intervalMinutes: batch.intervalMinutes,
    seriesCount: to - from,
    intervalCount: batch.intervalCount,
    params: batch.params.length === 1 ? batch.params : batch.params.slice(from, to),
    volume: batch.volume.slice(a, b),
    ahtSeconds: batch.ahtSeconds.slice(a, b),
    ...(batch.output ? { output: batch.output } : {}),
  };
}

/** Writes a slice's result into the whole batch's result at series `from`. */
export function placeBatchResult(
  target: StaffingBatchResult,
  part: StaffingBatchResult,
  from: number,
  intervalCount: number,
): void {
  for (const column of BATCH_RESULT_COLUMNS) target[column].set(part[column], from * intervalCount);
}

/** An all-NaN result for `cells` cells (to be filled by `placeBatchResult`). */
export function allocateBatchResult(cells: number): StaffingBatchResult {
  return emptyResult(cells);
}
