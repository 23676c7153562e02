import { DateTime } from 'luxon';
import type { IntervalHistoryRow } from '../../src/forecast/types.js';

/**
 * Interval rows for `days` local days from `firstDate` in `zone`, stepping real time by
 * `intervalMinutes` (so DST days have 23 or 25 hours of rows), with start as ISO with offset.
 * `value(weekday 1..7 Mon..Sun, local minute of day, day index)` gives the volume.
 */
export function syntheticRows(
  firstDate: string,
  days: number,
  zone: string,
  intervalMinutes: number,
  value: (weekday: number, minuteOfDay: number, day: number) => number,
): IntervalHistoryRow[] {
  const start = DateTime.fromISO(firstDate, { zone });
  const end = start.plus({ days });
  const rows: IntervalHistoryRow[] = [];
  for (let t = start.toMillis(); t < end.toMillis(); t += intervalMinutes * 60_000) {
    const dt = DateTime.fromMillis(t, { zone });
    const day = Math.round(dt.startOf('day').diff(start.startOf('day'), 'days').days);
    rows.push({
      start: dt.toISO({ suppressMilliseconds: true }) as string,
      volume: value(dt.weekday, dt.hour * 60 + dt.minute, day),
    });
  }
  return rows;
}

/** A weekly pattern: closed 22:00-07:00, weekend lower, two daily peaks. Exact integers. */
export function weeklyPattern(weekday: number, minuteOfDay: number): number {
  const hour = Math.floor(minuteOfDay / 60);
  if (hour < 7 || hour >= 22) return 0;
  const base = weekday >= 6 ? 10 : 40;
  return base + (hour === 10 || hour === 15 ? 30 : 0) + weekday;
}
