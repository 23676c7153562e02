/** The headcount view of a staffing answer (`?view=headcount`, `wfm staff --view headcount`). */
import type { StaffingResponse } from '../contracts/staffing.js';
import type { StaffingHeadcountResponse } from '../contracts/staffing-headcount.js';

/** The target's fields in the order of StaffingTargetSchema (present ones only), whatever order they came in. */
export function targetInSchemaOrder(target: StaffingResponse['target']): StaffingResponse['target'] {
  const out: StaffingResponse['target'] = {};
  if (target.serviceLevel !== undefined) out.serviceLevel = target.serviceLevel;
  if (target.answerSeconds !== undefined) out.answerSeconds = target.answerSeconds;
  if (target.maxAsaSeconds !== undefined) out.maxAsaSeconds = target.maxAsaSeconds;
  if (target.maxOccupancy !== undefined) out.maxOccupancy = target.maxOccupancy;
  if (target.maxAbandonRate !== undefined) out.maxAbandonRate = target.maxAbandonRate;
  return out;
}

/**
 * The headcount view of a full staffing answer: its agents and headcount columns and the totals
 * that depend on them, copied (no number is recomputed). O(intervals).
 *
 * @example headcountViewOf(staffRequest(parseStaffingRequest(body))).agents // [14, 16, ...]
 */
export function headcountViewOf(response: StaffingResponse): StaffingHeadcountResponse {
  const t = response.totals;
  return {
    view: 'headcount',
    intervalMinutes: response.intervalMinutes,
    timeZone: response.timeZone,
    model: response.model,
    target: targetInSchemaOrder(response.target),
    shrinkage: response.shrinkage,
    agents: response.intervals.map((row) => row.agents),
    headcount: response.intervals.map((row) => row.headcount),
    totals: {
      intervals: t.intervals,
      volume: t.volume,
      workloadHours: t.workloadHours,
      agentHours: t.agentHours,
      headcountHours: t.headcountHours,
      peakAgents: t.peakAgents,
      peakHeadcount: t.peakHeadcount,
      unmetIntervals: t.unmetIntervals,
    },
  };
}

/** The JSON text of a headcount view (plain JSON.stringify: every value is finite). */
export function stringifyHeadcountView(view: StaffingHeadcountResponse): string {
  return JSON.stringify(view);
}
