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
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues: WfmIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }));
  const first = issues[0];
  const summary = first ? `${formatPath(first.path)}: ${first.message}` : 'invalid';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new WfmError(code, `Invalid ${what}: ${summary}${more}`, { issues });
}
