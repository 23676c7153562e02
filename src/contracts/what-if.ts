/**
 * The what-if request: the JSON body of `wfm what-if --input FILE` and of `POST /v1/what-if`.
 *
 * ```json
 * { "queues": [{ "name": "sales", "request": { ...a POST /v1/staffing body... }, "rosterHeadcount": [12, 14, ...] }],
 *   "sweep": { "volumeFactor": [1, 1.1, 1.2], "serviceLevel": [0.8, 0.9] },
 *   "scenarios": [{ "name": "AHT 310 s", "ahtFactor": 1.1 }],
 *   "detail": "intervals" }
 * ```
 *
 * Scenarios: the explicit `scenarios` first, then every combination of `sweep`; with neither,
 * the base alone. Each queue's `request` is exactly a staffing request; its intervals' `agents`
 * are ignored (a what-if computes requirements; a fixed staffing is `rosterHeadcount`).
 */
import { z } from 'zod';
import { WfmError, type WfmIssue } from '../errors.js';
import { parseWith } from './validate.js';
import { inferIntervalMinutes, parseInstant } from '../time/instant.js';
import { expandScenarios, sweepSize } from '../what-if/scenarios.js';
import type { WhatIfInput, WhatIfQueue } from '../what-if/types.js';
import { queueParamsOf } from './staffing.js';
import { StaffingRequestSchema, type StaffingRequest } from './staffing.js';

/** Defaults of the service limits (the API's `maxScenarios` may lower or raise the first). */
export const MAX_WHAT_IF_SCENARIOS = 5_000;
/** Scenarios x intervals at most in one request (a year of 15-minute intervals x 500 scenarios). */
export const MAX_WHAT_IF_CELLS = 20_000_000;
export const MAX_WHAT_IF_QUEUES = 200;

const factor = (what: string) => z.number().gt(0, `${what} must be > 0`).max(100, `${what} must be at most 100`);
const fraction01 = (what: string) => z.number().gt(0, `${what} must be in (0, 1)`).lt(1, `${what} must be in (0, 1)`);
const answerSeconds = z
  .number()
  .min(0, 'answerSeconds must be >= 0')
  .max(86_400, 'answerSeconds must be at most 86400 s');
const shrinkage = z.number().min(0, 'shrinkage must be in [0, 1)').lt(1, 'shrinkage must be in [0, 1)');
const maxOccupancy = z.number().gt(0, 'maxOccupancy must be in (0, 1]').max(1, 'maxOccupancy must be in (0, 1]');
const model = z.enum(['erlang-c', 'erlang-a']);

const changeFields = {
  volumeFactor: factor('volumeFactor').optional().describe('Multiplies every volume (1.15 = +15 %).'),
  ahtFactor: factor('ahtFactor').optional().describe('Multiplies every handle time.'),
  serviceLevel: fraction01('serviceLevel').optional().describe('Service-level target.'),
  answerSeconds: answerSeconds.optional().describe('Answer time of the service-level target, s.'),
  shrinkage: shrinkage.optional(),
  maxOccupancy: maxOccupancy.optional().describe('Occupancy cap.'),
  model: model.optional().describe('erlang-a needs the queue to give patienceSeconds.'),
};

export const WhatIfScenarioSchema = z.strictObject({ name: z.string().min(1).max(200).optional(), ...changeFields });

const list = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, 'give at least one value').max(1000, 'at most 1000 values');

export const WhatIfSweepSchema = z
  .strictObject({
    volumeFactor: list(factor('volumeFactor')).optional(),
    ahtFactor: list(factor('ahtFactor')).optional(),
    serviceLevel: list(fraction01('serviceLevel')).optional(),
    answerSeconds: list(answerSeconds).optional(),
    shrinkage: list(shrinkage).optional(),
    maxOccupancy: list(maxOccupancy).optional(),
    model: list(model).optional(),
  })
  .describe('Every combination of these values is a scenario.');

