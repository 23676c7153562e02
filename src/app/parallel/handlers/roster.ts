/** Roster handlers of the worker pool: validate the payload, call the core in one line. */
import { parseRosterRequest, type RosterRequestInput } from '../../../contracts/roster.js';
import { runRoster } from '../../../scheduler/roster/run.js';

export const rosterHandlers = {
  /** A roster request (the `POST /v1/rosters` body: plan, agents JSON, rules, options) -> the roster. */
  'roster.solve': (payload: RosterRequestInput) => runRoster(parseRosterRequest(payload), () => performance.now()),
};
