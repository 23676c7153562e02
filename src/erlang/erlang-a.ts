import { WfmError } from '../errors.js';
import type { IntervalLoad, IntervalMetrics, QueueParams } from './types.js';

export function evaluateErlangA(_load: IntervalLoad, _params: QueueParams, _agents: number): IntervalMetrics {
  throw new WfmError('WFM_ERR_ERLANG_NUMERIC', 'Erlang A is not implemented yet');
}
