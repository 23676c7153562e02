import { parseRequirementJson, parseShiftPlanRules } from '../../contracts/shift-plan.js';
import { ShiftPlanRequestSchema } from '../../app/parallel/handlers/shift-plan.js';
import type { RouteModule } from '../context.js';
import { registerJobRoute } from './jobs.js';

/**
 * `POST /v1/shift-plans`: the shift plan (LP bound, then the MIP on HiGHS) as a job on the pool:
 * 202 with a job id; `GET /v1/jobs/:id` for the plan. The requirement and the rules are checked
 * before the job is queued, so a bad body is a 400 at once.
 */
export const shiftPlanRoutes: RouteModule = (app, ctx) =>
  registerJobRoute(app, ctx, {
    url: '/v1/shift-plans',
    kind: 'shift-plan',
    handler: 'shift-plan.solve',
    body: ShiftPlanRequestSchema,
    summary: 'Queue a shift plan (shifts, breaks, retraining sessions) for a staffing requirement; 202 with a job id.',
    check: (body) => {
      parseRequirementJson(body.requirement);
      parseShiftPlanRules(body.rules);
    },
    // The MIP's time limit (the request's, else the rules', else the solver default of 10 s).
    budgetMs: (body) =>
      1000 * (body.timeLimitSeconds ?? parseShiftPlanRules(body.rules).rules.solver?.timeLimitSeconds ?? 10),
  });
