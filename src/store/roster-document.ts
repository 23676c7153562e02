import { z } from 'zod';

/**
 * The minimal roster shape the store needs (the full roster type lives with the scheduler and is
 * moving): agents, each with shifts as ISO instants. Extra fields anywhere are kept in the stored
 * JSON document untouched.
 */
export interface RosterDocument {
  agents: RosterAgent[];
  [extra: string]: unknown;
}

export interface RosterAgent {
  id: string;
  shifts: RosterShift[];
  [extra: string]: unknown;
}

export interface RosterShift {
  /** ISO 8601 with an offset. */
  start: string;
  end: string;
  /** The shift template's name, e.g. "early-8h". */
  template: string;
  breaks?: TimedItem[];
  activities?: TimedItem[];
  /** A multi-skill plan's shift: the skills (queue names) it was planned for. */
  skills?: string[];
  [extra: string]: unknown;
}

export interface TimedItem {
  start: string;
  end: string;
  kind?: string;
  [extra: string]: unknown;
}

const Instant = z.string().regex(/(?:[zZ]|[+-]\d{2}:?\d{2})$/, 'ISO 8601 with an offset');
const TimedItemSchema = z.looseObject({ start: Instant, end: Instant, kind: z.string().optional() });
const RosterShiftSchema = z.looseObject({
  start: Instant,
  end: Instant,
  template: z.string().min(1),
  breaks: z.array(TimedItemSchema).optional(),
  activities: z.array(TimedItemSchema).optional(),
  skills: z.array(z.string().min(1)).optional(),
});
export const RosterDocumentSchema = z.looseObject({
  agents: z.array(z.looseObject({ id: z.string().min(1), shifts: z.array(RosterShiftSchema) })),
});
