/** JSON files as the engine writes them: non-finite numbers as null, 2-space indent. */

/** The JSON.stringify replacer that writes non-finite numbers (JSON has none) as null. */
export function nonFiniteAsNull(_key: string, v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

/** Stringifies for a file: 2-space indent, non-finite numbers as null, trailing newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, nonFiniteAsNull, 2)}\n`;
}
