/**
 * A `POST /v1/what-if` body read from its text, on a worker thread: nesting, the size limits
 * (from the raw body, before validation), the schema, the offered load and the core's input.
 * The event loop receives the built input (its columns moved) and the work's size.
 */
import { parseJsonText } from '../contracts/json-text.js';
import { parseWith } from '../contracts/validate.js';
import { WhatIfRequestSchema, buildWhatIfInput, whatIfScenarioCount } from '../contracts/what-if.js';
import type { WhatIfInput } from '../what-if/types.js';
import { checkLimit, checkLoad } from './request-limits.js';
import { rawWhatIfSize, type RawWhatIfSize } from './what-if-size.js';

export interface WhatIfLimits {
  maxIntervals: number;
  maxScenarios: number;
  maxWhatIfCells: number;
  maxAnswerBytes: number;
  maxAgents: number;
  maxJsonDepth: number;
}

/** A what-if body as the service received it, with the limits that apply. */
export interface WhatIfText {
  text: string;
  limits: WhatIfLimits;
}

/** 413 when the raw body's counts pass a limit, naming the limit. */
export function checkWhatIfSize(size: RawWhatIfSize, limits: WhatIfLimits): void {
  checkLimit(size.intervals, limits.maxIntervals, ['queues'], 'intervals (over all queues)');
  checkLimit(size.scenarios, limits.maxScenarios, ['sweep'], 'scenarios');
  checkLimit(size.cells, limits.maxWhatIfCells, ['sweep'], 'scenario-intervals (scenarios x intervals)');
  checkLimit(
    size.answerBytes,
    limits.maxAnswerBytes,
    ['detail'],
    'answer bytes (ask for detail "summary", or fewer scenarios)',
  );
}

/** The largest factor any scenario applies to volume x AHT (the load bound of `checkLoad`). */
function largestLoadFactor(body: {
  sweep?: { volumeFactor?: number[]; ahtFactor?: number[] } | undefined;
  scenarios?: { volumeFactor?: number | undefined; ahtFactor?: number | undefined }[] | undefined;
}): number {
  const most = (values: (number | undefined)[]): number =>
    Math.max(1, ...values.filter((v): v is number => v !== undefined));
  return (
    most([...(body.sweep?.volumeFactor ?? []), ...(body.scenarios ?? []).map((s) => s.volumeFactor)]) *
    most([...(body.sweep?.ahtFactor ?? []), ...(body.scenarios ?? []).map((s) => s.ahtFactor)])
  );
}

/**
 * Reads and checks a what-if body in full (400 / 413 naming the field) and builds the core's
 * input; `cells` is its work in scenario-intervals.
 */
export function prepareWhatIf(job: WhatIfText): { input: WhatIfInput; cells: number } {
  const { limits } = job;
  const body = parseJsonText(job.text, limits.maxJsonDepth, 'what-if request');
  const size = rawWhatIfSize(body);
  checkWhatIfSize(size, limits);
  const request = parseWith(WhatIfRequestSchema, body, 'what-if request');
  checkLimit(whatIfScenarioCount(request), limits.maxScenarios, ['sweep'], 'scenarios');
  // The largest load any scenario puts on an interval is bounded like a staffing request's.
  const factor = largestLoadFactor(request);
  request.queues.forEach((q, k) =>
    checkLoad(
      q.request.intervals,
      q.request.intervalMinutes,
      limits.maxAgents,
      ['queues', k, 'request', 'intervals'],
      factor,
    ),
  );
  const input = buildWhatIfInput(request, limits.maxScenarios);
  return { input, cells: input.scenarios.length * size.intervals };
}
