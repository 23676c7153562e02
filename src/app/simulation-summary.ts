/**
 * A simulation's replications summarised (docs/simulation.md, "Replications and confidence
 * intervals"): per queue and interval the service level, ASA, abandonment and the occupancy of the
 * groups serving the queue, each with its 95 % confidence interval. No threads: callers in this
 * thread (the plan's simulation check) and the pool runner (simulation.ts) share it.
 */
import type { ParsedSimulationRequest } from '../contracts/simulation.js';
import { estimate, summariseReplications } from '../simulation/index.js';
import type { Estimate, IntervalFigures, ReplicationResult } from '../simulation/types.js';
import { formatInstant } from '../time/instant.js';

/** An estimate in JSON: NaN (undefined: no contact offered, or one replication) as null. */
export interface EstimateOut {
  mean: number | null;
  low: number | null;
  high: number | null;
  halfWidth: number | null;
  n: number;
}

/** One interval's figure: the mean and its 95 % interval. */
export interface CellOut {
  mean: number | null;
  low: number | null;
  high: number | null;
}

export interface QueueIntervalOut {
  start: string;
  offered: CellOut;
  serviceLevel: CellOut;
  asaSeconds: CellOut;
  abandonRate: CellOut;
  /** Busy over on-phone time of the groups that serve the queue. */
  occupancy: CellOut;
}

export interface SimulationQueueOut {
  name: string;
  priority: number;
  targetServiceLevel: number;
  answerSeconds: number;
  /** The target is inside or below the 95 % interval of the service level over the range. */
  met: boolean;
  /** Intervals with contacts offered whose whole 95 % interval is below the target. */
  shortIntervals: number;
  totals: {
    offered: EstimateOut;
    abandoned: EstimateOut;
    serviceLevel: EstimateOut;
    asaSeconds: EstimateOut;
    abandonRate: EstimateOut;
    occupancy: EstimateOut;
  };
  intervals: QueueIntervalOut[];
}

export interface SimulationGroupOut {
  name: string;
  skills: string[];
  /** The most agents on the phones in one interval. */
  agents: number;
  occupancy: EstimateOut;
  intervals: { start: string; agents: number; occupancy: CellOut }[];
}

export interface SimulationResult {
  /** Every queue meets its target over the range (see `SimulationQueueOut.met`). */
  met: boolean;
  seed: number;
  replications: number;
  intervalMinutes: number;
  timeZone: string;
  /** Totals cover intervals [fromInterval, intervals) (the leading ones are the warm-up). */
  fromInterval: number;
  contactsSimulated: number;
  queues: SimulationQueueOut[];
  groups: SimulationGroupOut[];
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const estimateOut = (e: Estimate): EstimateOut => ({
  mean: num(e.mean),
  low: num(e.low),
  high: num(e.high),
  halfWidth: num(e.halfWidth),
  n: e.n,
});
const cell = (f: IntervalFigures, k: number): CellOut => {
  const m = f.mean[k] as number;
  const h = f.halfWidth[k] as number;
  return { mean: num(m), low: num(m - h), high: num(m + h) };
};

/** The output of replications already run (in replication order). */
export function summariseSimulation(
  request: ParsedSimulationRequest,
  results: readonly ReplicationResult[],
): SimulationResult {
  const { model } = request;
  const I = model.intervals;
  const from = request.fromInterval;
  const summary = summariseReplications(results, { fromInterval: from });
  const starts = Array.from({ length: I }, (_, i) =>
    formatInstant((model.startMs ?? 0) + i * model.intervalMinutes * 60_000, request.timeZone),
  );
  const b = summary.byInterval;
  const queues = model.queues.map((q, k): SimulationQueueOut => {
    const s = summary.queues[k] as (typeof summary.queues)[number];
    const serving = model.groups.flatMap((g, j) => (g.skills.includes(k) ? [j] : []));
    const occupancy = servingOccupancy(results, serving, from);
    const target = q.targetServiceLevel ?? 0;
    let shortIntervals = 0;
    const intervals = starts.map((start, i): QueueIntervalOut => {
      const at = k * I + i;
      const sl = cell(b.serviceLevel, at);
      if (sl.high !== null && sl.high < target) shortIntervals++;
      return {
        start,
        offered: cell(b.offered, at),
        serviceLevel: sl,
        asaSeconds: cell(b.asaSeconds, at),
        abandonRate: cell(b.abandonRate, at),
        occupancy: cell(occupancy.byInterval, i),
      };
    });
    const slHigh = s.serviceLevel.high;
    return {
      name: q.name,
      priority: q.priority,
      targetServiceLevel: target,
      answerSeconds: q.answerSeconds,
      met: !(slHigh < target),
      shortIntervals,
      totals: {
        offered: estimateOut(s.offered),
        abandoned: estimateOut(s.abandoned),
        serviceLevel: estimateOut(s.serviceLevel),
        asaSeconds: estimateOut(s.asaSeconds),
        abandonRate: estimateOut(s.abandonRate),
        occupancy: estimateOut(occupancy.total),
      },
      intervals: intervals.slice(from),
    };
  });
  const groups = model.groups.map((g, j): SimulationGroupOut => {
    const label = request.groupLabels[j] as ParsedSimulationRequest['groupLabels'][number];
    return {
      name: label.name,
      skills: label.skills,
      agents: label.agents,
      occupancy: estimateOut(summary.groupOccupancy[j] as Estimate),
      intervals: starts
        .map((start, i) => ({ start, agents: agentsAt(g, i), occupancy: cell(b.occupancy, j * I + i) }))
        .slice(from),
    };
  });
  return {
    met: queues.every((q) => q.met),
    seed: request.seed,
    replications: results.length,
    intervalMinutes: model.intervalMinutes,
    timeZone: request.timeZone,
    fromInterval: from,
    contactsSimulated: results.reduce((s, r) => s + r.contacts, 0),
    queues,
    groups,
  };
}

function agentsAt(g: ParsedSimulationRequest['model']['groups'][number], i: number): number {
  if (g.agents) return g.agents[i] as number;
  let n = 0;
  for (const mask of g.onPhoneMasks ?? []) if (mask[i]) n++;
  return n;
}

/** Busy / (busy + idle) of the groups `serving` a queue, per interval and over [from, end), per replication. */
function servingOccupancy(
  results: readonly ReplicationResult[],
  serving: readonly number[],
  from: number,
): { byInterval: IntervalFigures; total: Estimate } {
  const first = results[0] as ReplicationResult;
  const I = first.intervals;
  const R = results.length;
  const values = new Float64Array(R);
  const busyTotal = new Float64Array(R);
  const allTotal = new Float64Array(R);
  const mean = new Float64Array(I);
  const halfWidth = new Float64Array(I);
  for (let i = 0; i < I; i++) {
    results.forEach((r, n) => {
      let busy = 0;
      let idle = 0;
      for (const g of serving) {
        busy += r.busySeconds[g * I + i] as number;
        idle += r.idleSeconds[g * I + i] as number;
      }
      values[n] = busy / (busy + idle);
      if (i >= from) {
        busyTotal[n] = (busyTotal[n] as number) + busy;
        allTotal[n] = (allTotal[n] as number) + busy + idle;
      }
    });
    const e = estimate(values);
    mean[i] = e.mean;
    halfWidth[i] = e.halfWidth;
  }
  for (let n = 0; n < R; n++) values[n] = (busyTotal[n] as number) / (allTotal[n] as number);
  return { byInterval: { mean, halfWidth }, total: estimate(values) };
}
