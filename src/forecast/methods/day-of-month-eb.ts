import { DEFAULT_CALENDAR_TUNING, dayOfMonthLogRatios, smoothedFactors } from './calendar.js';

/**
 * Day-of-month factors shrunk by empirical Bayes instead of a fixed prior: each day of the
 * month's mean log ratio r_m (n_m days) is multiplied by tau^2 / (tau^2 + sigma^2 / n_m), where
 * sigma^2 is the pooled within-day variance of the log ratios (day-to-day noise) and tau^2 the
 * variance of the true effects (the spread of the r_m beyond what the noise explains, at least 0;
 * James & Stein 1961, Efron & Morris 1975, JASA 70:311). A centre with no pay-day effect gets
 * factors near 1 however large its day-level noise; a bank with strong effects keeps them. Then
 * smoothed [w, 1, w] over neighbouring days as `dayOfMonthFactors`. O(days x neighbourWeeks).
 */
export function shrunkDayOfMonthFactors(totals: Float64Array, firstDay: number): Float64Array {
  const { sumLog, sumSq, count } = dayOfMonthLogRatios(totals, firstDay, DEFAULT_CALENDAR_TUNING.neighbourWeeks);
  let within = 0;
  let withinDf = 0;
  const means: { mean: number; n: number }[] = [];
  for (let m = 1; m <= 31; m++) {
    const n = count[m] as number;
    if (n < 1) continue;
    const mean = (sumLog[m] as number) / n;
    within += (sumSq[m] as number) - n * mean * mean;
    withinDf += n - 1;
    means.push({ mean, n });
  }
  const raw = new Float64Array(32);
  if (withinDf < 1 || means.length < 2) return smoothedFactors(raw, DEFAULT_CALENDAR_TUNING.smoothing);
  const sigma2 = within / withinDf;
  const spread = means.reduce((s, x) => s + x.mean * x.mean, 0) / means.length;
  const noise = means.reduce((s, x) => s + sigma2 / x.n, 0) / means.length;
  const tau2 = Math.max(0, spread - noise);
  for (let m = 1; m <= 31; m++) {
    const n = count[m] as number;
    if (n < 1 || tau2 === 0) continue;
    raw[m] = (((sumLog[m] as number) / n) * tau2) / (tau2 + sigma2 / n);
  }
  return smoothedFactors(raw, DEFAULT_CALENDAR_TUNING.smoothing);
}
