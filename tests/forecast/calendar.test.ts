import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { calendarMethod, dayOfMonth, dayOfMonthFactors } from '../../src/forecast/methods/calendar.js';
import { dayTotals } from '../../src/forecast/methods/day-totals.js';
import { shapeMethod } from '../../src/forecast/methods/shape.js';
import { syntheticRows, weeklyPattern } from './helpers.js';

const epochDay = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

describe('dayOfMonth', () => {
  it('agrees with the calendar (Date.UTC) on known dates, leap days and month ends', () => {
    // Expected values read from the dates themselves.
    expect(dayOfMonth(0)).toBe(1); // 1970-01-01
    expect(dayOfMonth(epochDay('1999-12-31'))).toBe(31);
    expect(dayOfMonth(epochDay('2000-02-29'))).toBe(29);
    expect(dayOfMonth(epochDay('2000-03-01'))).toBe(1);
    expect(dayOfMonth(epochDay('2100-02-28') + 1)).toBe(1); // 2100 is not a leap year
    expect(dayOfMonth(-1)).toBe(31); // 1969-12-31
  });
});

describe('dayOfMonthFactors', () => {
  it('are exactly 1 when every day equals its weekday neighbours (no calendar effect)', () => {
    const totals = Float64Array.from({ length: 120 }, (_, d) => 1000 + 100 * (d % 7));
    const f = dayOfMonthFactors(totals, epochDay('2026-01-01'));
    for (let m = 1; m <= 31; m++) expect(f[m]).toBe(1);
  });

  it('rise on the days of the month that are busier, fall on the others, and skip 2x outliers', () => {
    // Constant 1000 a day, 1500 on the 1st-3rd of each month, one outage day of 10 on a 20th.
    const first = epochDay('2025-01-01');
    const totals = Float64Array.from({ length: 365 }, (_, d) => (dayOfMonth(first + d) <= 3 ? 1500 : 1000));
    totals[epochDay('2025-06-20') - first] = 10;
    const f = dayOfMonthFactors(totals, first);
    expect(f[2] as number).toBeGreaterThan(1.25);
    expect(f[20] as number).toBeLessThan(1.01);
    expect(f[20] as number).toBeGreaterThan(0.9); // the outage was skipped, not averaged in
    expect(f[15] as number).toBeLessThan(1);
  });
});

describe('calendar method', () => {
  it('forecasts the busy days of the month higher than shape does, and closer to the truth', () => {
    // Hourly weekly pattern x 1.5 on the 1st-5th of each month; forecast from 2026-06-01 (a Monday).
    const rows = syntheticRows('2025-09-01', 273, 'UTC', 60, (weekday, minute, day) => {
      const date = new Date(Date.UTC(2025, 8, 1 + day));
      return weeklyPattern(weekday, minute) * (date.getUTCDate() <= 5 ? 1.5 : 1);
    });
    const firstDay = epochDay('2025-09-01');
    const grid = new Float64Array(rows.map((r) => r.volume));
    const input = { train: grid, days: 273, slotsPerDay: 24, horizonDays: 7, firstDay };
    const cal = calendarMethod()(input);
    const shape = shapeMethod()(input);
    const totalsOf = (f: Float64Array): Float64Array => dayTotals(f, 7, 24);
    const truth = (h: number): number => {
      let sum = 0;
      const weekday = ((h % 7) + 1) as number; // 2026-06-01 is a Monday (ISO weekday 1)
      for (let hour = 0; hour < 24; hour++) sum += weeklyPattern(weekday, hour * 60);
      return sum * (h < 5 ? 1.5 : 1);
    };
    const c = totalsOf(cal);
    const s = totalsOf(shape);
    for (let h = 0; h < 5; h++) {
      expect(c[h] as number).toBeGreaterThan(s[h] as number);
      expect(Math.abs((c[h] as number) - truth(h))).toBeLessThan(Math.abs((s[h] as number) - truth(h)));
    }
  });

  it('is one of the methods of forecast() and ranked in its report', () => {
    const rows = syntheticRows('2026-01-05', 70, 'UTC', 60, weeklyPattern);
    const result = forecast(rows, { method: 'calendar' });
    expect(result.method).toBe('calendar');
    expect(result.report.methods.map((m) => m.method)).toContain('calendar');
    // Day totals of a fixed weekly pattern are reproduced exactly (factors are exactly 1); the
    // day's total is the pattern's (computed by hand: Monday 15 h x 41 + 2 x 30 = 675).
    const monday = result.intervals.filter((r) => r.start.startsWith('2026-03-16')).reduce((a, r) => a + r.volume, 0);
    expect(monday).toBeCloseTo(675, 2);
  });
});
