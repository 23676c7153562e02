import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiContext, ZodApp } from '../context.js';
import { errorResponses } from '../schema-compilers.js';
import { JobViewSchema } from './jobs.js';
import type { JobBody, JobCheck } from '../../app/job-requests.js';
import { JsonBytes, type JobWork } from '../jobs.js';
import { sharedBodyParser } from '../shared-body.js';

export interface TextJobRouteSpec {
  url: string;
  kind: string;
  /** The worker task that checks the body text in full and answers its time budget. */
  check: string;
  /** The worker task that runs the job from the same bytes and answers its result as JSON bytes. */
  solve: string;
  /** The body's schema, for the OpenAPI document (the check task validates with it). */
  body: z.ZodType;
  summary: string;
  /** Limits the check applies beyond the schema (e.g. `maxAgents`). */
  taskLimits?: (ctx: ApiContext) => Partial<JobBody>;
}

/**
 * A `POST` route that queues long work as a job, with the event loop doing no per-body work: a
 * place in the queue is held before the body is read (429 when none is left; the refused body is
 * discarded as it arrives), the body's bytes go into shared memory (src/api/shared-body.ts), a
 * worker parses and checks them in full (400 / 413 naming the field), and the job runs from the
 * same bytes; its result comes back as JSON bytes, kept and served as they are
 * (`JsonBytes`). `202 Accepted` with the job view and `Location: /v1/jobs/<id>`.
 */
export function registerTextJobRoute(app: ZodApp, ctx: ApiContext, spec: TextJobRouteSpec): void {
  const places = new WeakMap<FastifyRequest, () => void>();
  const release = async (request: FastifyRequest): Promise<void> => places.get(request)?.();
  const solve: JobWork = async (runner, payload, signal) =>
    new JsonBytes((await runner.run(spec.solve, payload, signal)) as Uint8Array);
  app.register(async (scope: FastifyInstance) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', sharedBodyParser);
    scope.post(
      spec.url,
      {
        schema: {
          summary: spec.summary,
          tags: ['jobs'],
          body: spec.body,
          response: { 202: JobViewSchema, ...errorResponses(400, 401, 413, 415, 422, 429) },
        },
        // The body is bytes here: the worker validates it with the same schema.
        validatorCompiler: () => (data: unknown) => ({ value: data }),
        onRequest: async (request) => {
          places.set(request, ctx.jobs.reserve());
        },
        onResponse: release,
        onRequestAbort: release,
      },
      async (request, reply) => {
        const job: JobBody = {
          body: request.body as Uint8Array,
          maxJsonDepth: ctx.limits.maxJsonDepth,
          ...spec.taskLimits?.(ctx),
        };
        const { budgetMs } = (await ctx.runner.run(spec.check, job)) as JobCheck;
        places.get(request)?.();
        const view = ctx.jobs.submit(spec.kind, solve, job, { budgetMs });
        return reply.code(202).header('location', `/v1/jobs/${view.id}`).send(view);
      },
    );
  });
}
