/**
 * The previous week's roster, whose rules carry across the horizon's start edge (docs/roster.md,
 * "Across week edges"). Accepted as the `roster.json` that `wfm roster` / `wfm plan` wrote, as a
 * store draft document (`format: "wfm-roster-draft"`), or in the core's own form
 * (`{ firstDate, lastDate, agents: [{ id, shifts }] }`); the agent-days CSV is read into the last
 * form by src/formats/previous-roster-csv.ts. Validated once here; every bad field is named.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { WfmError } from '../errors.js';
import type { PreviousRoster } from '../scheduler/roster/types.js';
import { parseWith } from './validate.js';

/** At most this many agents and shifts in a previous roster (6 weeks of 10,000 agents). */
export const PREVIOUS_ROSTER_LIMITS = { agents: 10_000, shifts: 420_000 } as const;

const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T.*(?:[zZ]|[+-]\d{2}:?\d{2})$/, 'ISO 8601 with an offset');
const PreviousShiftSchema = z.looseObject({
  date: z.iso.date(),
  start: Instant,
  end: Instant,
  paidHours: z.number().min(0).max(24),
  template: z.string().default(''),
});
const GridSchema = z.looseObject({
  start: z.string().min(10),
  intervalMinutes: z.int().min(1).max(60),
  slotCount: z.int().min(1).max(100_000),
  timeZone: z.string().min(1),
});
const CoreFormSchema = z.strictObject({
  firstDate: z.iso.date(),
  lastDate: z.iso.date(),
  agents: z
    .array(z.strictObject({ id: z.string().min(1).max(128), shifts: z.array(PreviousShiftSchema) }))
    .max(PREVIOUS_ROSTER_LIMITS.agents),
});
const RosterJsonSchema = z.looseObject({
  grid: GridSchema,
  agents: z
    .array(z.looseObject({ id: z.string().min(1).max(128), days: z.array(PreviousShiftSchema) }))
    .max(PREVIOUS_ROSTER_LIMITS.agents),
});
const DraftSchema = z.looseObject({
  format: z.literal('wfm-roster-draft'),
  grid: GridSchema,
  agents: z
    .array(z.looseObject({ id: z.string().min(1).max(128), shifts: z.array(PreviousShiftSchema) }))
    .max(PREVIOUS_ROSTER_LIMITS.agents),
});

/** The JSON a request may carry as its previous roster (any of the three forms). */
export const PreviousRosterInputSchema = z
  .unknown()
  .describe(
    'The previous roster: roster.json as written, a store draft document, or { firstDate, lastDate, agents: [{ id, ' +
      'shifts: [{ date, start, end, paidHours, template }] }] }.',
  );

/** A parsed previous roster and the zone it was written in (when it says). */
export interface ParsedPrevious {
  previous: PreviousRoster;
  timeZone?: string;
}

/**
 * Validates a previous roster in any of its JSON forms. `what` names it in messages
 * (`--previous`, `previousRoster`, `previous`).
 */
export function parsePreviousRoster(data: unknown, what = 'previous roster'): ParsedPrevious {
  const doc = data as Record<string, unknown> | null;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw invalid(what, [], 'expected a JSON object (roster.json, a store draft or { firstDate, lastDate, agents })');
  let parsed: ParsedPrevious;
  if ('firstDate' in doc) parsed = { previous: parseWith(CoreFormSchema, doc, what) };
  else if (doc.format === 'wfm-roster-draft') {
    const d = parseWith(DraftSchema, doc, what);
    parsed = fromGrid(
      d.grid,
      d.agents.map((a) => ({ id: a.id, shifts: a.shifts.map(shiftOf) })),
      what,
    );
  } else if ('grid' in doc) {
    const r = parseWith(RosterJsonSchema, doc, what);
    parsed = fromGrid(
      r.grid,
      r.agents.map((a) => ({ id: a.id, shifts: a.days.map(shiftOf) })),
      what,
    );
  } else
    throw invalid(what, [], 'not a roster: expected roster.json (grid, agents[].days), a store draft or firstDate');
  checkShape(parsed.previous, what);
  return parsed;
}

/**
 * Refuses a previous roster that does not end before the horizon's first local day, or that was
 * written in another time zone than the plan's.
 */
export function checkPreviousBefore(
  parsed: ParsedPrevious,
  grid: { start: string; timeZone: string },
  what: string,
): void {
  if (parsed.timeZone !== undefined && parsed.timeZone !== grid.timeZone)
    throw invalid(what, ['grid', 'timeZone'], `is ${parsed.timeZone}; the plan's is ${grid.timeZone}`);
  const first = DateTime.fromISO(grid.start, { zone: grid.timeZone }).toISODate() ?? '';
  if (parsed.previous.lastDate >= first)
    throw invalid(
      what,
      ['lastDate'],
      `ends on ${parsed.previous.lastDate}, not before the horizon's first day ${first} (give the week before)`,
    );
}

function shiftOf(s: z.output<typeof PreviousShiftSchema>): PreviousRoster['agents'][number]['shifts'][number] {
  return { date: s.date, start: s.start, end: s.end, paidHours: s.paidHours, template: s.template };
}

/** First and last local dates of a roster grid ([start, start + slots x interval)). */
function fromGrid(grid: z.output<typeof GridSchema>, agents: PreviousRoster['agents'], what: string): ParsedPrevious {
  const start = DateTime.fromISO(grid.start, { zone: grid.timeZone });
  if (!start.isValid) throw invalid(what, ['grid'], `start or timeZone invalid (${start.invalidExplanation ?? ''})`);
  const last = start.plus({ minutes: grid.slotCount * grid.intervalMinutes - 1 });
  return {
    previous: { firstDate: start.toISODate()!, lastDate: last.toISODate()!, agents },
    timeZone: grid.timeZone,
  };
}

/** Dates in order and inside the roster, ends after starts, ids once, the shift limit. */
function checkShape(p: PreviousRoster, what: string): void {
  if (p.lastDate < p.firstDate) throw invalid(what, ['lastDate'], `before firstDate ${p.firstDate}`);
  const seen = new Set<string>();
  let count = 0;
  p.agents.forEach((a, i) => {
    if (seen.has(a.id)) throw invalid(what, ['agents', i, 'id'], `duplicate agent id "${a.id}"`);
    seen.add(a.id);
    a.shifts.forEach((s, k) => {
      const path = ['agents', i, 'shifts', k];
      if (s.date < p.firstDate || s.date > p.lastDate)
        throw invalid(what, [...path, 'date'], `${s.date} is outside ${p.firstDate} .. ${p.lastDate}`);
      if (!(Date.parse(s.end) > Date.parse(s.start))) throw invalid(what, [...path, 'end'], 'not after start');
    });
    count += a.shifts.length;
  });
  if (count > PREVIOUS_ROSTER_LIMITS.shifts)
    throw invalid(what, ['agents'], `${count} shifts; at most ${PREVIOUS_ROSTER_LIMITS.shifts}`);
}

function invalid(what: string, path: (string | number)[], message: string): WfmError {
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  return new WfmError('WFM_ERR_INPUT_INVALID', `Invalid ${what}: ${where}${message}`, { issues: [{ path, message }] });
}
