import { trainingDayTotals, windowMeans } from './day-totals.js';
import type { MethodFn, MethodInput } from './method.js';
import { DEFAULT_SHAPE_TUNING, intradayShapes, totalTimesShape } from './shape.js';

/** Tuning of the day-of-month model (chosen on Israel-bank origins before 1999-12-04; docs/forecast.md). */
export interface CalendarTuning {
  /** Windows (same-weekday days) whose mean adjusted totals are averaged into the base total. */
  totalWeeks: readonly number[];
  /** A day's ratio is taken against the mean of its weekday within +-`neighbourWeeks` weeks. */
  neighbourWeeks: number;
  /** Pseudo-days of ratio 1 that each day of month's mean log ratio is shrunk toward. */
  prior: number;
  /** Weight of each neighbouring day of month in the smoothing kernel [w, 1, w] of the log factors. */
  smoothing: number;
}

export const DEFAULT_CALENDAR_TUNING: CalendarTuning = {
  totalWeeks: [8, 12],
  neighbourWeeks: 6,
  prior: 1,
  smoothing: 0.5,
};

/** Day of the month (1..31) of a local epoch day (days from 1970-01-01), proleptic Gregorian. O(1). */
export function dayOfMonth(epochDay: number): number {
  // Hinnant's civil-from-days: eras of 400 years (146,097 days) starting 0000-03-01.
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/**
 * Day-of-month factors (index 1..31; index 0 unused) from the training day totals: each complete
 * day's log ratio to the mean total of its weekday within +-`neighbourWeeks` weeks (at least 3 of
 * them; ratios beyond 2x either way, holidays and outages, are skipped), averaged per day of the
 * month with `prior` pseudo-days of ratio 1, smoothed over neighbouring days, exponentiated. A bank
 * sees more calls around pay and card-debit days (the 1st-5th, the 10th) and fewer at month end.
 * Complexity O(days x neighbourWeeks).
 */
export function dayOfMonthFactors(
  totals: Float64Array,
  firstDay: number,
  tuning: CalendarTuning = DEFAULT_CALENDAR_TUNING,
): Float64Array {
  const { sumLog, count } = dayOfMonthLogRatios(totals, firstDay, tuning.neighbourWeeks);
  const raw = new Float64Array(32);
  for (let m = 1; m <= 31; m++) raw[m] = (sumLog[m] as number) / ((count[m] as number) + tuning.prior);
  return smoothedFactors(raw, tuning.smoothing);
}

/**
 * Per day of the month (index 1..31): the sum, sum of squares and count of the log ratios of the
 * complete training days to the mean total of their weekday within +-`neighbourWeeks` weeks (at
 * least 3 of them; ratios beyond 2x either way skipped). O(days x neighbourWeeks).
 */
export function dayOfMonthLogRatios(
  totals: Float64Array,
  firstDay: number,
  neighbourWeeks: number,
): { sumLog: Float64Array; sumSq: Float64Array; count: Float64Array } {
  const days = totals.length;
  const sumLog = new Float64Array(32);
  const sumSq = new Float64Array(32);
  const count = new Float64Array(32);
  for (let d = 0; d < days; d++) {
    const v = totals[d] as number;
    if (!(v > 0)) continue;
    let sum = 0;
    let n = 0;
    for (let k = -neighbourWeeks; k <= neighbourWeeks; k++) {
      const e = d + 7 * k;
      if (k === 0 || e < 0 || e >= days) continue;
      const x = totals[e] as number;
      if (Number.isNaN(x)) continue;
      sum += x;
      n++;
    }
    if (n < 3 || !(sum > 0)) continue;
    const r = Math.log((v * n) / sum);
    if (Math.abs(r) > Math.LN2) continue;
    const m = dayOfMonth(firstDay + d);
    sumLog[m] = (sumLog[m] as number) + r;
    sumSq[m] = (sumSq[m] as number) + r * r;
    count[m] = (count[m] as number) + 1;
  }
  return { sumLog, sumSq, count };
}

/** exp of the log effects smoothed [w, 1, w] over neighbouring days of the month. */
export function smoothedFactors(raw: Float64Array, w: number): Float64Array {
  const factors = new Float64Array(32);
  for (let m = 1; m <= 31; m++) {
    const before = m > 1 ? (raw[m - 1] as number) : (raw[m] as number);
    const after = m < 31 ? (raw[m + 1] as number) : (raw[m] as number);
    factors[m] = Math.exp(((raw[m] as number) + w * (before + after)) / (1 + 2 * w));
  }
  return factors;
}

/**
 * Day total adjusted for the day of the month x intraday shape. Unannounced holidays and outages
 * are left out first (`withoutLowDays`). Training totals are divided by
 * their day-of-month factor (`dayOfMonthFactors`), the base total of a horizon day is the mean of
 * the 8- and 12-week means of those adjusted totals of its weekday, and the forecast total is the
 * base times the horizon day's own factor; the intraday shape is the `shape` method's. Without a
 * calendar (`firstDay` unknown) every factor is 1. Complexity O(training + horizon) x slots.
 *
 * @example calendarMethod()({ train, days, slotsPerDay: 48, horizonDays: 7, firstDay: 10592 })
 */
export function calendarMethod(tuning: CalendarTuning = DEFAULT_CALENDAR_TUNING): MethodFn {
  return (input: MethodInput) => {
    const { days, firstDay } = input;
    const { usable } = trainingDayTotals(input);
    const factors = firstDay === undefined ? undefined : dayOfMonthFactors(usable, firstDay, tuning);
    const factor = (d: number): number => (factors ? (factors[dayOfMonth((firstDay as number) + d)] as number) : 1);
    const adjusted = new Float64Array(days);
    for (let d = 0; d < days; d++) adjusted[d] = (usable[d] as number) / factor(d);
    const shapes = intradayShapes(input, usable, DEFAULT_SHAPE_TUNING);
    return totalTimesShape(input, shapes, (h) => windowMeans(adjusted, days, h, tuning.totalWeeks) * factor(days + h));
  };
}
