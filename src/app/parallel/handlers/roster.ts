/** Roster tasks of the worker threads: a parsed request in, the roster out. */
import type { ParsedRosterRequest } from '../../../contracts/roster.js';
import { loadSolver } from '../../../scheduler/mip/highs.js';
import { runRoster } from '../../../scheduler/roster/run.js';
import { rosterJob, type JobText } from '../../job-requests.js';

export const rosterHandlers = {
  /** A parsed roster request (the `POST /v1/rosters` body: plan, agents, rules, options) -> the roster. */
  'roster.solve': async (request: ParsedRosterRequest) =>
    runRoster(request, () => performance.now(), await loadSolver()),
  /** The body as the service received it (checked already by `api.roster-check`) -> the roster. */
  'roster.solve-text': async (job: JobText) => runRoster(rosterJob(job), () => performance.now(), await loadSolver()),
};
