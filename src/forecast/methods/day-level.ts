import { DEFAULT_CALENDAR_TUNING, dayOfMonth, dayOfMonthFactors } from './calendar.js';
import { shrunkDayOfMonthFactors } from './day-of-month-eb.js';
import { sameWeekdayDays, trainingDayTotals } from './day-totals.js';
import type { MethodFn, MethodInput } from './method.js';
import { intradayShapes, totalTimesShape } from './shape.js';

/**
 * Tuning of the day-level model, chosen on the design set of issue 18 (40 synthetic centres +
 * Israel-bank design weeks, one week ahead, docs/forecast.md): alpha 0.05 / 0.1 / 0.15 / 0.2 gave
 * 18.17 / 18.04 / 18.03 / 18.07 mean WAPE, a damped trend 18.05, no day-of-month factors 18.14,
 * empirical-Bayes factors 18.02 (and better at every horizon 1-6) against a fixed prior of 1,
 * and the AR(1) carry of the last day's deviation 17.96 (the same from two weeks ahead on); then
 * the weekday profile updated as Holt-Winters seasonals, gamma 0.02 / 0.03 / 0.05 / 0.07 / 0.1 / 0.2:
 * 17.91 / 17.90 / 17.91 / 17.92 / 17.94 / 18.02 (a plateau; 0.05 its middle), lower on the Israel-bank
 * design weeks too (21.10 -> 20.98).
 */
export interface DayLevelTuning {
  /** Smoothing constant of the level, per open day (0..1). */
  alpha: number;
  /** Smoothing constant of the trend per open day (0 = no trend). */
  beta: number;
  /** Damping of the trend per day ahead (Gardner & McKenzie 1985); 1 = undamped. */
  phi: number;
  /** Same-weekday days whose totals give the weekday profile. */
  profileWeeks: number;
  /** Apply day-of-month factors (pay days, month end) as `calendar` does. */
  calendar: boolean;
  /** Pseudo-days of ratio 1 each day of the month's factor is shrunk toward (`CalendarTuning.prior`). */
  calendarPrior: number;
  /** Shrink the day-of-month factors by empirical Bayes (`shrunkDayOfMonthFactors`) instead of the prior. */
  empiricalBayes: boolean;
  /**
   * Carry the last day's deviation from the level into the first days ahead, decaying as an AR(1)
   * fitted to the one-step log residuals (day effects that persist, Weinberg, Brown & Stroud 2007).
   */
  dayAr: boolean;
  /**
   * Smoothing constant of the weekday profile per day of that weekday (multiplicative Holt-Winters
   * seasonal update, from the profile of the last `profileWeeks` weeks; 0 = that fixed profile).
   */
  seasonalGamma: number;
}

export const DEFAULT_DAY_LEVEL_TUNING: DayLevelTuning = {
  alpha: 0.1,
  beta: 0,
  phi: 0.98,
  profileWeeks: 12,
  calendar: true,
  calendarPrior: 1,
  empiricalBayes: true,
  dayAr: true,
  seasonalGamma: 0.05,
};

/**
 * Weekday profile: each weekday's mean total over its last `weeks` known days, divided by the mean
 * of the seven (0 for a weekday with no volume). Index h = horizon weekday 0..6 after training.
 */
function weekdayProfile(totals: Float64Array, days: number, weeks: number): Float64Array {
  const means = new Float64Array(7);
  for (let h = 0; h < 7; h++) {
    const found = sameWeekdayDays(totals, days, h, weeks);
    let sum = 0;
    for (const d of found) sum += totals[d] as number;
    means[h] = found.length > 0 ? sum / found.length : 0;
  }
  const z = means.reduce((a, b) => a + b, 0) / 7;
  return means.map((m) => (z > 0 ? m / z : 0));
}

/**
 * Day-level model: day totals = level x weekday profile x day-of-month factor, the level an
 * exponentially weighted (Holt, damped-trend) average of the deseasonalised totals of the open days,
 * times the `shape` method's pooled, smoothed intraday profile. The weekday profile starts from the
 * last `profileWeeks` weeks and is updated day by day as Holt-Winters seasonals (`seasonalGamma`), special days (unannounced holidays and outages, `withoutLowDays`) are
 * left out, and pay-day / month-end effects are day-of-month factors shrunk by empirical Bayes
 * (`shrunkDayOfMonthFactors`; the `calendar` method's fixed prior with `empiricalBayes: false`). A level that
 * moves (a new client, a trend) is followed within days instead of the 4-8 weeks of a window mean,
 * as in the day-level models of Weinberg, Brown & Stroud (2007, JASA 102:1185) and Shen & Huang
 * (2008, MSOM 10:391). Complexity O(training x slots).
 */
