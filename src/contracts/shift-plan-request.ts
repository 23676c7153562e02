/** The `POST /v1/shift-plans` body and the job payload it becomes once parsed. */
import { z } from 'zod';
import { parseWith } from './validate.js';
import {
  parseRequirementJson,
  parseShiftPlanRules,
  type ParsedShiftPlanRules,
  type RequirementDocument,
} from './shift-plan.js';

export const ShiftPlanRequestSchema = z.strictObject({
  requirement: z.unknown().describe('The `wfm staff` JSON response (or its intervals array).'),
  rules: z
    .unknown()
    .describe('Shift templates, break rules, opening hours, coverage, pool, solver (docs/shift-plan.md).'),
  timeLimitSeconds: z.number().positive().max(3600).optional(),
  timeZone: z.string().optional(),
});
export type ShiftPlanRequest = z.infer<typeof ShiftPlanRequestSchema>;

/** A shift-plan request parsed once: what the worker task receives. */
export interface ParsedShiftPlanRequest {
  requirement: RequirementDocument;
  rules: ParsedShiftPlanRules;
  timeLimitSeconds?: number | undefined;
  timeZone?: string | undefined;
}

/** Parses the whole request (shape, requirement, rules); throws naming the field. */
export function parseShiftPlanRequest(body: unknown): ParsedShiftPlanRequest {
  const request = parseWith(ShiftPlanRequestSchema, body, 'shift-plan request');
  return {
    requirement: parseRequirementJson(request.requirement),
    rules: parseShiftPlanRules(request.rules),
    timeLimitSeconds: request.timeLimitSeconds,
    timeZone: request.timeZone,
  };
}
