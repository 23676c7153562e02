/** JSON helpers of the plan pipeline. */

/**
 * The value as it reads back from its JSON file: non-finite numbers become null (as the single
 * commands write them), so that the summary and the report are computed from exactly the numbers
 * in the written files. O(size).
 */
export function jsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, nonFiniteAsNull)) as T;
}

/** The JSON.stringify replacer that writes non-finite numbers (JSON has none) as null. */
export function nonFiniteAsNull(_key: string, v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

/** Stringifies for a file: 2-space indent, non-finite numbers as null, trailing newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, nonFiniteAsNull, 2)}\n`;
}