export function dayLevelMethod(tuning: DayLevelTuning = DEFAULT_DAY_LEVEL_TUNING): MethodFn {
  return (input: MethodInput) => {
    const { days, firstDay } = input;
    const { usable } = trainingDayTotals(input);
    const factors =
      !tuning.calendar || firstDay === undefined
        ? undefined
        : tuning.empiricalBayes
          ? shrunkDayOfMonthFactors(usable, firstDay)
          : dayOfMonthFactors(usable, firstDay, { ...DEFAULT_CALENDAR_TUNING, prior: tuning.calendarPrior });
    const factor = (d: number): number => (factors ? (factors[dayOfMonth((firstDay as number) + d)] as number) : 1);
    const profile = weekdayProfile(usable, days, tuning.profileWeeks);
    // profile[h] is for horizon weekday h; training day d has horizon weekday (d - days) mod 7.
    const weekdayOfDay = (d: number): number => (((d - days) % 7) + 7) % 7;
    let level = Number.NaN;
    let trend = 0;
    const residuals: number[] = [];
    let lastY = Number.NaN;
    let lastDay = -1;
    for (let d = 0; d < days; d++) {
      const v = usable[d] as number;
      const p = profile[weekdayOfDay(d)] as number;
      if (Number.isNaN(v) || !(p > 0)) continue;
      const y = v / (p * factor(d));
      lastY = y;
      lastDay = d;
      if (Number.isNaN(level)) {
        level = y;
        continue;
      }
      if (y > 0 && level > 0) residuals.push(Math.log(y / level));
      const prev = level;
      level = tuning.alpha * y + (1 - tuning.alpha) * (level + tuning.phi * trend);
      trend = tuning.beta * (level - prev) + (1 - tuning.beta) * tuning.phi * trend;
      if (tuning.seasonalGamma > 0 && level > 0) {
        const m = updateSeason(profile, weekdayOfDay(d), v / (level * factor(d)), tuning.seasonalGamma);
        level *= m;
        trend *= m;
      }
    }
    const carry = tuning.dayAr ? dayCarry(residuals, lastY, level) : { phi: 0, last: 0 };
    const shapes = intradayShapes(input, usable);
    return totalTimesShape(input, shapes, (h) => {
      if (Number.isNaN(level)) return Number.NaN;
      let damped = 0;
      for (let i = 1, f = tuning.phi; i <= h + 1; i++, f *= tuning.phi) damped += f;
      const ar = carry.phi > 0 ? Math.exp(Math.pow(carry.phi, days + h - lastDay) * carry.last) : 1;
      return Math.max(0, level + damped * trend) * ar * (profile[h % 7] as number) * factor(days + h);
    });
  };
}

/**
 * Multiplicative Holt-Winters update of one weekday's factor toward `ratio` (that day's total over
 * level x day-of-month factor), then the open weekdays' factors renormalised to mean 1 (Archibald &
 * Koehler 2003, IJF 19:143): returns the mean they were divided by, which the level and trend are
 * multiplied by, so that a level shift moves the level, not the weekday factors. O(7).
 */
function updateSeason(profile: Float64Array, weekday: number, ratio: number, gamma: number): number {
  profile[weekday] = gamma * ratio + (1 - gamma) * (profile[weekday] as number);
  let sum = 0;
  let open = 0;
  for (const p of profile)
    if (p > 0) {
      sum += p;
      open++;
    }
  const m = open > 0 && sum > 0 ? sum / open : 1;
  for (let h = 0; h < 7; h++) profile[h] = (profile[h] as number) / m;
  return m;
}

/** AR(1) coefficient of the last 120 one-step log residuals (clipped to [0, 0.9]) and the last day's log deviation from the level. */
function dayCarry(residuals: readonly number[], lastY: number, level: number): { phi: number; last: number } {
  const r = residuals.slice(-120);
  let num = 0;
  let den = 0;
  for (let i = 1; i < r.length; i++) {
    num += (r[i] as number) * (r[i - 1] as number);
    den += (r[i - 1] as number) ** 2;
  }
  const phi = den > 0 ? Math.min(0.9, Math.max(0, num / den)) : 0;
  return { phi, last: lastY > 0 && level > 0 ? Math.log(lastY / level) : 0 };
}
