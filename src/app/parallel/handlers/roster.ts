/** Roster tasks of the worker threads: a parsed request in, the roster out. */
import type { ParsedRosterRequest } from '../../../contracts/roster.js';
import { runRoster } from '../../../scheduler/roster/run.js';

export const rosterHandlers = {
  /** A parsed roster request (the `POST /v1/rosters` body: plan, agents, rules, options) -> the roster. */
  'roster.solve': (request: ParsedRosterRequest) => runRoster(request, () => performance.now()),
};
