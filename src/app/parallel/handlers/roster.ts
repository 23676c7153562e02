/** Roster tasks of the worker threads: a parsed request in, the roster out. */
import type { ParsedRosterRequest } from '../../../contracts/roster.js';
import { loadSolver } from '../../../scheduler/mip/highs.js';
import { runRoster } from '../../../scheduler/roster/run.js';
import { rosterJob, type JobBody } from '../../job-requests.js';
import { moveJson } from '../move.js';

export const rosterHandlers = {
  /** A parsed roster request (the `POST /v1/rosters` body: plan, agents, rules, options) -> the roster. */
  'roster.solve': async (request: ParsedRosterRequest) =>
    runRoster(request, () => performance.now(), await loadSolver()),
  /**
   * The body as the service received it (checked already by `api.roster-check`) -> the roster as
   * JSON bytes (moved), which the service stores and serves without reading them.
   */
  'roster.solve-text': async (job: JobBody) =>
    moveJson(runRoster(rosterJob(job), () => performance.now(), await loadSolver())),
};
