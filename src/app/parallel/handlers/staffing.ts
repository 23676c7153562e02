/** Staffing handlers of the worker pool: validate the payload, call the core in one line. */
import { staffBatch, BATCH_RESULT_COLUMNS, type StaffingBatch } from '../../../erlang/batch.js';
import { parseWith } from '../../../contracts/validate.js';
import { StaffingBatchSchema, parseStaffingRequest, type StaffingRequestInput } from '../../../contracts/staffing.js';
import { staffRequest } from '../../staffing.js';
import { moveResult } from '../move.js';

export const staffingHandlers = {
  /** A whole staffing request (the `POST /v1/staffing` body) -> its response. */
  'staffing.request': (payload: StaffingRequestInput) => staffRequest(parseStaffingRequest(payload)),
  /** A slice of a batch -> per-cell results; the result arrays move back without a copy. */
  'staffing.batch': (payload: StaffingBatch) => {
    const result = staffBatch(parseWith(StaffingBatchSchema, payload, 'staffing batch'));
    return moveResult(
      result,
      BATCH_RESULT_COLUMNS.map((c) => result[c]),
    );
  },
};
