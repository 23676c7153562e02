/**
 * The waiting-time distribution of Erlang A / chat: `absorbedWithin` (negative-binomial closed
 * form, used by the chain) against `absorbedWithinUniformized` (uniformization of the queue-ahead
 * death process, a different route) and against the Beta series below, summed term by term.
 *
 * Closed form: stages with rates theta (a), theta (a + 1), ..., theta (a + r - 1) sum to
 * -ln(U) / theta with U ~ Beta(a, r) (the classical representation of -ln of a Beta variable with an
 * integer second parameter as a sum of exponentials). Hence, with x = e^{-theta t},
 * P(T <= t) = P(U >= x) = 1 - I_x(a, r) and, r being an integer,
 * I_x(a, r) = x^a sum_{j<r} (a)_j / j! (1 - x)^j (all terms positive).
 * Stages c + theta, ..., c + r theta are a = c / theta + 1; stages c, c + theta, ... are a = c / theta.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { absorbedWithin, absorbedWithinUniformized } from '../../src/erlang/death-process.js';

/** P(sum_{i=0}^{r-1} Exp(theta (a + i)) <= t) = 1 - I_x(a, r), x = e^{-theta t}. */
function closedForm(r: number, a: number, theta: number, t: number): number {
  const x = Math.exp(-theta * t);
  let term = 1;
  let sum = 1;
  for (let j = 1; j < r; j++) {
    term *= ((a + j - 1) / j) * (1 - x);
    sum += term;
  }
  return 1 - Math.exp(-a * theta * t + Math.log(sum));
}

const methods = { closedForm: absorbedWithin, uniformized: absorbedWithinUniformized };

for (const [name, absorbed] of Object.entries(methods)) {
  const single = (r: number, base: number, theta: number, shift: number, t: number): number => {
    const mass = new Float64Array(r);
    mass[r - 1] = 1;
    return absorbed(mass, r, base, theta, shift, t);
  };

  describe(`${name}: against the Beta series`, () => {
    it('one position, no abandonment: Exp(c) (computed by hand: 1 - e^{-0.05 x 20} = 0.632121)', () => {
      expect(single(1, 0.05, 0, 0, 20)).toBeCloseTo(1 - Math.exp(-1), 12);
    });

    it("virtual wait V (stages c + (i - 1) theta) and answered wait V' (stages c + i theta) match to 1e-10", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 40 }),
          fc.double({ min: 0.01, max: 2, noNaN: true }),
          fc.double({ min: 0.001, max: 0.1, noNaN: true }),
          fc.integer({ min: 1, max: 120 }),
          (r, base, theta, t) => {
            // V': stages base + i theta, i = 1..r -> a = base / theta + 1.
            expect(Math.abs(single(r, base, theta, 1, t) - closedForm(r, base / theta + 1, theta, t))).toBeLessThan(
              1e-10,
            );
            // V: stages base + (i - 1) theta, i = 1..r -> a = base / theta.
            expect(Math.abs(single(r, base, theta, 0, t) - closedForm(r, base / theta, theta, t))).toBeLessThan(1e-10);
          },
        ),
        { numRuns: 200 },
      );
    });

    it('mixes positions linearly and handles a Poisson mean past the e^{-745} underflow (Lambda t = 2,060)', () => {
      const mass = new Float64Array([0.2, 0.3, 0.5]);
      const got = absorbed(mass, 3, 50, 0.5, 1, 40);
      const a = 50 / 0.5 + 1;
      const want = 0.2 * closedForm(1, a, 0.5, 40) + 0.3 * closedForm(2, a, 0.5, 40) + 0.5 * closedForm(3, a, 0.5, 40);
      expect(Math.abs(got - want)).toBeLessThan(1e-10);
      expect(got).toBeGreaterThan(0.99);
      // Small probabilities keep their digits too: three stages at c = 1 / 1000 within 1 s.
      const small = new Float64Array([0, 0, 1]);
      expect(absorbed(small, 3, 0.001, 0.0001, 1, 1)).toBeGreaterThan(0);
    });
  });
}

describe('closed form and uniformization agree on random queues', () => {
  it('random position masses, with and without abandonment, and with no agents (base 0)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 3, noNaN: true })),
        fc.oneof(fc.constant(0), fc.double({ min: 0.0005, max: 0.2, noNaN: true })),
        fc.constantFrom(0, 1),
        fc.integer({ min: 0, max: 300 }),
        (masses, base, theta, shift, t) => {
          const mass = Float64Array.from(masses);
          const a = absorbedWithin(mass, mass.length, base, theta, shift, t);
          const b = absorbedWithinUniformized(mass, mass.length, base, theta, shift, t);
          expect(Math.abs(a - b)).toBeLessThan(1e-10 * (1 + mass.length));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a 5,000-agent queue (x^a far below float64 range) stays exact', () => {
    // base = 5000 / 180 per second, theta = 1 / 120, t = 60 s: a theta t = 1667, e^{-1667} = 0 in float64.
    const mass = Float64Array.from({ length: 200 }, (_, i) => Math.exp(-i / 20));
    const a = absorbedWithin(mass, 200, 5000 / 180, 1 / 120, 1, 60);
    const b = absorbedWithinUniformized(mass, 200, 5000 / 180, 1 / 120, 1, 60);
    expect(Math.abs(a - b)).toBeLessThan(1e-9);
    expect(a).toBeGreaterThan(0);
  });
});
