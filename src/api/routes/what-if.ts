import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import {
  WhatIfRequestSchema,
  WhatIfResponseSchema,
  buildWhatIfInput,
  whatIfScenarioCount,
} from '../../contracts/what-if.js';
import { runWhatIfJsonParallel } from '../../app/what-if-parallel.js';
import { checkLimit, checkLoad, withTimeLimit, type RouteModule } from '../context.js';
import { errorResponses } from '../schema-compilers.js';
import { WorkGate } from '../work-gate.js';
import { rawWhatIfSize, type RawWhatIfSize } from '../what-if-size.js';

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
 * `POST /v1/what-if`: a sweep of scenarios over one week or many queues, on the worker pool.
 * Before any work (from the raw body, before validation): at most `maxScenarios`, `maxIntervals`,
 * `maxWhatIfCells` scenario-intervals and `maxAnswerBytes` of answer (413), and at most
 * `maxWhatIfCellsInFlight` scenario-intervals across the what-ifs in progress (429, checked again
 * before the body is read). The answer is computed and written as JSON on the worker threads and
 * streamed: the event loop only sends bytes.
 */
export const whatIfRoutes: RouteModule = (app, ctx) => {
  const gate = new WorkGate(ctx.limits.maxWhatIfCellsInFlight, 'what-if scenario-intervals');
  const releases = new WeakMap<FastifyRequest, () => void>();
  const release = async (request: FastifyRequest): Promise<void> => releases.get(request)?.();
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
          `At most ${ctx.limits.maxScenarios} scenarios, ${ctx.limits.maxIntervals} intervals, ` +
          `${ctx.limits.maxWhatIfCells} scenario-intervals and ${ctx.limits.maxAnswerBytes} bytes of answer ` +
          '(413 beyond, before any work); 429 while other what-ifs hold ' +
          `${ctx.limits.maxWhatIfCellsInFlight} scenario-intervals. ` +
          'Runs on the worker pool, one range of scenarios per thread, and the answer is streamed.',
        tags: ['what-if'],
        body: WhatIfRequestSchema,
        response: { 200: WhatIfResponseSchema, ...errorResponses(400, 401, 413, 415, 422, 429) },
      },
      onRequest: async () => gate.assertOpen(),
      preValidation: async (request) => {
        const size = rawWhatIfSize(request.body);
        checkSize(size, ctx.limits);
        releases.set(request, gate.reserve(size.cells));
      },
      onResponse: release,
      onRequestAbort: release,
    },
    async (request, reply) => {
      checkLimit(whatIfScenarioCount(request.body), ctx.limits.maxScenarios, ['sweep'], 'scenarios');
      // The largest load any scenario puts on an interval is bounded like a staffing request's.
      const factor = largestLoadFactor(request.body);
      request.body.queues.forEach((q, k) =>
        checkLoad(
          q.request.intervals,
          q.request.intervalMinutes,
          ctx.limits.maxAgents,
          ['queues', k, 'request', 'intervals'],
          factor,
        ),
      );
      const input = buildWhatIfInput(request.body, ctx.limits.maxScenarios);
      // A client that hangs up stops the work (its threads are freed) and frees its reservation.
      const hangUp = new AbortController();
      const onClose = (): void => {
        releases.get(request)?.();
        if (!reply.raw.writableFinished) hangUp.abort();
      };
      reply.raw.once('close', onClose);
      const parts = await withTimeLimit(
        ctx.limits.jobTimeLimitMs,
        (signal) => runWhatIfJsonParallel(ctx.runner, input, { signal }),
        hangUp.signal,
      );
      const chunks = parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength));
      // A stream of the worker-written bytes: fastify sends it as is (the response schema documents it).
      return reply.type('application/json; charset=utf-8').send(Readable.from(chunks) as never);
    },
  );
};

/** 413 when the raw body's counts pass a limit, naming the limit. */
function checkSize(
  size: RawWhatIfSize,
  limits: { maxIntervals: number; maxScenarios: number; maxWhatIfCells: number; maxAnswerBytes: number },
): void {
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
