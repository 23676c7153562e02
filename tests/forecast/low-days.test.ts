import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { withoutLowDays } from '../../src/forecast/methods/day-totals.js';
import { syntheticRows, weeklyPattern } from './helpers.js';

describe('withoutLowDays', () => {
  // 12 weeks of day totals: 1000 on weekday 0..4 of each week, 300 on day 5, 0 on day 6 (closed).
  const base = (): Float64Array =>
    Float64Array.from({ length: 84 }, (_, d) => [1000, 1000, 1000, 1000, 1000, 300, 0][d % 7] as number);

  it('drops a day below 2/3 of the median of its weekday within +-6 weeks, and nothing else', () => {
    const totals = base();
    totals[35] = 100; // a holiday
    totals[36] = 600; // an outage: 600 < 2/3 x 1000
    totals[37] = 700; // a quiet day: 700 >= 2/3 x 1000, kept
    totals[38] = 1500; // a surge is kept (a rise in volume is followed, not filtered)
    totals[40] = 150; // half of the usual 300 on the short day
    const out = withoutLowDays(totals);
    expect(Number.isNaN(out[35] as number)).toBe(true);
    expect(Number.isNaN(out[36] as number)).toBe(true);
    expect(Number.isNaN(out[40] as number)).toBe(true);
    expect([out[37], out[38]]).toEqual([700, 1500]);
    let dropped = 0;
    for (let d = 0; d < 84; d++) if (Number.isNaN(out[d] as number)) dropped++;
    expect(dropped).toBe(3);
  });

  it('never touches a closed weekday (median 0), gaps, or days with fewer than 3 known neighbours', () => {
    const totals = base();
    totals[39] = Number.NaN; // a gap stays a gap
    const out = withoutLowDays(totals);
    for (let d = 6; d < 84; d += 7) expect(out[d]).toBe(0);
    expect(Number.isNaN(out[39] as number)).toBe(true);
    const short = Float64Array.from([1000, 1000, 1000, 1000, 1000, 1000, 1000, 10, 1000, 1000, 1000, 1000, 1000, 1000]);
    expect(withoutLowDays(short)[7]).toBe(10); // day 7 has one same-weekday neighbour only
  });
});

describe('an unannounced holiday in the history', () => {
  // 10 weeks of the hourly weekly pattern (2026-01-05 is a Monday); Monday 2026-03-02 is a holiday
  // at 5 % of its usual volume and nobody said so. The methods built on day totals (shape,
  // calendar) and the robust window methods (wavg8, median8) leave it out: their forecast is the
  // one they make from the same history without the holiday. The plain 8-week mean (a reference
  // method) averages it in.
  const plain = syntheticRows('2026-01-05', 70, 'UTC', 60, weeklyPattern);
  const holiday = syntheticRows(
    '2026-01-05',
    70,
    'UTC',
    60,
    (weekday, minute, day) => weeklyPattern(weekday, minute) * (day === 56 ? 0.05 : 1),
  );
  const volumes = (rows: typeof plain, method: 'shape' | 'calendar' | 'wavg8' | 'median8' | 'avg8'): number[] =>
    forecast(rows, { method }).intervals.map((r) => r.volume);

  it.each(['shape', 'calendar', 'wavg8', 'median8'] as const)(
    '%s forecasts as if the holiday had not happened',
    (method) => {
      expect(volumes(holiday, method)).toEqual(volumes(plain, method));
    },
  );

  it('wavg8 and median8 give the pattern itself on Monday 10:00 (weeklyPattern(1, 600) = 71)', () => {
    for (const method of ['wavg8', 'median8'] as const) {
      expect(forecast(holiday, { method }).intervals.find((r) => r.start === '2026-03-16T10:00:00Z')?.volume).toBe(71);
    }
  });

  it('avg8 is the plain mean of 8 Mondays and takes the holiday in: (7 x 71 + 0.05 x 71) / 8 = 62.569', () => {
    expect(
      forecast(holiday, { method: 'avg8' }).intervals.find((r) => r.start === '2026-03-16T10:00:00Z')?.volume,
    ).toBeCloseTo((7 * 71 + 0.05 * 71) / 8, 3);
  });
});
