import { WfmError } from '../errors.js';
import type { IntervalLoad, IntervalMetrics, QueueParams } from './types.js';

export function evaluateChat(_load: IntervalLoad, _params: QueueParams, _agents: number): IntervalMetrics {
  throw new WfmError('WFM_ERR_ERLANG_NUMERIC', 'chat is not implemented yet');
}

export function chatMaxThroughputPerAgent(load: IntervalLoad, params: QueueParams): number {
  const ahts = params.chat?.ahtSecondsByConcurrency ?? [load.ahtSeconds];
  let best = 0;
  ahts.forEach((aht, i) => {
    best = Math.max(best, (i + 1) / aht);
  });
  return best;
}
