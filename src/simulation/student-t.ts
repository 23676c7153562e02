/** t_{0.975, df} for df = 1 .. 30 (Abramowitz & Stegun 1964, Table 26.10; NIST/SEMATECH e-Handbook 1.3.6.7.2). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** z_{0.975} of the standard normal. */
const Z975 = 1.959963984540054;

/**
 * The two-sided 95 % quantile of Student's t with `df` degrees of freedom (t such that
 * P(|T| <= t) = 0.95): the table for df <= 30, beyond it the Cornish-Fisher expansion in 1 / df
 * (Abramowitz & Stegun 26.7.5, error < 1e-4 for df > 30). NaN for df < 1. O(1).
 * Example: `studentT975(9)` is 2.262; `studentT975(1e9)` is 1.95996.
 */
export function studentT975(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30) return T975[Math.floor(df) - 1] as number;
  const z = Z975;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df);
}
