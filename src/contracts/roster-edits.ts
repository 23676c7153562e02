/**
 * Hand edits of a roster draft (docs/api.md, "Rosters in the store"): move, swap, add or remove a
 * shift, a break or a retraining session. A request is a list of edits applied together, then
 * re-checked once; `force` with a `reason` keeps an edit that breaks a hard rule as an override.
 */
import { z } from 'zod';
import { parseWith } from './validate.js';

const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T.*(?:[zZ]|[+-]\d{2}:?\d{2})$/, 'ISO 8601 with an offset');
const Agent = z.string().min(1).max(200).describe("The centre's agent id.");
const LocalDate = z.iso.date().describe("The shift's local date (YYYY-MM-DD) in the centre's zone.");
const Index = z.int().min(0).max(100).describe("Position in the shift's list, by start (0 = first).");

export const RosterEditSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('move-shift'),
    agent: Agent,
    date: LocalDate,
    start: Instant.describe('The new start; the length, breaks and sessions move with it.'),
  }),
  z.strictObject({ op: z.literal('swap-shifts'), agents: z.tuple([Agent, Agent]), date: LocalDate }),
  z.strictObject({
    op: z.literal('add-shift'),
    agent: Agent,
    start: Instant,
    end: Instant,
    template: z.string().min(1).max(200),
    breaks: z
      .array(
        z.strictObject({ name: z.string().min(1).default('break'), paid: z.boolean(), start: Instant, end: Instant }),
      )
      .max(10)
      .default([]),
  }),
  z.strictObject({ op: z.literal('remove-shift'), agent: Agent, date: LocalDate }),
  z.strictObject({ op: z.literal('move-break'), agent: Agent, date: LocalDate, index: Index, start: Instant }),
  z.strictObject({
    op: z.literal('add-break'),
    agent: Agent,
    date: LocalDate,
    name: z.string().min(1).default('break'),
    paid: z.boolean(),
    start: Instant,
    end: Instant,
  }),
  z.strictObject({ op: z.literal('remove-break'), agent: Agent, date: LocalDate, index: Index }),
  z.strictObject({ op: z.literal('move-session'), agent: Agent, date: LocalDate, index: Index, start: Instant }),
  z.strictObject({
    op: z.literal('add-session'),
    agent: Agent,
    date: LocalDate,
    pool: z.string().min(1).max(200),
    kind: z.enum(['retraining', 'coaching']).default('retraining'),
    start: Instant,
    end: Instant,
    seats: z.int().min(1).max(1000).default(1).describe('Seats of the session when the plan has none at that time.'),
  }),
  z.strictObject({ op: z.literal('remove-session'), agent: Agent, date: LocalDate, index: Index }),
]);
export type RosterEdit = z.output<typeof RosterEditSchema>;

export const RosterEditRequestSchema = z
  .strictObject({
    edits: z.array(RosterEditSchema).min(1).max(500),
    force: z.boolean().default(false).describe('Keep edits that break a hard rule, as an audited override.'),
    reason: z.string().max(2000).optional().describe('Why the planner insists (required with force).'),
  })
  .refine((r) => !r.force || (r.reason ?? '').trim() !== '', {
    path: ['reason'],
    message: 'a reason is required with force: true',
  });
export type RosterEditRequest = z.output<typeof RosterEditRequestSchema>;
export type RosterEditRequestInput = z.input<typeof RosterEditRequestSchema>;

export function parseRosterEditRequest(data: unknown): RosterEditRequest {
  return parseWith(RosterEditRequestSchema, data, 'roster edit');
}
