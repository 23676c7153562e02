/**
 * The headcount view of a staffing answer (`POST /v1/staffing?view=headcount`): what a system
 * that only books people needs, as columns. `agents[i]` and `headcount[i]` belong to the request's
 * `intervals[i]` (request order), with the queue settings echoed and the totals that follow from
 * the agent counts. About 3 kB for a 672-interval week, against ~300 kB for the full answer with
 * every metric of every interval. The values are the full answer's, field for field
 * (`headcountViewOf`), whichever path computed them.
 */
import { z } from 'zod';
import { QueueModelSchema, StaffingTargetSchema } from './staffing.js';

/** Views of a staffing answer: `full` (default: every metric per interval) or `headcount`. */
export const STAFFING_VIEWS = ['full', 'headcount'] as const;
export type StaffingView = (typeof STAFFING_VIEWS)[number];

/** The query string of `POST /v1/staffing`: `?view=full|headcount` (other parameters ignored). */
export const StaffingQuerySchema = z.object({
  view: z
    .enum(STAFFING_VIEWS)
    .optional()
    .describe(
      'full (default): every metric per interval; headcount: agents and headcount per interval as arrays, with totals.',
    ),
});

export const StaffingHeadcountTotalsSchema = z.object({
  intervals: z.int(),
  volume: z.number(),
  workloadHours: z.number().describe('Sum of volume x ahtSeconds, hours.'),
  agentHours: z.number().describe('Sum of agents x interval length, hours.'),
  headcountHours: z.number().describe('Sum of headcount x interval length (after shrinkage), hours.'),
  peakAgents: z.int(),
  peakHeadcount: z.int(),
  unmetIntervals: z
    .int()
    .describe('Intervals where a target is not met (only evaluated intervals can be: an unreachable solve is a 422).'),
});

export const StaffingHeadcountResponseSchema = z
  .object({
    view: z.literal('headcount'),
    intervalMinutes: z.number(),
    timeZone: z.string(),
    model: QueueModelSchema,
    target: StaffingTargetSchema,
    shrinkage: z.number(),
    agents: z.array(z.int()).describe("Agents on the phones per interval, in the order of the request's intervals."),
    headcount: z
      .array(z.int())
      .describe('Agents to schedule per interval after shrinkage: ceil(agents / (1 - shrinkage) - eps).'),
    totals: StaffingHeadcountTotalsSchema,
  })
  .describe("Headcount view (?view=headcount): columns aligned with the request's intervals.");

export type StaffingHeadcountTotals = z.infer<typeof StaffingHeadcountTotalsSchema>;
export type StaffingHeadcountResponse = z.infer<typeof StaffingHeadcountResponseSchema>;
