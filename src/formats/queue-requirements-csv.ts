/**
 * The per-queue requirement of a multi-skill shift plan read from the multi-queue staffing CSV of
 * `wfm staff` (src/formats/multi-queue-staffing-csv.ts): one row per queue and interval with the
 * queue's own `requirement` (the queue staffed alone); the rows `all` (the centre) are skipped, as
 * the plan covers the queues' sum. Priorities are not in the CSV (0; `--queues` gives them).
 */
import type { QueueRequirement } from '../contracts/queue-requirements.js';
import { MAX_PLAN_QUEUES } from '../contracts/queue-requirements.js';
import { WfmError } from '../errors.js';
import { csvNumber, parseCsv, type CsvReadOptions } from './csv.js';
import { ALL_QUEUES, MULTI_QUEUE_STAFFING_COLUMNS } from './multi-queue-staffing-csv.js';

const WHAT = 'multi-queue requirement';

/** True when a requirement CSV names each row's queue (a `queue` column). */
export function hasQueueColumn(text: string): boolean {
  return parseCsv(text, { required: [], optional: ['queue'], what: 'requirement' }).columns.includes('queue');
}

/** The queues of a multi-queue staffing CSV, in the order they first occur, each with its rows. */
export function parseQueueRequirementsCsv(text: string, read: CsvReadOptions = {}): QueueRequirement[] {
  const { rows } = parseCsv(text, {
    required: ['queue', 'start', 'requirement'],
    optional: MULTI_QUEUE_STAFFING_COLUMNS.filter((c) => c !== 'queue' && c !== 'start' && c !== 'requirement'),
    what: WHAT,
    ...read,
  });
  const queues = new Map<string, QueueRequirement>();
  for (const row of rows) {
    const name = row.cells.queue ?? '';
    if (name === ALL_QUEUES) continue;
    if (name === '') {
      throw new WfmError('WFM_ERR_INPUT_CSV', `${WHAT} CSV line ${row.line}, queue: empty.`, {
        issues: [{ path: ['line', row.line, 'queue'], message: 'empty' }],
      });
    }
    let queue = queues.get(name);
    if (!queue) {
      if (queues.size === MAX_PLAN_QUEUES) {
        throw new WfmError('WFM_ERR_INPUT_TOO_LARGE', `More than ${MAX_PLAN_QUEUES} queues (line ${row.line}).`, {
          issues: [{ path: ['line', row.line, 'queue'], message: `at most ${MAX_PLAN_QUEUES} queues` }],
        });
      }
      queue = { name, priority: 0, requirement: { rows: [] } };
      queues.set(name, queue);
    }
    queue.requirement.rows.push({
      start: row.cells.start ?? '',
      agents: Math.max(0, csvNumber(row, 'requirement', WHAT) as number),
      volume: csvNumber(row, 'volume', WHAT, true),
      ahtSeconds: csvNumber(row, 'aht_seconds', WHAT, true),
      where: ['line', row.line, 'start'],
    });
  }
  if (queues.size === 0) {
    throw new WfmError('WFM_ERR_INPUT_CSV', `The ${WHAT} CSV has no rows of a queue (only "${ALL_QUEUES}").`, {
      issues: [{ path: ['queue'], message: 'no queue rows' }],
    });
  }
  return [...queues.values()];
}
