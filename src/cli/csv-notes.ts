import { Option } from 'commander';
import type { CsvReadOptions } from '../formats/csv.js';

/** `--strict`: refuse CSV columns wfm does not use (default: ignore them, with one note). */
export function strictOption(): Option {
  return new Option('--strict', 'refuse CSV columns wfm does not use (default: ignore them, with a note)');
}

/** The CSV readers' options of a command: notes go to stderr as `note: ...` lines. */
export function csvReadOptions(strict: boolean | undefined): CsvReadOptions {
  return { strict: strict === true, onNote: (note) => process.stderr.write(`note: ${note}\n`) };
}
