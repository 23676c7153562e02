import type { FastifyReply, FastifyRequest } from 'fastify';
import { jsonBodyParser } from '../json-body.js';
import { WfmError } from '../../errors.js';
import { ResponseCache, etagMatches, staffingCacheFromEnv, type CachedAnswer } from '../cache.js';
import { runNamed } from '../../app/parallel/runner.js';
import { toWfmError } from '../error-handler.js';
import { unreachableError } from '../../app/staffing-check.js';
import {
  ErlangRequestSchema,
  ErlangResponseSchema,
  StaffingRequestSchema,
  StaffingResponseSchema,
  type StaffingRequest,
  type StaffingResponse,
} from '../../contracts/staffing.js';
import { erlangRequest, staffRequest, stringifyStaffingResponse } from '../../app/staffing.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  StaffingHeadcountResponseSchema,
  StaffingQuerySchema,
  type StaffingView,
} from '../../contracts/staffing-headcount.js';
import { headcountViewOf, stringifyHeadcountView } from '../../app/staffing-headcount.js';
import { readFastStaffingBody } from '../staffing-fast-body.js';
import { fastHeadcountView } from '../staffing-headcount.js';
import {
  arrayLength,
  checkLimit,
  checkLoad,
  withTimeLimit,
  type ApiContext,
  type RouteModule,
  type ZodApp,
} from '../context.js';
import { errorResponses } from '../schema-compilers.js';
import {
  isMultiQueueBody,
  MultiQueueStaffingRequestSchema,
  MultiQueueStaffingResponseSchema,
  parseMultiQueueStaffing,
} from '../../contracts/multi-queue-staffing.js';
import { runMultiQueueStaffing } from '../../app/multi-queue-staffing.js';

/**
 * Work units of a staffing request, to choose where it runs: one unit per Erlang C interval, 25
 * per Erlang A or chat interval (their exact chains cost more). Up to `limits.inlineStaffingUnits`
 * (default 100: a day of 15-minute Erlang C intervals) the request runs on the event loop, where a
 * thread round trip would cost more than the work. Larger ones go to the pool, whose worker also
 * serializes the answer: throughput measured the same as inline within noise
 * (benchmarks/api-staffing.bench.ts records both), and the event loop stays responsive.
 */
export function staffingWorkUnits(request: Pick<StaffingRequest, 'model' | 'intervals'>): number {
  return request.intervals.length * (request.model === 'erlang-c' ? 1 : 25);
}

/** What the staffing body parser learned about a request. */
interface BodyLookup {
  /** Cache key (absent when the cache is off or the view is not one the route knows). */
  key?: string;
  /** The cached answer, on a hit. */
  hit?: CachedAnswer;
  /** The headcount answer (JSON) computed by the fast path while the body was read. */
  fast?: string;
}

/** The view asked for in the query string, when it is one the route knows (the schema rejects others). */
function viewOf(request: FastifyRequest): StaffingView | undefined {
  const view = (request.query as { view?: unknown } | null)?.view;
  if (view === undefined) return 'full';
  return view === 'full' || view === 'headcount' ? view : undefined;
}

/** Sends a cached (or freshly cached) answer: 304 when `If-None-Match` names its ETag. */
function sendAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CachedAnswer,
  state: 'hit' | 'miss',
): FastifyReply {
  reply.header('etag', answer.etag).header('x-wfm-cache', state);
  if (etagMatches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(answer.body);
}

/** Sends a fresh answer: through the cache when it has a key, else as it is. */
function sendFresh(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ResponseCache,
  key: string | undefined,
  json: string,
): FastifyReply {
  if (key === undefined) return reply.type('application/json; charset=utf-8').send(json);
  return sendAnswer(request, reply, cache.set(key, json), 'miss');
}

/**
 * `POST /v1/staffing` (headcount per interval) and `POST /v1/erlang` (one interval).
 *
 * `/v1/staffing` answers repeated bodies from a bounded LRU cache (src/api/cache.ts): in its own
 * plugin scope, the JSON body parser hashes the body bytes (and the view) first and, on a hit,
 * skips parsing; a preValidation hook then sends the stored bytes (with their ETag) before
 * validation.
 *
 * `?view=headcount` answers agents and headcount per interval as arrays (src/contracts/staffing-headcount.ts).
 * For the common body (an Erlang C week of start/volume/ahtSeconds rows) the parser reads the
 * bytes into columns (src/api/staffing-fast-body.ts) and staffs them (src/api/staffing-headcount.ts)
 * without JSON.parse, zod or per-interval objects; the preValidation hook sends that answer. Any other body,
 * and any request that would be an error, takes the ordinary path below (zod, `staffRequest`),
 * so errors are the same bytes in both views.
 */
export const staffingRoutes: RouteModule = (app, ctx) => {
  const cache = new ResponseCache(staffingCacheFromEnv(process.env));
  const lookups = new WeakMap<FastifyRequest, BodyLookup>();
  app.register(async (scope) => {
    // fastify's own JSON parser (proto-poisoning checks, its errors) behind the nesting check.
    const parseJson = jsonBodyParser(scope, ctx.limits.maxJsonDepth);
    scope.removeContentTypeParser('application/json');
    // The body as bytes: hashed as they are, and read by the fast reader without decoding.
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      if (!readBodyFast(request, body as Buffer, { ctx, cache, lookups }, done))
        parseJson(request, body as Buffer, done);
    });
    registerStaffingRoute(scope.withTypeProvider<ZodTypeProvider>(), { ctx, cache, lookups });
  });
  registerErlangRoute(app, ctx);
};

