/**
 * The staffing request and response: the JSON body of `wfm staff --input FILE.json` and of
 * `POST /v1/staffing`, and the single-interval form of `wfm erlang` and `POST /v1/erlang`.
 *
 * Inputs are validated here once (adapters call `parseStaffingRequest` / `parseErlangRequest`);
 * the core trusts its types. The response schemas are plain zod objects (no transforms), so they
 * convert to JSON Schema for the OpenAPI document.
 *
 * Input defaults (documented, applied by zod on input only): `model` = "erlang-c"; `target` =
 * `{ serviceLevel: 0.8, answerSeconds: 20 }` when the target object is absent.
 *
 * Size limits: at most `MAX_INTERVALS` (50,000) intervals per request (WFM_ERR_INPUT_TOO_LARGE),
 * volume at most 10,000,000 contacts per interval, handle times at most 86,400 s, at most 16 chat
 * concurrency levels, queue capacity at most 1,000,000.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { QueueParams } from '../erlang/types.js';
import { WfmError } from '../errors.js';
import { parseWith } from './validate.js';
import { INTERVAL_MINUTES } from '../time/instant.js';

/** At most this many intervals in one staffing request (a year of 15-minute intervals is 35,040). */
export const MAX_INTERVALS = 50_000;
export const MAX_VOLUME = 10_000_000;
export const MAX_SECONDS = 86_400;
export const MAX_CHAT_CONCURRENCY = 16;
/** The target used when a request gives none: 80 % answered within 20 s. */
export const DEFAULT_TARGET = Object.freeze({ serviceLevel: 0.8, answerSeconds: 20 });

export const QueueModelSchema = z.enum(['erlang-c', 'erlang-a', 'chat']);
export const VolumeQuantileSchema = z.enum(['p10', 'p50', 'p90']);

const seconds = (what: string) =>
  z
    .number({ error: `${what} must be a finite number of seconds` })
    .min(0, `${what} must be >= 0`)
    .max(MAX_SECONDS, `${what} must be at most ${MAX_SECONDS} s`);
const positiveSeconds = (what: string) => seconds(what).refine((v) => v > 0, `${what} must be > 0`);

export const StaffingTargetSchema = z
  .strictObject({
    serviceLevel: z.number().gt(0, 'serviceLevel must be in (0, 1)').lt(1, 'serviceLevel must be in (0, 1)').optional(),
    answerSeconds: seconds('answerSeconds').optional(),
    maxAsaSeconds: positiveSeconds('maxAsaSeconds').optional(),
    maxOccupancy: z
      .number()
      .gt(0, 'maxOccupancy must be in (0, 1]')
      .max(1, 'maxOccupancy must be in (0, 1]')
      .optional(),
    maxAbandonRate: z
      .number()
      .gt(0, 'maxAbandonRate must be in (0, 1)')
      .lt(1, 'maxAbandonRate must be in (0, 1)')
      .optional(),
  })
  .describe('Targets met all at once by the minimal agent count; absent fields are not active.');

export const ChatSchema = z.strictObject({
  ahtSecondsByConcurrency: z
    .array(positiveSeconds('ahtSecondsByConcurrency[k]'))
    .min(1, 'give the handle time at concurrency 1 at least')
    .max(MAX_CHAT_CONCURRENCY, `at most ${MAX_CHAT_CONCURRENCY} concurrency levels`)
    .describe('Handle time, seconds, when an agent holds 1, 2, ... k chats at once.'),
});

/** At most this many interval slots (first to last start, gaps included) for deferred work. */
export const MAX_DEFERRED_SLOTS = 10_000;

export const DeferredSchema = z
  .strictObject({
    deadlineHours: z.number().gt(0, 'deadlineHours must be > 0').max(720, 'deadlineHours must be at most 720'),
    maxOccupancy: z
      .number()
      .gt(0, 'maxOccupancy must be in (0, 1]')
      .max(1, 'maxOccupancy must be in (0, 1]')
      .optional(),
  })
  .describe(
    'Deferred work (email, back office): finish each ' +
      "interval's work within " +
      'deadlineHours at an occupancy target, carrying work to later intervals; replaces the live-queue model. ' +
      'Missing intervals are closed.',
  );

