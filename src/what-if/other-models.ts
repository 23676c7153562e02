/**
 * Erlang A and chat in the what-if: through the staffing core's general per-interval path.
 * Slower than the allocation-free Erlang C path, which `run.ts` calls directly.
 */
import { evaluateInterval, solveInterval } from '../erlang/index.js';
import type { IntervalLoad, IntervalMetrics, IntervalStaffing, QueueParams } from '../erlang/types.js';

/** The minimal agents meeting every target for one interval (met: false when the search gave up). */
export function solveOther(load: IntervalLoad, params: QueueParams): IntervalStaffing {
  return solveInterval(load, params);
}

/** Metrics of one interval at `agents` agents. */
export function evaluateOther(load: IntervalLoad, params: QueueParams, agents: number): IntervalMetrics {
  return evaluateInterval(load, params, agents);
}
