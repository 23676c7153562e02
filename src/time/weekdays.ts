/**
 * The one weekday convention: a weekday as a value is ISO 1-7 (1 = Monday ... 7 = Sunday); an array
 * indexed by weekday uses index `isoWeekday - 1` (0 = Monday). Names are the three-letter lowercase
 * English ones, accepted in any case and as full names (`Mon`, `monday`).
 */

/** Weekday names in ISO order: `WEEKDAY_NAMES[isoWeekday - 1]`. */
export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** Every ISO weekday, Monday first. */
export const ALL_ISO_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/** Labels for people, `WEEKDAY_LABELS[isoWeekday - 1]`. */
export const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The ISO weekday (1-7) of a name (`Mon`, `monday`, `SUN`), or undefined. */
export function isoWeekdayOfName(text: string): number | undefined {
  const i = (WEEKDAY_NAMES as readonly string[]).indexOf(text.trim().toLowerCase().slice(0, 3));
  return i < 0 ? undefined : i + 1;
}
