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
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new WfmError('WFM_ERR_IO_READ', `${path}: cannot read it (${code}): ${READ_FIXES[code] ?? READ_FIX}`, {
      issues: [{ path: [flag], message: `cannot read ${path} (${code})` }],
      cause: error,
      file: path,
    });
  }
}

const READ_FIX = 'check the path given to the flag, and that the file is readable.';
const READ_FIXES: Record<string, string> = {
  ENOENT: 'no such file; check the path and name (relative paths start from the current folder).',
  EACCES: 'no permission to read it; check its owner and mode.',
  EISDIR: 'it is a folder; give a file in it.',
};

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
    `${path}: the ${limit.what} holds more than ${max} rows (stopped reading after ${seen}); ` +
      `at most ${max} are accepted: split it, or give the last weeks only (${flag}).`,
    { issues: [{ path: [flag], message: `more than ${max} rows` }], file: path },
  );
}

/**
 * Parses JSON text, or throws `WFM_ERR_INPUT_JSON` naming `what` (the file), the line and column
 * of the fault and what to check there.
 */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.replace(/\s*\(line \d+ column \d+\)/, '');
    const at = /at position (\d+)/.exec(reason);
    const { line, column } = lineAndColumn(text, at ? Number(at[1]) : faultOffset(text));
    const said = reason.replace(/,? ?"[^"]*" is not valid JSON$/, '').replace(/ in JSON at position \d+$/, '');
    throw new WfmError(
      'WFM_ERR_INPUT_JSON',
      `${what}: not valid JSON at line ${line}, column ${column} (${said}): check the quotes, commas and ` +
        `brackets there (names in double quotes, no comma after the last item).`,
      { issues: [{ path: ['line', line, 'column', column], message: said }], cause: error },
    );
  }
}

/**
 * Where JSON.parse stopped, when its message gives no position ("Unexpected token 'x'",
 * "Unexpected end of JSON input"): the longest prefix that parses or fails only at its end is the
 * text before the fault (binary search; the error path only).
 */
function faultOffset(text: string): number {
  const fine = (k: number): boolean => {
    try {
      JSON.parse(text.slice(0, k));
      return true;
    } catch (error) {
      // The parser reached the end of the prefix: the fault lies further on.
      const message = (error as Error).message;
      const at = /at position (\d+)/.exec(message);
      return /Unexpected end of JSON input/.test(message) || (at !== null && Number(at[1]) >= k);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fine(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 1-based line and column (UTF-16 code units) of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
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
