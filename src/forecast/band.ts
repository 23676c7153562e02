const Z90 = 1.2815515655446004; // standard normal 0.9 quantile

/**
 * Overdispersion k of a Poisson-gamma (negative binomial) model, Var = mu + k mu^2, fitted by
 * moments to backtest pairs: k = max(0, sum((a - f)^2 - f) / sum(f^2)) over known actuals with f > 0.
 * The extra variance beyond Poisson is the forecast's own error. O(n).
 */
export function fitOverdispersion(pairs: readonly { forecast: Float64Array; actual: Float64Array }[]): number {
  let num = 0;
  let den = 0;
  for (const { forecast, actual } of pairs) {
    for (let i = 0; i < actual.length; i++) {
      const a = actual[i] as number;
      const f = forecast[i] as number;
      if (Number.isNaN(a) || !(f > 0)) continue;
      num += (a - f) ** 2 - f;
      den += f * f;
    }
  }
  return den > 0 ? Math.max(0, num / den) : 0;
}

/**
 * The q-quantile (0 < q < 1) of a negative binomial with mean `mean` and overdispersion `k`
 * (Poisson when k = 0): exact by pmf recursion for small means, a normal approximation from
 * mean 50 up (that branch supports q = 0.1 and 0.9 only). Returns a count in the exact branch.
 */
export function nbQuantile(mean: number, k: number, q: number): number {
  if (!(mean > 0)) return 0;
  const variance = mean + k * mean * mean;
  if (mean >= 50) {
    const z = q > 0.5 ? Z90 : -Z90;
    return Math.max(0, mean + z * Math.sqrt(variance));
  }
  let p: number;
  let next: (x: number) => number;
  if (k <= 1e-9) {
    p = Math.exp(-mean);
    next = (x) => mean / (x + 1);
  } else {
    const r = 1 / k;
    const prob = r / (r + mean);
    p = Math.exp(r * Math.log(prob));
    next = (x) => ((x + r) / (x + 1)) * (1 - prob);
  }
  let cdf = p;
  let x = 0;
  const cap = Math.ceil(mean + 40 * Math.sqrt(variance) + 50);
  while (cdf < q && x < cap) {
    p *= next(x);
    x++;
    cdf += p;
  }
  return x;
}

/**
 * p10 and p90 of an interval, widened so that p10 <= mean <= p90 always holds. The lower quantile
 * uses overdispersion `kLow`, the upper `kHigh` (default: the same k for both).
 */
export function band(mean: number, kLow: number, kHigh: number = kLow): { p10: number; p90: number } {
  if (!(mean > 0)) return { p10: 0, p90: 0 };
  return { p10: Math.min(nbQuantile(mean, kLow, 0.1), mean), p90: Math.max(nbQuantile(mean, kHigh, 0.9), mean) };
}

/**
 * Overdispersion of each tail of the band, calibrated on the backtests: the smallest k (to 1e-4,
 * by bisection up to 4x the moment fit, at least 1) whose p10 leaves at most 10 % of the backtest
 * actuals below it, and likewise for p90 above. Forecast errors are skewed (surges are larger
 * than lulls) and heavy-tailed (a few surprising days dominate a moment fit), so one k fitted by
 * moments gives a band that is too wide below and about right above; two tails fitted to the
 * share they must leave out match the p10/p90 promise on the history itself.
 * Complexity O(pairs x 30 x quantile cost).
 */
export function fitBandTails(
  pairs: readonly { forecast: Float64Array; actual: Float64Array }[],
  momentK = fitOverdispersion(pairs),
): { low: number; high: number } {
  const f: number[] = [];
  const a: number[] = [];
  for (const p of pairs) {
    for (let i = 0; i < p.actual.length; i++) {
      const x = p.actual[i] as number;
      const m = p.forecast[i] as number;
      if (Number.isNaN(x) || !(m > 0)) continue;
      f.push(m);
      a.push(x);
    }
  }
  if (f.length === 0) return { low: momentK, high: momentK };
  const share = (k: number, upper: boolean): number => {
    let out = 0;
    for (let i = 0; i < f.length; i++) {
      const mean = f[i] as number;
      const x = a[i] as number;
      if (upper ? x > Math.max(nbQuantile(mean, k, 0.9), mean) : x < Math.min(nbQuantile(mean, k, 0.1), mean)) out++;
    }
    return out / f.length;
  };
  const fit = (upper: boolean): number => {
    if (share(0, upper) <= 0.1) return 0;
    let lo = 0;
    let hi = Math.max(1, 4 * momentK);
    if (share(hi, upper) > 0.1) return hi;
    while (hi - lo > 1e-4) {
      const mid = (lo + hi) / 2;
      if (share(mid, upper) <= 0.1) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  return { low: fit(false), high: fit(true) };
}
