/**
 * A centre with several queues on the page (a history CSV whose `queue` column names more than one):
 * the page forecasts and staffs each queue through the API, then these combine them into one
 * requirement for the shift plan and roster (as `wfm plan` does with `queues`), and simulate the
 * roster per queue for the figures the report's "Queues" section shows.
 */
import { combineForecasts, combineStaffing } from '../app/combine-queues.js';
import {
  simulatePlanQueues,
  withQueueVerdict,
  type PlanQueueInput,
  type PlanQueuesResult,
} from '../app/plan-queues.js';
import { parseAgentsJson } from '../contracts/roster.js';
import type { StaffingResponse } from '../contracts/staffing.js';
import type { ForecastResult } from '../forecast/types.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import type { Verdict } from '../scheduler/shift-plan/verdict-types.js';

/** The queues' forecasts and staffing summed per interval (each queue staffed alone). O(queues x intervals). */
export function combineQueues(queues: readonly { name: string; forecast: unknown; staffing: unknown }[]): {
  forecast: ForecastResult;
  staffing: StaffingResponse;
} {
  const names = queues.map((q) => q.name);
  return {
    forecast: combineForecasts(
      queues.map((q) => q.forecast as ForecastResult),
      names,
    ),
    staffing: combineStaffing(
      queues.map((q) => q.staffing as StaffingResponse),
      names,
    ),
  };
}

/**
 * The roster simulated against every queue (`simulatePlanQueues`): per queue and interval the
 * requirement, the agents covering it, SL by formula and by simulation with its 95 % interval.
 * Agents are checked as `/v1/rosters` checks them. Deterministic for a seed.
 */
export function simulateQueues(body: {
  queues: { name: string; priority: number; staffing: unknown }[];
  roster: unknown;
  agents: unknown[];
  timeZone: string;
  replications: number;
  seed: number;
}): PlanQueuesResult & { verdict?: Verdict } {
  const agents = parseAgentsJson(body.agents, body.timeZone);
  const queues: PlanQueueInput[] = body.queues.map((q) => ({
    name: q.name,
    priority: q.priority,
    // Only an Erlang A queue's patience is read from a queue's plan settings; the page staffs Erlang C.
    staffing: {} as PlanQueueInput['staffing'],
    response: q.staffing as StaffingResponse,
  }));
  const roster = body.roster as RosterResult;
  const result = simulatePlanQueues(queues, roster, agents, { seed: body.seed, replications: body.replications });
  // The page's verdict judges each queue by the simulation, as `wfm plan` does.
  return roster.verdict
    ? { ...result, verdict: withQueueVerdict(roster.verdict, result, undefined, body.timeZone) }
    : result;
}
