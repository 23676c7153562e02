import { WfmError } from '../errors.js';
import type { ContactHistoryRow, HistoryInput, IntervalHistoryRow } from '../forecast/types.js';
import { MAX_HISTORY_ROWS } from '../schemas/forecast.js';
import { csvNumber, parseCsv } from './csv.js';

/**
 * Reads a history CSV: interval counts `start,volume[,aht_seconds]` (`timestamp` and `count` are
 * accepted for `start` and `volume`), or contact records `timestamp[,handle_seconds]`. Each row
 * keeps its file line for error messages. Used by `wfm forecast --history` and the planner page's
 * upload, so both read the same columns with the same errors.
 *
 * @throws WfmError `WFM_ERR_INPUT_CSV` naming the line and column; `WFM_ERR_INPUT_TOO_LARGE` over
 *   `MAX_HISTORY_ROWS` rows.
 */
export function historyRowsFromCsv(text: string): HistoryInput {
  const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').split(',').map((c) => c.trim().toLowerCase());
  if (header.includes('volume') || header.includes('count')) {
    const timeColumn = header.includes('start') ? 'start' : 'timestamp';
    const volumeColumn = header.includes('volume') ? 'volume' : 'count';
    const { rows } = parseCsv(text, { required: [timeColumn, volumeColumn], optional: ['aht_seconds'], what: 'history' });
    checkRowCount(rows.length);
    return rows.map((row): IntervalHistoryRow => {
      const start = row.cells[timeColumn] ?? '';
      if (start === '') {
        throw new WfmError('WFM_ERR_INPUT_CSV', `history CSV line ${row.line}: "${timeColumn}" is empty.`, {
          issues: [{ path: ['line', row.line, timeColumn], message: 'empty' }],
        });
      }
      return { start, volume: csvNumber(row, volumeColumn, 'history') as number, ahtSeconds: csvNumber(row, 'aht_seconds', 'history', true), line: row.line };
    });
  }
  const { rows } = parseCsv(text, { required: ['timestamp'], optional: ['handle_seconds'], what: 'history' });
  checkRowCount(rows.length);
  return rows.map((row): ContactHistoryRow => ({
    timestamp: row.cells.timestamp ?? '',
    handleSeconds: csvNumber(row, 'handle_seconds', 'history', true),
    line: row.line,
  }));
}

function checkRowCount(n: number): void {
  if (n > MAX_HISTORY_ROWS) {
    throw new WfmError('WFM_ERR_INPUT_TOO_LARGE', `The history has ${n} rows; at most ${MAX_HISTORY_ROWS} are accepted.`, {
      issues: [{ path: ['history'], message: `at most ${MAX_HISTORY_ROWS} rows` }],
    });
  }
}
