import { WfmError } from '../../errors.js';
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
  type StaffingRequest,
} from '../../schemas/staffing.js';
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

/** `POST /v1/staffing` (headcount per interval) and `POST /v1/erlang` (one interval). */
export const staffingRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/v1/staffing',
    {
      schema: {
        summary: 'Agents and headcount required per interval (Erlang C, Erlang A, chat), or metrics at given agents.',
        description:
          'The body is the JSON form of `wfm staff --input`. Intervals that carry `agents` are evaluated, the others solved. ' +
          `At most ${ctx.limits.maxIntervals} intervals (413 beyond). 422 when a solved interval has no staffing that meets its targets.`,
        tags: ['staffing'],
        body: StaffingRequestSchema,
        response: { 200: StaffingResponseSchema, ...errorResponses(400, 401, 413, 415, 422) },
      },
      preValidation: async (request) => {
        checkLimit(arrayLength(request.body, 'intervals'), ctx.limits.maxIntervals, ['intervals'], 'intervals');
      },
    },
    async (request, reply) => {
      const body = request.body;
      checkLoad(body.intervals, body.intervalMinutes, ctx.limits.maxAgents, ['intervals']);
      if (staffingWorkUnits(body) <= ctx.limits.inlineStaffingUnits) {
        const response = staffRequest(body);
        const error = unreachableError(response);
        if (error) throw error;
        return reply.send(response);
      }
      // On the pool the worker also serializes: one string comes back instead of ~700 objects.
      const result = (await withTimeLimit(ctx.limits.jobTimeLimitMs, (signal) => ctx.runner.run('api.staffing-json', body, signal))) as StaffingJsonResult;
      if (result.unreachable) throw toWfmError(result.unreachable);
      return reply.type('application/json; charset=utf-8').send(result.body as never);
    },
  );

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
