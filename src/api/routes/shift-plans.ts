import { ShiftPlanRequestSchema } from '../../contracts/shift-plan-request.js';
import type { RouteModule } from '../context.js';
import { registerTextJobRoute } from './text-jobs.js';

/**
 * `POST /v1/shift-plans`: the shift plan (LP bound, then the MIP on HiGHS) as a job on the pool:
 * 202 with a job id; `GET /v1/jobs/:id` for the plan. The body is checked in full on a worker
 * before the job is queued (shape, starts, grid, span, every duration on the grid: a bad body is
 * a 400 at once, not a failed job later); the event loop only passes its text on.
 */
export const shiftPlanRoutes: RouteModule = (app, ctx) =>
  registerTextJobRoute(app, ctx, {
    url: '/v1/shift-plans',
    kind: 'shift-plan',
    check: 'api.shift-plan-check',
    solve: 'shift-plan.solve-text',
    body: ShiftPlanRequestSchema,
    summary: 'Queue a shift plan (shifts, breaks, retraining sessions) for a staffing requirement; 202 with a job id.',
  });
