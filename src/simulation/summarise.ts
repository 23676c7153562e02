import { WfmError } from '../errors.js';
import { estimate } from './estimate.js';
import type { Estimate, IntervalFigures, QueueSummary, ReplicationResult, SimulationSummary } from './types.js';

export interface SummaryOptions {
  /** First interval of the totals (e.g. after a warm-up), default 0. */
  fromInterval?: number;
  /** End (exclusive) of the totals, default the grid's end. */
  toInterval?: number;
}

type Ratio = (k: number, r: ReplicationResult) => number;

/**
 * Mean and 95 % confidence interval (Student t over independent replications) of every figure:
 * per queue over the interval range (totals: the ratio of the range's sums in each replication),
 * per queue and interval, and occupancy per group. A ratio whose denominator is 0 in a
 * replication (no contact offered) is left out of that figure's mean. Misuse (no results, or
 * results of different shapes) throws `WFM_ERR_INPUT_INVALID`. O(replications x (queues +
 * groups) x intervals). Example: `summariseReplications(results).queues[0].serviceLevel.mean`.
 */
export function summariseReplications(
  results: readonly ReplicationResult[],
  options: SummaryOptions = {},
): SimulationSummary {
  const first = results[0];
  if (first === undefined) throw new WfmError('WFM_ERR_INPUT_INVALID', 'no replication results to summarise');
  const { intervals: I, queues: Q, groups: G } = first;
  if (results.some((r) => r.intervals !== I || r.queues !== Q || r.groups !== G)) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', 'replication results of different models');
  }
  const from = options.fromInterval ?? 0;
  const to = options.toInterval ?? I;
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to && to <= I)) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `interval range [${from}, ${to}) is not inside [0, ${I})`);
  }
  const R = results.length;
  const values = new Float64Array(R);

  const over = (f: (r: ReplicationResult) => number): Estimate => {
    for (let k = 0; k < R; k++) values[k] = f(results[k] as ReplicationResult);
    return estimate(values);
  };
  const sumRange = (arr: Float64Array, row: number): number => {
    let s = 0;
    for (let i = from; i < to; i++) s += arr[row * I + i] as number;
    return s;
  };
  const byCell = (rows: number, f: Ratio): IntervalFigures => {
    const mean = new Float64Array(rows * I);
    const halfWidth = new Float64Array(rows * I);
    for (let k = 0; k < rows * I; k++) {
      for (let r = 0; r < R; r++) values[r] = f(k, results[r] as ReplicationResult);
      const e = estimate(values);
      mean[k] = e.mean;
      halfWidth[k] = e.halfWidth;
    }
    return { mean, halfWidth };
  };

  const queues: QueueSummary[] = [];
  for (let q = 0; q < Q; q++) {
    const s = (r: ReplicationResult, key: QueueField) => sumRange(r[key], q);
    queues.push({
      queue: q,
      offered: over((r) => s(r, 'offered')),
      answered: over((r) => s(r, 'answered')),
      abandoned: over((r) => s(r, 'abandoned')),
      serviceLevel: over((r) => s(r, 'answeredWithin') / s(r, 'offered')),
      slAnsweredOfAnswered: over((r) => s(r, 'answeredWithin') / s(r, 'answered')),
      slExcludingShortAbandons: over((r) => s(r, 'answeredWithin') / (s(r, 'offered') - s(r, 'abandonedWithin'))),
      asaSeconds: over((r) => s(r, 'waitSecondsAnswered') / s(r, 'answered')),
      meanWaitSeconds: over(
        (r) => (s(r, 'waitSecondsAnswered') + s(r, 'waitSecondsAbandoned')) / (s(r, 'answered') + s(r, 'abandoned')),
      ),
      abandonRate: over((r) => s(r, 'abandoned') / s(r, 'offered')),
      waitingAtEnd: over((r) => s(r, 'waitingAtEnd')),
    });
  }
  const groupOccupancy: Estimate[] = [];
  for (let g = 0; g < G; g++) {
    groupOccupancy.push(
      over((r) => {
        const busy = sumRange(r.busySeconds, g);
        return busy / (busy + sumRange(r.idleSeconds, g));
      }),
    );
  }
  return {
    replications: R,
    fromInterval: from,
    toInterval: to,
    queues,
    groupOccupancy,
    byInterval: {
      offered: byCell(Q, (k, r) => r.offered[k] as number),
      answered: byCell(Q, (k, r) => r.answered[k] as number),
      abandoned: byCell(Q, (k, r) => r.abandoned[k] as number),
      serviceLevel: byCell(Q, (k, r) => (r.answeredWithin[k] as number) / (r.offered[k] as number)),
      slAnsweredOfAnswered: byCell(Q, (k, r) => (r.answeredWithin[k] as number) / (r.answered[k] as number)),
      slExcludingShortAbandons: byCell(
        Q,
        (k, r) => (r.answeredWithin[k] as number) / ((r.offered[k] as number) - (r.abandonedWithin[k] as number)),
      ),
      asaSeconds: byCell(Q, (k, r) => (r.waitSecondsAnswered[k] as number) / (r.answered[k] as number)),
      abandonRate: byCell(Q, (k, r) => (r.abandoned[k] as number) / (r.offered[k] as number)),
      occupancy: byCell(G, (k, r) => {
        const busy = r.busySeconds[k] as number;
        return busy / (busy + (r.idleSeconds[k] as number));
      }),
    },
  };
}

/** The per-queue count arrays of a result. */
type QueueField =
  | 'offered'
  | 'answered'
  | 'abandoned'
  | 'answeredWithin'
  | 'abandonedWithin'
  | 'waitSecondsAnswered'
  | 'waitSecondsAbandoned'
  | 'waitingAtEnd';
