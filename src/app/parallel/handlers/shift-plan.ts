/** Shift-plan tasks of the worker threads: a parsed request in, the plan out. */
import type { ParsedShiftPlanRequest } from '../../../contracts/shift-plan-request.js';
import { loadSolver } from '../../../scheduler/mip/highs.js';
import { runShiftPlan, simulationCheckOf } from '../../shift-plan.js';
import { shiftPlanJob, type JobBody } from '../../job-requests.js';
import { moveJson } from '../move.js';

async function solve(request: ParsedShiftPlanRequest) {
  return runShiftPlan(request.requirement, request.rules, {
    highs: await loadSolver(),
    timeLimitSeconds: request.timeLimitSeconds,
    timeZone: request.timeZone,
    agents: request.agents,
    queues: request.queues,
    // Several queues with agents: checked by simulation with the rules' seed, as `wfm plan` checks its plan.
    simulationCheck: simulationCheckOf(request.rules.rules.solver.seed, () => performance.now()),
  });
}

export const shiftPlanHandlers = {
  /** A parsed shift-plan request -> the plan (the adapter maps non-finite numbers to null in JSON). */
  'shift-plan.solve': solve,
  /**
   * The body as the service received it (checked already by `api.shift-plan-check`) -> the plan
   * as JSON bytes (moved), which the service stores and serves without reading them.
   */
  'shift-plan.solve-text': async (job: JobBody) => moveJson(await solve(shiftPlanJob(job))),
};
