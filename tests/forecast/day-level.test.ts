import { describe, expect, it } from 'vitest';
import { dayOfMonth, dayOfMonthFactors } from '../../src/forecast/methods/calendar.js';
import { dayLevelMethod } from '../../src/forecast/methods/day-level.js';
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
  it('follows a level shift within weeks where an 8-week window lags', () => {
    // 20 weeks of hourly counts, 100 per open hour, doubled from day 112 on (4 weeks before the end).
    const S = 24;
    const days = 140;
    const train = new Float64Array(days * S);
    for (let d = 0; d < days; d++) for (let s = 8; s < 18; s++) train[d * S + s] = d >= 112 ? 200 : 100;
    const out = dayLevelMethod()({ train, days, slotsPerDay: S, horizonDays: 7, firstDay: FIRST_DAY });
    // After 28 days at alpha 0.1 the level has closed 1 - 0.9^28 = 95 % of the gap: >= 195 per hour.
    expect(out[10] as number).toBeGreaterThan(194);
    expect(out[10] as number).toBeLessThanOrEqual(200.0001);
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
