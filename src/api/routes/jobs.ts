import { z } from 'zod';
import { WfmError } from '../../errors.js';
import type { ApiContext, RouteModule, ZodApp } from '../context.js';
import { errorResponseSchema, errorResponses } from '../schema-compilers.js';
import type { HandlerName, HandlerPayload } from '../../app/parallel/tasks.js';
import type { TaskRunner } from '../../app/parallel/runner.js';
import { JsonBytes, type JobView, type JobWork } from '../jobs.js';

export const JobViewSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe('shift-plan | roster | simulation'),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    progress: z
      .number()
      .nullable()
      .describe(
        '0 while queued, 1 when finished; while running the elapsed fraction ' +
          "of the job's time budget " +
          '(at most 0.99), or null without one.',
      ),
    progressBasis: z.enum(['time-budget']).nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    elapsedMs: z.number().nullable(),
    result: z.unknown().optional().describe('The result (the CLI JSON form), once succeeded.'),
    error: errorResponseSchema.optional().describe('Why it failed or was cancelled.'),
  })
  .describe('Job');

const JobParamsSchema = z.object({ id: z.string().min(1).max(100) });

function notFound(id: string): WfmError {
  return new WfmError('WFM_ERR_API_NOT_FOUND', `No job "${id.slice(0, 100)}" (unknown, or finished and forgotten).`, {
    issues: [{ path: ['params', 'id'], message: 'unknown job' }],
  });
}

/**
 * The response body of a job view: the view itself, or, when its result is kept as JSON bytes,
 * the view's JSON with those bytes spliced in as `result` (never parsed or re-written here).
 */
export function jobViewBody(view: JobView): JobView | Buffer {
  if (!(view.result instanceof JsonBytes)) return view;
  const head = JSON.stringify({ ...view, result: undefined });
  const { bytes } = view.result;
  return Buffer.concat([
    Buffer.from(`${head.slice(0, -1)},"result":`),
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    Buffer.from('}'),
  ]);
}

/** `GET /v1/jobs/:id` (status, progress, result) and `DELETE /v1/jobs/:id` (cancel, or forget a finished job). */
export const jobRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/v1/jobs/:id',
    {
      schema: {
        summary: 'A job: status, progress and, once succeeded, its result.',
        tags: ['jobs'],
        params: JobParamsSchema,
        response: { 200: JobViewSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const view = ctx.jobs.get(request.params.id);
      if (!view) throw notFound(request.params.id);
      return reply.type('application/json; charset=utf-8').send(jobViewBody(view) as never);
    },
  );
  app.delete(
    '/v1/jobs/:id',
    {
      schema: {
        summary: 'Cancels a queued or running job (its worker is freed), or forgets a finished one.',
        tags: ['jobs'],
        params: JobParamsSchema,
        response: { 200: JobViewSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const view = ctx.jobs.cancel(request.params.id);
      if (!view) throw notFound(request.params.id);
      return reply.type('application/json; charset=utf-8').send(jobViewBody(view) as never);
    },
  );
};

/** The payload a task takes: the registry's type for a known task, anything for a test's own handler. */
export type JobPayload<K extends string> = K extends HandlerName ? HandlerPayload<K> : unknown;

export interface JobRouteSpec<S extends z.ZodType, K extends string, P extends JobPayload<K>> {
  url: string;
  kind: string;
  /** The worker task (src/app/parallel/tasks.ts): its name fixes the payload's type. */
  handler: K;
  body: S;
  summary: string;
  /** Size checks on the raw body before validation (413 over a limit). */
  checkSize?: (body: unknown, ctx: ApiContext) => void;
  /**
   * Parses the body into the task's payload, once, before the job is queued: every check the
   * worker would otherwise find later, so that a bad body is a 400 at once rather than a failed job.
   */
  prepare?: (body: z.output<S>) => P;
  /** Instead of one task `handler`: work of several tasks on the main thread (e.g. replications split per thread). */
  work?: (runner: TaskRunner, payload: P, signal: AbortSignal) => Promise<unknown>;
  /** The job's expected run time (its solver time limit), ms, for `progress`. */
  budgetMs?: (payload: P) => number | undefined;
}

/**
 * A `POST` route that queues long work as a job: `202 Accepted` with the job view and a
 * `Location: /v1/jobs/<id>` header; 429 when the queue is full (checked before the body is read).
 */
export function registerJobRoute<
  S extends z.ZodType,
  K extends string,
  P extends JobPayload<K> = z.output<S> & JobPayload<K>,
>(app: ZodApp, ctx: ApiContext, spec: JobRouteSpec<S, K, P>): void {
  app.post(
    spec.url,
    {
      schema: {
        summary: spec.summary,
        tags: ['jobs'],
        body: spec.body,
        response: { 202: JobViewSchema, ...errorResponses(400, 401, 413, 415, 422, 429) },
      },
      // A full queue is a 429 before the body is read, parsed or validated.
      onRequest: async () => ctx.jobs.assertRoom(),
      preValidation: spec.checkSize
        ? async (request) => {
            spec.checkSize?.(request.body, ctx);
          }
        : undefined,
    },
    async (request, reply) => {
      const body = request.body as z.output<S>;
      const payload = spec.prepare ? spec.prepare(body) : (body as P);
      const task = spec.work ? (spec.work as JobWork) : spec.handler;
      const view = ctx.jobs.submit(spec.kind, task, payload, { budgetMs: spec.budgetMs?.(payload) });
      return reply.code(202).header('location', `/v1/jobs/${view.id}`).send(view);
    },
  );
}
