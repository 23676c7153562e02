import type { ForecastMethod } from './types.js';

/** The plain averages `auto` falls back on unless another method beats them consistently. */
export const BASELINES: readonly ForecastMethod[] = ['avg4', 'avg8'];

/**
 * How `auto` decides. A challenger replaces the baseline (the better of avg4 and avg8 on the
 * backtests) only when its per-origin WAPE is lower at `minWinShare` of the origins or more AND
 * the paired t statistic of the per-origin WAPE differences (baseline - challenger) reaches
 * `minT`; among those that pass, the one with the largest mean gain wins. With `blend` > 0 the
 * forecast is `(1 - blend) x challenger + blend x baseline` (shrinkage toward the plain average).
 */
export interface SelectionRule {
  minT: number;
  minWinShare: number;
  blend: number;
  /** The challengers considered (default: every method scored). */
  candidates?: readonly ForecastMethod[] | undefined;
}

/**
 * Chosen on the design set (40 synthetic centres, seeds 1-40, and the Israel-bank design weeks;
 * benchmarks/forecast-design-search.ts, docs/forecast.md): the day-level model is the only
 * challenger (with every method as a challenger, or six of them, selection noise cost 0.01-0.2
 * points), and it takes over when its mean backtest WAPE is lower and it is lower at half the
 * origins or more. Demanding a paired t of 1 or 2 kept the averages on centres where the model
 * was better: mean WAPE one week ahead 18.12 (t >= 0), 18.32 (t >= 1), 18.52 (t >= 2) against
 * 19.28 for the better of avg4/avg8; blending 25 % of the average back in cost 0.1 (18.21). With
 * the final day-level model `auto` scores 18.03 there (docs/forecast.md).
 */
export const DEFAULT_SELECTION: SelectionRule = {
  minT: 0,
  minWinShare: 0.5,
  blend: 0,
  candidates: ['daylevel'],
};

/** A weighted combination of methods; weights sum to 1, largest first. */
export interface Selection {
  members: ForecastMethod[];
  weights: number[];
  /** Why: the baseline kept, or the challenger's wins, mean gain and t. */
  reason: string;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Paired comparison of per-origin errors: mean of `a[i] - b[i]`, its t statistic (mean over its
 * standard error; +Infinity when every difference is the same positive number) and the share of
 * origins where b is lower. O(n).
 */
export function pairedGain(a: readonly number[], b: readonly number[]): { gain: number; t: number; winShare: number } {
  const d = a.map((x, i) => x - (b[i] as number));
  const n = d.length;
  const g = mean(d);
  const variance = n > 1 ? d.reduce((s, x) => s + (x - g) ** 2, 0) / (n - 1) : 0;
  const se = Math.sqrt(variance / n);
  const t = se > 1e-12 ? g / se : g > 1e-12 ? Infinity : 0;
  return { gain: g, t, winShare: d.filter((x) => x > 1e-9).length / n };
}

/**
 * `auto`'s choice from per-origin backtest WAPEs (every array over the same origins, oldest first;
 * only methods scored at every origin). Prefers the better of avg4/avg8 (by mean WAPE) unless a
 * challenger beats it consistently (`SelectionRule`). Without either average, the method with the
 * lowest mean WAPE. Returns null when nothing was scored. O(methods x origins).
 */
export function selectMethods(
  wapes: ReadonlyMap<ForecastMethod, readonly number[]>,
  rule: SelectionRule = DEFAULT_SELECTION,
): Selection | null {
  const scored = [...wapes.entries()].filter(([, w]) => w.length > 0 && w.every(Number.isFinite));
  if (scored.length === 0) return null;
  const byMean = scored.map(([m, w]) => ({ m, w, mean: mean(w) })).sort((x, y) => x.mean - y.mean);
  const baselines = byMean.filter((x) => BASELINES.includes(x.m));
  const base = baselines[0];
  if (!base) {
    const best = byMean[0] as (typeof byMean)[number];
    return { members: [best.m], weights: [1], reason: `${best.m}: lowest mean backtest WAPE (no avg4/avg8 scored)` };
  }
  let winner: { m: ForecastMethod; gain: number; t: number; winShare: number } | undefined;
  for (const c of byMean) {
    if (c.m === base.m || (rule.candidates && !rule.candidates.includes(c.m))) continue;
    const p = pairedGain(base.w, c.w);
    if (p.gain <= 0 || p.t < rule.minT || p.winShare < rule.minWinShare) continue;
    if (!winner || p.gain > winner.gain) winner = { m: c.m, ...p };
  }
  if (!winner) {
    return { members: [base.m], weights: [1], reason: `${base.m}: no method beat it consistently on the backtests` };
  }
  const why = `${winner.m} beat ${base.m} at ${Math.round(winner.winShare * base.w.length)} of ${base.w.length} origins (mean gain ${winner.gain.toFixed(2)} points, t ${Number.isFinite(winner.t) ? winner.t.toFixed(1) : 'inf'})`;
  if (rule.blend <= 0) return { members: [winner.m], weights: [1], reason: why };
  return { members: [winner.m, base.m], weights: [1 - rule.blend, rule.blend], reason: why };
}
