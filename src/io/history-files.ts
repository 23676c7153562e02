import { csvNumber, parseCsv, type CsvReadOptions } from '../formats/csv.js';
import { type HistoryInput, type SpecialDay } from '../forecast/types.js';
import { parseWith } from '../contracts/validate.js';
import {
  ContactHistoryRowSchema,
  IntervalHistoryRowSchema,
  MAX_HISTORY_ROWS,
  SpecialDaySchema,
} from '../contracts/forecast.js';

import { looksLikeJson, parseJsonText } from './files.js';
import { aboutRows, readInput, withInputFile } from './input-file.js';
import { historyQueuesFromCsv, singleQueue } from '../formats/history-csv.js';

import { z } from 'zod';

/**
 * Reads `--history`. CSV: interval counts `start,volume[,aht_seconds][,queue]` (`timestamp` and
 * `count` are accepted for `start` and `volume`), or contact records
 * `timestamp[,handle_seconds][,queue]`, split by queue. JSON: an array of either row form, or an
 * object with a `history` array (one queue).
 */
export function readHistoryQueues(path: string, read: CsvReadOptions = {}): { queue: string; history: HistoryInput }[] {
  return readInput(
    path,
    '--history',
    (text) => {
      if (!looksLikeJson(path, text)) return historyQueuesFromCsv(text, read);
      const value = parseJsonText(text, path);
      const rows = Array.isArray(value) ? value : (value as { history?: unknown } | null)?.history;
      const schema = z.union([
        z.array(IntervalHistoryRowSchema).min(1).max(MAX_HISTORY_ROWS),
        z.array(ContactHistoryRowSchema).min(1).max(MAX_HISTORY_ROWS),
      ]);
      return [{ queue: '', history: parseWith(schema, rows, 'history') as HistoryInput }];
    },
    { maxRows: MAX_HISTORY_ROWS, what: 'history' },
  );
}

/**
 * Runs a step on a history read from `path` (the forecast): an error about its rows (a line, a
 * row, its offsets, its length) names the file; an error about a flag does not.
 */
export function onHistoryFile<T>(path: string, fn: () => T): T {
  return withInputFile(
    path,
    fn,
    (error) =>
      aboutRows(error) ||
      error.issues.some((issue) => issue.path.includes('history')) ||
      error.code === 'WFM_ERR_FORECAST_HISTORY_SHORT' ||
      error.message.startsWith('The history'),
  );
}

/** `readHistoryQueues` for one queue (the plan command); several queues are an error naming them. */
export function readHistory(path: string, read: CsvReadOptions = {}): HistoryInput {
  return withInputFile(path, () => singleQueue(readHistoryQueues(path, read)));
}

/** Reads `--special-days`: CSV `date[,factor][,like][,label]` or a JSON array of special days. */
export function readSpecialDays(path: string, read: CsvReadOptions = {}): SpecialDay[] {
  return readInput(path, '--special-days', (text) => {
    if (looksLikeJson(path, text))
      return parseWith(z.array(SpecialDaySchema), parseJsonText(text, path), 'special days');
    const { rows } = parseCsv(text, {
      required: ['date'],
      optional: ['factor', 'like', 'label'],
      what: 'special days',
      ...read,
    });
    return rows.map((row) => {
      const like = row.cells.like;
      const label = row.cells.label;
      return {
        date: row.cells.date ?? '',
        factor: csvNumber(row, 'factor', 'special days', true),
        ...(like ? { like } : {}),
        ...(label ? { label } : {}),
      };
    });
  });
}
