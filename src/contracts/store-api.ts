/**
 * Request shapes of the store-backed routes (docs/api.md, "Centres, rosters and calendars").
 * The store validates its own rows again; these schemas are the HTTP boundary and the OpenAPI
 * document.
 */
import { z } from 'zod';

export const CentreParamsSchema = z.object({
  centre: z.string().min(1).max(100).describe("The centre's code (or id)."),
});
export const VersionParamsSchema = CentreParamsSchema.extend({
  version: z.uuid().describe('A roster version id.'),
});
export const DiffParamsSchema = CentreParamsSchema.extend({ from: z.uuid(), to: z.uuid() });
export const AgentParamsSchema = CentreParamsSchema.extend({ agent: z.string().min(1).max(200) });
export const JobParamsSchema = CentreParamsSchema.extend({ id: z.uuid() });
export const CalendarParamsSchema = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,200}\.ics$/, 'a feed token followed by .ics')
    .describe('The agent\'s feed token, then ".ics".'),
});

export const CreateCentreBodySchema = z.strictObject({
  code: z.string().min(1).max(63),
  name: z.string().min(1).max(200),
  timeZone: z.string().min(1).max(100),
});

export const ImportAgentsBodySchema = z.strictObject({
  agents: z.array(z.record(z.string(), z.unknown())).max(100_000),
  removeMissing: z.boolean().default(true).describe('Remove agents the list no longer has (default true).'),
});

/** A roster run to save as a draft: its result and the request it answered, or a finished roster job. */
export const SaveRosterBodySchema = z.union([
  z.strictObject({
    series: z.string().min(1).max(100).describe('The week or period, e.g. "2026-W50".'),
    note: z.string().max(2000).optional(),
    request: z
      .looseObject({ agents: z.unknown(), rules: z.unknown().optional(), options: z.looseObject({}).optional() })
      .describe('The roster request the result answers (`POST /v1/rosters` body; its agents and rules are kept).'),
    result: z
      .looseObject({ grid: z.looseObject({}), agents: z.array(z.unknown()), coverage: z.array(z.unknown()) })
      .describe('The roster result (what `wfm roster` writes, or a roster job returns).'),
  }),
  z.strictObject({
    series: z.string().min(1).max(100),
    note: z.string().max(2000).optional(),
    jobId: z.uuid().describe('A finished roster job of this centre (`POST /v1/centres/:centre/jobs`).'),
  }),
]);
export type SaveRosterBody = z.output<typeof SaveRosterBodySchema>;

export const ListRostersQuerySchema = z.object({ series: z.string().min(1).max(100).optional() });

export const EnqueueJobBodySchema = z.strictObject({
  kind: z
    .enum(['roster', 'plan', 'forecast', 'simulation'])
    .describe(
      'roster: a `POST /v1/rosters` body; plan: a `POST /v1/shift-plans` body; forecast: a `POST /v1/forecast` ' +
        'body; simulation: a `POST /v1/simulations` body.',
    ),
  request: z.unknown().describe('The body of the matching route, checked before the job is queued.'),
  maxAttempts: z.int().min(1).max(5).default(2),
});
