import { WfmError, type WfmIssue } from '../errors.js';
import type { StaffingResponse } from '../contracts/staffing.js';

/**
 * The 422 for a staffing answer in which a solved interval meets no target within the search
 * cap: the request is well formed but asks for what no staffing can give. Evaluated intervals
 * (given agents) that miss their target are data, not errors. Undefined when every solved interval
 * is met. At most 100 issues are listed.
 */
export function unreachableError(response: Pick<StaffingResponse, 'intervals'>): WfmError | undefined {
  const issues: WfmIssue[] = [];
  let count = 0;
  response.intervals.forEach((row, i) => {
    if (row.evaluated || row.met) return;
    count++;
    if (issues.length < 100)
      issues.push({
        path: ['intervals', i],
        message: `no number of agents meets the targets (start ${row.start ?? i})`,
      });
  });
  if (count === 0) return undefined;
  return new WfmError(
    'WFM_ERR_ERLANG_TARGET_UNREACHABLE',
    `No number of agents meets the targets in ${count} interval(s); ` +
      `the first is intervals[${String(issues[0]?.path[1])}].`,
    {
      issues,
    },
  );
}
