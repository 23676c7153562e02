/**
 * Where a field of a JSON input file sits in its text: an issue's path (`templates[1].starts[0].from`)
 * as the line and column of its value, so that a message about a field inside a file also says where
 * to look. jsonc-parser's syntax tree (each node with its offset) finds the value.
 */
import { readFileSync } from 'node:fs';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { WfmError, formatPath, isWfmError } from '../errors.js';
import { lineAndColumn, looksLikeJson } from './files.js';

/**
 * Line and column (1-based) of the value at `path` in JSON `text`; for a field that is absent, of the
 * nearest enclosing value that is there (the object lacking it). Undefined when the text is not JSON
 * or not even the path's first step is in it. O(text length) (the error path only).
 */
export function locateJsonPath(
  text: string,
  path: readonly (string | number)[],
): { line: number; column: number } | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  for (let depth = path.length; depth >= 1; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
    if (node) return lineAndColumn(text, node.offset);
  }
  return undefined;
}

/**
 * `error` with the line and column of its first field added after the field's path in the message
 * (`templates[1].starts[0].from (line 9, column 22): ...`) and on each issue found in `text`, when
 * `file` is JSON and the error is about its content; any other error as it is. `prefix`: a config
 * field in front of the issue paths, not in the file (`shiftPlan` for the rules file a plan config names).
 */
export function locatingFields(
  error: unknown,
  file: string,
  text: string,
  prefix: readonly (string | number)[] = [],
): unknown {
  if (!isWfmError(error) || error.status >= 500 || error.code === 'WFM_ERR_INPUT_JSON') return error;
  if (error.issues.every((i) => i.path.length === 0) || !looksLikeJson(file, text)) return error;
  const inFile = (path: (string | number)[]) =>
    prefix.every((part, k) => path[k] === part) ? path.slice(prefix.length) : undefined;
  const issues = error.issues.map((i) => {
    const path = inFile(i.path);
    const at = path && path.length > 0 ? locateJsonPath(text, path) : undefined;
    return at ? { ...i, ...at } : i;
  });
  const first = issues.find((i) => i.line !== undefined);
  if (!first) return error;
  const where = `line ${first.line}, column ${first.column}`;
  const field = formatPath(inFile(first.path) ?? first.path);
  const message = error.message.includes(`${field}:`)
    ? error.message.replace(`${field}:`, `${field} (${where}):`)
    : `${error.message} (${where})`;
  return new WfmError(error.code, message, {
    issues,
    cause: error,
    ...(error.file !== undefined ? { file: error.file } : {}),
  });
}

/**
 * `locatingFields` for an error about a JSON file that a plan config names (`sources`: config field
 * -> file, the field in front of the issue paths): the file is read again, on the error path only.
 */
export function locatingSourceField(error: unknown, sources: Readonly<Record<string, string | undefined>>): unknown {
  if (!isWfmError(error) || error.file === undefined) return error;
  const field = Object.keys(sources).find((k) => sources[k] === error.file);
  if (field === undefined) return error;
  let text: string;
  try {
    text = readFileSync(error.file, 'utf8');
  } catch {
    return error;
  }
  return locatingFields(error, error.file, text, field.split('.'));
}
