import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { band, nbQuantile } from '../../src/forecast/band.js';
import { syntheticRows, weeklyPattern } from './helpers.js';

// Five weeks of hourly history (short, so that each property run stays fast).
const base = syntheticRows('2026-01-05', 35, 'UTC', 60, weeklyPattern);

const noisyHistory = fc
  .array(fc.integer({ min: 0, max: 40 }), { minLength: base.length, maxLength: base.length })
  .map((noise) =>
    base.map((r, i) => ({
      ...r,
      volume: r.volume === 0 ? 0 : r.volume + (noise[i] as number) - 20 > 0 ? r.volume + (noise[i] as number) - 20 : 0,
    })),
  );

describe('forecast properties (fast-check)', () => {
  it('never forecasts a negative volume, and p10 <= volume <= p90', () => {
    fc.assert(
      fc.property(
        noisyHistory,
        fc.constantFrom('auto', 'snaive', 'shape', 'calendar', 'dshw', 'combo' as const),
        (history, method) => {
          const result = forecast(history, { method: method as 'auto' });
          for (const row of result.intervals) {
            expect(row.volume).toBeGreaterThanOrEqual(0);
            expect(row.volumeP10).toBeGreaterThanOrEqual(0);
            expect(row.volumeP10).toBeLessThanOrEqual(row.volume);
            expect(row.volumeP90).toBeGreaterThanOrEqual(row.volume);
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it('does not depend on the order of the input rows', () => {
    fc.assert(
      fc.property(noisyHistory, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (history, seed) => {
        const shuffled = [...history];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [
            shuffled[j] as (typeof shuffled)[number],
            shuffled[i] as (typeof shuffled)[number],
          ];
        }
        expect(forecast(shuffled, {})).toEqual(forecast(history, {}));
      }),
      { numRuns: 5 },
    );
  });

  it('band quantiles are non-negative, ordered and contain the mean for any mean and overdispersion', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (mean, k) => {
          const b = band(mean, k);
          expect(b.p10).toBeGreaterThanOrEqual(0);
          expect(b.p10).toBeLessThanOrEqual(mean);
          expect(b.p90).toBeGreaterThanOrEqual(mean);
        },
      ),
    );
  });
});

describe('band quantiles (known values)', () => {
  it('matches the Poisson quantiles for k = 0', () => {
    // Poisson(4): P(X <= 1) = 0.0916, P(X <= 2) = 0.2381 -> q0.1 = 2; P(X <= 6) = 0.8893, P(X <= 7) = 0.9489 -> q0.9 = 7
    // (cumulative Poisson table, e.g. R qpois(c(0.1, 0.9), 4) = 2, 7).
    expect(nbQuantile(4, 0, 0.1)).toBe(2);
    expect(nbQuantile(4, 0, 0.9)).toBe(7);
  });

  it('matches negative-binomial quantiles for k > 0', () => {
    // mean 10, k = 0.5 -> size r = 2, p = r / (r + mean) = 1/6. Computed by hand (pmf(0) = p^2,
    // pmf(x+1) = pmf(x) (x + r)/(x + 1)(1 - p)): CDF(1) = 0.0741, CDF(2) = 0.1319 -> q0.1 = 2;
    // CDF(19) < 0.9 <= CDF(20) = 0.9022 -> q0.9 = 20.
    expect(nbQuantile(10, 0.5, 0.1)).toBe(2);
    expect(nbQuantile(10, 0.5, 0.9)).toBe(20);
  });

  it('closed stays closed: a zero mean has a zero band', () => {
    expect(band(0, 0.3)).toEqual({ p10: 0, p90: 0 });
  });
});
