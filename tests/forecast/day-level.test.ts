import { describe, expect, it } from 'vitest';
import { dayOfMonth, dayOfMonthFactors } from '../../src/forecast/methods/calendar.js';
import { DEFAULT_DAY_LEVEL_TUNING, dayLevelMethod, type DayLevelTuning } from '../../src/forecast/methods/day-level.js';
import { shrunkDayOfMonthFactors } from '../../src/forecast/methods/day-of-month-eb.js';
import { centreSpec, generateCentre } from '../../src/forecast/testing/centres.js';
import { Random } from '../../src/forecast/testing/random.js';

const FIRST_DAY = 19_723; // 2024-01-01 (epoch day), a Monday

/** 400 day totals: 1,000 x exp(noise sd `sd`) x lift on the 1st of the month. */
function totals(sd: number, lift: number, seed: number): Float64Array {
  const r = new Random(seed);
  return Float64Array.from({ length: 400 }, (_, d) => {
    const base = 1000 * Math.exp(sd * r.normal());
    return dayOfMonth(FIRST_DAY + d) === 1 ? base * lift : base;
  });
}

describe('empirical-Bayes day-of-month factors', () => {
  it('stay near 1 where there is no day-of-month effect, closer than the one-pseudo-day prior', () => {
    const t = totals(0.1, 1, 11);
    const eb = shrunkDayOfMonthFactors(t, FIRST_DAY);
    const fixed = dayOfMonthFactors(t, FIRST_DAY);
    const spread = (f: Float64Array): number => Math.max(...Array.from(f.subarray(1), (x) => Math.abs(Math.log(x))));
    expect(spread(eb)).toBeLessThan(0.01);
    expect(spread(eb)).toBeLessThan(spread(fixed));
  });

  it('keep a real pay-day effect about as the fixed prior does', () => {
    const t = totals(0.03, 1.3, 12);
    const eb = shrunkDayOfMonthFactors(t, FIRST_DAY);
    const fixed = dayOfMonthFactors(t, FIRST_DAY);
    expect(eb[1]).toBeGreaterThan(1.1);
    expect(Math.abs(Math.log((eb[1] as number) / (fixed[1] as number)))).toBeLessThan(0.03);
  });
});

describe('daylevel method', () => {
  // 20 weeks of hourly counts, 100 per open hour, doubled from day 112 on (4 weeks before the end).
  const shifted = (): { train: Float64Array; days: number; S: number } => {
    const S = 24;
    const days = 140;
    const train = new Float64Array(days * S);
    for (let d = 0; d < days; d++) for (let s = 8; s < 18; s++) train[d * S + s] = d >= 112 ? 200 : 100;
    return { train, days, S };
  };

  it('follows a level shift within weeks where an 8-week window lags', () => {
    const { train, days, S } = shifted();
    const fixed = { ...DEFAULT_DAY_LEVEL_TUNING, seasonalGamma: 0 };
    const out = dayLevelMethod(fixed)({ train, days, slotsPerDay: S, horizonDays: 7, firstDay: FIRST_DAY });
    // After 28 days at alpha 0.1 the level has closed 1 - 0.9^28 = 95 % of the gap: >= 195 per hour.
    expect(out[10] as number).toBeGreaterThan(194);
    expect(out[10] as number).toBeLessThanOrEqual(200.0001);
  });

  it('with Holt-Winters weekday factors, follows the shift within a few per cent on every weekday', () => {
    const { train, days, S } = shifted();
    const out = dayLevelMethod()({ train, days, slotsPerDay: S, horizonDays: 7, firstDay: FIRST_DAY });
    const week = Array.from({ length: 7 }, (_, h) => out[h * S + 10] as number);
    // The weekday of the first doubled day took gamma x its surprise (0.05 x (200 / 110 - 1), about
    // 4 %, decaying by 0.95 a week): each weekday within 3 % of 200, their mean within 1 %.
    for (const v of week) expect(Math.abs(v / 200 - 1)).toBeLessThan(0.03);
    expect(Math.abs(week.reduce((a, b) => a + b, 0) / 7 / 200 - 1)).toBeLessThan(0.01);
  });

  it('estimates the weekday profile with less noise than the fixed 12-week profile', () => {
    // 30 weeks of day totals 1,000 x weekday weight x exp(0.1 N(0, 1)), flat within the day; the
    // error of each forecast day total against 1,000 x its weight, over 20 seeds. The smoothed
    // factors average about (2 - 0.05) / 0.05 = 39 days of each weekday against 12 (Holt-Winters
    // factors as an exponentially weighted mean: effective sample (2 - gamma) / gamma).
    const weights = [1.3, 1.1, 1, 1, 0.9, 0.5, 0.3];
    const S = 4;
    const days = 210;
    const error = (tuning: DayLevelTuning): number => {
      let sum = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const r = new Random(seed);
        const train = new Float64Array(days * S);
        for (let d = 0; d < days; d++) {
          const total = 1000 * (weights[(FIRST_DAY + d + 3) % 7] as number) * Math.exp(0.1 * r.normal());
          for (let s = 0; s < S; s++) train[d * S + s] = total / S;
        }
        const out = dayLevelMethod(tuning)({ train, days, slotsPerDay: S, horizonDays: 7, firstDay: FIRST_DAY });
        for (let h = 0; h < 7; h++) {
          const truth = 1000 * (weights[(FIRST_DAY + days + h + 3) % 7] as number);
          sum += Math.abs(Math.log(((out[h * S] as number) * S) / truth));
        }
      }
      return sum / (20 * 7);
    };
    // Measured: 0.0248 against 0.0272 mean absolute log error (the level's own noise is in both).
    expect(error(DEFAULT_DAY_LEVEL_TUNING)).toBeLessThan(
      0.95 * error({ ...DEFAULT_DAY_LEVEL_TUNING, seasonalGamma: 0 }),
    );
  });

  it('the generator writes 23- and 25-hour days in a DST zone', () => {
    let seed = 1;
    while (centreSpec(seed).timeZone !== 'Europe/London' || centreSpec(seed).intervalMinutes !== 15) seed++;
    const series = generateCentre(centreSpec(seed));
    const perDay = new Map<string, number>();
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
    for (const t of series.startMs) {
      const day = fmt.format(new Date(t));
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const counts = new Set(perDay.values());
    expect(counts.has(92)).toBe(true); // spring forward: 23 h x 4
    expect(counts.has(100)).toBe(true); // fall back: 25 h x 4
  });
});
