import { RosterRequestSchema, parseRosterRequest } from '../../contracts/roster.js';
import { checkLimit, type RouteModule } from '../context.js';
import { registerJobRoute } from './jobs.js';

/** Agents in a raw roster body (`agents` as a list or `{ agents: [...] }`; 0 when neither). */
function rawAgentCount(body: unknown): number {
  const agents = (body as { agents?: unknown } | null)?.agents;
  if (Array.isArray(agents)) return agents.length;
  const inner = (agents as { agents?: unknown } | null | undefined)?.agents;
  return Array.isArray(inner) ? inner.length : 0;
}

/**
 * `POST /v1/rosters`: named agents on a shift plan under weekly rules, as a job on the pool:
 * 202 with a job id; `GET /v1/jobs/:id` for the roster. The plan, agents and rules are parsed
 * before the job is queued (a bad body is a 400 at once); more agents than `maxAgents` is a 413.
 */
export const rosterRoutes: RouteModule = (app, ctx) =>
  registerJobRoute(app, ctx, {
    url: '/v1/rosters',
    kind: 'roster',
    handler: 'roster.solve',
    body: RosterRequestSchema,
    summary: 'Queue a roster (named agents on a shift plan, weekly rules, retraining); 202 with a job id.',
    checkSize: (body, c) => checkLimit(rawAgentCount(body), c.limits.maxAgents, ['agents'], 'agents'),
    prepare: parseRosterRequest,
    // The search runs until its time limit unless it runs out of iterations first.
    budgetMs: (request) => 1000 * request.options.timeLimitSeconds,
  });
