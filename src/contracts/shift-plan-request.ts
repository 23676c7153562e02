/** The `POST /v1/shift-plans` body and the job payload it becomes once parsed. */
import { z } from 'zod';
import { isWfmError, WfmError } from '../errors.js';
import { parseWith } from './validate.js';
import { parseAgentsJson } from './roster.js';
import type { RosterAgent } from '../scheduler/roster/types.js';
import {
  parseRequirementJson,
  parseShiftPlanRules,
  type ParsedShiftPlanRules,
  type RequirementDocument,
} from './shift-plan.js';
import {
  checkQueuesHaveAgents,
  parsePlanQueues,
  PlanQueuesSchema,
  sumQueueRequirements,
  type QueueRequirement,
} from './queue-requirements.js';

export const ShiftPlanRequestSchema = z.strictObject({
  requirement: z
    .unknown()
    .optional()
    .describe(
      'The `wfm staff` JSON response (or its intervals array). Optional with `queues`: then their sum ' +
        '(given beside `queues`, it must have their starts).',
    ),
  queues: PlanQueuesSchema.optional(),
  rules: z
    .unknown()
    .describe('Shift templates, break rules, opening hours, coverage, pool, solver (docs/shift-plan.md).'),
  timeLimitSeconds: z.number().positive().max(3600).optional(),
  timeZone: z.string().optional(),
  agents: z
    .unknown()
    .optional()
    .describe(
      "The centre's agents, as the roster takes them (a list or { agents }): the plan holds only shifts " +
        'they can work and names its shortfall. Absent: supply is not checked.',
    ),
});
export type ShiftPlanRequest = z.infer<typeof ShiftPlanRequestSchema>;

/** A shift-plan request parsed once: what the worker task receives. */
export interface ParsedShiftPlanRequest {
  requirement: RequirementDocument;
  rules: ParsedShiftPlanRules;
  timeLimitSeconds?: number | undefined;
  timeZone?: string | undefined;
  agents?: RosterAgent[] | undefined;
  /** Several queues: each queue's own requirement (`requirement` is then their sum, or as given). */
  queues?: QueueRequirement[] | undefined;
}

/** Parses the whole request (shape, requirement, rules); throws naming the field. */
export function parseShiftPlanRequest(body: unknown): ParsedShiftPlanRequest {
  const request = parseWith(ShiftPlanRequestSchema, body, 'shift-plan request');
  const queues = request.queues === undefined ? undefined : parsePlanQueues(request.queues);
  if (request.requirement === undefined && !queues) {
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      'Invalid shift-plan request: requirement: give requirement or queues.',
      {
        issues: [{ path: ['requirement'], message: 'required (or queues)' }],
      },
    );
  }
  checkQueuesHaveAgents(queues, request.agents, 'agents');
  // Summed also when a requirement is given: it checks that the queues share their starts.
  const summed = queues && sumQueueRequirements(queues);
  const requirement =
    request.requirement === undefined ? (summed as RequirementDocument) : parseRequirementJson(request.requirement);
  const rules = parseShiftPlanRules(request.rules);
  // The agents' clock times are read in the plan's zone (as runShiftPlan picks it).
  const zone = request.timeZone ?? rules.timeZone ?? requirement.timeZone ?? 'UTC';
  return {
    requirement,
    rules,
    timeLimitSeconds: request.timeLimitSeconds,
    timeZone: request.timeZone,
    ...(request.agents !== undefined
      ? {
          agents: agentsOf(
            request.agents,
            zone,
            queues?.map((q) => q.name),
          ),
        }
      : {}),
    ...(queues ? { queues } : {}),
  };
}

/** The request's agents, with every error's path under `agents` (the body's field). */
function agentsOf(data: unknown, zone: string, queues: readonly string[] | undefined): RosterAgent[] {
  try {
    return parseAgentsJson(data, zone, undefined, undefined, queues);
  } catch (error) {
    if (!isWfmError(error)) throw error;
    const issues = error.issues.map((issue) => ({ ...issue, path: ['agents', ...issue.path] }));
    throw new WfmError(error.code, `agents: ${error.message}`, { issues, cause: error });
  }
}
