import type { MethodFn, MethodInput } from './method.js';

/** Smoothing parameters of the additive double-seasonal model. */
export interface DshwParams {
  /** Level. */
  alpha: number;
  /** Intraday (daily) seasonal. */
  delta: number;
  /** Intraweek (weekly) seasonal. */
  omega: number;
}

const ALPHAS = [0, 0.01, 0.03, 0.1];
const DELTAS = [0, 0.02, 0.08];
const OMEGAS = [0.03, 0.08, 0.15, 0.25, 0.4];

/**
 * Runs the additive double-seasonal exponential smoothing filter (Taylor 2003, "Short-term
 * electricity demand forecasting using double seasonal exponential smoothing", JORS 54:799-805,
 * in error-correction form without trend) over `train`. Missing values leave the state as it
 * is. At each day in `origins` it forecasts the next `horizonDays` days from the state of that
 * moment and adds |error| against the training values to the returned sum.
 * When `out` is given, it receives the forecast from the end of training.
 */
function runFilter(input: MethodInput, p: DshwParams, origins: readonly number[], out?: Float64Array): number {
  const { train, days, slotsPerDay: S } = input;
  const week = 7 * S;
  let level = 0;
  let count = 0;
  for (let i = 0; i < week; i++) {
    const v = train[i] as number;
    if (!Number.isNaN(v)) {
      level += v;
      count++;
    }
  }
  level = count > 0 ? level / count : 0;
  const daily = new Float64Array(S);
  const weekly = new Float64Array(week);
  for (let i = 0; i < week; i++) {
    const v = train[i] as number;
    weekly[i] = Number.isNaN(v) ? 0 : v - level;
  }
  let error = 0;
  let nextOrigin = 0;
  const n = days * S;
  for (let t = week; t <= n; t++) {
    while (nextOrigin < origins.length && (origins[nextOrigin] as number) * S === t) {
      const end = Math.min(n, t + input.horizonDays * S);
      for (let u = t; u < end; u++) {
        const a = train[u] as number;
        if (Number.isNaN(a)) continue;
        const f = Math.max(0, level + (daily[u % S] as number) + (weekly[u % week] as number));
        error += Math.abs(f - a);
      }
      nextOrigin++;
    }
    if (t === n) break;
    const y = train[t] as number;
    if (Number.isNaN(y)) continue;
    const i = t % S;
    const j = t % week;
    const e = y - (level + (daily[i] as number) + (weekly[j] as number));
    level += p.alpha * e;
    daily[i] = (daily[i] as number) + p.delta * e;
    weekly[j] = (weekly[j] as number) + p.omega * e;
  }
  if (out) {
    for (let h = 0; h < out.length; h++) {
      const u = n + h;
      out[h] = Math.max(0, level + (daily[u % S] as number) + (weekly[u % week] as number));
    }
  }
  return error;
}

/**
 * Chooses (alpha, delta, omega) on a grid by the sum of absolute week-ahead errors at the last
 * three weekly origins inside the training data (not one-step errors, which make the level chase
 * the last day). Complexity O(grid x training); the grid has 60 points.
 */
export function chooseDshwParams(input: MethodInput): DshwParams {
  const origins: number[] = [];
  for (let k = 3; k >= 1; k--) {
    const o = input.days - 7 * k;
    if (o >= 14) origins.push(o);
  }
  let best: DshwParams = { alpha: 0.01, delta: 0, omega: 0.15 };
  if (origins.length === 0) return best;
  let bestError = Infinity;
  const probe = { ...input, horizonDays: 7 };
  for (const alpha of ALPHAS) {
    for (const delta of DELTAS) {
      for (const omega of OMEGAS) {
        const p = { alpha, delta, omega };
        const e = runFilter(probe, p, origins);
        if (e < bestError - 1e-9) [best, bestError] = [p, e];
      }
    }
  }
  return best;
}

/** Double-seasonal Holt-Winters with parameters chosen on week-ahead errors. */
export const dshwMethod: MethodFn = (input: MethodInput) => {
  const out = new Float64Array(input.horizonDays * input.slotsPerDay);
  runFilter(input, chooseDshwParams(input), [], out);
  return out;
};
