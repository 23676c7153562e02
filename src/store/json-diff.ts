/** One leaf that differs between two JSON values; `path` as in `WfmIssue`. */
export interface JsonChange {
  path: (string | number)[];
  a: unknown;
  b: unknown;
  /** b - a when both are numbers. */
  delta?: number;
}

/**
 * The leaves that differ between two JSON values (objects by key, arrays by index), in document
 * order, capped at `limit` changes. O(size of both values).
 */
export function jsonDiff(a: unknown, b: unknown, limit = 1000): JsonChange[] {
  const out: JsonChange[] = [];
  walk(a, b, [], out, limit);
  return out;
}

function walk(a: unknown, b: unknown, path: (string | number)[], out: JsonChange[], limit: number): void {
  if (out.length >= limit) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...path, i], out, limit);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) walk(a[key], b[key], [...path, key], out, limit);
    return;
  }
  if (a === b) return;
  if (typeof a === 'number' && typeof b === 'number') out.push({ path, a, b, delta: b - a });
  else out.push({ path, a: a ?? null, b: b ?? null });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
