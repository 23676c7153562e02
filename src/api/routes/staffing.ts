import type { FastifyReply, FastifyRequest } from 'fastify';
import { WfmError } from '../../errors.js';
import { ResponseCache, etagMatches, staffingCacheFromEnv, type CachedAnswer } from '../cache.js';
import type { StaffingJsonResult } from '../../workers/handlers/api.js';
import { toWfmError } from '../error-handler.js';
import { unreachableError } from '../staffing-check.js';
import {
  ErlangRequestSchema,
  ErlangResponseSchema,
  StaffingRequestSchema,
  StaffingResponseSchema,
  erlangRequest,
  staffRequest,
  stringifyStaffingResponse,
  type StaffingRequest,
} from '../../schemas/staffing.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { arrayLength, checkLimit, checkLoad, withTimeLimit, type RouteModule } from '../context.js';
import { errorResponses } from '../schema-compilers.js';

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

/** What the staffing body parser learned about a request: its cache key, and the answer on a hit. */
interface CacheLookup {
  key: string;
  hit?: CachedAnswer;
}

/** Sends a cached (or freshly cached) answer: 304 when `If-None-Match` names its ETag. */
function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer, state: 'hit' | 'miss'): FastifyReply {
  reply.header('etag', answer.etag).header('x-wfm-cache', state);
  if (etagMatches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(answer.body);
}

/**
 * `POST /v1/staffing` (headcount per interval) and `POST /v1/erlang` (one interval).
 * `/v1/staffing` answers repeated bodies from a bounded LRU cache (src/api/cache.ts): in its own
 * plugin scope, the JSON body parser hashes the body bytes first and, on a hit, skips parsing;
 * a preValidation hook then sends the stored bytes (with their ETag) before validation.
 */
export const staffingRoutes: RouteModule = (app, ctx) => {
  const cache = new ResponseCache(staffingCacheFromEnv(process.env));
  const lookups = new WeakMap<FastifyRequest, CacheLookup>();
  app.register(async (scope) => {
    if (cache.enabled) {
      const parseJson = scope.getDefaultJsonParser('error', 'error');
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
        const key = ResponseCache.keyOf('POST', '/v1/staffing', body);
        const hit = cache.get(key);
        lookups.set(request, hit ? { key, hit } : { key });
        if (hit) done(null, {});
        else parseJson(request, body as string, done);
      });
    }
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/v1/staffing',
      {
        schema: {
          summary: 'Agents and headcount required per interval (Erlang C, Erlang A, chat), or metrics at given agents.',
          description:
            'The body is the JSON form of `wfm staff --input`. Intervals that carry `agents` are evaluated, the others solved. ' +
            `At most ${ctx.limits.maxIntervals} intervals (413 beyond). 422 when a solved interval has no staffing that meets its targets. ` +
            'Answers are cached by body bytes (bounded LRU) and carry an ETag: `If-None-Match` gets 304 when unchanged.',
          tags: ['staffing'],
          body: StaffingRequestSchema,
          response: { 200: StaffingResponseSchema, ...errorResponses(400, 401, 413, 415, 422) },
        },
        preValidation: async (request, reply) => {
          const hit = lookups.get(request)?.hit;
          if (hit) return sendAnswer(request, reply, hit, 'hit');
          checkLimit(arrayLength(request.body, 'intervals'), ctx.limits.maxIntervals, ['intervals'], 'intervals');
          return undefined;
        },
      },
      async (request, reply) => {
        const body = request.body;
        checkLoad(body.intervals, body.intervalMinutes, ctx.limits.maxAgents, ['intervals']);
        const key = lookups.get(request)?.key;
        let json: string;
        if (staffingWorkUnits(body) <= ctx.limits.inlineStaffingUnits) {
          const response = staffRequest(body);
          const error = unreachableError(response);
          if (error) throw error;
          json = stringifyStaffingResponse(response);
          if (key === undefined) return reply.type('application/json; charset=utf-8').send(json as never);
        } else {
          // On the pool the worker also serializes: one string comes back instead of ~700 objects.
          const result = (await withTimeLimit(ctx.limits.jobTimeLimitMs, (signal) => ctx.runner.run('api.staffing-json', body, signal))) as StaffingJsonResult;
          if (result.unreachable) throw toWfmError(result.unreachable);
          json = result.body;
          if (key === undefined) return reply.type('application/json; charset=utf-8').send(json as never);
        }
        return sendAnswer(request, reply, cache.set(key, json), 'miss');
      },
    );
  });

  app.post(
    '/v1/erlang',
    {
      schema: {
        summary: 'One interval: the minimal agents for the targets, or the metrics at `agents`.',
        description: 'The body is the JSON form of `wfm erlang`. Runs on the event loop (one interval is microseconds of work).',
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
        throw new WfmError('WFM_ERR_ERLANG_TARGET_UNREACHABLE', 'No number of agents meets the targets for this interval.', {
          issues: [{ path: ['target'], message: 'unreachable' }],
        });
      }
      return result;
    },
  );
};
