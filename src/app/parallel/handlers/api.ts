/**
 * HTTP-service handlers of the worker pool. `POST /v1/staffing` sends a week here: the worker
 * validates, staffs and also serializes the answer, so that the event loop receives one string
 * (a memory copy) instead of cloning ~700 result objects and then stringifying them.
 */
import { unreachableError } from '../../staffing-check.js';
import type { StaffingRequest } from '../../../contracts/staffing.js';
import { staffRequest, stringifyStaffingResponse } from '../../staffing.js';

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
};
