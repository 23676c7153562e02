/**
 * Design experiment (issue 18), run by hand: `npx tsx benchmarks/forecast-design-shapes.ts`
 * (about 3 minutes; `DESIGN_CENTRES=12` synthetic centres by default). Measured, not kept.
 *
 * The intraday profile as a factor model after Shen & Huang (2008, MSOM 10:391): the last `days`
 * complete days' proportions (each slot's share of its day) minus their mean, their first `factors`
 * principal directions (power iteration on X'X), and each horizon weekday's factor scores forecast
 * by exponential smoothing (weight `lambda`^j on its j-th last same-weekday day); profile = mean +
 * scores x factors, clipped at 0, optionally smoothed [0.15, 1, 0.15] as `shape` does. Scored on
 * the shape alone: the actual day totals times the profile, one week ahead, against the profile of
 * `intradayShapes` (the one `shape`, `calendar` and `daylevel` use) on the synthetic centres and on
 * the Israel-bank design weeks.
 */
import { join } from 'node:path';
import { trainingDayTotals } from '../src/forecast/methods/day-totals.js';
import { intradayShapes } from '../src/forecast/methods/shape.js';
import { scoreWindow } from '../src/forecast/metrics.js';
import { designCentres } from '../src/forecast/testing/centres.js';
import { israelDesignCentre, syntheticCentre, type DesignCentre } from './lib/forecast-design.js';
import { israelDesignTargets } from './lib/israel-design-weeks.js';
import { SHARED_DIR } from './lib/report.js';

interface FactorProfile {
  days: number;
  factors: number;
  lambda: number;
  smooth: boolean;
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

/** Complete, open training days (newest first) as proportions of their usable total. */
function recentProportions(train: Float64Array, days: number, S: number, usable: Float64Array, count: number) {
  const rows: { d: number; p: Float64Array }[] = [];
  for (let d = days - 1; d >= 0 && rows.length < count; d--) {
    const t = usable[d] as number;
    const day = train.subarray(d * S, (d + 1) * S);
    if (t > 0 && !day.some(Number.isNaN)) rows.push({ d, p: day.map((v) => v / t) });
  }
  return rows;
}

/** The first `k` principal directions of the rows of X (power iteration with deflation). */
function principalDirections(X: readonly Float64Array[], S: number, k: number): Float64Array[] {
  const C = new Float64Array(S * S);
  for (const x of X)
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) C[i * S + j] = (C[i * S + j] as number) + (x[i] as number) * (x[j] as number);
  const V: Float64Array[] = [];
  for (let f = 0; f < k; f++) {
    let v = new Float64Array(S).map((_, i) => Math.sin(i + 1 + f));
    for (let it = 0; it < 100; it++) {
      const w = new Float64Array(S).map((_, i) => dot(C.subarray(i * S, (i + 1) * S), v));
      for (const u of V) {
        const p = dot(w, u);
        for (let i = 0; i < S; i++) w[i] = (w[i] as number) - p * (u[i] as number);
      }
      const n = Math.hypot(...w);
      if (n < 1e-15) break;
      v = w.map((x) => x / n);
    }
    V.push(v);
  }
  return V;
}

function factorShapes(train: Float64Array, days: number, S: number, usable: Float64Array, cfg: FactorProfile) {
  const rows = recentProportions(train, days, S, usable, cfg.days);
  if (rows.length < 7) return Array<Float64Array | undefined>(7).fill(undefined);
  const m = new Float64Array(S);
  for (const r of rows) for (let s = 0; s < S; s++) m[s] = (m[s] as number) + (r.p[s] as number) / rows.length;
  const X = rows.map((r) => r.p.map((v, s) => v - (m[s] as number)));
  const V = principalDirections(X, S, cfg.factors);
  return Array.from({ length: 7 }, (_, h) => {
    const score = new Float64Array(cfg.factors);
    let wsum = 0;
    let wt = 1;
    rows.forEach((r, i) => {
      if ((((r.d - days - h) % 7) + 7) % 7 !== 0) return;
      V.forEach((v, f) => (score[f] = (score[f] as number) + wt * dot(X[i] as Float64Array, v)));
      wsum += wt;
      wt *= cfg.lambda;
    });
    if (wsum === 0) return undefined;
    const p = m.map((x, s) =>
      Math.max(0, x + V.reduce((a, v, f) => a + ((score[f] as number) / wsum) * (v[s] as number), 0)),
    );
    const q = cfg.smooth ? p.map((v, s) => (v > 0 ? smoothed(p, s) : 0)) : p;
    const z = q.reduce((a, b) => a + b, 0);
    return q.map((x) => x / z);
  });
}

