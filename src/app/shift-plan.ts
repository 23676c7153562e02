import { WfmError } from '../errors.js';
import { assertTimeZone } from '../time/instant.js';
import { singleOffsetZone } from '../time/offset-zone.js';

import type { QueueParams } from '../erlang/types.js';
import { planShifts, type PlanOptions } from '../scheduler/shift-plan/plan.js';
import { planVerdict } from '../scheduler/shift-plan/verdict.js';
import { PLAN_SIMULATION_REPLICATIONS } from '../contracts/plan-config.js';
import { planWithSkillCuts } from '../scheduler/shift-plan/skill-cuts.js';
import { simulationMisses } from './skill-plan-check.js';
import { buildPlanRequirement, splitRequirement } from '../scheduler/shift-plan/requirement.js';
import { ruleGridMinutes, templatesOnGrid } from '../scheduler/shift-plan/candidates.js';
import {
  withDefaultSteps,
  type PlanQueueLoad,
  type PlanRequirement,
  type ShiftPlanRules,
} from '../scheduler/shift-plan/rules.js';

import { serviceLevelFromQueue } from '../scheduler/shift-plan/service-level.js';
import type { Highs } from '../scheduler/mip/solve.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';
import {
  MAX_PLAN_INTERVALS,
  requirementOf,
  type ParsedShiftPlanRules,
  type RequirementDocument,
} from '../contracts/shift-plan.js';
import type { StaffingResponse } from '../contracts/staffing.js';
import type { RosterAgent, RosterRules } from '../scheduler/roster/types.js';
import { dayPatternRules } from '../scheduler/roster/day-pattern-rules.js';
import { parseRosterRules } from '../contracts/roster.js';

export interface ShiftPlanRunOptions {
  highs: Highs;
  /** Overrides rules.solver.timeLimitSeconds. */
  timeLimitSeconds?: number | undefined;
  /** Overrides the zone of the requirement and rules (CSV requirements carry none). */
  timeZone?: string | undefined;
  /**
   * The centre's agents (parsed as the roster parses them): the plan holds only what they can work
   * and names its shortfall (docs/shift-plan.md, "Supply"). Absent: supply is not checked.
   */
  agents?: readonly RosterAgent[] | undefined;
  /**
   * With `agents`: the rules the roster will keep; their hard day rules (two consecutive days off,
   * runs of days) shape each agent's day pattern in the plan. Absent: the roster's default rules.
   */
  rosterRules?: RosterRules | undefined;
  /**
   * Several queues (with `agents`): each queue's own requirement on the same grid as `requirement`
   * (their sum). The plan then covers every queue with agents who have its skill (docs/shift-plan.md, "Skills").
   */
  queues?: { name: string; priority: number; requirement: RequirementDocument }[] | undefined;
  /**
   * Several queues: check the plan by simulation and re-plan with one more agent where a queue's
   * interval lies wholly below its target (skill-plan-check.ts), at most `maxRounds` times, within the
   * plan's time limit. Absent: the plan is not checked.
   */
  simulationCheck?: SimulationCheck | undefined;
}

/** The simulation check of a multi-queue plan (`ShiftPlanRunOptions.simulationCheck`). */
export interface SimulationCheck {
  seed: number;
  replications: number;
  maxRounds: number;
  /** A monotonic clock, ms (the check's time budget is measured with it). */
  now: () => number;
}

/** Re-plans at most after the simulation check of a multi-queue plan (each within the plan's time limit). */
export const SKILL_CHECK_ROUNDS = 3;

/**
 * The simulation check every caller of `runShiftPlan` gives a multi-queue plan with agents (`wfm plan`,
 * `wfm shift-plan`, `POST /v1/shift-plans`, the store's plan job): at most `SKILL_CHECK_ROUNDS` re-plans,
 * `replications` (default the plan config's, 10) with the caller's seed, timed by `now`.
 *
 * @example runShiftPlan(requirement, rules, { highs, agents, queues, simulationCheck: simulationCheckOf(1, now) })
 */
export function simulationCheckOf(
  seed: number,
  now: () => number,
  replications: number = PLAN_SIMULATION_REPLICATIONS,
): SimulationCheck {
  return { seed, replications, maxRounds: SKILL_CHECK_ROUNDS, now };
}

/**
 * The shift-plan use case of `wfm shift-plan`, the worker task and the whole plan: puts the
 * requirement on its grid and plans with parsed rules (`parseShiftPlanRules`, called once at the
 * boundary). The zone is the option's, else the rules', else the requirement's, else UTC.
 */