interface StaffingScope {
  ctx: ApiContext;
  cache: ResponseCache;
  lookups: WeakMap<FastifyRequest, BodyLookup>;
}

/**
 * The body parser's own work before JSON.parse: the cache key and lookup, and the headcount fast
 * path. Returns true when it answered `done` (a hit or a fast answer), false to parse as JSON.
 */
function readBodyFast(
  request: FastifyRequest,
  text: Buffer,
  { ctx, cache, lookups }: StaffingScope,
  done: (error: Error | null, value?: unknown) => void,
): boolean {
  const view = viewOf(request);
  const lookup: BodyLookup = {};
  lookups.set(request, lookup);
  if (cache.enabled && view !== undefined) {
    lookup.key = ResponseCache.keyOf('POST', view === 'full' ? '/v1/staffing' : '/v1/staffing?view=headcount', text);
    const hit = cache.get(lookup.key);
    if (hit) {
      lookup.hit = hit;
      done(null, {});
      return true;
    }
  }
  if (view === 'headcount') {
    // Read and staffed here, synchronously: the reader's columns are reused by the next body.
    const columns = readFastStaffingBody(text, Math.min(ctx.limits.inlineHeadcountIntervals, ctx.limits.maxIntervals));
    const answer = columns && fastHeadcountView(columns, ctx.limits);
    if (answer) {
      lookup.fast = stringifyHeadcountView(answer);
      done(null, {});
      return true;
    }
  }
  // Anything else, including every request that is an error, takes the ordinary path.
  return false;
}