function smoothed(p: Float64Array, s: number): number {
  const l = p[s - 1] ?? 0;
  const r = p[s + 1] ?? 0;
  return ((p[s] as number) + 0.15 * (l + r)) / (1 + (l > 0 ? 0.15 : 0) + (r > 0 ? 0.15 : 0));
}

/** WAPE of the actual day totals times the profile over the week from grid day T. */
function shapeWape(c: DesignCentre, T: number, shapes: (Float64Array | undefined)[]): number {
  const S = c.full.slotsPerDay;
  const a = c.full.train.subarray(T * S, (T + 7) * S);
  const f = new Float64Array(7 * S);
  for (let h = 0; h < 7; h++) {
    const total = a.subarray(h * S, (h + 1) * S).reduce((x, v) => x + (Number.isNaN(v) ? 0 : v), 0);
    for (let s = 0; s < S; s++) f[h * S + s] = total * ((shapes[h]?.[s] as number | undefined) ?? 0);
  }
  return scoreWindow(f, a, 1).wape;
}

const configs: FactorProfile[] = [];
for (const days of [56, 112])
  for (const factors of [1, 2, 3, 5])
    for (const lambda of [0.6, 0.85]) configs.push({ days, factors, lambda, smooth: false });
for (const days of [112, 168])
  for (const factors of [3, 5, 8])
    for (const lambda of [0.9, 0.95]) configs.push({ days, factors, lambda, smooth: true });
const centres: (() => DesignCentre)[] = designCentres(Number(process.env.DESIGN_CENTRES ?? 12)).map(
  (s) => () => syntheticCentre(s),
);
const israel = join(SHARED_DIR, 'forecast-data', 'israel-bank-1999', 'israel_bank_30min.csv');
centres.push(() => israelDesignCentre(israel, israelDesignTargets()));
const results = new Map<string, { synthetic: number[]; israel: number[] }>();
const add = (key: string, isIsrael: boolean, v: number): void => {
  const e = results.get(key) ?? { synthetic: [], israel: [] };
  (isIsrael ? e.israel : e.synthetic).push(v);
  results.set(key, e);
};
for (const make of centres) {
  const c = make();
  const S = c.full.slotsPerDay;
  const isIsrael = c.name === 'israel-bank';
  for (const T of c.targets) {
    const input = {
      train: c.full.train.subarray(0, T * S),
      days: T,
      slotsPerDay: S,
      horizonDays: 7,
      firstDay: c.full.firstDay,
    };
    const { usable } = trainingDayTotals(input);
    add('intradayShapes (current)', isIsrael, shapeWape(c, T, intradayShapes(input, usable)));
    for (const cfg of configs)
      add(
        `days ${cfg.days} factors ${cfg.factors} lambda ${cfg.lambda}${cfg.smooth ? ' smoothed' : ''}`,
        isIsrael,
        shapeWape(c, T, factorShapes(input.train, T, S, usable, cfg)),
      );
  }
}
const mean = (xs: number[]): string => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3);
for (const [k, v] of results)
  console.log(`${k.padEnd(40)} synthetic ${mean(v.synthetic)}  israel-bank design weeks ${mean(v.israel)}`);
