import {
  WhatIfRequestSchema,
  WhatIfResponseSchema,
  buildWhatIfInput,
  whatIfScenarioCount,
} from '../../contracts/what-if.js';
import { whatIfJson } from '../../formats/what-if-json.js';
import { runWhatIfParallel } from '../../app/what-if-parallel.js';
import { checkLimit, checkLoad, withTimeLimit, type RouteModule } from '../context.js';
import { errorResponses } from '../schema-compilers.js';

/** Intervals summed over the queues of a raw what-if body (0 when the shape is wrong). */
function rawIntervalCount(body: unknown): number {
  const queues = (body as { queues?: unknown } | null)?.queues;
  if (!Array.isArray(queues)) return 0;
  let n = 0;
  for (const q of queues) {
    const intervals = (q as { request?: { intervals?: unknown } } | null)?.request?.intervals;
    if (Array.isArray(intervals)) n += intervals.length;
  }
  return n;
}

/** Scenarios a raw what-if body expands to, when its sweep and list are arrays (else 0). */
function rawScenarioCount(body: unknown): number {
  const b = body as { sweep?: Record<string, unknown>; scenarios?: unknown } | null;
  const listed = Array.isArray(b?.scenarios) ? b.scenarios.length : 0;
  let product = 0;
  if (b?.sweep && typeof b.sweep === 'object') {
    product = 1;
    for (const values of Object.values(b.sweep)) product *= Array.isArray(values) ? values.length : 1;
  }
  return listed + product;
}

/** `POST /v1/what-if`: a sweep of scenarios over one week or many queues, on the worker pool. */
export const whatIfRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/v1/what-if',
    {
      schema: {
        summary:
          'What-if sweep: headcount per interval, agent-hours and service level per scenario (and ' +
          'a fixed roster under each).',
        description:
          'The body is the JSON form of `wfm what-if --input`. Scenarios: the explicit list, then ' +
          'every combination of the sweep. ' +
          `At most ${ctx.limits.maxScenarios} scenarios and ${ctx.limits.maxIntervals} intervals (413 beyond). ` +
          `Runs on the worker pool, one range of scenarios per thread.`,
        tags: ['what-if'],
        body: WhatIfRequestSchema,
        response: { 200: WhatIfResponseSchema, ...errorResponses(400, 401, 413, 415, 422) },
      },
      preValidation: async (request) => {
        checkLimit(rawIntervalCount(request.body), ctx.limits.maxIntervals, ['queues'], 'intervals (over all queues)');
        checkLimit(rawScenarioCount(request.body), ctx.limits.maxScenarios, ['sweep'], 'scenarios');
      },
    },
    async (request) => {
      checkLimit(whatIfScenarioCount(request.body), ctx.limits.maxScenarios, ['sweep'], 'scenarios');
      // The largest load any scenario puts on an interval is bounded like a staffing request's.
      const body = request.body;
      const most = (values: (number | undefined)[]): number =>
        Math.max(1, ...values.filter((v): v is number => v !== undefined));
      const factor =
        most([...(body.sweep?.volumeFactor ?? []), ...(body.scenarios ?? []).map((s) => s.volumeFactor)]) *
        most([...(body.sweep?.ahtFactor ?? []), ...(body.scenarios ?? []).map((s) => s.ahtFactor)]);
      body.queues.forEach((q, k) =>
        checkLoad(
          q.request.intervals,
          q.request.intervalMinutes,
          ctx.limits.maxAgents,
          ['queues', k, 'request', 'intervals'],
          factor,
        ),
      );
      const input = buildWhatIfInput(request.body, ctx.limits.maxScenarios);
      // A client that hangs up stops the work (its threads are freed).
      const hangUp = new AbortController();
      const onClose = (): void => {
        if (!request.raw.complete || request.raw.destroyed) hangUp.abort();
      };
      request.raw.socket?.once('close', onClose);
      try {
        return whatIfJson(
          await withTimeLimit(
            ctx.limits.jobTimeLimitMs,
            (signal) => runWhatIfParallel(ctx.runner, input, { signal }),
            hangUp.signal,
          ),
        );
      } finally {
        request.raw.socket?.off('close', onClose);
      }
    },
  );
};
