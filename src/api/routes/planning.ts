/**
 * A centre's planning in the store (docs/api.md, "Queues, history, forecasts and scenarios"):
 * queues; interval history appended by start (a re-loaded day replaces, never doubles); forecasts
 * made from the stored history, with the planner's overrides kept beside the model's numbers; and
 * named what-if scenarios, run, kept and compared side by side. Planner role for all; registered
 * only when the service has a store.
 */
import { z } from 'zod';
import { WfmError } from '../../errors.js';
import {
  AppendHistoryBodySchema,
  CentreParamsSchema,
  CompareScenariosParamsSchema,
  ForecastParamsSchema,
  HistoryQuerySchema,
  OverrideParamsSchema,
  QueueParamsSchema,
  SaveScenarioBodySchema,
  ScenarioParamsSchema,
  StoreForecastBodySchema,
  UpsertQueueBodySchema,
} from '../../contracts/store-api.js';
import { compareSavedScenarios, forecastFromStore, runAndSaveScenario } from '../../app/store-planning.js';
import {
  addForecastOverride,
  appendHistory,
  effectiveForecast,
  getCentre,
  getForecast,
  getQueueByName,
  getScenario,
  listForecasts,
  listHistory,
  listQueues,
  listScenarios,
  removeForecastOverride,
  upsertQueue,
  type Centre,
  type Store,
} from '../../store/index.js';
import { withTimeLimit, type RouteModule, type ZodApp } from '../context.js';
import { errorResponses } from '../schema-compilers.js';
import { storeScope, type StoreScope } from './store-scope.js';
import { whatIfLimits } from './what-if.js';
import type { ApiContext } from '../context.js';

const TAGS = ['store'];
const ANY = z.unknown();
const ERRORS = errorResponses(400, 401, 403, 404);

interface Scope {
  store: Store;
  ctx: ApiContext;
  /** The centre of the request, its caller checked for the planner role. */
  planner: (request: { params: { centre: string } }) => Promise<{ centre: Centre; actor: string }>;
}

export const planningRoutes: RouteModule = (app, ctx) => {
  const access = ctx.store;
  if (!access) return;
  const scope: Scope = { store: access.store, ctx, planner: plannerOf(storeScope(access)) };
  queueAndHistoryRoutes(app, scope);
  forecastRoutes(app, scope);
  scenarioRoutes(app, scope);
};

function plannerOf({ store, caller }: StoreScope): Scope['planner'] {
  return async (request) => {
    const centre = await getCentre(store, request.params.centre);
    const who = await caller(request as never, 'planner', centre);
    return { centre, actor: who.actor };
  };
}

function queueAndHistoryRoutes(app: ZodApp, { store, planner }: Scope): void {
  app.get(
    '/v1/centres/:centre/queues',
    { schema: { summary: "The centre's queues (planner).", tags: TAGS, params: CentreParamsSchema } },
    async (request) => ({ queues: await listQueues(store, (await planner(request)).centre.id) }),
  );
  app.put(
    '/v1/centres/:centre/queues/:queue',
    {
      schema: {
        summary: 'Creates or updates a queue: channel, model, target, priority (planner).',
        tags: TAGS,
        params: QueueParamsSchema,
        body: UpsertQueueBodySchema,
        response: { 200: ANY, ...ERRORS },
      },
    },
    async (request) => {
      const { centre, actor } = await planner(request);
      return upsertQueue(store, centre.id, { name: request.params.queue, ...request.body }, { actor });
    },
  );
  app.post(
    '/v1/centres/:centre/queues/:queue/history',
    {
      schema: {
        summary: 'Appends interval history to a queue: days touched, rows inserted and replaced (planner).',
        tags: TAGS,
        params: QueueParamsSchema,
        body: AppendHistoryBodySchema,
        response: { 200: ANY, ...ERRORS },
      },
    },
    async (request) => {
      const { centre, actor } = await planner(request);
      const queue = await getQueueByName(store, centre.id, request.params.queue);
      return appendHistory(store, queue.id, request.body.rows, {
        actor,
        intervalMinutes: request.body.intervalMinutes,
      });
    },
  );
  app.get(
    '/v1/centres/:centre/queues/:queue/history',
    {
      schema: {
        summary: "A queue's stored history for local days from..to (planner).",
        tags: TAGS,
        params: QueueParamsSchema,
        querystring: HistoryQuerySchema,
      },
    },
    async (request) => {
      const { centre } = await planner(request);
      const queue = await getQueueByName(store, centre.id, request.params.queue);
      return { rows: await listHistory(store, queue.id, { fromDay: request.query.from, toDay: request.query.to }) };
    },
  );
}

