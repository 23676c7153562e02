/**
 * Several queues' forecasts and staffing as one, for the shift plan, the roster and the report's
 * totals. The staffing of several queues as one requirement for the shift plan and the roster: per interval
 * the queues' agents and headcount summed (each queue staffed alone: no pooling credit), volumes
 * summed, the handle time workload-weighted and the service level volume-weighted. The roster's
 * formula SL is then the pooled queue's; the per-queue judge is the simulation (src/app/plan-queues.ts).
 */
import type { IntervalResult, StaffingResponse } from '../contracts/staffing.js';
import type { ForecastInterval, ForecastResult } from '../forecast/types.js';
import { WfmError } from '../errors.js';
import { totalsOf } from './staffing.js';

/** Several queues' staffing on one grid (the same interval starts, checked) summed into one. */
export function combineStaffing(responses: readonly StaffingResponse[], names: readonly string[]): StaffingResponse {
  const first = responses[0] as StaffingResponse;
  responses.forEach((r, k) => {
    const same =
      r.intervalMinutes === first.intervalMinutes &&
      r.intervals.length === first.intervals.length &&
      r.intervals.every((row, i) => Date.parse(row.start ?? '') === Date.parse(first.intervals[i]?.start ?? ''));
    if (!same) {
      throw new WfmError(
        'WFM_ERR_INPUT_INVALID',
        `Queue "${names[k]}" is forecast on other intervals than "${names[0]}": give every queue history up to the same day.`,
        { issues: [{ path: ['queues', k, 'name'], message: 'its forecast intervals differ from queues[0]' }] },
      );
    }
  });
  const intervals = first.intervals.map((_, i) => combineRows(responses.map((r) => r.intervals[i] as IntervalResult)));
  return {
    intervalMinutes: first.intervalMinutes,
    timeZone: first.timeZone,
    model: first.model,
    target: first.target,
    shrinkage: first.shrinkage,
    intervals,
    totals: totalsOf(intervals, first.intervalMinutes, {
      model: 'erlang-c',
      targets: first.target,
      shrinkage: first.shrinkage,
    }),
  };
}

function combineRows(rows: readonly IntervalResult[]): IntervalResult {
  let volume = 0;
  let workload = 0;
  let erlangs = 0;
  let agents = 0;
  let agentsFractional = 0;
  let headcount = 0;
  let slWeighted = 0;
  let probWaitWeighted = 0;
  for (const r of rows) {
    volume += r.volume;
    workload += r.volume * r.ahtSeconds;
    erlangs += r.erlangs;
    agents += r.agents;
    agentsFractional += r.agentsFractional;
    headcount += r.headcount;
    slWeighted += r.volume * r.serviceLevel;
    probWaitWeighted += r.volume * r.probWait;
  }
  const asa = rows.some((r) => r.asaSeconds === null)
    ? null
    : volume > 0
      ? rows.reduce((s, r) => s + r.volume * (r.asaSeconds as number), 0) / volume
      : 0;
  return {
    start: rows[0]?.start as string,
    volume,
    ahtSeconds: volume > 0 ? workload / volume : 0,
    erlangs,
    agents,
    agentsFractional,
    headcount,
    serviceLevel: volume > 0 ? slWeighted / volume : 1,
    asaSeconds: asa,
    occupancy: agents > 0 ? erlangs / agents : 0,
    probWait: volume > 0 ? probWaitWeighted / volume : 0,
    queueLength: rows.some((r) => r.queueLength === null)
      ? null
      : rows.reduce((s, r) => s + (r.queueLength as number), 0),
    unstable: rows.some((r) => r.unstable),
    evaluated: false,
    met: rows.every((r) => r.met),
    binding: 'queues',
    note: `the sum of ${rows.length} queues, each staffed alone`,
  };
}

/**
 * Several queues' forecasts (on one grid, as `combineStaffing` checks) summed per interval: volumes and
 * band edges added (the band of the sum is wider than this: an upper bound), the handle time
 * workload-weighted; the method and backtest of the largest queue, every queue's notes prefixed.
 */
export function combineForecasts(results: readonly ForecastResult[], names: readonly string[]): ForecastResult {
  const volumeOf = (r: ForecastResult) => r.intervals.reduce((s, x) => s + x.volume, 0);
  const largest = results.reduce((a, r) => (volumeOf(r) > volumeOf(a) ? r : a));
  const first = results[0] as ForecastResult;
  const intervals = first.intervals.map((row, i): ForecastInterval => {
    const rows = results.map((r) => r.intervals[i] as ForecastInterval);
    const volume = rows.reduce((s, x) => s + x.volume, 0);
    const timed = rows.filter((x) => x.ahtSeconds !== null && x.volume > 0);
    const work = timed.reduce((s, x) => s + x.volume * (x.ahtSeconds as number), 0);
    const timedVolume = timed.reduce((s, x) => s + x.volume, 0);
    return {
      start: row.start,
      volume,
      ahtSeconds: timedVolume > 0 ? work / timedVolume : rows.every((x) => x.ahtSeconds === null) ? null : 0,
      volumeP10: rows.reduce((s, x) => s + x.volumeP10, 0),
      volumeP90: rows.reduce((s, x) => s + x.volumeP90, 0),
    };
  });
  return {
    ...largest,
    intervals,
    notes: results.flatMap((r, k) => r.notes.map((n) => `${names[k]}: ${n}`)),
  };
}
