import { assertTimeZone } from '../time/instant.js';

import type { QueueParams } from '../erlang/types.js';
import { planShifts } from '../scheduler/shift-plan/plan.js';
import { buildPlanRequirement } from '../scheduler/shift-plan/requirement.js';

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
import type { RosterAgent } from '../scheduler/roster/types.js';

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
  const rules =
    options.timeLimitSeconds === undefined
      ? parsed.rules
      : { ...parsed.rules, solver: { ...parsed.rules.solver, timeLimitSeconds: options.timeLimitSeconds } };
  const timeZone = options.timeZone ?? parsed.timeZone ?? requirement.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const planRequirement = buildPlanRequirement(requirement.rows, {
    timeZone,
    intervalMinutes: requirement.intervalMinutes,
    queue: parsed.queue ? queueOfRules(parsed.queue) : requirement.queue,
    maxSlots: MAX_PLAN_INTERVALS,
  });
  const serviceLevel = serviceLevelFromQueue(planRequirement.queue);
  return planShifts(planRequirement, rules, {
    highs: options.highs,
    ...(serviceLevel ? { serviceLevel } : {}),
    ...(options.agents ? { agents: options.agents } : {}),
  });
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