export function runShiftPlan(
  requirement: RequirementDocument,
  parsed: ParsedShiftPlanRules,
  options: ShiftPlanRunOptions,
): ShiftPlan {
  const { rules, planRequirement: summed } = planInputs(requirement, parsed, options);
  const queues = options.queues?.map((q) => {
    const own = planInputs(q.requirement, parsed, options).planRequirement;
    const load = queueLoadOf(own);
    return { name: q.name, priority: q.priority, required: own.required, ...(load ? { load } : {}) };
  });
  const planRequirement = queues ? { ...summed, queues } : summed;
  const serviceLevel = serviceLevelFromQueue(planRequirement.queue);
  const planOptions = {
    highs: options.highs,
    ...(serviceLevel ? { serviceLevel } : {}),
    ...(options.agents
      ? { agents: options.agents, dayRules: dayPatternRules(options.rosterRules ?? parseRosterRules({})) }
      : {}),
  };
  const check = options.simulationCheck;
  if (!queues || queues.length < 2 || !check || !options.agents) return planShifts(planRequirement, rules, planOptions);
  return planCheckedBySimulation(planRequirement, rules, planOptions, check);
}

/**
 * A multi-queue plan checked by simulation and re-planned (`planWithSkillCuts`), with the outcome as the
 * issue `simulation-check`. Queue-intervals still wholly below target in the plan returned are a
 * shortfall of its verdict; with no queue to simulate (none has volume, AHT and a service-level
 * target) the plan is made once and the issue says it was not checked.
 */
function planCheckedBySimulation(
  requirement: PlanRequirement,
  rules: ShiftPlanRules,
  planOptions: PlanOptions,
  check: SimulationCheck,
): ShiftPlan {
  const queues = requirement.queues ?? [];
  if (!queues.some((q) => q.load)) {
    const plan = planShifts(requirement, rules, planOptions);
    const message =
      'not checked by simulation: no queue has volume, AHT and a service-level target (chat and deferred ' +
      "queues are not simulated; an Erlang queue takes its target from its requirement or the rules' queue)";
    return { ...plan, issues: [...plan.issues, { code: 'simulation-check', message }] };
  }
  const { plan, rounds, raised } = planWithSkillCuts(requirement, rules, planOptions, {
    verify: simulationMisses(queues, check),
    maxRounds: check.maxRounds,
    timeBudgetMs: rules.solver.timeLimitSeconds * 1000,
    now: check.now,
  });
  const misses = rounds[rounds.length - 1]?.misses ?? 0;
  const message =
    `checked by simulation (${check.replications} replications): ${rounds.length - 1} re-plan` +
    `${rounds.length === 2 ? '' : 's'}, ${raised} agent-intervals added where a queue was below target; ` +
    `${misses} queue-intervals still wholly below target in the plan returned`;
  const short = misses > 0 ? [`${misses} queue-intervals wholly below target by simulation`] : [];
  return {
    ...plan,
    verdict: planVerdict(plan, short),
    issues: [...plan.issues, { code: 'simulation-check', message }],
  };
}

/**
 * A queue's offered load and service target for the plan's pooling (docs/shift-plan.md, "Skills"):
 * an Erlang C or A queue whose requirement carries volume, AHT and an SL target; none otherwise
 * (chat, deferred work, no volume), and its subsets are covered at the sum of their requirements.
 */
function queueLoadOf(r: PlanRequirement): PlanQueueLoad | undefined {
  const q = r.queue;
  const t = q?.targets;
  if (!q || q.model === 'chat' || !r.volume || !r.ahtSeconds) return undefined;
  if (t?.serviceLevel === undefined || t.answerSeconds === undefined) return undefined;
  if (q.model === 'erlang-a' && q.patienceSeconds === undefined) return undefined;
  return {
    volume: r.volume,
    ahtSeconds: r.ahtSeconds,
    serviceLevel: t.serviceLevel,
    answerSeconds: t.answerSeconds,
    ...(q.model === 'erlang-a' ? { patienceSeconds: q.patienceSeconds } : {}),
  };
}

/** The rules with the time limit applied, and the requirement on its grid (throws naming a bad field). */
function planInputs(
  requirement: RequirementDocument,
  parsed: ParsedShiftPlanRules,
  options: Pick<ShiftPlanRunOptions, 'timeLimitSeconds' | 'timeZone'>,
): { rules: ParsedShiftPlanRules['rules']; planRequirement: PlanRequirement } {
  const rules =
    options.timeLimitSeconds === undefined
      ? parsed.rules
      : { ...parsed.rules, solver: { ...parsed.rules.solver, timeLimitSeconds: options.timeLimitSeconds } };
  const timeZone = options.timeZone ?? parsed.timeZone ?? requirement.timeZone ?? zoneOfStarts(requirement);
  assertTimeZone(timeZone);
  const asGiven = buildPlanRequirement(requirement.rows, {
    timeZone,
    intervalMinutes: requirement.intervalMinutes,
    queue: parsed.queue ? queueOfRules(parsed.queue) : requirement.queue,
    maxSlots: MAX_PLAN_INTERVALS,
  });
  // Start and break steps default to the requirement's interval, also on a finer grid.
  const stepped = withDefaultSteps(rules, asGiven.intervalMinutes);
  return { rules: stepped, planRequirement: onRuleGrid(asGiven, stepped) };
}

