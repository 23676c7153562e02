import { describe, expect, it } from 'vitest';
import { erlangB, erlangBInverse, erlangC } from '../../src/erlang/index.js';

/** Relative closeness to the digits printed in the source. */
function expectDigits(actual: number, printed: number, relative: number): void {
  expect(Math.abs(actual - printed), `${actual} vs ${printed}`).toBeLessThanOrEqual(relative * Math.abs(printed));
}

describe('erlangB (forward recursion)', () => {
  // ../shared/reference/README.md, "Erlang B checks" (printed to 6 significant digits).
  const checks: [number, number, number][] = [
    [1, 5, 0.833333],
    [10, 20, 0.537963],
    [190, 200, 0.0886968],
    [200, 5, 5.31667e-238],
    [1000, 500, 1.65242e-86],
    [5000, 10000, 0.5001],
  ];
  for (const [n, a, b] of checks) {
    it(`B(${n}, ${a}) = ${b} (../shared/reference/README.md)`, () => {
      expectDigits(erlangB(n, a), b, 1e-5);
    });
  }

  it('B(0, A) = 1 and B(N, 0) = 0 (computed by hand: the recursion starts at B(0) = 1; no traffic, no loss)', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(5, 0)).toBe(0);
  });

  it('B(2, 1) = 0.2 (computed by hand: (A^2/2) / (1 + A + A^2/2) = 0.5 / 2.5)', () => {
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
  });

  it('the reciprocal recursion (unrolled) agrees with B to 1e-13 relative', () => {
    for (const [n, a] of [
      [1, 5],
      [7, 3],
      [13, 10],
      [200, 5],
      [1000, 500],
      [5000, 10000],
      [4, 0.01],
      [150, 149.5],
    ] as const) {
      const b = erlangB(n, a);
      expect(Math.abs(1 / erlangBInverse(n, a) - b)).toBeLessThanOrEqual(1e-13 * b);
    }
  });
});

describe('erlangC', () => {
  it('C(14, 10) = 0.174131933595 (../shared/reference/erlang-cases.json C01)', () => {
    expect(erlangC(14, 10)).toBeCloseTo(0.174131933595, 11);
  });
  it('M/M/1: C(1, rho) = rho (closed form)', () => {
    expect(erlangC(1, 0.3)).toBeCloseTo(0.3, 15);
  });
  it('N <= A is 1 (unstable) and A = 0 is 0', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(3, 0)).toBe(0);
  });
});
