/**
 * What every forecasting method sees: training values on the slot grid (day-major, NaN = no
 * data) and the number of days to forecast right after them. Weekly seasonality is a lag of
 * 7 days at the same slot, so methods never need the calendar.
 */
export interface MethodInput {
  train: Float64Array;
  /** Training days (train.length = days x slotsPerDay). */
  days: number;
  slotsPerDay: number;
  horizonDays: number;
  /** Local epoch day (days from 1970-01-01) of training day 0, for calendar effects; optional. */
  firstDay?: number | undefined;
}

/** Returns horizonDays x slotsPerDay forecasts; NaN where the method has nothing to say. */
export type MethodFn = (input: MethodInput) => Float64Array;

/** The most recent training day with the weekday of horizon day `h`. */
export function lastSameWeekday(days: number, h: number): number {
  return days + h - 7 * Math.ceil((h + 1) / 7);
}
