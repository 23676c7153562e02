import type { z } from 'zod';
import { WfmError, formatPath, type WfmErrorCode, type WfmIssue } from '../errors.js';

/**
 * Validates `data` against `schema` once, at the boundary. On failure throws a `WfmError` whose
 * issues name every offending field (`intervals[3].volume: must be >= 0`).
 *
 * @param what a short name of the document for the message, e.g. "staffing request".
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  data: unknown,
  what: string,
  code: WfmErrorCode = 'WFM_ERR_INPUT_INVALID',
): z.output<S> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issues: WfmIssue[] = flatIssues(result.error.issues as RawIssue[], []);
  const first = issues[0];
  const summary = first ? `${formatPath(first.path)}: ${first.message}` : 'invalid';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new WfmError(code, `Invalid ${what}: ${summary}${more}`, { issues });
}

/** The fields of a zod issue read here. */
interface RawIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  errors?: RawIssue[][];
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
}

/**
 * Issues with their paths, a union's failure replaced by the failures of the branch that came
 * closest (its deepest issue; then the fewest issues; then one that is not a wrong type), so that `[{ days: ['mon,tue'] }]`
 * names `0.days.0` and the value instead of "(root): Invalid input". The value given is quoted.
 */
function flatIssues(raw: readonly RawIssue[], prefix: readonly (string | number)[]): WfmIssue[] {
  return raw.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => branchScore(b) - branchScore(a))[0] as RawIssue[];
      if (best.length > 0) return flatIssues(best, path);
    }
    return [{ path, message: `${plainMessage(issue)}${given(issue.input)}` }];
  });
}

function branchScore(issues: readonly RawIssue[]): number {
  const depth = Math.max(0, ...issues.map((i) => i.path.length));
  return depth * 1000 - issues.length * 2 + (issues.some((i) => i.code !== 'invalid_type') ? 1 : 0);
}

/** ` (got "mon,tue,wed")` for a short scalar input, else nothing. */
function given(input: unknown): string {
  if (typeof input === 'string') return ` (got "${input.length > 40 ? `${input.slice(0, 40)}...` : input}")`;
  if (typeof input === 'number' || typeof input === 'boolean') return ` (got ${String(input)})`;
  return '';
}

const NOUNS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text in double quotes',
  boolean: 'true or false',
  array: 'a list [...]',
  object: 'an object {...}',
};

/**
 * zod's own wording ("Invalid input: expected number, received string") in words saying what to
 * write; a schema's own message is kept as written.
 */
function plainMessage(issue: RawIssue): string {
  if (!/^(Invalid input|Invalid option|Too small|Too big|Unrecognized key)/.test(issue.message)) return issue.message;
  const bound = (n: number | bigint | undefined) => String(n);
  switch (issue.code) {
    case 'invalid_type': {
      const noun = NOUNS[issue.expected ?? ''] ?? issue.expected ?? 'another value';
      return issue.input === undefined ? `missing: add it (${noun})` : `write ${noun} here`;
    }
    case 'invalid_value':
      return `write ${issue.values && issue.values.length > 1 ? 'one of ' : ''}${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${bound(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return `needs at least ${bound(issue.minimum)} character(s)`;
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${bound(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `takes at most ${bound(issue.maximum)} item(s)`;
      if (issue.origin === 'string') return `takes at most ${bound(issue.maximum)} character(s)`;
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${bound(issue.maximum)}`;
    case 'unrecognized_keys':
      return (
        `unknown field ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}: check its spelling, or remove it ` +
        `(a misspelt field is refused rather than ignored)`
      );
    default:
      return issue.message;
  }
}
