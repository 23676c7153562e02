/**
 * The one place where an input error gets its file: every CLI reader reads and parses a file
 * through `readInput` (or runs the later use of its rows under `withInputFile`), so any input error
 * (4xx WfmError) raised while the file's content is read, parsed or checked names the file as the
 * user gave it, before the line, column, value and fix the message already holds.
 */
import { WfmError, isWfmError } from '../errors.js';
import { readInputFile, type ReadLimit } from './files.js';
import { locatingFields } from './json-locate.js';

/**
 * Runs `fn`, which reads or checks the content of `file`; an input error from it that names no file
 * yet is re-thrown naming `file` (message `file: ...`, `error.file`). `concerns` picks the errors
 * that are the file's (default all), for a step that also checks flags.
 */
export function withInputFile<T>(file: string, fn: () => T, concerns: (error: WfmError) => boolean = () => true): T {
  const named = (error: unknown): unknown =>
    !isWfmError(error) || error.status >= 500 || error.file !== undefined || !concerns(error)
      ? error
      : namingFile(error, file);
  try {
    const result = fn();
    // An async step (the worker pool) names the file of its rejection too.
    return (result instanceof Promise ? result.catch((error: unknown) => Promise.reject(named(error))) : result) as T;
  } catch (error) {
    throw named(error);
  }
}

/** `error` with `file` named first in its message and set as its `file`. */
export function namingFile(error: WfmError, file: string, role?: string): WfmError {
  const head = role ? `${file} (${role})` : file;
  const message = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
  return new WfmError(error.code, `${head}: ${message}`, { issues: error.issues, cause: error, file });
}

/**
 * Reads `file` (given to `flag`) and parses its text with `parse`; every input error of either
 * names the file, and an error about a field of a JSON file also its line and column
 * (`locatingFields`). `limit` as `readInputFile`'s.
 */
export function readInput<T>(file: string, flag: string, parse: (text: string) => T, limit?: ReadLimit): T {
  return withInputFile(file, () => {
    const text = readInputFile(file, flag, limit);
    try {
      return parse(text);
    } catch (error) {
      throw locatingFields(error, file, text);
    }
  });
}

/** An error about rows of a file (a CSV line, or a row of a JSON list), not about a flag. */
export function aboutRows(error: WfmError): boolean {
  return error.issues.some((issue) => issue.path.some((part) => part === 'line' || /^line \d+/.test(String(part))));
}
