import { ShiftPlanRequestSchema, parseShiftPlanRequest } from '../../contracts/shift-plan-request.js';
import type { RouteModule } from '../context.js';
import { registerJobRoute } from './jobs.js';

/**
 * `POST /v1/shift-plans`: the shift plan (LP bound, then the MIP on HiGHS) as a job on the pool:
 * 202 with a job id; `GET /v1/jobs/:id` for the plan. The body is parsed once, before the job is
 * queued (a bad body is a 400 at once), and the parsed request is the job's payload.
 */
export const shiftPlanRoutes: RouteModule = (app, ctx) =>
  registerJobRoute(app, ctx, {
    url: '/v1/shift-plans',
    kind: 'shift-plan',
    handler: 'shift-plan.solve',
    body: ShiftPlanRequestSchema,
    summary: 'Queue a shift plan (shifts, breaks, retraining sessions) for a staffing requirement; 202 with a job id.',
    prepare: parseShiftPlanRequest,
    // The MIP's time limit (the request's, else the rules', else the solver default of 10 s).
    budgetMs: (request) => 1000 * (request.timeLimitSeconds ?? request.rules.rules.solver?.timeLimitSeconds ?? 10),
  });
