import { RosterRequestSchema } from '../../contracts/roster.js';
import type { RouteModule } from '../context.js';
import { registerTextJobRoute } from './text-jobs.js';

/**
 * `POST /v1/rosters`: named agents on a shift plan under weekly rules, as a job on the pool:
 * 202 with a job id; `GET /v1/jobs/:id` for the roster. The plan, agents and rules are checked
 * on a worker before the job is queued (a bad body is a 400 at once); more agents than
 * `maxAgents` is a 413.
 */
export const rosterRoutes: RouteModule = (app, ctx) =>
  registerTextJobRoute(app, ctx, {
    url: '/v1/rosters',
    kind: 'roster',
    check: 'api.roster-check',
    solve: 'roster.solve-text',
    body: RosterRequestSchema,
    summary: 'Queue a roster (named agents on a shift plan, weekly rules, retraining); 202 with a job id.',
    taskLimits: (ctx) => ({ maxAgents: ctx.limits.maxAgents }),
  });
