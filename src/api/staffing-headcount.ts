/**
 * The headcount view (`?view=headcount`) computed straight from a body read into columns
 * (src/api/staffing-fast-body.ts): the interval grid checked as `staffRequest` checks it, the
 * agents solved by `staffErlangCColumns`, the totals summed in the order `staffQueue` and
 * `totalsOf` sum them. The result equals `headcountViewOf(staffRequest(...))` value for value
 * (tests/api/staffing-headcount.test.ts); anything that would be an error there (an off-grid or
 * repeated start, a load over the limits, an unreachable target) gives `undefined`, and the route
 * takes the ordinary path, which answers that error exactly as for the full view.
 */
import { staffErlangCColumns } from '../erlang/erlang-c-columns.js';
import type { StaffingHeadcountResponse } from '../contracts/staffing-headcount.js';
import { checkIntervalGrid } from '../time/interval-grid.js';
import type { ApiLimits } from './options.js';
import type { FastStaffingBody } from './staffing-fast-body.js';

// Output columns reused from one call to the next (the answer copies them into arrays).
let out = { agents: new Float64Array(1024), headcount: new Float64Array(1024) };

/** An integer below 2^30 as a small integer (`| 0`), anything else as it is. */
function toSmall(value: number): number {
  return value >= 0 && value < 1_073_741_824 ? value | 0 : value;
}

/** The interval length of `staffRequest` for these starts, when they are on their grid; else undefined. */
function gridMinutes(startMs: Float64Array, count: number, given: number | undefined): number | undefined {
  let ascending = true;
  for (let k = 1; k < count && ascending; k++) ascending = (startMs[k] as number) > (startMs[k - 1] as number);
  const check = checkIntervalGrid(ascending ? startMs : startMs.slice(0, count).sort(), count, given);
  return check.ok ? check.intervalMinutes : undefined;
}

/**
 * The headcount view of a body read by `readFastStaffingBody`, or undefined when the request must
 * take the ordinary path (see the module comment). O(intervals x agents searched), no object per
 * interval.
 */
export function fastHeadcountView(
  body: FastStaffingBody,
  limits: Pick<ApiLimits, 'maxIntervals' | 'maxAgents'>,
): StaffingHeadcountResponse | undefined {
  const { count, volume, ahtSeconds } = body;
  if (count > limits.maxIntervals) return undefined;
  // checkLoad's bound: the given interval length, or 5 minutes when it is to be inferred.
  const loadSeconds = (body.intervalMinutes ?? 5) * 60;
  for (let i = 0; i < count; i++) {
    if (((volume[i] as number) * (ahtSeconds[i] as number)) / loadSeconds > limits.maxAgents) return undefined;
  }
  const intervalMinutes = gridMinutes(body.startMs, count, body.intervalMinutes);
  if (intervalMinutes === undefined) return undefined;
  const shrinkage = body.shrinkage ?? 0;
  if (out.agents.length < count)
    out = { agents: new Float64Array(volume.length), headcount: new Float64Array(volume.length) };
  const staffed = staffErlangCColumns({
    intervalMinutes,
    volume,
    ahtSeconds,
    count,
    targets: body.target,
    shrinkage: body.shrinkage,
    into: out,
  });
  if (staffed.firstUnreachable >= 0) return undefined;
  const hours = intervalMinutes / 60;
  // Filled by push: a packed array of small integers, which JSON.stringify writes fastest.
  const agents: number[] = [];
  const headcount: number[] = [];
  let volumeSum = 0;
  let workloadSeconds = 0;
  let agentHours = 0;
  let headcountHours = 0;
  let peakAgents = 0;
  let peakHeadcount = 0;
  for (let i = 0; i < count; i++) {
    const v = volume[i] as number;
    // Small integers as such (not doubles): JSON.stringify writes an array of them several times faster.
    const n = toSmall(staffed.agents[i] as number);
    const h = toSmall(staffed.headcount[i] as number);
    agents.push(n);
    headcount.push(h);
    volumeSum += v;
    workloadSeconds += v * (ahtSeconds[i] as number);
    agentHours += n * hours;
    headcountHours += h * hours;
    peakAgents = Math.max(peakAgents, n);
    peakHeadcount = Math.max(peakHeadcount, h);
  }
  return {
    view: 'headcount',
    intervalMinutes,
    timeZone: body.answerZone,
    model: 'erlang-c',
    target: body.target,
    shrinkage,
    agents,
    headcount,
    totals: {
      intervals: count,
      volume: volumeSum,
      workloadHours: workloadSeconds / 3600,
      agentHours,
      headcountHours,
      peakAgents,
      peakHeadcount,
      unmetIntervals: 0,
    },
  };
}
