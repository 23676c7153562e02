/**
 * The staffing core: agents required per interval (Erlang C, Erlang A, chat, deferred work) and
 * the queue metrics at a given staffing. Pure: no I/O, no clock. See docs/erlang.md.
 */
export { trafficErlangs, headcountAfterShrinkage } from './traffic.js';
export { erlangB, erlangBInverse } from './erlang-b.js';
export { erlangC, evaluateErlangC } from './erlang-c.js';
export { solveErlangCAgents } from './erlang-c-solver.js';
export { evaluateErlangA } from './erlang-a.js';
export { evaluateChat } from './chat.js';
export { evaluateInterval, solveInterval, evaluatedStaffing } from './solve-interval.js';
export { staffQueue, staffingTotals } from './staff-queue.js';
export type { StaffQueueInput } from './staff-queue.js';
export { staffDeferred } from './deferred.js';
export type { DeferredInterval, DeferredTotals } from './deferred.js';
export { meetsTargets, missedTargets, fractionalRequirement } from './targets.js';
export type { BindingTarget } from './targets.js';
export { EPS, MAX_EXTRA_AGENTS } from './constants.js';
export type {
  QueueModel,
  StaffingTargets,
  QueueParams,
  IntervalLoad,
  IntervalMetrics,
  IntervalStaffing,
  DeferredParams,
  StaffingTotals,
} from './types.js';
