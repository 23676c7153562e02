import { describe, expect, it } from 'vitest';
import { band, fitBandTails, fitOverdispersion } from '../../src/forecast/band.js';
import { forecast } from '../../src/forecast/forecast.js';
import { syntheticRows, weeklyPattern } from './helpers.js';

const Z90 = 1.2815515655446004; // standard normal 0.9 quantile

describe('fitBandTails', () => {
  it('is 0 (Poisson) for both tails when the backtests were exact', () => {
    const f = Float64Array.from({ length: 200 }, (_, i) => 5 + (i % 40));
    expect(fitBandTails([{ forecast: f, actual: Float64Array.from(f) }])).toEqual({ low: 0, high: 0 });
  });

  it('fits each tail to leave 10 % of the backtest actuals out, skewed errors giving a wider upper tail', () => {
    // Forecast 100 everywhere; actuals: 110 at 70, 780 at 100, 110 at 160 (11 % beyond each side).
    // For a mean of 100 the quantiles are normal: 100 -/+ Z90 sqrt(100 + 10,000 k). p10 must come
    // down to 70 (then 70 is not below it) and p90 up to 160, so by hand:
    // k_low = ((30 / Z90)^2 - 100) / 10,000 = 0.0448, k_high = ((60 / Z90)^2 - 100) / 10,000 = 0.2092.
    const actual = Float64Array.from({ length: 1000 }, (_, i) => (i < 110 ? 70 : i < 890 ? 100 : 160));
    const pairs = [{ forecast: new Float64Array(1000).fill(100), actual }];
    const tails = fitBandTails(pairs);
    expect(tails.low).toBeCloseTo(((30 / Z90) ** 2 - 100) / 10_000, 3);
    expect(tails.high).toBeCloseTo(((60 / Z90) ** 2 - 100) / 10_000, 3);
    // The band from the fitted tails leaves exactly the 70s below and the 160s above... at most 10 %.
    const b = band(100, tails.low, tails.high);
    expect(b.p10).toBeLessThanOrEqual(70);
    expect(b.p90).toBeGreaterThanOrEqual(160);
    // One moment-fitted k for both tails, (110 x 30^2 + 110 x 60^2 - 1000 x 100) / (1000 x 100^2) = 0.0395,
    // is too narrow above and too wide below for these errors.
    expect(fitOverdispersion(pairs)).toBeCloseTo(0.0395, 6);
  });

  it('skips unknown actuals and closed intervals (forecast 0)', () => {
    const forecastValues = Float64Array.from([0, 0, 10, 10, 10]);
    const actual = Float64Array.from([3, Number.NaN, 10, 10, 10]);
    expect(fitBandTails([{ forecast: forecastValues, actual }])).toEqual({ low: 0, high: 0 });
  });
});

describe('the forecast band', () => {
  it('reports the upper-tail overdispersion it used, and p10 <= volume <= p90 in every interval', () => {
    // 10 weeks of the weekly pattern, the weeks alternately at 60 % and 140 %: every backtest misses
    // by about 40 %, far beyond Poisson noise, so the upper tail needs k > 0 and p90 is wider than
    // the Poisson p90 of the same mean.
    const rows = syntheticRows('2026-01-05', 70, 'UTC', 60, (weekday, minute, day) =>
      Math.round(weeklyPattern(weekday, minute) * (Math.floor(day / 7) % 2 === 0 ? 0.6 : 1.4)),
    );
    const result = forecast(rows, {});
    expect(result.report.overdispersion).toBeGreaterThan(0);
    const busiest = result.intervals.reduce((a, b) => (b.volume > a.volume ? b : a));
    expect(busiest.volumeP90).toBeGreaterThan(band(busiest.volume, 0).p90);
    for (const r of result.intervals) {
      expect(r.volumeP10).toBeLessThanOrEqual(r.volume);
      expect(r.volumeP90).toBeGreaterThanOrEqual(r.volume);
    }
  });
});
