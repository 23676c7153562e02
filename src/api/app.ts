import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installAuth } from './auth.js';
import type { ApiContext, RouteModule, ZodApp } from './context.js';
import { installErrorHandling, sendError, toWfmError } from './error-handler.js';
import { JobManager } from './jobs.js';
import { installJsonParser } from './json-body.js';
import { installHttpGuards, serverOptions } from './http-guard.js';
import { resolveLimits, type ApiLimits } from './options.js';
import { forecastRoutes } from './routes/forecast.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import type { Store } from '../store/index.js';
import { rosterRoutes } from './routes/rosters.js';
import { simulationRoutes } from './routes/simulations.js';
import { shiftPlanRoutes } from './routes/shift-plans.js';
import { staffingRoutes } from './routes/staffing.js';
import { whatIfRoutes } from './routes/what-if.js';
import { gatedRunner, type TaskRunner } from '../app/parallel/runner.js';
import { jsonSerializerCompiler, zodValidatorCompiler } from './schema-compilers.js';

export interface BuildAppOptions {
  /** Bearer key required on every route but `/healthz`; none = open (bind to loopback only). */
  apiKey?: string | undefined;
  /** Limits over the defaults (docs/api.md). */
  limits?: Partial<ApiLimits>;
  /** fastify/pino logger options; false (the default here) for silence in tests. */
  logger?: FastifyServerOptions['logger'];
  /**
   * Where CPU work runs. Default: a piscina pool on the single worker module, closed with the app.
   * A given runner is left open (its owner closes it).
   */
  runner?: TaskRunner;
  /** Clock for job times, epoch ms. */
  now?: () => number;
  /** Route modules to register (default: all of the service's routes). */
  routes?: RouteModule[];
  /**
   * Route plugins registered after the API's routes, with the same app (e.g. the planner's page of
   * src/web, added by src/service.ts). The API itself never imports another adapter.
   */
  plugins?: ((app: ZodApp) => void)[];
  /**
   * The planning store (src/store): adds the centre, roster-version, edit, publish, calendar and
   * job routes, and lets the store's API keys (roles per centre) in beside `apiKey`. Left open.
   */
  store?: Store | undefined;
  /**
   * Host names (Host header, port ignored) the service answers for; any other is 421. Undefined:
   * any host (src/server.ts sets the bound names: a page on another site cannot reach a loopback
   * service through DNS rebinding).
   */
  allowedHosts?: readonly string[] | undefined;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's `X-Request-Id` when it is short and plain (it goes into the logs), else a UUID. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Every route of the service, in OpenAPI order. The store's routes (and with them the store, its
 * query builder and database drivers) are loaded only for a service with a store: without one
 * they register nothing, and a smaller live heap keeps the event loop's garbage collections short.
 */
export async function defaultRoutes(withStore = true): Promise<RouteModule[]> {
  const routes = [
    healthRoutes,
    staffingRoutes,
    whatIfRoutes,
    forecastRoutes,
    shiftPlanRoutes,
    rosterRoutes,
    simulationRoutes,
    jobRoutes,
  ];
  if (!withStore) return routes;
  const [{ centreRoutes }, { planningRoutes }, { storeJobRoutes }] = await Promise.all([
    import('./routes/centres.js'),
    import('./routes/planning.js'),
    import('./routes/store-jobs.js'),
  ]);
  return [...routes, centreRoutes, planningRoutes, storeJobRoutes];
}

/**
 * Builds the HTTP service without listening (tests use `app.inject()`; src/server.ts listens).
 * Registers zod validation, the OpenAPI document (`/docs`, JSON at `/docs/json`), the bearer-key
 * check, one error handler (`{ code, message, issues }`), the job manager and every route.
 *
 * @example const app = await buildApp({ limits: { maxQueuedJobs: 4 } }); await app.inject({ url: '/healthz' });
 */
declare module 'fastify' {
  interface FastifySchema {
    /**
     * The body as the OpenAPI document shows it, when it differs from the validated one (a route
     * that answers another body form before validation, as `POST /v1/staffing` with `queues`).
     */
    openapiBody?: unknown;
  }
}

/** The zod schemas as JSON schema for the document, `openapiBody` in place of `body` where given. */
const documentedSchemaTransform: typeof jsonSchemaTransform = (input) => {
  const { openapiBody, ...schema } = input.schema;
  return jsonSchemaTransform(
    openapiBody === undefined ? input : { ...input, schema: { ...schema, body: openapiBody } },
  );
};

export async function buildApp(options: BuildAppOptions = {}): Promise<ZodApp> {
  const limits = resolveLimits(options.limits);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.bodyLimitBytes,
    ...serverOptions(limits),
    genReqId: requestId,
    // Framework-level failures (a malformed URL, a bad header) get the same JSON errors.
    frameworkErrors: (error, _request, reply) => {
      void sendError(reply, toWfmError(error));
    },
    // Routes are exact: a trailing slash or a doubled one is a 404, not a guess.
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  // Bodies are JSON only: any other media type is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  installJsonParser(app, limits.maxJsonDepth);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  installErrorHandling(app);
  installHttpGuards(app, limits, options.allowedHosts);
  installAuth(app, options.apiKey, options.store);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  let ownsRunner = false;
  let runner = options.runner;
  if (!runner) {
    const { createPoolRunner } = await import('../app/parallel/pool-runner.js');
    const { SERVICE_THREAD_NICENESS } = await import('../app/parallel/thread-priority.js');
    runner = createPoolRunner({ threadNiceness: SERVICE_THREAD_NICENESS });
    ownsRunner = true;
  }
  const jobs = new JobManager({
    runner,
    limits,
    now: options.now,
    onUnexpectedError: (error, jobId) => app.log.error({ err: error, jobId }, 'job failed unexpectedly'),
  });
  // Synchronous pooled calls are bounded; jobs have their own bounded queue on the raw runner.
  const ctx: ApiContext = {
    limits,
    jobs,
    runner: gatedRunner(runner, limits.maxPooledCalls),
    store: options.store
      ? {
          store: options.store,
          legacyKeyDigest: options.apiKey ? createHash('sha256').update(options.apiKey, 'utf8').digest() : undefined,
        }
      : undefined,
  };
  app.addHook('onClose', async () => {
    jobs.close();
    if (ownsRunner) await runner.close();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'wfm-engine',
        description:
          'Contact-centre workforce management: forecast, staffing (Erlang C / A), what-if sweeps, ' +
          'shift plans and rosters. Errors are JSON { code, message, issues } with stable codes (src/errors.ts).',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: options.apiKey ? [{ bearer: [] }] : [],
    },
    transform: documentedSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  for (const register of options.routes ?? (await defaultRoutes(options.store !== undefined))) register(app, ctx);
  for (const plugin of options.plugins ?? []) plugin(app);
  await app.ready();
  return app;
}
