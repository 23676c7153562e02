import type { Highs } from 'highs';
import type { QueueParams } from '../../erlang/types.js';
import { serviceLevelFromQueue, type ServiceLevelFn } from '../shift-plan/service-level.js';
import type { ShiftPlan } from '../shift-plan/types.js';
import type { RosterResult } from './result-types.js';
import { rosterPlan } from './roster.js';
import type { SlotLoad } from './roster-coverage.js';
import type { PreviousRoster, RosterAgent, RosterRules } from './types.js';

/**
 * Rosters a validated request; the SL after rostering uses the same service-level function as the
 * shift plan (`serviceLevelFromQueue`) on the queue of `rosterQueue`. `now` is the caller's clock
 * (ms); the time limit is in seconds. With `highs` the shifts are assigned exactly first where the
 * problem fits (docs/roster.md, "What is exact").
 */
export function runRoster(
  req: {
    plan: ShiftPlan;
    load?: SlotLoad;
    /** The queue to re-compute the SL with (default: the plan's). */
    queue?: QueueParams;
    agents: RosterAgent[];
    rules: RosterRules;
    /** The previous week's roster (rules across the edge). */
    previous?: PreviousRoster;
    options: { seed: number; timeLimitSeconds: number; maxIterations: number; answerSeconds: number };
  },
  now: () => number,
  highs?: Highs,
): RosterResult {
  const { seed, timeLimitSeconds, maxIterations, answerSeconds } = req.options;
  const queue = rosterQueue(req.queue ?? req.plan.queue, answerSeconds);
  const serviceLevel = serviceLevelFromQueue(queue);
  return rosterPlan(req.plan, req.agents, req.rules, {
    seed,
    timeLimitMs: timeLimitSeconds * 1000,
    maxIterations,
    now,
    ...(highs ? { highs } : {}),
    ...(req.load ? { load: req.load } : {}),
    ...(req.previous ? { previous: req.previous } : {}),
    ...(serviceLevel ? { serviceLevel } : {}),
    targets: queue.targets,
  });
}

/**
 * The queue the roster's SL is re-computed with: the given one (an Erlang A queue stays Erlang A),
 * or Erlang C for a plan that carries none; `answerSeconds` fills a missing answer-time target.
 */
export function rosterQueue(queue: QueueParams | undefined, answerSeconds: number): QueueParams {
  const base: QueueParams = queue ?? { model: 'erlang-c', targets: {} };
  if (base.targets.answerSeconds !== undefined) return base;
  return { ...base, targets: { ...base.targets, answerSeconds } };
}

/** The service-level function a roster is re-checked with (`rosterQueue`'s queue), also after a hand edit. */
export function rosterServiceLevel(queue: QueueParams | undefined, answerSeconds: number): ServiceLevelFn | undefined {
  return serviceLevelFromQueue(rosterQueue(queue, answerSeconds));
}