/** `POST /v1/staffing` on its plugin scope (whose JSON parser filled `lookups`). */
function registerStaffingRoute(scope: ZodApp, { ctx, cache, lookups }: StaffingScope): void {
  scope.post(
    '/v1/staffing',
    {
      schema: {
        summary: 'Agents and headcount required per interval (Erlang C, Erlang A, chat), or metrics at given agents.',
        description:
          'The body is the JSON form of `wfm staff --input`. Intervals that carry `agents` are ' +
          'evaluated, the others solved. ' +
          `At most ${ctx.limits.maxIntervals} intervals (413 beyond). 422 when a solved interval has ` +
          `no staffing that meets its targets. ` +
          '`?view=headcount` answers agents and headcount per interval as arrays (in the order of the ' +
          "request's intervals) " +
          'with totals, instead of every metric of every interval; errors are the same in both views. ' +
          'Answers are cached by body bytes and view (bounded LRU) and carry an ETag: `If-None-Match` ' +
          'gets 304 when unchanged. ' +
          'Several queues: a body `{ queues: [{ name, priority?, handleTimeCv?, request: <this body> }], ' +
          'groups?: [{ name?, skills, proficiency? }], seed?, replications?, acceptance? }` answers agents per ' +
          'skill group and interval verified by simulation, and per queue and interval the Erlang requirement, ' +
          'SL by formula, the agents covering it and the simulated SL with its 95 % interval (docs/staffing.md).',
        tags: ['staffing'],
        querystring: StaffingQuerySchema,
        body: StaffingRequestSchema,
        // The document shows both bodies; a `queues` body is answered before validation (preValidation).
        openapiBody: z.union([StaffingRequestSchema, MultiQueueStaffingRequestSchema]),
        response: {
          200: z.union([StaffingResponseSchema, StaffingHeadcountResponseSchema, MultiQueueStaffingResponseSchema]),
          ...errorResponses(400, 401, 413, 415, 422),
        },
      },
      preValidation: async (request, reply) => {
        const lookup = lookups.get(request);
        if (lookup?.hit) return sendAnswer(request, reply, lookup.hit, 'hit');
        if (lookup?.fast !== undefined) return sendFresh(request, reply, cache, lookup.key, lookup.fast);
        if (isMultiQueueBody(request.body)) return sendMultiQueue(request, reply, { ctx, cache, lookups });
        checkLimit(arrayLength(request.body, 'intervals'), ctx.limits.maxIntervals, ['intervals'], 'intervals');
        return undefined;
      },
    },
    async (request, reply) => {
      const body = request.body;
      const headcountView = request.query.view === 'headcount';
      checkLoad(body.intervals, body.intervalMinutes, ctx.limits.maxAgents, ['intervals']);
      const key = lookups.get(request)?.key;
      let json: string;
      if (staffingWorkUnits(body) <= ctx.limits.inlineStaffingUnits) {
        const response = staffRequest(body);
        const error = unreachableError(response);
        if (error) throw error;
        json = headcountView ? stringifyHeadcountView(headcountViewOf(response)) : stringifyStaffingResponse(response);
      } else {
        // On the pool the worker also serializes: one string comes back instead of ~700 objects.
        // (A headcount view that gets here is not the common Erlang C week: it is read back.)
        const result = await withTimeLimit(ctx.limits.jobTimeLimitMs, (signal) =>
          runNamed(ctx.runner, 'api.staffing-json', body, signal),
        );
        if (result.unreachable) throw toWfmError(result.unreachable);
        json = headcountView
          ? stringifyHeadcountView(headcountViewOf(JSON.parse(result.body) as StaffingResponse))
          : result.body;
      }
      return sendFresh(request, reply, cache, key, json);
    },
  );
}

/**
 * A body with `queues` (src/contracts/multi-queue-staffing.ts): several queues and skill groups,
 * staffed on the pool under the request time limit, answered (and cached) before the single-queue
 * schema would see it.
 */
async function sendMultiQueue(
  request: FastifyRequest,
  reply: FastifyReply,
  { ctx, cache, lookups }: StaffingScope,
): Promise<FastifyReply> {
  if (viewOf(request) === 'headcount') {
    throw new WfmError('WFM_ERR_INPUT_INVALID', 'The headcount view takes one queue; leave out ?view=headcount.', {
      issues: [{ path: ['querystring', 'view'], message: 'not with several queues' }],
    });
  }
  const parsed = parseMultiQueueStaffing(request.body);
  const result = await withTimeLimit(ctx.limits.jobTimeLimitMs, (signal) =>
    runMultiQueueStaffing(ctx.runner, parsed, signal),
  );
  return sendFresh(request, reply, cache, lookups.get(request)?.key, JSON.stringify(result));
}

/** `POST /v1/erlang`: one interval, on the event loop. */
function registerErlangRoute(app: ZodApp, ctx: ApiContext): void {
  app.post(
    '/v1/erlang',
    {
      schema: {
        summary: 'One interval: the minimal agents for the targets, or the metrics at `agents`.',
        description:
          'The body is the JSON form of `wfm erlang`. Runs on the event loop (one interval is microseconds of work).',
        tags: ['staffing'],
        body: ErlangRequestSchema,
        response: { 200: ErlangResponseSchema, ...errorResponses(400, 401, 413, 415, 422) },
      },
      preValidation: async (request) => {
        const agents = (request.body as { agents?: unknown } | null)?.agents;
        if (typeof agents === 'number') checkLimit(agents, ctx.limits.maxAgents, ['agents'], 'agents');
      },
    },
    async (request) => {
      checkLoad([request.body], request.body.intervalMinutes, ctx.limits.maxAgents, ['interval']);
      const result = erlangRequest(request.body);
      if (!result.evaluated && !result.met) {
        throw new WfmError(
          'WFM_ERR_ERLANG_TARGET_UNREACHABLE',
          'No number of agents meets the targets for this interval.',
          {
            issues: [{ path: ['target'], message: 'unreachable' }],
          },
        );
      }
      return result;
    },
  );
}
