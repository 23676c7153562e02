/**
 * Jobs in the store's job table (docs/store.md, "Jobs"): `POST /v1/centres/:centre/jobs` queues a
 * roster job (parsed first: a bad body is a 400 at once); any `wfm worker` on the same database, or
 * the in-process worker of `wfm serve`, takes it. `GET .../jobs/:id` reads it back, with the result
 * once done. A job survives a restart of the API; a worker that dies mid-run leaves it to be retried
 * once after its lease.
 */
import { z } from 'zod';
import { runNamed } from '../../app/parallel/runner.js';
import { WfmError } from '../../errors.js';
import { previousWeekFromStore } from '../../app/roster-drafts/previous-week.js';
import { EnqueueJobBodySchema, CentreParamsSchema, JobParamsSchema } from '../../contracts/store-api.js';
import { enqueueJob, getCentre, getJob } from '../../store/index.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../schema-compilers.js';
import { requireCaller } from '../store-access.js';

const ANY = z.unknown();

export const storeJobRoutes: RouteModule = (app, ctx) => {
  const access = ctx.store;
  if (!access) return;
  const { store } = access;
  app.post(
    '/v1/centres/:centre/jobs',
    {
      schema: {
        summary: 'Queues a roster, shift-plan, forecast or simulation job in the store; 202 with the job (planner).',
        tags: ['store'],
        params: CentreParamsSchema,
        body: EnqueueJobBodySchema,
        response: { 202: ANY, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await requireCaller(access, request, { role: 'planner', centreId: centre.id });
      // Refuse a bad body now, not in the worker; checked on a pool thread, not on the event loop.
      const { kind, request: body } = request.body;
      const check = await runNamed(ctx.runner, 'api.store-job-check', { kind, request: body });
      const found = check.previousWeekOf
        ? await previousWeekFromStore(store, centre.id, check.previousWeekOf)
        : undefined;
      // A roster job carries the week before it, so the worker and a retry see the same week.
      const payload = found ? { ...(body as Record<string, unknown>), previous: found.previous } : body;
      const job = await enqueueJob(
        store,
        {
          kind: request.body.kind,
          centreId: centre.id,
          payload,
          maxAttempts: request.body.maxAttempts,
        },
        { actor: who.actor },
      );
      return reply.code(202).header('location', `/v1/centres/${centre.code}/jobs/${job.id}`).send(job);
    },
  );
  app.get(
    '/v1/centres/:centre/jobs/:id',
    {
      schema: {
        summary: 'A store job: status, attempts, worker and, once done, its result (planner).',
        tags: ['store'],
        params: JobParamsSchema,
        response: { 200: ANY, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const centre = await getCentre(store, request.params.centre);
      await requireCaller(access, request, { role: 'planner', centreId: centre.id });
      const job = await getJob(store, request.params.id);
      if (job.centreId !== centre.id)
        throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No job ${job.id} in ${centre.code}.`);
      return job;
    },
  );
};
