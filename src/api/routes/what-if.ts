import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WhatIfRequestSchema, WhatIfResponseSchema } from '../../contracts/what-if.js';
import { runWhatIfJsonParallel } from '../../app/what-if-parallel.js';
import { runNamed } from '../../app/parallel/runner.js';
import type { WhatIfText } from '../../app/what-if-request.js';
import { withTimeLimit, type ApiContext, type RouteModule } from '../context.js';
import { errorResponses } from '../schema-compilers.js';
import { WorkGate } from '../work-gate.js';

/**
 * `POST /v1/what-if`: a sweep of scenarios over one week or many queues, on the worker pool, with
 * no per-body or per-cell work on the event loop: the body's text goes to a pool thread, which
 * parses and checks it (size limits from the raw body first: at most `maxScenarios`,
 * `maxIntervals`, `maxWhatIfCells` scenario-intervals and `maxAnswerBytes` of answer, else 413;
 * then the schema, 400) and builds the input; the work's scenario-intervals are reserved against
 * `maxWhatIfCellsInFlight` (429; checked before the body is read when nothing fits); each range of
 * scenarios is computed and written as JSON on its thread; the bytes are streamed.
 */
export const whatIfRoutes: RouteModule = (app, ctx) => {
  const gate = new WorkGate(ctx.limits.maxWhatIfCellsInFlight, 'what-if scenario-intervals');
  const releases = new WeakMap<FastifyRequest, () => void>();
  const release = async (request: FastifyRequest): Promise<void> => releases.get(request)?.();
  app.register(async (scope: FastifyInstance) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(
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
        // The body is text here: the pool thread validates it with the same schema.
        validatorCompiler: () => (data: unknown) => ({ value: data }),
        onRequest: async () => gate.assertOpen(),
        onResponse: release,
        onRequestAbort: release,
      },
      async (request, reply) => {
        const job: WhatIfText = { text: request.body as unknown as string, limits: whatIfLimits(ctx) };
        // A client that hangs up stops the work (its threads are freed) and frees its reservation.
        const hangUp = new AbortController();
        reply.raw.once('close', () => {
          releases.get(request)?.();
          if (!reply.raw.writableFinished) hangUp.abort();
        });
        const { input, cells } = await runNamed(ctx.runner, 'api.what-if-prepare', job, hangUp.signal);
        releases.set(request, gate.reserve(cells));
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
  });
};

/** The what-if limits of this service (also those of a saved scenario, src/api/routes/planning.ts). */
export function whatIfLimits(ctx: ApiContext): WhatIfText['limits'] {
  const { maxIntervals, maxScenarios, maxWhatIfCells, maxAnswerBytes, maxAgents, maxJsonDepth } = ctx.limits;
  return { maxIntervals, maxScenarios, maxWhatIfCells, maxAnswerBytes, maxAgents, maxJsonDepth };
}
