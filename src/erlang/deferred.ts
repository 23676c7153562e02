import { EPS as EPS_ } from './constants.js';
import { headcountAfterShrinkage } from './traffic.js';
import type { DeferredParams } from './types.js';

// Module-local copies: an imported binding can cost a getter call per use under some loaders.
const EPS = EPS_;

/** One interval of a deferred-work (email) staffing plan. Work is measured in agent-hours. */
export interface DeferredInterval {
  /** Work arriving in the interval: volume x ahtSeconds / 3600. */
  workloadHours: number;
  /** Agents on the work in this interval (0 when closed). */
  agents: number;
  /** The rate actually needed, before rounding up: in (agents - 1, agents]. */
  agentsFractional: number;
  headcount: number;
  /** Work done in the interval. */
  workedHours: number;
  /** Work arrived and not yet done at the end of the interval. */
  backlogHours: number;
  /** Share of this interval's arrivals finished by their deadline (within the horizon). */
  onTimeShare: number;
  /** Mean delay from the interval's start to the start of the interval that finished the work, seconds. */
  meanDelaySeconds: number;
}

export interface DeferredTotals {
  workloadHours: number;
  workedHours: number;
  agentHours: number;
  agentHoursFractional: number;
  headcountHours: number;
  /** Worked hours over staffed agent-hours. */
  occupancy: number;
  /** Work whose deadline lies past the horizon and that is still open at its end (carried over). */
  carriedOverHours: number;
  /** Work that cannot meet its deadline because no interval of its window is open. */
  lateHours: number;
}

/**
 * Agents per interval for deferred work (email, back office) that must be finished within
 * `deadlineHours` of its arrival interval, at an occupancy target, carrying unfinished work to later
 * intervals.
 *
 * Method (greedy by deadline, smoothed): work arriving in interval k is due in the last open interval
 * of its window [k, k + D - 1], D = deadlineHours / interval length (at least 1). Deadlines are
 * then ordered like arrivals, so earliest-deadline-first is first-in-first-out. In each open
 * interval i the work rate is the smallest constant rate that keeps every later deadline
 * feasible: c_i = max over j >= i of (work due by j, not yet done) / (open intervals in [i, j]);
 * agents_i = ceil(c_i / occupancy - eps), and the capacity is spent first-in-first-out.
 * Intervals past the horizon count as open, so work due after it is spread at the same rate and
 * what is left at the end is reported as carried over rather than crammed into the last interval.
 *
 * Guarantee: every contact whose window holds an open interval is finished by its deadline
 * (when the interval i = due(k) comes, c_i >= the work due by i, and FIFO does that work first);
 * work with no open interval in its window is counted in `lateHours` and done at the next opening.
 * O(n (n + D)) for n intervals. Example: 10 emails of 360 s arriving per hour with a 2-hour
 * deadline need 1 agent per hour at occupancy 1.
 */
export function staffDeferred(input: {
  intervalMinutes: number;
  intervals: { volume: number; ahtSeconds: number }[];
  deferred: DeferredParams;
  shrinkage?: number;
}): { intervals: DeferredInterval[]; totals: DeferredTotals } {
  const { intervalMinutes, intervals, deferred } = input;
  const n = intervals.length;
  const hours = intervalMinutes / 60;
  const occupancy = deferred.maxOccupancy !== undefined && deferred.maxOccupancy > 0 ? deferred.maxOccupancy : 1;
  const window = Math.max(1, Math.floor((deferred.deadlineHours * 60) / intervalMinutes + EPS));
  const horizon = n + window - 1;
  const isOpen = (i: number) => i >= n || deferred.open?.[i] !== false;
  const w = workAndDeadlines(intervals, intervalMinutes, window, isOpen);

  const onTime = new Float64Array(n);
  const delaySum = new Float64Array(n);
  const out: DeferredInterval[] = [];
  let head = 0; // first arrival interval with work left (FIFO = EDF here)
  let backlog = 0;
  for (let i = 0; i < n; i++) {
    backlog += w.work[i]!;
    const rate = isOpen(i) ? minimalRate(i, head, horizon, w, isOpen) : 0;
    const agentsFractional = rate / occupancy;
    const agents = rate > 0 ? Math.ceil(agentsFractional - EPS) : 0;
    let capacity = isOpen(i) ? agents * occupancy : 0;
    let worked = 0;
    while (capacity > 0 && head <= i && head < n) {
      const take = Math.min(capacity, w.remaining[head]!);
      w.remaining[head] = w.remaining[head]! - take;
      capacity -= take;
      worked += take;
      if (i <= w.due[head]! && w.late[head] === 0) onTime[head] = onTime[head]! + take;
      delaySum[head] = delaySum[head]! + take * (i - head);
      // Work within 1e-12 of done counts as done (rounding of the rate).
      if (w.remaining[head]! <= 1e-12 * Math.max(1, w.work[head]!)) {
        w.remaining[head] = 0;
        head++;
      } else break;
    }
    backlog = Math.max(0, backlog - worked);
    out.push({
      workloadHours: w.work[i]! * hours,
      agents,
      agentsFractional: agents === 0 ? 0 : Math.max(agentsFractional, agents - 1 + 1e-9),
      headcount: headcountAfterShrinkage(agents, input.shrinkage ?? 0),
      workedHours: worked * hours,
      backlogHours: backlog * hours,
      onTimeShare: 0,
      meanDelaySeconds: 0,
    });
  }
  const totals = finishArrivals(out, w, onTime, delaySum, intervalMinutes);
  return { intervals: out, totals };
}

