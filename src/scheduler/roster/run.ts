import { evaluateInterval } from '../../erlang/index.js';
import { rosterPlan } from './roster.js';
import type { RosterResult } from './result-types.js';
import type { RosterAgent, RosterRules } from './types.js';
import type { ShiftPlan } from '../shift-plan/types.js';
import type { ServiceLevelFn } from '../shift-plan/plan.js';

/**
 * Rosters a validated request with the staffing core's Erlang C for the SL after rostering.
 * `now` is the caller's clock (ms); the time limit is in seconds.
 */
export function runRoster(
  req: {
    plan: ShiftPlan;
    load?: { volume: (number | null)[]; ahtSeconds: (number | null)[] };
    agents: RosterAgent[];
    rules: RosterRules;
    options: { seed: number; timeLimitSeconds: number; maxIterations: number; answerSeconds: number };
  },
  now: () => number,
): RosterResult {
  const { seed, timeLimitSeconds, maxIterations, answerSeconds } = req.options;
  return rosterPlan(req.plan, req.agents, req.rules, {
    seed,
    timeLimitMs: timeLimitSeconds * 1000,
    maxIterations,
    now,
    ...(req.load ? { load: req.load } : {}),
    serviceLevel: erlangCServiceLevel(answerSeconds),
  });
}

/** The SL on `agents` by the staffing core's Erlang C, answered within `answerSeconds`. */
export function erlangCServiceLevel(answerSeconds: number): ServiceLevelFn {
  return (volume, ahtSeconds, intervalMinutes, agents) =>
    evaluateInterval({ volume, ahtSeconds, intervalMinutes }, { model: 'erlang-c', targets: { answerSeconds } }, agents)
      .serviceLevel;
}
