import { WfmError } from '../errors.js';
import type { ContactHistoryRow, HistoryInput, IntervalHistoryRow } from '../forecast/types.js';
import { MAX_HISTORY_ROWS } from '../contracts/forecast.js';
import { csvColumnName, csvNumber, detectDelimiter, parseCsv, type CsvReadOptions } from './csv.js';

/**
 * Reads a history CSV: interval counts `start,volume[,aht_seconds]` (`timestamp` and `count` are
 * accepted for `start` and `volume`), or contact records `timestamp[,handle_seconds]`. Each row
 * keeps its file line for error messages. Used by `wfm forecast --history` and the planner page's
 * upload, so both read the same columns with the same errors. A `queue` column naming a single
 * queue is accepted; several queues are `historyQueuesFromCsv`'s.
 *
 * @throws WfmError `WFM_ERR_INPUT_CSV` naming the line and column, or when the file holds several
 *   queues; `WFM_ERR_INPUT_TOO_LARGE` over `MAX_HISTORY_ROWS` rows.
 */
export function historyRowsFromCsv(text: string, read: CsvReadOptions = {}): HistoryInput {
  return singleQueue(historyQueuesFromCsv(text, read));
}

/** The history of the only queue, or a WfmError naming the queues when there are several. */
export function singleQueue(queues: readonly { queue: string; history: HistoryInput }[]): HistoryInput {
  if (queues.length > 1) {
    throw new WfmError(
      'WFM_ERR_INPUT_CSV',
      `history CSV: the "queue" ` +
        `column names ${queues.length} queues (${queueList(queues)}); forecast one queue at a time, or all of them ` +
        `with wfm forecast --out DIR.`,
      {
        issues: [{ path: ['queue'], message: `${queues.length} queues` }],
      },
    );
  }
  return (queues[0] as { history: HistoryInput }).history;
}

/**
 * A history CSV split by its optional `queue` column (no column: one queue named ""), queues in
 * the order they first appear, rows in file order with their file lines. Every row needs a queue
 * name when the column is there.
 *
 * @throws as `historyRowsFromCsv`.
 */
export function historyQueuesFromCsv(
  text: string,
  read: CsvReadOptions = {},
): { queue: string; history: HistoryInput }[] {
  const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '')
    .split(detectDelimiter(text))
    .map((c) => csvColumnName(c.replace(/^"|"$/g, ''), HISTORY_ALIASES));
  const byQueue = new Map<string, (IntervalHistoryRow | ContactHistoryRow)[]>();
  const add = (
    row: { cells: Record<string, string | undefined>; line: number },
    value: IntervalHistoryRow | ContactHistoryRow,
  ): void => {
    const queue = header.includes('queue') ? (row.cells.queue ?? '').trim() : '';
    if (header.includes('queue') && queue === '') {
      throw new WfmError(
        'WFM_ERR_INPUT_CSV',
        `history CSV line ${row.line}, column "queue": the cell is empty: write the queue's name (every row needs one when the file has a queue column).`,
        {
          issues: [{ path: ['line', row.line, 'queue'], message: 'empty' }],
        },
      );
    }
    let list = byQueue.get(queue);
    if (!list) byQueue.set(queue, (list = []));
    list.push(value);
  };
  if (header.includes('volume') || header.includes('count')) {
    const timeColumn = header.includes('start') ? 'start' : 'timestamp';
    const volumeColumn = header.includes('volume') ? 'volume' : 'count';
    const { rows } = parseCsv(text, {
      required: [timeColumn, volumeColumn],
      optional: ['aht_seconds', 'queue'],
      what: 'history',
      ...read,
      aliases: HISTORY_ALIASES,
    });
    checkRowCount(rows.length);
    for (const row of rows) {
      const start = row.cells[timeColumn] ?? '';
      if (start === '') {
        throw new WfmError(
          'WFM_ERR_INPUT_CSV',
          `history CSV line ${row.line}, column "${timeColumn}": the cell is empty: write the interval's start time, e.g. 2026-06-01 08:00, or delete the row.`,
          {
            issues: [{ path: ['line', row.line, timeColumn], message: 'empty' }],
          },
        );
      }
      add(row, {
        start,
        volume: csvNumber(row, volumeColumn, 'history') as number,
        ahtSeconds: csvNumber(row, 'aht_seconds', 'history', true),
        line: row.line,
      });
    }
  } else {
    if (header.includes('start')) throw noVolumeColumn(header);
    const { rows } = parseCsv(text, {
      required: ['timestamp'],
      optional: ['handle_seconds', 'queue'],
      what: 'history',
      ...read,
      aliases: HISTORY_ALIASES,
    });
    checkRowCount(rows.length);
    for (const row of rows)
      add(row, {
        timestamp: row.cells.timestamp ?? '',
        handleSeconds: csvNumber(row, 'handle_seconds', 'history', true),
        line: row.line,
      });
  }
  if (byQueue.size === 0) byQueue.set('', []);
  return [...byQueue].map(([queue, history]) => ({ queue, history: history as HistoryInput }));
}

/**
 * Column names of phone-system and spreadsheet exports read as the history's own
 * (`Interval Start, Offered, AHT` is `start,volume,aht_seconds`). Documented in docs/forecast.md.
 */
export const HISTORY_ALIASES: Readonly<Record<string, string>> = {
  interval: 'start',
  interval_start: 'start',
  start_time: 'start',
  period_start: 'start',
  datetime: 'start',
  date_time: 'start',
  offered: 'volume',
  calls_offered: 'volume',
  contacts_offered: 'volume',
  contacts: 'volume',
  calls: 'volume',
  aht: 'aht_seconds',
  aht_s: 'aht_seconds',
  average_handle_time: 'aht_seconds',
  avg_handle_time: 'aht_seconds',
  handle_time: 'handle_seconds',
  handle_time_seconds: 'handle_seconds',
};

/** An interval history without its count column: say which column is missing and what it may be called. */
function noVolumeColumn(header: readonly string[]): WfmError {
  return new WfmError(
    'WFM_ERR_INPUT_CSV',
    `The history CSV has a "start" column but no count per interval: add a "volume" column ` +
      `(also read as count, offered, calls or contacts). Header read: ${header.join(', ')}.`,
    { issues: [{ path: ['header'], message: 'missing column "volume"' }] },
  );
}

function queueList(queues: readonly { queue: string }[]): string {
  const names = queues.slice(0, 5).map((q) => q.queue);
  return queues.length > 5 ? `${names.join(', ')}, ...` : names.join(', ');
}

function checkRowCount(n: number): void {
  if (n > MAX_HISTORY_ROWS) {
    throw new WfmError(
      'WFM_ERR_INPUT_TOO_LARGE',
      `The history has ${n} rows; at most ${MAX_HISTORY_ROWS} are accepted.`,
      {
        issues: [{ path: ['history'], message: `at most ${MAX_HISTORY_ROWS} rows` }],
      },
    );
  }
}