/** The queue description shared by the interval-list and single-interval requests. */
const queueFields = {
  model: QueueModelSchema.default('erlang-c').describe('Queue model; default erlang-c.'),
  target: StaffingTargetSchema.default({ ...DEFAULT_TARGET }).describe('Default: 80 % answered within 20 s.'),
  patienceSeconds: positiveSeconds('patienceSeconds')
    .optional()
    .describe('Mean patience (exponential), s. Erlang A and chat.'),
  queueCapacity: z
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('Lines: contacts in system at most (Erlang A, chat).'),
  shrinkage: z.number().min(0, 'shrinkage must be in [0, 1)').lt(1, 'shrinkage must be in [0, 1)').optional(),
  chat: ChatSchema.optional(),
};

interface QueueFieldsValue {
  model: z.infer<typeof QueueModelSchema>;
  target: z.infer<typeof StaffingTargetSchema>;
  patienceSeconds?: number | undefined;
  queueCapacity?: number | undefined;
  chat?: z.infer<typeof ChatSchema> | undefined;
}

/** Cross-field rules shared by both requests. */
function checkQueue(value: QueueFieldsValue, ctx: z.RefinementCtx): void {
  const { model, target } = value;
  if (target.serviceLevel !== undefined && target.answerSeconds === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['target', 'answerSeconds'],
      message: 'answerSeconds is required with a serviceLevel target',
    });
  }
  if (model === 'erlang-a' && value.patienceSeconds === undefined) {
    ctx.addIssue({ code: 'custom', path: ['patienceSeconds'], message: 'the erlang-a model needs patienceSeconds' });
  }
  if (model === 'chat' && value.chat === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['chat', 'ahtSecondsByConcurrency'],
      message: 'the chat model needs chat.ahtSecondsByConcurrency',
    });
  }
  if (model === 'erlang-c') {
    for (const key of ['patienceSeconds', 'queueCapacity'] as const) {
      if (value[key] !== undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} needs the erlang-a or chat model` });
    }
    if (target.maxAbandonRate !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['target', 'maxAbandonRate'],
        message: 'maxAbandonRate needs the erlang-a or chat model',
      });
    }
  }
  if (model !== 'chat' && value.chat !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['chat'], message: 'chat settings need the chat model' });
  }
}

const volume = z
  .number({ error: 'volume must be a finite number' })
  .min(0, 'volume must be >= 0')
  .max(MAX_VOLUME, `volume must be at most ${MAX_VOLUME}`);

export const StaffingIntervalInputSchema = z
  .strictObject({
    start: z
      .string()
      .min(1, 'start is empty')
      .max(64)
      .describe('ISO 8601 with offset, or wall-clock time in timeZone.'),
    volume: volume.describe('Contacts offered in the interval.'),
    ahtSeconds: seconds('ahtSeconds').describe('Average handle time, s; > 0 when volume > 0.'),
    agents: z
      .int('agents must be a whole number')
      .min(0, 'agents must be >= 0')
      .max(1_000_000)
      .optional()
      .describe('Given agents: the interval is evaluated, not solved.'),
    volumeP10: volume.optional().describe('Forecast band (from `wfm forecast`), used with volumeQuantile.'),
    volumeP90: volume.optional(),
  })
  .superRefine((row, ctx) => {
    if (row.volume > 0 && row.ahtSeconds === 0) {
      ctx.addIssue({ code: 'custom', path: ['ahtSeconds'], message: 'ahtSeconds must be > 0 when volume > 0' });
    }
  });

export const StaffingRequestSchema = z
  .strictObject({
    intervalMinutes: z
      .union(INTERVAL_MINUTES.map((m) => z.literal(m)))
      .optional()
      .describe(`Interval length, minutes (${INTERVAL_MINUTES.join(', ')}); inferred from the starts when absent.`),
    timeZone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), 'unknown IANA time zone')
      .optional()
      .describe('IANA zone for wall-clock starts and for the output offsets; default UTC.'),
    volumeQuantile: VolumeQuantileSchema.optional().describe('Staff at a forecast band: p10 | p50 (volume) | p90.'),
    deferred: DeferredSchema.optional(),
    ...queueFields,
    intervals: z
      .array(StaffingIntervalInputSchema)
      .min(1, 'give at least one interval')
      .max(MAX_INTERVALS, `at most ${MAX_INTERVALS} intervals`),
  })
  .superRefine((request, ctx) => {
    checkQueue(request, ctx);
    if (request.deferred && request.model !== 'erlang-c') {
      ctx.addIssue({
        code: 'custom',
        path: ['deferred'],
        message: 'deferred work replaces the queue model; leave model out (or erlang-c)',
      });
    }
    if (request.deferred) {
      request.intervals.forEach((row, i) => {
        if (row.agents !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['intervals', i, 'agents'],
            message: 'given agents are not supported for deferred work',
          });
      });
    }
    const quantile = request.volumeQuantile;
    if (quantile === 'p10' || quantile === 'p90') {
      const key = quantile === 'p10' ? 'volumeP10' : 'volumeP90';
      request.intervals.forEach((row, i) => {
        if (row[key] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['intervals', i, key],
            message: `${key} is required for volumeQuantile ${quantile}`,
          });
      });
    }
    const seen = new Map<string, number>();
    request.intervals.forEach((row, i) => {
      const first = seen.get(row.start);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['intervals', i, 'start'],
          message: `duplicate interval (same start as intervals[${first}])`,
        });
      else seen.set(row.start, i);
    });
  });

export const ErlangRequestSchema = z
  .strictObject({
    volume: volume.describe('Contacts offered in the interval.'),
    intervalMinutes: z.number().gt(0, 'intervalMinutes must be > 0').max(1440, 'intervalMinutes must be at most 1440'),
    ahtSeconds: seconds('ahtSeconds'),
    agents: z
      .int('agents must be a whole number')
      .min(0, 'agents must be >= 0')
      .max(1_000_000)
      .optional()
      .describe('Given agents: evaluate instead of solve.'),
    ...queueFields,
  })
  .superRefine((request, ctx) => {
    checkQueue(request, ctx);
    if (request.volume > 0 && request.ahtSeconds === 0) {
      ctx.addIssue({ code: 'custom', path: ['ahtSeconds'], message: 'ahtSeconds must be > 0 when volume > 0' });
    }
  });

/** The core's `QueueParams` (note `targets`, plural), as carried by worker payloads. */
export const QueueParamsSchema = z.strictObject({
  model: QueueModelSchema,
  targets: StaffingTargetSchema,
  patienceSeconds: positiveSeconds('patienceSeconds').optional(),
  queueCapacity: z.int().min(1).max(1_000_000).optional(),
  shrinkage: z.number().min(0).lt(1).optional(),
  chat: ChatSchema.optional(),
});

/** A batch (see src/erlang/batch.ts) as a worker payload: shapes and array lengths checked. */
export const StaffingBatchSchema = z
  .strictObject({
    intervalMinutes: z.number().gt(0).max(1440),
    seriesCount: z.int().min(0),
    intervalCount: z.int().min(0),
    params: z.array(QueueParamsSchema).min(1),
    volume: z.instanceof(Float64Array),
    ahtSeconds: z.instanceof(Float64Array),
    output: z.enum(['full', 'agents']).optional(),
  })
  .superRefine((batch, ctx) => {
    const cells = batch.seriesCount * batch.intervalCount;
    for (const key of ['volume', 'ahtSeconds'] as const) {
      if (batch[key].length !== cells)
        ctx.addIssue({ code: 'custom', path: [key], message: `expected ${cells} values, got ${batch[key].length}` });
    }
    if (batch.params.length !== 1 && batch.params.length !== batch.seriesCount) {
      ctx.addIssue({ code: 'custom', path: ['params'], message: 'give one params entry, or one per series' });
    }
    for (let i = 0; i < cells; i++) {
      const v = batch.volume[i] as number;
      const a = batch.ahtSeconds[i] as number;
      if (!(v >= 0 && v <= MAX_VOLUME) || !(a >= 0 && a <= MAX_SECONDS) || (v > 0 && a === 0)) {
        ctx.addIssue({ code: 'custom', path: ['volume', i], message: `bad cell ${i}: volume ${v}, ahtSeconds ${a}` });
        break;
      }
    }
  });

// ---- Responses (plain objects: JSON-schema friendly). Infinite values are written as null. ----

const nullableNumber = (description: string) => z.number().nullable().describe(description);

/** Metrics of one interval; `start` is absent in the single-interval (`wfm erlang`) response. */
export const IntervalResultSchema = z.object({
  start: z.string().optional().describe('Interval start, ISO 8601 with the offset of timeZone.'),
  volume: z.number(),
  ahtSeconds: z.number(),
  erlangs: z.number().describe('Offered traffic A = volume x ahtSeconds / (intervalMinutes x 60).'),
  agents: z.int().describe('Agents required (solved) or given (evaluated).'),
  agentsFractional: z.number().describe('Requirement continuous in N: agents - 1 < agentsFractional <= agents.'),
  headcount: z.int().describe('ceil(agents / (1 - shrinkage) - eps).'),
  serviceLevel: z.number().describe('Answered within answerSeconds over offered.'),
  asaSeconds: nullableNumber('Mean wait of answered contacts, s; null when infinite (unstable).'),
  occupancy: z.number(),
  probWait: z.number(),
  queueLength: nullableNumber('Mean number waiting; null when infinite.'),
  unstable: z.boolean().describe('N <= A without abandonment: the queue grows without bound.'),
  evaluated: z.boolean().describe('True when the agents were given (evaluated), false when solved.'),
  met: z.boolean().describe('Every active target is met at these agents.'),
  binding: z
    .string()
    .describe("Which target decided N ('serviceLevel', 'maxAsaSeconds', ..., 'given' when evaluated)."),
  abandonRate: z.number().optional(),
  slAnsweredOfAnswered: z.number().optional(),
  slWaitEndedWithin: z.number().optional(),
  slVirtual: z.number().optional(),
  asaVirtualSeconds: nullableNumber('E[V], the wait of a caller with infinite patience, s.').optional(),
  asaAllSeconds: nullableNumber('Mean wait over all arrivals, abandoners included, s.').optional(),
  blockRate: z.number().optional(),
  abandonmentCapped: z
    .boolean()
    .optional()
    .describe('Erlang A and chat: false when no maxAbandonRate target was given.'),
  inSystem: nullableNumber('Mean number in system (waiting + in service).').optional(),
  sojournSeconds: nullableNumber('Mean time in system of an answered contact, s.').optional(),
  note: z.string().optional().describe('Why a target is not met, or that abandonment was not capped.'),
});

export const StaffingTotalsSchema = z.object({
  intervals: z.int(),
  volume: z.number(),
  workloadHours: z.number().describe('Sum of volume x ahtSeconds, hours.'),
  agentHours: z.number().describe('Sum of agents x interval length, hours.'),
  agentHoursFractional: z.number().describe('Sum of agentsFractional x interval length (no stacked round-ups), hours.'),
  headcountHours: z.number().describe('Sum of headcount x interval length (after shrinkage), hours.'),
  peakAgents: z.int(),
  peakHeadcount: z.int(),
  serviceLevel: z.number().describe('Volume-weighted service level (1 with no volume).'),
  worstServiceLevel: z.number().describe('Lowest service level of an interval with volume (1 when none).'),
  asaSeconds: z
    .number()
    .nullable()
    .describe('Mean wait of answered contacts over all intervals, s; null when infinite (an unstable interval).'),
  occupancy: z.number().describe('Busy agent time over staffed agent time.'),
  abandonRate: z.number().optional().describe('Volume-weighted abandonment (Erlang A, chat).'),
  unstableIntervals: z.int(),
  unmetIntervals: z.int().describe('Intervals where a target is not met.'),
});

export const StaffingResponseSchema = z.object({
  intervalMinutes: z.number(),
  timeZone: z.string(),
  model: QueueModelSchema,
  target: StaffingTargetSchema,
  patienceSeconds: z
    .number()
    .optional()
    .describe('Erlang A: the patience staffed with, echoed so that a shift plan can simulate the queue.'),
  queueCapacity: z.number().optional().describe('The queue capacity staffed with, when one was given.'),
  shrinkage: z.number(),
  deferred: DeferredSchema.optional(),
  intervals: z.array(IntervalResultSchema),
  totals: StaffingTotalsSchema,
});

export const ErlangResponseSchema = IntervalResultSchema.omit({ start: true }).extend({
  intervalMinutes: z.number(),
  model: QueueModelSchema,
  target: StaffingTargetSchema,
});

export type StaffingRequestInput = z.input<typeof StaffingRequestSchema>;
export type StaffingRequest = z.output<typeof StaffingRequestSchema>;
export type StaffingIntervalInput = z.output<typeof StaffingIntervalInputSchema>;
export type ErlangRequestInput = z.input<typeof ErlangRequestSchema>;
export type ErlangRequest = z.output<typeof ErlangRequestSchema>;
export type IntervalResult = z.infer<typeof IntervalResultSchema>;
export type StaffingResponseTotals = z.infer<typeof StaffingTotalsSchema>;
export type StaffingResponse = z.infer<typeof StaffingResponseSchema>;
export type ErlangResponse = z.infer<typeof ErlangResponseSchema>;

/**
 * Validates a staffing request (JSON value). Throws WFM_ERR_INPUT_TOO_LARGE over `MAX_INTERVALS`
 * intervals, else WFM_ERR_INPUT_INVALID naming every bad field (`intervals[3].volume: ...`).
 */
export function parseStaffingRequest(data: unknown): StaffingRequest {
  const intervals = (data as { intervals?: unknown } | null)?.intervals;
  if (Array.isArray(intervals) && intervals.length > MAX_INTERVALS) {
    throw new WfmError(
      'WFM_ERR_INPUT_TOO_LARGE',
      `A staffing request holds at most ${MAX_INTERVALS} intervals (got ${intervals.length}).`,
      {
        issues: [{ path: ['intervals'], message: `at most ${MAX_INTERVALS} intervals` }],
      },
    );
  }
  return parseWith(StaffingRequestSchema, data, 'staffing request');
}

/** Validates a single-interval (`wfm erlang`, `POST /v1/erlang`) request. */
export function parseErlangRequest(data: unknown): ErlangRequest {
  return parseWith(ErlangRequestSchema, data, 'erlang request');
}

type QueueRequest = Pick<
  StaffingRequest,
  'model' | 'target' | 'patienceSeconds' | 'queueCapacity' | 'shrinkage' | 'chat'
>;

/** The core's queue parameters from a request (only the fields that are set). */
export function queueParamsOf(request: QueueRequest): QueueParams {
  return {
    model: request.model,
    targets: { ...request.target },
    ...(request.patienceSeconds === undefined ? {} : { patienceSeconds: request.patienceSeconds }),
    ...(request.queueCapacity === undefined ? {} : { queueCapacity: request.queueCapacity }),
    ...(request.shrinkage === undefined ? {} : { shrinkage: request.shrinkage }),
    ...(request.chat === undefined
      ? {}
      : { chat: { ahtSecondsByConcurrency: [...request.chat.ahtSecondsByConcurrency] } }),
  };
}
