import { DateTime } from 'luxon';

/**
 * The scheduler's time grid: consecutive intervals of `intervalMinutes` of absolute time from
 * `originMs`. Slot `i` is `[originMs + i * interval, originMs + (i + 1) * interval)`. A DST day
 * keeps its 23 or 25 hours: slots are absolute, and only the local labels (date, wall-clock minute)
 * come from luxon, computed once here so that hot loops read typed arrays.
 */
export interface SlotGrid {
  originMs: number;
  intervalMinutes: number;
  slotCount: number;
  timeZone: string;
  /** Index into `days` of each slot's local date. */
  dayOfSlot: Int32Array;
  /** Local wall-clock minute of day (0..1439) at each slot's start. */
  minuteOfDay: Int32Array;
  /** The local calendar days the grid touches, in order. */
  days: LocalDay[];
}

/** One local calendar day of the grid. */
export interface LocalDay {
  /** `yyyy-MM-dd` in the grid's zone. */
  date: string;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** First slot of the grid on this day, and one past the last (half-open). */
  firstSlot: number;
  endSlot: number;
}

const MINUTE_MS = 60_000;

/**
 * Builds the grid. O(slotCount) luxon conversions, once per plan.
 *
 * @example createSlotGrid(Date.parse('2026-03-02T00:00:00Z'), 15, 672, 'UTC').days.length // 7
 */
export function createSlotGrid(
  originMs: number,
  intervalMinutes: number,
  slotCount: number,
  timeZone: string,
): SlotGrid {
  const dayOfSlot = new Int32Array(slotCount);
  const minuteOfDay = new Int32Array(slotCount);
  const days: LocalDay[] = [];
  for (let slot = 0; slot < slotCount; slot++) {
    const dt = DateTime.fromMillis(originMs + slot * intervalMinutes * MINUTE_MS, { zone: timeZone });
    const date = dt.toISODate() ?? '';
    const last = days[days.length - 1];
    if (!last || last.date !== date) {
      if (last) last.endSlot = slot;
      days.push({ date, weekday: dt.weekday, firstSlot: slot, endSlot: slotCount });
    }
    dayOfSlot[slot] = days.length - 1;
    minuteOfDay[slot] = dt.hour * 60 + dt.minute;
  }
  return { originMs, intervalMinutes, slotCount, timeZone, dayOfSlot, minuteOfDay, days };
}

/** Epoch milliseconds of the start of `slot` (any integer, also outside the grid). O(1). */
export function slotStartMs(grid: SlotGrid, slot: number): number {
  return grid.originMs + slot * grid.intervalMinutes * MINUTE_MS;
}

/** The slot that starts exactly at `epochMs`, or null when the instant is not on the grid's lattice. O(1). */
export function slotOfInstant(grid: SlotGrid, epochMs: number): number | null {
  const offset = (epochMs - grid.originMs) / (grid.intervalMinutes * MINUTE_MS);
  return Number.isInteger(offset) ? offset : null;
}

/** ISO 8601 with the zone's offset of a slot boundary, without milliseconds. */
export function formatSlot(grid: SlotGrid, slot: number): string {
  const dt = DateTime.fromMillis(slotStartMs(grid, slot), { zone: grid.timeZone });
  return dt.toISO({ suppressMilliseconds: true }) ?? new Date(slotStartMs(grid, slot)).toISOString();
}

/**
 * The instant of local wall-clock `minuteOfDay` (may be >= 1440 for "the next day") on local
 * `date` in `timeZone`, or null when that local time does not exist (DST gap). A repeated local time
 * (fall back) resolves to its earlier instant.
 */
export function localTimeToMs(date: string, minuteOfDay: number, timeZone: string): number | null {
  const base = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  const dayShift = Math.floor(minuteOfDay / 1440);
  const m = minuteOfDay - dayShift * 1440;
  const wanted = base
    .plus({ days: dayShift })
    .set({ hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 });
  if (!wanted.isValid) return null;
  if (wanted.hour * 60 + wanted.minute !== m) return null;
  return wanted.toMillis();
}

/**
 * The slot starting at local wall-clock `minuteOfDay` on `date`, or null when that time is in a DST
 * gap or not on the grid's lattice. The slot may lie outside `[0, slotCount)`; callers decide.
 */
export function localTimeToSlot(grid: SlotGrid, date: string, minuteOfDay: number): number | null {
  const ms = localTimeToMs(date, minuteOfDay, grid.timeZone);
  return ms === null ? null : slotOfInstant(grid, ms);
}

/** `HH:mm` (00:00 ... 24:00, and up to 47:59 for the next day) to minutes since midnight, or null. */
export function parseClockMinutes(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 47) return null;
  return hours * 60 + minutes;
}

/** Minutes since midnight as `HH:mm`. */
export function formatClockMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
