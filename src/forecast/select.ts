import type { ForecastMethod } from './types.js';

/** The plain averages `auto` falls back on unless another method beats them consistently. */
export const BASELINES: readonly ForecastMethod[] = ['avg4', 'avg8'];

/**
 * How `auto` decides. With `pool` set: the mean of the `pool.size` methods with the lowest mean
 * backtest WAPE among the candidates, each within `pool.maxRatio` of the best one's (`PoolRule`).
 * Without it, a paired test: a challenger replaces the baseline (the better of avg4 and avg8 on
 * the backtests) only when its per-origin WAPE is lower at `minWinShare` of the origins or more
 * AND the paired t statistic of the per-origin WAPE differences (baseline - challenger) reaches
 * `minT`; among those that pass, the one with the largest mean gain wins. With `blend` > 0 the
 * forecast is `(1 - blend) x challenger + blend x baseline` (shrinkage toward the plain average).
 */
export interface SelectionRule {
  minT: number;
  minWinShare: number;
  blend: number;
  /** The methods considered (default: every method scored). */
  candidates?: readonly ForecastMethod[] | undefined;
  /** Pool the best methods instead of the paired test against the plain averages. */
  pool?: PoolRule | undefined;
}

/**
 * The pool of the best methods: the `size` lowest mean backtest WAPEs among the candidates, each
 * within `maxRatio` of the best, weighted equally (`power` 0) or by mean WAPE^-power, then
 * shrunk toward the better of avg4 and avg8: that average gets weight `shrink` on top.
 */
export interface PoolRule {
  size: number;
  maxRatio: number;
  /** Weights proportional to mean backtest WAPE^-power (0 = equal weights). Default 0. */
  power?: number | undefined;
  /** Weight moved to the better of avg4 and avg8 (0..1). Default 0. */
  shrink?: number | undefined;
}

/**
 * The paired-test rule: avg4/avg8 unless `daylevel` has the lower mean backtest WAPE and is lower
 * at half the origins or more. Chosen among paired-test rules on the design set (40 synthetic
 * centres, seeds 1-40, and the Israel-bank design weeks; benchmarks/forecast-design-search.ts):
 * with every method as a challenger, or six of them, selection noise cost 0.01-0.2 points;
 * demanding a paired t of 1 or 2 kept the averages where the model was better (18.32, 18.52 mean
 * WAPE one week ahead against 18.12 at t >= 0); blending 25 % of the average back in cost 0.1.
 * With the final day-level model it scores 18.03 there; kept for comparison (docs/forecast.md).
 */
export const PAIRED_DAYLEVEL_RULE: SelectionRule = {
  minT: 0,
  minWinShare: 0.5,
  blend: 0,
  candidates: ['daylevel'],
};

/**
 * The rule of the branch before the weighted pool: the equal-weight pool of the two methods with
 * the lowest mean backtest WAPE, the second within 15 % of the best. Kept for comparison
 * (forecast-generalise reports it): 18.08 mean WAPE one week ahead on the design set, with one of
 * the 41 design series (centre-04) 0.25 points over min(avg4, avg8).
 */
export const EQUAL_POOL2_RULE: SelectionRule = {
  minT: 0,
  minWinShare: 0.5,
  blend: 0,
  pool: { size: 2, maxRatio: 1.15 },
};

/**
 * `auto`'s rule: the pool of the three methods with the lowest mean backtest WAPE at that week
 * ahead (every method a candidate, each within 15 % of the best), weighted by mean WAPE^-8.
 * Chosen on the design set (40 synthetic centres, seeds 1-40, and the Israel-bank design weeks;
 * benchmarks/forecast-design-search.ts, docs/forecast.md) among pools of 2, 3, 4 or all methods,
 * weights WAPE^0 / ^-2 / ^-8 and 0-30 % shrinkage toward the better of avg4 and avg8, as the
 * lowest mean WAPE one week ahead (18.11) with no design series over min(avg4, avg8) + 0.2 at
 * one to three weeks ahead (worst 0.19 / 0.11 / 0.12 points). The equal pool of two scored 18.08
 * with one series 0.25 over; every shrinkage toward the averages cost more than it saved.
 */
export const DEFAULT_SELECTION: SelectionRule = {
  minT: 0,
  minWinShare: 0.5,
  blend: 0,
  pool: { size: 3, maxRatio: 1.15, power: 8 },
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
  if (rule.pool) return bestPool(byMean, rule.pool, rule.candidates);
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

/** The pool of the `size` lowest mean WAPEs among the candidates (`PoolRule`), weighted and shrunk. */
function bestPool(
  byMean: readonly { m: ForecastMethod; mean: number }[],
  pool: PoolRule,
  candidates: readonly ForecastMethod[] | undefined,
): Selection | null {
  const eligible = byMean.filter((x) => !candidates || candidates.includes(x.m));
  const best = eligible[0];
  if (!best) return null;
  const chosen = eligible.filter((x) => x.mean <= best.mean * pool.maxRatio).slice(0, pool.size);
  const power = pool.power ?? 0;
  const raw = chosen.map((x) => (power > 0 && x.mean > 0 ? x.mean ** -power : 1));
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = new Map<ForecastMethod, number>(chosen.map((x, i) => [x.m, (raw[i] as number) / total]));
  const base = byMean.find((x) => BASELINES.includes(x.m));
  const shrink = base ? (pool.shrink ?? 0) : 0;
  if (shrink > 0 && base) {
    for (const [m, w] of weights) weights.set(m, w * (1 - shrink));
    weights.set(base.m, (weights.get(base.m) ?? 0) + shrink);
  }
  const ranked = [...weights.entries()].sort((a, b) => b[1] - a[1]);
  const members = ranked.map(([m]) => m);
  const means = chosen.map((x) => `${x.m} ${x.mean.toFixed(2)}`).join(', ');
  const how = power > 0 || shrink > 0 ? `weights ${ranked.map(([m, w]) => `${m} ${w.toFixed(2)}`).join(', ')}` : '';
  const reason =
    members.length > 1
      ? `the ${how ? 'weighted ' : ''}mean of ${members.join(' and ')}, the best on the backtests (mean WAPE ${means}${how ? `; ${how}` : ''})`
      : `${best.m}: the best on the backtests (mean WAPE ${means})`;
  return { members, weights: ranked.map(([, w]) => w), reason };
}
