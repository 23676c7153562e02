/**
 * A store job's body (`POST /v1/centres/:centre/jobs`) checked before it is queued, on a worker
 * thread: the same parse as the matching route (a shift plan also checked in full, as
 * `POST /v1/shift-plans` does), so a bad body is a 400 at once and not a failed job later, and the
 * event loop does no validation. A roster without its previous week answers the week it needs, for
 * the route to read the last published one from the store.
 */
import { parseForecastRequest } from '../contracts/forecast.js';
import { parseRosterRequest } from '../contracts/roster.js';
import { parseShiftPlanRequest } from '../contracts/shift-plan-request.js';
import { parseSimulationRequest } from '../contracts/simulation.js';
import { checkShiftPlan } from './shift-plan.js';

export type StoreJobKind = 'roster' | 'plan' | 'forecast' | 'simulation';

export interface StoreJobBody {
  kind: StoreJobKind;
  request: unknown;
}

export interface StoreJobCheck {
  /** A roster job without `previous`: its grid, to find the last published week before it. */
  previousWeekOf: { start: string; timeZone: string } | null;
}

/** Throws a `WfmError` naming the field for a bad body. */
export function checkStoreJob(body: StoreJobBody): StoreJobCheck {
  switch (body.kind) {
    case 'roster': {
      const parsed = parseRosterRequest(body.request);
      const { start, timeZone } = parsed.plan.grid;
      return { previousWeekOf: parsed.previous ? null : { start, timeZone } };
    }
    case 'plan': {
      const parsed = parseShiftPlanRequest(body.request);
      checkShiftPlan(parsed.requirement, parsed.rules, parsed);
      return { previousWeekOf: null };
    }
    case 'forecast':
      parseForecastRequest(body.request);
      return { previousWeekOf: null };
    case 'simulation':
      parseSimulationRequest(body.request);
      return { previousWeekOf: null };
  }
}
