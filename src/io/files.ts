import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { WfmError } from '../errors.js';
import { writeOutputAtomic } from './atomic-write.js';

export {
  checkOutputPaths,
  writeFolderAtomic,
  writeOutputAtomic,
  writeOutputsAtomic,
  type OutputFile,
} from './atomic-write.js';

/** A row limit enforced while a file is read: CSV data lines, or bytes per row for JSON. */
export interface ReadLimit {
  /** Data rows at most (a CSV's non-empty lines after the header). */
  maxRows: number;
  /** A name for messages, e.g. "history". */
  what: string;
  /** A JSON file's allowance per row, bytes (default `JSON_BYTES_PER_ROW`). */
  jsonBytesPerRow?: number;
}

/** JSON has no lines to count: its limit is `maxRows` rows of this many bytes (pretty-printed). */
export const JSON_BYTES_PER_ROW = 256;
const CHUNK_BYTES = 1 << 20;

/**
 * Reads a UTF-8 input file, or throws `WFM_ERR_IO_READ` naming it. With `limit`, the file is read
 * in 1 MB chunks and refused (`WFM_ERR_INPUT_TOO_LARGE`) as soon as it holds more CSV rows than
 * `limit.maxRows`, or a JSON file more than `maxRows x JSON_BYTES_PER_ROW` bytes: a file far over
 * the limit costs the time and memory of the limit, not of the file.
 */
export function readInputFile(path: string, flag = '--input', limit?: ReadLimit): string {
  try {
    return limit ? readLimited(path, flag, limit) : readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof WfmError) throw error;
    throw new WfmError(
      'WFM_ERR_IO_READ',
      `${flag}: cannot read "${path}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      {
        issues: [{ path: [flag], message: `cannot read ${path}` }],
        cause: error,
      },
    );
  }
}

function readLimited(path: string, flag: string, limit: ReadLimit): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let json: boolean | undefined;
    let bytes = 0;
    let lines = 0; // non-empty lines so far, the header included
    let previous = 10; // the byte before the chunk: a newline at the start of the file
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const n = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      const data = chunk.subarray(0, n);
      chunks.push(data);
      bytes += n;
      json ??= looksLikeJson(path, data.toString('utf8', 0, Math.min(n, 64)));
      if (json) {
        if (bytes > limit.maxRows * (limit.jsonBytesPerRow ?? JSON_BYTES_PER_ROW))
          throw tooLarge(flag, path, limit, `${bytes.toLocaleString('en-US')} bytes of JSON`);
        continue;
      }
      for (let i = 0; i < n; i++) {
        const b = data[i] as number;
        if (b !== 10 && b !== 13 && (previous === 10 || previous === 13)) lines++;
        previous = b;
      }
      if (lines - 1 > limit.maxRows) throw tooLarge(flag, path, limit, `${(lines - 1).toLocaleString('en-US')} rows`);
    }
    return Buffer.concat(chunks, bytes).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function tooLarge(flag: string, path: string, limit: ReadLimit, seen: string): WfmError {
  const max = limit.maxRows.toLocaleString('en-US');
  return new WfmError(
    'WFM_ERR_INPUT_TOO_LARGE',
    `${flag}: the ${limit.what} "${path}" holds more than ${max} rows (stopped reading after ${seen}); ` +
      `at most ${max} are accepted: split it, or give the last weeks only.`,
    { issues: [{ path: [flag], message: `more than ${max} rows` }] },
  );
}

/** Parses JSON text, or throws `WFM_ERR_INPUT_JSON` naming the file and position. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WfmError('WFM_ERR_INPUT_JSON', `${what}: not valid JSON (${(error as Error).message}).`, {
      cause: error,
    });
  }
}

/** True when the file name or content looks like JSON rather than CSV. */
export function looksLikeJson(path: string, text: string): boolean {
  if (path.toLowerCase().endsWith('.json')) return true;
  if (path.toLowerCase().endsWith('.csv')) return false;
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/** Writes to `--out` when given, else to standard output. */
export function emit(content: string, out: string | undefined): void {
  if (out) writeOutputAtomic(out, content);
  else process.stdout.write(content.endsWith('\n') ? content : `${content}\n`);
}

/** Parses a numeric flag, or throws naming it. */
export function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `${flag}: "${value}" is not a number.`, {
      issues: [{ path: [flag], message: `not a number: "${value}"` }],
    });
  }
  return n;
}
