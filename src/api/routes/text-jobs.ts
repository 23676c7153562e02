import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiContext, ZodApp } from '../context.js';
import { errorResponses } from '../schema-compilers.js';
import { JobViewSchema } from './jobs.js';
import type { JobCheck, JobText } from '../../app/job-requests.js';

export interface TextJobRouteSpec {
  url: string;
  kind: string;
  /** The worker task that checks the body text in full and answers its time budget. */
  check: string;
  /** The worker task that runs the job from the same text. */
  solve: string;
  /** The body's schema, for the OpenAPI document (the check task validates with it). */
  body: z.ZodType;
  summary: string;
  /** Limits the check applies beyond the schema (e.g. `maxAgents`). */
  taskLimits?: (ctx: ApiContext) => Partial<JobText>;
}

/**
 * A `POST` route that queues long work as a job, with the event loop doing no per-body work: a
 * place in the queue is held before the body is read (429 when none is left), the body is read
 * as text, a worker parses and checks it in full (400 / 413 naming the field), and the job runs
 * from the same text. `202 Accepted` with the job view and `Location: /v1/jobs/<id>`.
 */
export function registerTextJobRoute(app: ZodApp, ctx: ApiContext, spec: TextJobRouteSpec): void {
  const places = new WeakMap<FastifyRequest, () => void>();
  const release = async (request: FastifyRequest): Promise<void> => places.get(request)?.();
  app.register(async (scope: FastifyInstance) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(
      spec.url,
      {
        schema: {
          summary: spec.summary,
          tags: ['jobs'],
          body: spec.body,
          response: { 202: JobViewSchema, ...errorResponses(400, 401, 413, 415, 422, 429) },
        },
        // The body is text here: the worker validates it with the same schema.
        validatorCompiler: () => (data: unknown) => ({ value: data }),
        onRequest: async (request) => {
          places.set(request, ctx.jobs.reserve());
        },
        onResponse: release,
        onRequestAbort: release,
      },
      async (request, reply) => {
        const job: JobText = {
          text: request.body as string,
          maxJsonDepth: ctx.limits.maxJsonDepth,
          ...spec.taskLimits?.(ctx),
        };
        const { budgetMs } = (await ctx.runner.run(spec.check, job)) as JobCheck;
        places.get(request)?.();
        const view = ctx.jobs.submit(spec.kind, spec.solve, job, { budgetMs });
        return reply.code(202).header('location', `/v1/jobs/${view.id}`).send(view);
      },
    );
  });
}
