/**
 * Request shapes of the store-backed routes (docs/api.md, "Centres, rosters and calendars").
 * The store validates its own rows again; these schemas are the HTTP boundary and the OpenAPI
 * document.
 */
import { z } from 'zod';
import { ForecastOptionsSchema } from './forecast.js';

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

/** `?coverage=true`: the edit's answer also carries coverage per interval and the touched agents' shifts. */
export const EditQuerySchema = z.object({
  coverage: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: also answer coverage per interval and the shifts of the agents the edits touched.'),
});

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

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local day, YYYY-MM-DD');

export const QueueParamsSchema = CentreParamsSchema.extend({
  queue: z.string().min(1).max(100).describe("The queue's name."),
});
export const ForecastParamsSchema = CentreParamsSchema.extend({ id: z.uuid().describe('A stored forecast id.') });
export const OverrideParamsSchema = ForecastParamsSchema.extend({ override: z.uuid() });
export const ScenarioParamsSchema = CentreParamsSchema.extend({ name: z.string().min(1).max(200) });
export const CompareScenariosParamsSchema = CentreParamsSchema.extend({
  a: z.string().min(1).max(200),
  b: z.string().min(1).max(200),
});

export const UpsertQueueBodySchema = z.strictObject({
  channel: z.enum(['voice', 'chat', 'email', 'other']),
  model: z.enum(['erlang-c', 'erlang-a', 'chat', 'deferred']),
  target: z
    .record(z.string(), z.unknown())
    .describe('The queue\'s target, e.g. { "serviceLevel": 0.8, "answerSeconds": 20 }.'),
  priority: z.int().min(1).default(1),
});

/** History rows are appended by interval start: a start already stored is replaced, not doubled. */
export const AppendHistoryBodySchema = z.strictObject({
  intervalMinutes: z.int().describe("The rows' interval length, minutes (5, 10, 15, 20, 30 or 60)."),
  rows: z
    .array(
      z.strictObject({
        start: z.string().min(1).describe("ISO 8601 with an offset, or local time in the centre's zone."),
        volume: z.number().finite().min(0),
        ahtSeconds: z.number().finite().positive().nullable().optional(),
      }),
    )
    .min(1)
    .max(200_000),
});
export const HistoryQuerySchema = z.object({ from: Day, to: Day });

export const StoreForecastBodySchema = z.strictObject({
  name: z.string().min(1).max(200),
  fromDay: Day.optional().describe('First stored history day used (default: the first stored).'),
  toDay: Day.optional().describe('Last stored history day used (default: the last stored).'),
  options: ForecastOptionsSchema.omit({ timeZone: true })
    .default({})
    .describe("The options of POST /v1/forecast (weeks, method, weekStart, ...); the centre's time zone applies."),
});

export const SaveScenarioBodySchema = z.strictObject({
  name: z.string().min(1).max(200),
  request: z.unknown().describe('A POST /v1/what-if body: run now, then kept with its result.'),
  replace: z.boolean().default(false).describe('Overwrite a scenario of the same name (the audit keeps the old).'),
});
