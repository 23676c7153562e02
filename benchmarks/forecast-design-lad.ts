/**
 * Design experiment for `auto` (issue 18), run by hand: `npx tsx benchmarks/forecast-design-lad.ts`.
 * Combination weights fitted jointly on the backtest origins: at each evaluation origin and week
 * ahead, the weights (on the simplex, grid step 0.1) over the `size` methods with the lowest mean
 * backtest WAPE that minimise the mean backtest WAPE of the weighted forecast (a least-absolute-
 * deviation fit across all origins at once), against the ranked pool of `auto` (best three,
 * WAPE^-8) and main's rule before issue 18 (the equal pool of the best two, no `daylevel`).
 * Prints the design-set means per week ahead and the Israel-bank design weeks one by one
 * (`DESIGN_CENTRES=0 ISRAEL_WEEKS=holiday DESIGN_WEEKS=1`: its holiday weeks alone, in seconds).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { scoreWindow } from '../src/forecast/metrics.js';
import { DEFAULT_SELECTION, EQUAL_POOL2_RULE, selectMethods, type SelectionRule } from '../src/forecast/select.js';
import { designCentres } from '../src/forecast/testing/centres.js';
import { FORECAST_METHODS, type ForecastMethod } from '../src/forecast/types.js';
import {
  BACKTEST_ORIGINS,
  israelDesignCentre,
  MAX_WEEKS,
  OriginForecasts,
  syntheticCentre,
  type DesignCentre,
} from './lib/forecast-design.js';
import { israelDesignTargets, israelHolidayWeeks } from './lib/israel-design-weeks.js';
import { SHARED_DIR } from './lib/report.js';

const count = Number(process.env.DESIGN_CENTRES ?? 40);
const firstSeed = Number(process.env.DESIGN_FIRST_SEED ?? 1);
const MAIN_RULE: SelectionRule = { ...EQUAL_POOL2_RULE, candidates: FORECAST_METHODS.filter((m) => m !== 'daylevel') };
const STEP = 10;

/** Every weight vector of `m` parts on the simplex with steps of 1/STEP. */
function simplex(m: number): number[][] {
  if (m === 1) return [[1]];
  const out: number[][] = [];
  const rec = (left: number, prefix: number[]): void => {
    if (prefix.length === m - 1)
      return void out.push([...prefix, left / STEP].map((x, i) => (i < m - 1 ? x / STEP : x)));
    for (let k = 0; k <= left; k++) rec(left - k, [...prefix, k]);
  };
  rec(STEP, []);
  return out;
}
const GRIDS = new Map<number, number[][]>();
const grid = (m: number): number[][] => GRIDS.get(m) ?? (GRIDS.set(m, simplex(m)), GRIDS.get(m) as number[][]);

function combine(of: OriginForecasts, o: number, k: number, members: ForecastMethod[], w: number[]): Float64Array {
  const first = of.slice(o, members[0] as ForecastMethod, k) as Float64Array;
  const f = new Float64Array(first.length);
  members.forEach((m, j) => {
    const s = of.slice(o, m, k) as Float64Array;
    for (let x = 0; x < f.length; x++) f[x] = (f[x] as number) + (w[j] as number) * (s[x] as number);
  });
  return f;
}

/** LAD weights over the `size` best methods at evaluation origin e, week k; `mix` of them blended with auto's weights. */
function ladWape(of: OriginForecasts, T: number, k: number, size: number, mix: number): number {
  const e = T - 7 * (k - 1);
  const table = of.backtestTable(e, k);
  const ranked = [...table.entries()]
    .map(([m, w]) => ({ m, mean: w.reduce((a, b) => a + b, 0) / w.length }))
    .sort((a, b) => a.mean - b.mean)
    .slice(0, size);
  const members = ranked.map((r) => r.m);
  const origins: number[] = [];
  for (let j = BACKTEST_ORIGINS - 1; j >= 0; j--)
    if (of.forecasts.has(e - 7 * k - 7 * j)) origins.push(e - 7 * k - 7 * j);
  const packs = origins.map((o) => {
    const a = of.actual(o, k) as Float64Array;
    const idx: number[] = [];
    let sum = 0;
    for (let x = 0; x < a.length; x++)
      if (!Number.isNaN(a[x] as number)) {
        idx.push(x);
        sum += a[x] as number;
      }
    const fs = members.map((m) => {
      const s = of.slice(o, m, k) as Float64Array;
      return Float64Array.from(idx, (x) => s[x] as number);
    });
    return { a: Float64Array.from(idx, (x) => a[x] as number), fs, inv: sum > 0 ? 1 / sum : 0 };
  });
  let best: number[] = [1];
  let bestErr = Infinity;
  for (const w of grid(members.length)) {
    let err = 0;
    for (const p of packs) {
      let e1 = 0;
      for (let x = 0; x < p.a.length; x++) {
        let f = 0;
        for (let j = 0; j < w.length; j++) f += (w[j] as number) * ((p.fs[j] as Float64Array)[x] as number);
        e1 += Math.abs(f - (p.a[x] as number));
      }
      err += e1 * p.inv;
      if (err >= bestErr) break;
    }
    if (err < bestErr) {
      bestErr = err;
      best = w;
    }
  }
  const sel = selectMethods(table, DEFAULT_SELECTION);
  const weights = members.map((m, j) => {
    const i = sel ? sel.members.indexOf(m) : -1;
    return (1 - mix) * (best[j] as number) + mix * (i >= 0 ? (sel?.weights[i] as number) : 0);
  });
  const a = of.actual(e, k) as Float64Array;
  return scoreWindow(combine(of, e, k, members, weights), a, 1).wape;
}

