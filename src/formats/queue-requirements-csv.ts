/**
 * The per-queue requirement of a multi-skill shift plan read from the multi-queue staffing CSV of
 * `wfm staff` (src/formats/multi-queue-staffing-csv.ts): one row per queue and interval with the
 * queue's own `requirement` (the queue staffed alone); the rows `all` (the centre) are skipped, as
 * the plan covers the queues' sum. Priorities are not in the CSV (0; `--queues` gives them). Each
 * queue's model, target and patience (`model,target_service_level,answer_seconds,patience_seconds`,
 * the same on every row of the queue) are read where given, so the plan simulates it at its target.
 */
import type { QueueRequirement } from '../contracts/queue-requirements.js';
import { MAX_PLAN_QUEUES, queueOfAnswer } from '../contracts/queue-requirements.js';
import type { QueueParams } from '../erlang/types.js';
import { WfmError } from '../errors.js';
import { csvNumber, parseCsv, type CsvReadOptions, type CsvRow } from './csv.js';
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
  const firstLine = new Map<string, number>();
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
      queue = { name, priority: 0, requirement: { rows: [], queue: queueOfRow(row) } };
      queues.set(name, queue);
      firstLine.set(name, row.line);
    } else if (JSON.stringify(queueOfRow(row)) !== JSON.stringify(queue.requirement.queue)) {
      const message = `queue "${name}" has other service parameters than on line ${firstLine.get(name)}`;
      throw new WfmError('WFM_ERR_INPUT_CSV', `${WHAT} CSV line ${row.line}: ${message}: give one per queue.`, {
        issues: [{ path: ['line', row.line, 'model'], message }],
      });
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

/** A row's queue parameters (`model,target_service_level,answer_seconds,patience_seconds`), none when empty. */
function queueOfRow(row: CsvRow): QueueParams | undefined {
  const model = row.cells.model ?? '';
  const serviceLevel = csvNumber(row, 'target_service_level', WHAT, true);
  const answerSeconds = csvNumber(row, 'answer_seconds', WHAT, true);
  const patienceSeconds = csvNumber(row, 'patience_seconds', WHAT, true);
  if (model === '' && serviceLevel === undefined && answerSeconds === undefined) return undefined;
  const bad = (column: string, message: string) =>
    new WfmError('WFM_ERR_INPUT_CSV', `${WHAT} CSV line ${row.line}, column "${column}": ${message}.`, {
      issues: [{ path: ['line', row.line, column], message }],
    });
  if (model !== '' && model !== 'erlang-c' && model !== 'erlang-a')
    throw bad('model', `"${model}" is not erlang-c or erlang-a`);
  if (serviceLevel === undefined || !(serviceLevel > 0 && serviceLevel <= 1))
    throw bad('target_service_level', 'give the target service level, above 0 and at most 1 (0.8 for 80 %)');
  if (answerSeconds === undefined || answerSeconds < 0) throw bad('answer_seconds', 'give the answer time, s, >= 0');
  if (model === 'erlang-a' && (patienceSeconds === undefined || patienceSeconds <= 0))
    throw bad('patience_seconds', 'the erlang-a model needs the mean patience, s, above 0');
  return queueOfAnswer({
    model: model === '' ? undefined : model,
    target: { serviceLevel, answerSeconds },
    patienceSeconds,
  });
}
