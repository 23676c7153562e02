/**
 * The bodies of the planner page's exports (`POST /web/export/roster.csv`, `/web/export/agent.ics`,
 * `/web/export/report.html`): a roster result as `wfm roster` writes it, checked as deep as the
 * export writers read it (every time an instant with its offset, every list bounded), so that a
 * malformed roster is a 400 naming the field instead of a writer failing half way.
 */
import { z } from 'zod';
import { ForecastResultSchema } from './forecast.js';
import { StaffingResponseSchema } from './staffing.js';

const text = (max: number) => z.string().max(max);
/** An ISO 8601 instant with its offset (`2026-06-01T08:00:00+02:00` or `...Z`), as roster results carry. */
const instant = z.iso.datetime({ offset: true });

/** A span whose end is after its start (calendar events cannot run backwards). */
function span<T extends z.ZodRawShape>(shape: T) {
  return z
    .looseObject({ ...shape, start: instant, end: instant })
    .refine((s) => Date.parse(s.end as string) > Date.parse(s.start as string), {
      message: 'end must be after start',
      path: ['end'],
    });
}

export const RosterExportBreakSchema = span({ name: text(200), paid: z.boolean() });
export const RosterExportSessionSchema = span({ pool: text(200), kind: z.enum(['retraining', 'coaching']) });

export const RosterExportDaySchema = span({
  date: z.iso.date(),
  template: text(200),
  paidHours: z.number().min(0).max(48),
  breaks: z.array(RosterExportBreakSchema).max(50),
  retraining: z.array(RosterExportSessionSchema).max(50),
  extra: z.boolean().optional(),
});

export const RosterExportAgentSchema = z.looseObject({
  id: z.string().min(1).max(128),
  name: text(200),
  team: text(200),
  days: z.array(RosterExportDaySchema).max(400),
});

/** A roster result as far as the CSV and iCalendar exports read it (other fields pass through). */
export const RosterExportSchema = z.looseObject({
  grid: z.looseObject({ start: instant, timeZone: z.string().min(1).max(64) }),
  agents: z.array(RosterExportAgentSchema).max(10_000),
  coverage: z
    .array(z.looseObject({ start: instant }))
    .max(50_000)
    .default([]),
});
export type RosterExport = z.output<typeof RosterExportSchema>;

/** `POST /web/export/agent.ics`: one agent's shifts as an iCalendar file. */
export const AgentIcsSchema = z.strictObject({ roster: RosterExportSchema, agentId: z.string().min(1).max(128) });

/** `POST /web/export/report.html`: the week on the page, as the HTML report of `wfm plan`. */
export const ReportExportSchema = z.strictObject({
  name: z.string().min(1).max(200).default('Planner page'),
  forecast: ForecastResultSchema,
  staffing: StaffingResponseSchema,
  plan: z.looseObject({
    grid: z.looseObject({ start: z.string() }),
    quality: z.looseObject({}),
    coverage: z.array(z.unknown()),
    retraining: z.array(z.unknown()),
    issues: z.array(z.unknown()),
  }),
  roster: RosterExportSchema.and(
    z.looseObject({
      quality: z.looseObject({}),
      score: z.looseObject({}),
      retraining: z.looseObject({ days: z.array(z.unknown()) }),
    }),
  ),
  /** Several queues: the roster simulated per queue (`POST /web/queues/simulate`), for the section "Queues". */
  queues: z
    .looseObject({
      seed: z.number(),
      replications: z.number(),
      queues: z
        .array(z.looseObject({ name: z.string().max(100), intervals: z.array(z.looseObject({ start: instant })) }))
        .min(1)
        .max(20),
    })
    .optional(),
});

const queueName = z.string().min(1, 'name is empty').max(100);

/** `POST /web/queues/combine`: each queue's forecast and staffing (the page ran them), to plan as one. */
export const QueuesCombineSchema = z.strictObject({
  queues: z
    .array(z.strictObject({ name: queueName, forecast: ForecastResultSchema, staffing: StaffingResponseSchema }))
    .min(2, 'at least two queues')
    .max(20, 'at most 20 queues'),
});

/**
 * `POST /web/queues/simulate`: the roster simulated per queue (the report's "Queues" section). At most
 * 20 replications and 2,000 agents, so that the answer stays within a few seconds.
 */
export const QueuesSimulateSchema = z.strictObject({
  queues: z
    .array(
      z.strictObject({
        name: queueName,
        priority: z.number().min(-1000).max(1000).default(0),
        staffing: StaffingResponseSchema,
      }),
    )
    .min(2, 'at least two queues')
    .max(20, 'at most 20 queues'),
  roster: RosterExportSchema,
  agents: z.array(z.unknown()).max(2000, 'at most 2,000 agents'),
  timeZone: z.string().min(1).max(100),
  replications: z.int().min(2).max(20).default(5),
  seed: z.int().min(0).max(2_147_483_647).default(1),
});
