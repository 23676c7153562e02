/**
 * HTTP-service handlers of the worker pool. `POST /v1/staffing` sends a week here: the worker
 * validates, staffs and also serializes the answer, so that the event loop receives one string
 * (a memory copy) instead of cloning ~700 result objects and then stringifying them.
 */
import { unreachableError } from '../../staffing-check.js';
import type { StaffingRequest } from '../../../contracts/staffing.js';
import { staffRequest, stringifyStaffingResponse } from '../../staffing.js';
import {
  rosterBudgetMs,
  rosterJob,
  shiftPlanBudgetMs,
  shiftPlanJob,
  type JobCheck,
  type JobBody,
} from '../../job-requests.js';
import { prepareWhatIf, type WhatIfText } from '../../what-if-request.js';
import { moveResult } from '../move.js';
import { checkStoreJob, type StoreJobBody, type StoreJobCheck } from '../../store-job-check.js';

export interface StaffingJsonResult {
  /** The response body, JSON (non-finite numbers as null). */
  body: string;
  /** Set when a solved interval is unreachable: the 422 to answer instead. */
  unreachable?: { code: string; message: string; issues: { path: (string | number)[]; message: string }[] };
}

export const apiHandlers = {
  /** A parsed staffing request (the `POST /v1/staffing` body) -> its JSON response, or the 422 it deserves. */
  'api.staffing-json': (request: StaffingRequest): StaffingJsonResult => {
    const response = staffRequest(request);
    const error = unreachableError(response);
    return error ? { body: '', unreachable: error.toJSON() } : { body: stringifyStaffingResponse(response) };
  },
  /** A `POST /v1/what-if` body as text -> checked in full, the core's input (columns moved) and its size. */
  'api.what-if-prepare': (job: WhatIfText) => {
    const prepared = prepareWhatIf(job);
    const columns = prepared.input.queues.flatMap((q) => [
      q.volume,
      q.ahtSeconds,
      ...(q.rosterHeadcount ? [q.rosterHeadcount] : []),
    ]);
    return moveResult(prepared, columns);
  },
  /** A `POST /v1/shift-plans` body as text -> checked in full (throws naming the field), its time budget. */
  'api.shift-plan-check': (job: JobBody): JobCheck => ({ budgetMs: shiftPlanBudgetMs(shiftPlanJob(job)) }),
  /** A `POST /v1/rosters` body as text -> checked in full, its time budget. */
  'api.roster-check': (job: JobBody): JobCheck => ({ budgetMs: rosterBudgetMs(rosterJob(job)) }),
  /** A `POST /v1/centres/:centre/jobs` body -> checked as its route would, and the previous week it needs. */
  'api.store-job-check': (body: StoreJobBody): StoreJobCheck => checkStoreJob(body),
};
