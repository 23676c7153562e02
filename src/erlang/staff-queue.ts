import { staffDeferred } from './deferred.js';
import { evaluatedStaffing, solveInterval } from './solve-interval.js';
import type { DeferredParams, IntervalStaffing, QueueParams, StaffingTotals } from './types.js';

/** Input of `staffQueue`: one queue over consecutive intervals of equal length. */
export interface StaffQueueInput {
  intervalMinutes: number;
  params: QueueParams;
  intervals: { volume: number; ahtSeconds: number; agents?: number }[];
  /** Deferred work (email): staff by deadline instead of by a live-queue model. */
  deferred?: DeferredParams;
}

/**
 * Staffs a whole queue: each interval is solved (`solveInterval`), or evaluated at its own
 * `agents` when it carries them, and the totals are summed: agent-hours (integer, fractional and
 * after shrinkage), volume-weighted service level and abandonment, answered-weighted ASA,
 * occupancy as busy over staffed agent time, the worst interval's service level, and counts of
 * unstable and unmet intervals. With `deferred`, the queue is deferred work (`staffDeferred`):
 * serviceLevel is the share finished by its deadline and asaSeconds the mean delay.
 * O(intervals x one solve). Example: `staffQueue({ intervalMinutes: 30, params: { model: 'erlang-c',
 * targets: { serviceLevel: 0.8, answerSeconds: 20 } }, intervals: [{ volume: 100, ahtSeconds: 180 }] })`
 * gives 14 agents and totals.agentHours 7.
 */
export function staffQueue(input: StaffQueueInput): { intervals: IntervalStaffing[]; totals: StaffingTotals } {
  const { intervalMinutes, params } = input;
  const rows: IntervalStaffing[] = input.deferred
    ? deferredRows(input, input.deferred)
    : input.intervals.map((row) => {
        const load = { volume: row.volume, ahtSeconds: row.ahtSeconds, intervalMinutes };
        return row.agents === undefined ? solveInterval(load, params) : evaluatedStaffing(load, params, row.agents);
      });
  return { intervals: rows, totals: staffingTotals(rows, input.intervals, intervalMinutes, params) };
}

function deferredRows(input: StaffQueueInput, deferred: DeferredParams): IntervalStaffing[] {
  const plan = staffDeferred({
    intervalMinutes: input.intervalMinutes,
    intervals: input.intervals,
    deferred,
    shrinkage: input.params.shrinkage ?? 0,
  });
  const hours = input.intervalMinutes / 60;
  return plan.intervals.map((row) => ({
    erlangs: row.workloadHours / hours,
    agents: row.agents,
    agentsFractional: row.agentsFractional,
    headcount: row.headcount,
    serviceLevel: row.onTimeShare,
    asaSeconds: row.meanDelaySeconds,
    occupancy: row.agents > 0 ? row.workedHours / (row.agents * hours) : 0,
    probWait: 0,
    queueLength: row.backlogHours / hours,
    unstable: false,
    met: row.onTimeShare >= 1 - 1e-9,
    binding: row.agents > 0 ? 'deadline' : 'none',
  }));
}

/** Totals over staffed intervals (see `staffQueue`). O(intervals). */
export function staffingTotals(
  rows: readonly IntervalStaffing[],
  loads: readonly { volume: number }[],
  intervalMinutes: number,
  params: QueueParams,
): StaffingTotals {
  const hours = intervalMinutes / 60;
  let volume = 0;
  let agentHours = 0;
  let agentHoursFractional = 0;
  let slWeighted = 0;
  let answered = 0;
  let waitWeighted = 0;
  let busyHours = 0;
  let abandoned = 0;
  let worst = 1;
  let unstable = 0;
  let unmet = 0;
  let hasAbandonment = false;
  rows.forEach((row, i) => {
    const v = loads[i]?.volume ?? 0;
    volume += v;
    agentHours += row.agents * hours;
    agentHoursFractional += row.agentsFractional * hours;
    busyHours += row.occupancy * row.agents * hours;
    if (v > 0) {
      slWeighted += v * row.serviceLevel;
      worst = Math.min(worst, row.serviceLevel);
      const ans = v * (1 - (row.abandonRate ?? 0) - (row.blockRate ?? 0));
      answered += ans;
      waitWeighted += ans > 0 ? ans * row.asaSeconds : 0;
    }
    if (row.abandonRate !== undefined) {
      hasAbandonment = true;
      abandoned += v * row.abandonRate;
    }
    if (row.unstable) unstable++;
    if (!row.met) unmet++;
  });
  const headcountHours = rows.reduce((sum, row) => sum + row.headcount * hours, 0);
  const totals: StaffingTotals = {
    intervals: rows.length,
    volume,
    agentHours,
    agentHoursFractional,
    headcountHours,
    serviceLevel: volume > 0 ? slWeighted / volume : 1,
    asaSeconds: answered > 0 ? waitWeighted / answered : 0,
    occupancy: agentHours > 0 ? busyHours / agentHours : 0,
    worstServiceLevel: worst,
    unstableIntervals: unstable,
    unmetIntervals: unmet,
  };
  if (hasAbandonment || params.model !== 'erlang-c') totals.abandonRate = volume > 0 ? abandoned / volume : 0;
  return totals;
}