function forecastRoutes(app: ZodApp, { store, ctx, planner }: Scope): void {
  app.post(
    '/v1/centres/:centre/queues/:queue/forecasts',
    {
      schema: {
        summary: "Forecasts a queue from its stored history on the pool and keeps the model's numbers (planner).",
        tags: TAGS,
        params: QueueParamsSchema,
        body: StoreForecastBodySchema,
        response: { 201: ANY, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { centre, actor } = await planner(request);
      const saved = await withTimeLimit(ctx.limits.jobTimeLimitMs, (signal) =>
        forecastFromStore(store, ctx.runner, centre, request.params.queue, request.body, { actor }, signal),
      );
      return reply.code(201).send(saved);
    },
  );
  app.get(
    '/v1/centres/:centre/forecasts',
    { schema: { summary: "The centre's stored forecasts (planner).", tags: TAGS, params: CentreParamsSchema } },
    async (request) => ({ forecasts: await listForecasts(store, (await planner(request)).centre.id) }),
  );
  app.get(
    '/v1/centres/:centre/forecasts/:id',
    {
      schema: {
        summary:
          "A forecast: per interval the model's volume, the overrides applied and the effective volume (planner).",
        tags: TAGS,
        params: ForecastParamsSchema,
      },
    },
    async (request) => {
      await forecastOf(store, (await planner(request)).centre, request.params.id);
      return effectiveForecast(store, request.params.id);
    },
  );
  app.post(
    '/v1/centres/:centre/forecasts/:id/overrides',
    {
      schema: {
        summary: 'Adds an override: scale (+20 % on a campaign day), set, or a holiday (planner).',
        tags: TAGS,
        params: ForecastParamsSchema,
        body: ANY,
        response: { 201: ANY, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { centre, actor } = await planner(request);
      await forecastOf(store, centre, request.params.id);
      const id = await addForecastOverride(store, request.params.id, request.body as never, { actor });
      return reply.code(201).send({ id });
    },
  );
  app.delete(
    '/v1/centres/:centre/forecasts/:id/overrides/:override',
    {
      schema: {
        summary: "Removes an override: the model's numbers come back (planner).",
        tags: TAGS,
        params: OverrideParamsSchema,
        response: { 204: z.null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      const { centre, actor } = await planner(request);
      await forecastOf(store, centre, request.params.id);
      await removeForecastOverride(store, request.params.override, { actor });
      return reply.code(204).send(null);
    },
  );
}

/** The forecast, if it is the centre's (another centre's id is a 404, as if absent). */
async function forecastOf(store: Store, centre: Centre, id: string) {
  const forecast = await getForecast(store, id);
  if (forecast.centreId !== centre.id)
    throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No forecast ${id} in ${centre.code}.`);
  return forecast;
}

function scenarioRoutes(app: ZodApp, { store, ctx, planner }: Scope): void {
  app.post(
    '/v1/centres/:centre/scenarios',
    {
      schema: {
        summary:
          'Runs a what-if (the POST /v1/what-if body) on the pool and keeps it by name with its result (planner).',
        tags: TAGS,
        params: CentreParamsSchema,
        body: SaveScenarioBodySchema,
        response: { 201: ANY, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const { centre, actor } = await planner(request);
      const saved = await withTimeLimit(ctx.limits.jobTimeLimitMs, (signal) =>
        runAndSaveScenario(store, ctx.runner, centre, request.body, whatIfLimits(ctx), { actor }, signal),
      );
      return reply.code(201).send(saved);
    },
  );
  app.get(
    '/v1/centres/:centre/scenarios',
    { schema: { summary: "The centre's saved scenarios (planner).", tags: TAGS, params: CentreParamsSchema } },
    async (request) => ({ scenarios: await listScenarios(store, (await planner(request)).centre.id) }),
  );
  app.get(
    '/v1/centres/:centre/scenarios/:name',
    { schema: { summary: 'A saved scenario: input and result (planner).', tags: TAGS, params: ScenarioParamsSchema } },
    async (request) => getScenario(store, (await planner(request)).centre.id, request.params.name),
  );
  app.get(
    '/v1/centres/:centre/scenarios/:a/compare/:b',
    {
      schema: {
        summary: 'Two saved scenarios side by side: totals, their differences and what changed in the input (planner).',
        tags: TAGS,
        params: CompareScenariosParamsSchema,
      },
    },
    async (request) =>
      compareSavedScenarios(store, (await planner(request)).centre.id, request.params.a, request.params.b),
  );
}
