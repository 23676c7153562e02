import type { MultiQueueStaffingResult } from '../app/multi-queue-staffing.js';
import { toCsv } from './csv.js';

export const MULTI_QUEUE_STAFFING_COLUMNS = [
  'queue',
  'start',
  'volume',
  'aht_seconds',
  'requirement',
  'service_level_formula',
  'covered',
  'service_level_simulated',
  'service_level_low',
  'service_level_high',
  'met',
  'model',
  'target_service_level',
  'answer_seconds',
  'patience_seconds',
] as const;

/** The name of the rows that hold the whole centre: every queue together. */
export const ALL_QUEUES = 'all';

/**
 * One CSV row per interval and queue of a multi-queue staffing (the queue alone: its Erlang
 * `requirement` and SL by formula; `covered`: agents of the groups serving it; the simulated SL with
 * its 95 % interval), then per interval a row `all`: the volume of every queue, the requirements
 * summed (each queue staffed alone) and `covered` = the agents of every group (the centre staffed
 * together). Each queue row also carries the queue's service parameters (`model`,
 * `target_service_level`, `answer_seconds`, `patience_seconds` for Erlang A), so that `wfm shift-plan`
 * simulates each queue at its own target; the rows `all` leave them empty. Figures rounded to 4
 * decimals; the JSON keeps full precision.
 */
export function multiQueueStaffingCsv(result: MultiQueueStaffingResult): string {
  const rows: Record<string, unknown>[] = [];
  result.intervals.forEach((interval, i) => {
    for (const queue of result.queues) {
      const r = queue.intervals[i];
      if (!r) continue;
      const sim = r.serviceLevelSimulated;
      rows.push({
        queue: queue.name,
        start: r.start,
        volume: r.volume,
        aht_seconds: r.ahtSeconds,
        requirement: r.requirement,
        service_level_formula: r.serviceLevelFormula,
        covered: r.covered,
        service_level_simulated: sim?.mean ?? null,
        service_level_low: sim?.low ?? null,
        service_level_high: sim?.high ?? null,
        met: r.met,
        model: queue.model,
        target_service_level: queue.target.serviceLevel,
        answer_seconds: queue.target.answerSeconds,
        patience_seconds: queue.patienceSeconds ?? null,
      });
    }
    rows.push({
      queue: ALL_QUEUES,
      start: interval.start,
      volume: result.queues.reduce((s, q) => s + (q.intervals[i]?.volume ?? 0), 0),
      requirement: result.queues.reduce((s, q) => s + (q.intervals[i]?.requirement ?? 0), 0),
      covered: result.groups.reduce((s, g) => s + (g.agents[i] ?? 0), 0),
      met: interval.met,
    });
  });
  return toCsv(rows, MULTI_QUEUE_STAFFING_COLUMNS, { decimals: 4 });
}