/** Work per arrival interval (agent-intervals), what is left of it, its deadline, and whether it is late. */
interface DeferredWork {
  work: Float64Array;
  remaining: Float64Array;
  /** The last open interval within the arrival's window, or the next opening after it when late. */
  due: Int32Array;
  /** 1 when the window holds no open interval. */
  late: Uint8Array;
}

function workAndDeadlines(
  intervals: readonly { volume: number; ahtSeconds: number }[],
  intervalMinutes: number,
  window: number,
  isOpen: (i: number) => boolean,
): DeferredWork {
  const n = intervals.length;
  const work = new Float64Array(n);
  const remaining = new Float64Array(n);
  const due = new Int32Array(n);
  const late = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const row = intervals[k]!;
    work[k] = (row.volume * row.ahtSeconds) / (intervalMinutes * 60);
    remaining[k] = work[k]!;
    let d = -1;
    for (let j = k + window - 1; j >= k; j--)
      if (isOpen(j)) {
        d = j;
        break;
      }
    if (d < 0) {
      late[k] = 1;
      d = k + window;
      while (!isOpen(d)) d++;
    }
    due[k] = d;
  }
  return { work, remaining, due, late };
}

/** The smallest constant rate from interval i on that meets every deadline j >= i (agent-intervals per interval). */
function minimalRate(
  i: number,
  head: number,
  horizon: number,
  w: DeferredWork,
  isOpen: (i: number) => boolean,
): number {
  const n = w.work.length;
  let rate = 0;
  let need = 0;
  let openCount = 0;
  let k = head;
  for (let j = i; j < horizon && k < n; j++) {
    if (isOpen(j)) openCount++;
    while (k < n && w.due[k]! <= j) need += w.remaining[k++]!;
    if (openCount > 0 && need > 0) rate = Math.max(rate, need / openCount);
  }
  return rate;
}

/** Fills each arrival's on-time share and mean delay, and sums the totals. */
function finishArrivals(
  out: DeferredInterval[],
  w: DeferredWork,
  onTime: Float64Array,
  delaySum: Float64Array,
  intervalMinutes: number,
): DeferredTotals {
  const n = out.length;
  const hours = intervalMinutes / 60;
  let carriedOver = 0;
  let lateWork = 0;
  const totals: DeferredTotals = {
    workloadHours: 0,
    workedHours: 0,
    agentHours: 0,
    agentHoursFractional: 0,
    headcountHours: 0,
    occupancy: 0,
    carriedOverHours: 0,
    lateHours: 0,
  };
  for (let k = 0; k < n; k++) {
    const row = out[k]!;
    const wk = w.work[k]!;
    const done = wk - w.remaining[k]!;
    row.onTimeShare = wk > 0 ? Math.min(1, onTime[k]! / wk) : 1;
    row.meanDelaySeconds = done > 0 ? (delaySum[k]! / done) * intervalMinutes * 60 : 0;
    if (w.late[k] === 1) lateWork += wk;
    else carriedOver += w.remaining[k]!;
    totals.workloadHours += row.workloadHours;
    totals.workedHours += row.workedHours;
    totals.agentHours += row.agents * hours;
    totals.agentHoursFractional += row.agentsFractional * hours;
    totals.headcountHours += row.headcount * hours;
  }
  totals.occupancy = totals.agentHours > 0 ? totals.workedHours / totals.agentHours : 0;
  totals.carriedOverHours = carriedOver * hours;
  totals.lateHours = lateWork * hours;
  return totals;
}