export const WhatIfQueueSchema = z.strictObject({
  name: z.string().min(1).max(200).optional().describe('Default "queue <k>".'),
  request: StaffingRequestSchema.describe('The queue and its week: a POST /v1/staffing body.'),
  rosterHeadcount: z
    .array(z.int('rosterHeadcount must hold whole numbers').min(0, 'rosterHeadcount must be >= 0').max(1_000_000))
    .optional()
    .describe('A fixed roster: heads scheduled per interval, in the order of request.intervals.'),
});

export const WhatIfRequestSchema = z
  .strictObject({
    queues: z
      .array(WhatIfQueueSchema)
      .min(1, 'give at least one queue')
      .max(MAX_WHAT_IF_QUEUES, `at most ${MAX_WHAT_IF_QUEUES} queues`),
    sweep: WhatIfSweepSchema.optional(),
    scenarios: z.array(WhatIfScenarioSchema).max(MAX_WHAT_IF_SCENARIOS).optional(),
    detail: z.enum(['intervals', 'summary']).default('intervals').describe("'summary' omits the per-interval arrays."),
  })
  .superRefine((request, ctx) => {
    request.queues.forEach((q, k) => {
      if (q.rosterHeadcount && q.rosterHeadcount.length !== q.request.intervals.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['queues', k, 'rosterHeadcount'],
          message: `has ${q.rosterHeadcount.length} entries for ${q.request.intervals.length} intervals`,
        });
      }
    });
  });

export type WhatIfRequestInput = z.input<typeof WhatIfRequestSchema>;
export type WhatIfRequest = z.output<typeof WhatIfRequestSchema>;

const ScenarioResultQueueSchema = z.object({
  name: z.string(),
  agentHours: z.number().describe('Sum of agents on the phones x interval length, hours.'),
  headcountHours: z.number().describe('Sum of headcount (after shrinkage) x interval length, hours.'),
  peakHeadcount: z.number(),
  serviceLevel: z.number().nullable().describe('Volume-weighted service level achieved at the required agents.'),
  unmetIntervals: z.int(),
  headcount: z.array(z.number().nullable()).optional().describe('Headcount per interval (null where unmet).'),
  roster: z
    .object({
      serviceLevel: z
        .number()
        .nullable()
        .describe('Volume-weighted service level of the fixed roster under this scenario.'),
      intervalsUnderRequirement: z.int(),
      shortAgentIntervals: z.number(),
      serviceLevelByInterval: z.array(z.number()).optional(),
    })
    .optional(),
});

export const WhatIfResponseSchema = z.object({
  scenarioCount: z.int(),
  intervalCount: z.int().describe('Intervals per scenario, summed over queues.'),
  scenarios: z.array(
    z.object({
      index: z.int(),
      name: z.string(),
      changes: WhatIfScenarioSchema.omit({ name: true }),
      totals: z.object({
        agentHours: z.number(),
        headcountHours: z.number(),
        serviceLevel: z.number().nullable(),
        unmetIntervals: z.int(),
        rosterServiceLevel: z.number().nullable(),
      }),
      queues: z.array(ScenarioResultQueueSchema),
    }),
  ),
});

/** The number of scenarios a request expands to (before building it). */
export function whatIfScenarioCount(request: Pick<WhatIfRequest, 'sweep' | 'scenarios'>): number {
  const n = (request.scenarios?.length ?? 0) + sweepSize(request.sweep);
  return n === 0 ? 1 : n;
}

function volumeOf(row: StaffingRequest['intervals'][number], quantile: StaffingRequest['volumeQuantile']): number {
  if (quantile === 'p10' && row.volumeP10 !== undefined) return row.volumeP10;
  if (quantile === 'p90' && row.volumeP90 !== undefined) return row.volumeP90;
  return row.volume;
}

/**
 * Turns a validated request into the core's input: scenarios expanded, each queue's week as
 * typed arrays, the interval length given or inferred from the starts. Throws 413
 * `WFM_ERR_INPUT_TOO_LARGE` over `maxScenarios` or `MAX_WHAT_IF_CELLS`, and 400 naming the field
 * for a scenario that needs what a queue lacks (Erlang A without patienceSeconds, a service-level
 * target without an answer time).
 */
