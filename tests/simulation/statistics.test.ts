/** The small statistics under the simulation: Student t, confidence intervals, the fits. */
import { describe, expect, it } from 'vitest';
import { estimate, fitHandleTime, fitPatience, studentT975 } from '../../src/simulation/index.js';
import { mulberry32 } from '../../src/random/mulberry32.js';

describe('Student t and the 95 % interval', () => {
  it('t_{0.975} from the table: df 1 = 12.706, df 9 = 2.262, df 30 = 2.042 (NIST/SEMATECH 1.3.6.7.2)', () => {
    expect(studentT975(1)).toBe(12.706);
    expect(studentT975(9)).toBe(2.262);
    expect(studentT975(30)).toBe(2.042);
  });

  it('beyond the table, A&S 26.7.5: df 40 = 2.021, df 60 = 2.000, df 120 = 1.980 (NIST table), large df -> 1.960', () => {
    expect(studentT975(40)).toBeCloseTo(2.021, 3);
    expect(studentT975(60)).toBeCloseTo(2.0, 3);
    expect(studentT975(120)).toBeCloseTo(1.98, 3);
    expect(studentT975(1e9)).toBeCloseTo(1.959964, 6);
    expect(studentT975(0)).toBeNaN();
  });

  it('estimate([1, 2, 3]): mean 2, s = 1, half-width 4.303 / sqrt(3) = 2.48434', () => {
    const e = estimate([1, 2, 3]);
    expect(e.mean).toBe(2);
    expect(e.halfWidth).toBeCloseTo(4.303 / Math.sqrt(3), 12);
    expect(e.low).toBeCloseTo(2 - 2.48434, 5);
    expect(e.n).toBe(3);
  });

  it('NaN values (no contact offered in that replication) are left out; one value has no interval', () => {
    const e = estimate([NaN, 5, NaN]);
    expect(e).toMatchObject({ mean: 5, n: 1 });
    expect(e.halfWidth).toBeNaN();
    expect(estimate([NaN]).n).toBe(0);
  });
});

describe('fits from contact records', () => {
  const random = mulberry32(123);
  const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

  it('exponential draws (mean 200 s) choose the exponential, mean within 3 %', () => {
    const xs = draw(20_000, () => -200 * Math.log(1 - random()));
    const fit = fitHandleTime(xs);
    expect(fit.distribution.kind).toBe('exponential');
    expect(fit.distribution.meanSeconds).toBeGreaterThan(194);
    expect(fit.distribution.meanSeconds).toBeLessThan(206);
  });

  it('log-normal draws (mean 150 s, cv 1.2) choose the log-normal with mean and cv within 5 %', () => {
    const s2 = Math.log(1 + 1.2 ** 2);
    const mu = Math.log(150) - s2 / 2;
    const xs = draw(20_000, () => {
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.exp(mu + Math.sqrt(s2) * z);
    });
    const fit = fitHandleTime(xs);
    expect(fit.distribution.kind).toBe('lognormal');
    if (fit.distribution.kind !== 'lognormal') return;
    expect(Math.abs(fit.distribution.meanSeconds / 150 - 1)).toBeLessThan(0.05);
    expect(Math.abs(fit.distribution.cv / 1.2 - 1)).toBeLessThan(0.05);
  });

  it('the exponential log-likelihood at the MLE is -n ln(mean) - n: [1, 3] gives -2 ln 2 - 2', () => {
    expect(fitHandleTime([1, 3, 0, -5]).logLikelihood.exponential).toBeCloseTo(-2 * Math.log(2) - 2, 12);
    expect(fitHandleTime([1, 3]).n).toBe(2);
  });

  it('censored exponential patience: abandons after 10 and 30 s, one served after 60 s: (10 + 30 + 60) / 2 = 50 s', () => {
    expect(fitPatience([10, 30], [60])).toEqual({ patienceSeconds: 50, abandoned: 2, exposureSeconds: 100 });
    expect(fitPatience([], [60]).patienceSeconds).toBeUndefined();
  });
});