const centres: (() => DesignCentre)[] = designCentres(count, firstSeed).map((s) => () => syntheticCentre(s));
const israel = join(SHARED_DIR, 'forecast-data', 'israel-bank-1999', 'israel_bank_30min.csv');
// `ISRAEL_WEEKS=holiday`: the Israel-bank weeks that hold a Jewish holiday (1999-03-27 .. 10-02) instead of the design weeks.
const israelWeeks = process.env.ISRAEL_WEEKS === 'holiday' ? israelHolidayWeeks() : israelDesignTargets();
if (existsSync(israel) && firstSeed === 1) centres.push(() => israelDesignCentre(israel, israelWeeks));
const ks = (process.env.DESIGN_WEEKS ?? '1,2,3,4,5,6')
  .split(',')
  .map(Number)
  .filter((k) => k <= MAX_WEEKS);
const VARIANTS: Record<string, (of: OriginForecasts, T: number, k: number) => number> = {
  auto: (of, T, k) => of.ruleWape(T, k, DEFAULT_SELECTION).wape,
  main: (of, T, k) => of.ruleWape(T, k, MAIN_RULE).wape,
  daylevel: (of, T, k) => of.wape(T - 7 * (k - 1), 'daylevel', k),
  minAvg: () => Number.NaN,
  lad3: (of, T, k) => ladWape(of, T, k, 3, 0),
  lad4: (of, T, k) => ladWape(of, T, k, 4, 0),
  lad5: (of, T, k) => ladWape(of, T, k, 5, 0),
  lad4half: (of, T, k) => ladWape(of, T, k, 4, 0.5),
};
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sums: Record<string, Record<number, number[]>> = {};
const over: Record<string, Record<number, number>> = {};
for (const make of centres) {
  const c = make();
  const of = new OriginForecasts(c);
  const line: string[] = [];
  for (const k of ks) {
    const avg = (m: ForecastMethod): number => mean(c.targets.map((T) => of.wape(T - 7 * (k - 1), m, k)));
    const base = Math.min(avg('avg4'), avg('avg8'));
    for (const [name, fn] of Object.entries(VARIANTS)) {
      const perWeek = c.targets.map((T) => fn(of, T, k));
      const v = name === 'minAvg' ? base : mean(perWeek);
      ((sums[name] ??= {})[k] ??= []).push(v);
      (over[name] ??= {})[k] = ((over[name] as Record<number, number>)[k] ?? 0) + (v > base + 0.2 ? 1 : 0);
      if (k === 1) line.push(`${name} ${v.toFixed(2)}`);
      if (c.name === 'israel-bank' && name !== 'minAvg')
        console.log(`israel k${k} ${name.padEnd(9)} ${perWeek.map((x) => x.toFixed(2)).join(' ')}`);
    }
    if (c.name === 'israel-bank')
      for (const m of ['avg4', 'avg8', 'shape', 'calendar', 'combo', 'dshw', 'wavg8'] as ForecastMethod[])
        console.log(
          `israel k${k} ${m.padEnd(9)} ${c.targets.map((T) => of.wape(T - 7 * (k - 1), m, k).toFixed(2)).join(' ')}`,
        );
  }
  console.log(`${c.name} ${line.join(' ')}`);
}
for (const k of ks)
  console.log(
    `week ${k}: ${Object.keys(VARIANTS)
      .map((n) => `${n} ${mean(sums[n]?.[k] ?? []).toFixed(3)} (${over[n]?.[k] ?? 0} over)`)
      .join(' | ')}`,
  );