export function buildWhatIfInput(request: WhatIfRequest, maxScenarios = MAX_WHAT_IF_SCENARIOS): WhatIfInput {
  const count = whatIfScenarioCount(request);
  let intervalCount = 0;
  for (const q of request.queues) intervalCount += q.request.intervals.length;
  if (count > maxScenarios) {
    throw new WfmError(
      'WFM_ERR_INPUT_TOO_LARGE',
      `At most ${maxScenarios} scenarios per what-if (this one expands to ${count}).`,
      {
        issues: [{ path: ['sweep'], message: `expands to ${count} scenarios; at most ${maxScenarios}` }],
      },
    );
  }
  if (count * intervalCount > MAX_WHAT_IF_CELLS) {
    throw new WfmError(
      'WFM_ERR_INPUT_TOO_LARGE',
      `At most ${MAX_WHAT_IF_CELLS} scenario-intervals per what-if (got ${count} x ${intervalCount}).`,
      {
        issues: [{ path: ['sweep'], message: `scenarios x intervals at most ${MAX_WHAT_IF_CELLS}` }],
      },
    );
  }
  const scenarios = expandScenarios(request.scenarios ?? [], request.sweep);
  const issues: WfmIssue[] = [];
  const usesErlangA = scenarios.some((s) => s.model === 'erlang-a');
  const setsSlWithoutTime = scenarios.some((s) => s.serviceLevel !== undefined && s.answerSeconds === undefined);
  request.queues.forEach((q, k) => {
    if (usesErlangA && q.request.patienceSeconds === undefined) {
      issues.push({
        path: ['queues', k, 'request', 'patienceSeconds'],
        message: 'a scenario uses erlang-a, which needs patienceSeconds',
      });
    }
    if (setsSlWithoutTime && q.request.target.answerSeconds === undefined) {
      issues.push({
        path: ['queues', k, 'request', 'target', 'answerSeconds'],
        message: 'a scenario sets serviceLevel without answerSeconds, and the queue has none',
      });
    }
    if (q.request.model === 'chat' && scenarios.some((s) => s.model !== undefined)) {
      issues.push({
        path: ['queues', k, 'request', 'model'],
        message: 'a chat queue cannot switch model in a scenario',
      });
    }
  });
  if (issues.length > 0) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `Invalid what-if request: ${issues[0]?.message ?? ''}`, { issues });
  }
  const queues: WhatIfQueue[] = request.queues.map((q, k) => {
    const r = q.request;
    const n = r.intervals.length;
    const volume = new Float64Array(n);
    const ahtSeconds = new Float64Array(n);
    r.intervals.forEach((row, i) => {
      volume[i] = volumeOf(row, r.volumeQuantile);
      ahtSeconds[i] = row.ahtSeconds;
    });
    const intervalMinutes = r.intervalMinutes ?? inferMinutes(r, k);
    const queue: WhatIfQueue = {
      name: q.name ?? `queue ${k + 1}`,
      intervalMinutes,
      params: queueParamsOf(r),
      volume,
      ahtSeconds,
    };
    if (q.rosterHeadcount) queue.rosterHeadcount = Float64Array.from(q.rosterHeadcount);
    return queue;
  });
  return { queues, scenarios, detail: request.detail };
}

function inferMinutes(r: StaffingRequest, k: number): number {
  const zone = r.timeZone ?? 'UTC';
  const starts = r.intervals.map((row, i) =>
    parseInstant(row.start, zone, `queues[${k}].request.intervals[${i}].start`),
  );
  starts.sort((a, b) => a - b);
  return inferIntervalMinutes(starts);
}

/** Validates a what-if request (JSON value) and builds the core's input. */
export function parseWhatIfRequest(data: unknown, maxScenarios = MAX_WHAT_IF_SCENARIOS): WhatIfInput {
  return buildWhatIfInput(parseWith(WhatIfRequestSchema, data, 'what-if request'), maxScenarios);
}