/**
 * Every check `runShiftPlan` makes before it solves, without solving: the zone, every start read
 * and on one grid, the interval length, the span, and every template, break and pool duration on
 * that grid. The service runs it before it answers 202, so that an accepted plan never fails
 * later on its input. Milliseconds for a week.
 */
export function checkShiftPlan(
  requirement: RequirementDocument,
  parsed: ParsedShiftPlanRules,
  options: Pick<ShiftPlanRunOptions, 'timeLimitSeconds' | 'timeZone' | 'queues'> = {},
): void {
  const { rules, planRequirement } = planInputs(requirement, parsed, options);
  templatesOnGrid(rules, planRequirement.intervalMinutes);
  options.queues?.forEach((q, k) => {
    const own = planInputs(q.requirement, parsed, options).planRequirement;
    const want = planRequirement;
    if (own.originMs !== want.originMs || own.required.length !== want.required.length) {
      const message =
        `its ${own.required.length} intervals from ${new Date(own.originMs).toISOString()} are not the ` +
        `requirement's ${want.required.length} from ${new Date(want.originMs).toISOString()}`;
      throw new WfmError('WFM_ERR_INPUT_INVALID', `Queue "${q.name}": ${message}.`, {
        issues: [{ path: ['queues', k, 'requirement'], message }],
      });
    }
  });
}

/**
 * The requirement on the grid its rules need: split into finer slots when a break, session or
 * window is not a multiple of its interval (15-minute breaks over 30-minute history), so the plan
 * places them where they fall instead of refusing them. Bounded by `MAX_PLAN_INTERVALS`.
 */
function onRuleGrid(requirement: PlanRequirement, rules: ShiftPlanRules): PlanRequirement {
  const minutes = ruleGridMinutes(rules, requirement.intervalMinutes);
  if (minutes === requirement.intervalMinutes) return requirement;
  const slots = (requirement.required.length * requirement.intervalMinutes) / minutes;
  if (slots > MAX_PLAN_INTERVALS) {
    throw new WfmError(
      'WFM_ERR_INPUT_TOO_LARGE',
      `The rules need a ${minutes}-minute grid (their breaks or windows are not multiples of ` +
        `${requirement.intervalMinutes} minutes): ${slots} intervals, at most ${MAX_PLAN_INTERVALS} per plan.`,
      { issues: [{ path: ['intervals'], message: `${slots} intervals of ${minutes} minutes` }] },
    );
  }
  return splitRequirement(requirement, minutes);
}

/**
 * The zone of a requirement that names none (a staffing CSV): the one offset its starts are written
 * with (local days are then that offset's days), else UTC. Starts at several offsets (a
 * daylight-saving change) need an IANA zone to tell local days: an error saying so.
 */
function zoneOfStarts(requirement: RequirementDocument): string {
  const single = singleOffsetZone(requirement.rows.map((r) => r.start));
  if (single.several) {
    throw new WfmError(
      'WFM_ERR_INPUT_TIME',
      `The requirement's starts have more than one UTC offset (${single.several.join(' and ')}: a ` +
        'daylight-saving change?); give the time zone (--time-zone, or timeZone in the rules), e.g. Europe/Berlin.',
      { issues: [{ path: ['timeZone'], message: `offsets ${single.several.join(' and ')} both occur` }] },
    );
  }
  return single.zone ?? 'UTC';
}

function queueOfRules(queue: NonNullable<ParsedShiftPlanRules['queue']>): QueueParams {
  return {
    model: queue.model,
    targets: {
      ...(queue.target.serviceLevel !== undefined ? { serviceLevel: queue.target.serviceLevel } : {}),
      ...(queue.target.answerSeconds !== undefined ? { answerSeconds: queue.target.answerSeconds } : {}),
    },
    ...(queue.patienceSeconds !== undefined ? { patienceSeconds: queue.patienceSeconds } : {}),
    ...(queue.queueCapacity !== undefined ? { queueCapacity: queue.queueCapacity } : {}),
    ...(queue.chat ? { chat: queue.chat } : {}),
  };
}

/**
 * The plan's requirement from a staffing answer in memory (the typed hand-off of the whole plan:
 * no JSON in between). The same rows and queue as `parseRequirementJson` reads from its file.
 */
export function requirementFromStaffing(staffing: StaffingResponse): RequirementDocument {
  return requirementOf({
    ...staffing,
    intervals: staffing.intervals.map((r) => ({ ...r, start: r.start ?? '' })),
  });
}
