import type { z } from 'zod';
import { WfmError } from '../errors.js';

/** Parses `value` with `schema` at the store's boundary; a mismatch throws `WFM_ERR_INPUT_INVALID` with issues. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new WfmError('WFM_ERR_INPUT_INVALID', `${what}: ${where}${first?.message ?? 'invalid'}`, { issues });
}
