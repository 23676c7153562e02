/**
 * Design search for `auto` (issue 18), run by hand: `npx tsx benchmarks/forecast-design-search.ts`.
 * Scores every method and a grid of selection rules on the design set (40 synthetic centres and
 * the Israel-bank design origins) at horizons 1-6 weeks; prints per rule the mean WAPE, the mean
 * of min(avg4, avg8) and the centres where the rule is worse than that by more than 0.2 points.
 * `DESIGN_CENTRES=10` uses fewer centres; `DESIGN_FIRST_SEED=101` another set.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { designCentres } from '../src/forecast/testing/centres.js';
import { FORECAST_METHODS, type ForecastMethod } from '../src/forecast/types.js';
import { DEFAULT_SELECTION, EQUAL_POOL2_RULE, type SelectionRule } from '../src/forecast/select.js';
import {
  israelDesignCentre,
  MAX_WEEKS,
  OriginForecasts,
  syntheticCentre,
  type DesignCentre,
} from './lib/forecast-design.js';
import { israelDesignTargets } from './lib/israel-design-weeks.js';
import { SHARED_DIR } from './lib/report.js';

const count = Number(process.env.DESIGN_CENTRES ?? 40);
const firstSeed = Number(process.env.DESIGN_FIRST_SEED ?? 1);
const rules: Record<string, SelectionRule> = {};
const POOLS: Record<string, ForecastMethod[]> = {
  dlShape: ['daylevel', 'shape'],
  dlCal: ['daylevel', 'calendar'],
  dlCombo: ['daylevel', 'calendar', 'wavg8', 'dshw'],
  dlShapeCal: ['daylevel', 'shape', 'calendar'],
  dlAvg8: ['daylevel', 'avg8'],
};
// `DESIGN_POOLS=1` adds the fixed pools above as challengers (measured, not kept).
const usePools = process.env.DESIGN_POOLS === '1';
const CANDIDATES: Record<string, ForecastMethod[] | undefined> = {
  all: undefined,
  six: ['avg4', 'avg8', 'shape', 'calendar', 'daylevel', 'combo'],
  three: ['avg4', 'avg8', 'daylevel'],
  ...(usePools ? Object.fromEntries(Object.keys(POOLS).map((p) => [p, ['avg4', 'avg8', p as ForecastMethod]])) : {}),
};
for (const [set, candidates] of Object.entries(CANDIDATES))
  for (const minT of [0])
    for (const blend of [0]) rules[`${set}-t${minT}-b${blend}`] = { minT, minWinShare: 0.5, blend, candidates };
// auto's rule, and main's rule before issue 18 (the equal pool of the best two, without daylevel).
rules['auto'] = DEFAULT_SELECTION;
// Pools of the best `size`, weighted by mean backtest WAPE^-power and shrunk toward the better of avg4/avg8.
for (const size of [2, 3, 4, 11])
  for (const power of [0, 2, 8])
    for (const shrink of [0, 0.1, 0.2, 0.3])
      rules[`pool${size}-p${power}-s${shrink}`] = {
        ...DEFAULT_SELECTION,
        pool: { size, maxRatio: size > 4 ? 10 : 1.15, power, shrink },
      };
rules['pool2-no-daylevel'] = { ...EQUAL_POOL2_RULE, candidates: FORECAST_METHODS.filter((m) => m !== 'daylevel') };

const centres: (() => DesignCentre)[] = designCentres(count, firstSeed).map((s) => () => syntheticCentre(s));
const israel = join(SHARED_DIR, 'forecast-data', 'israel-bank-1999', 'israel_bank_30min.csv');
if (existsSync(israel) && firstSeed === 1) centres.push(() => israelDesignCentre(israel, israelDesignTargets()));

type Row = { name: string; k: number; methods: Record<string, number>; rules: Record<string, number> };
const rows: Row[] = [];
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const t0 = Date.now();
for (const make of centres) {
  const c = make();
  const of = new OriginForecasts(c, usePools ? POOLS : {});
  for (let k = 1; k <= MAX_WEEKS; k++) {
    const methods: Record<string, number> = {};
    for (const m of of.methods) {
      const w = c.targets.map((T) => of.wape(T - 7 * (k - 1), m, k)).filter(Number.isFinite);
      methods[m] = w.length === c.targets.length ? mean(w) : Number.NaN;
    }
    const r: Record<string, number> = {};
    for (const [name, rule] of Object.entries(rules))
      r[name] = mean(c.targets.map((T) => of.ruleWape(T, k, rule).wape));
    rows.push({ name: c.name, k, methods, rules: r });
  }
  const h1 = rows.find((x) => x.name === c.name && x.k === 1) as Row;
  console.log(
    `${c.name} ${((Date.now() - t0) / 1000).toFixed(0)}s avg4 ${h1.methods.avg4?.toFixed(2)} avg8 ${h1.methods.avg8?.toFixed(2)} ${FORECAST_METHODS.filter(
      (m) => m !== 'avg4' && m !== 'avg8',
    )
      .map((m) => `${m} ${h1.methods[m]?.toFixed(2)}`)
      .join(' ')} | all-t0 ${h1.rules['all-t0-b0']?.toFixed(2)}`,
  );
}
for (let k = 1; k <= MAX_WEEKS; k++) {
  const at = rows.filter((r) => r.k === k);
  const base = at.map((r) => Math.min(r.methods.avg4 as number, r.methods.avg8 as number));
  console.log(
    `\nhorizon ${k}: mean min(avg4,avg8) ${mean(base).toFixed(3)}; ${Object.keys(at[0]?.methods ?? {})
      .map((m) => `${m} ${mean(at.map((r) => r.methods[m] as number)).toFixed(2)}`)
      .join(' ')}`,
  );
  const scored = Object.keys(rules).map((name) => {
    const v = at.map((r) => r.rules[name] as number);
    const excess = v.map((x, i) => x - (base[i] as number));
    return {
      name,
      mean: mean(v),
      ratio: mean(v) / mean(base),
      worse: excess.filter((x) => x > 0.2).length,
      worst: Math.max(...excess),
    };
  });
  scored.sort((a, b) => a.mean - b.mean);
  for (const s of scored.slice(0, k === 1 ? 30 : 12))
    console.log(
      `  ${s.name.padEnd(16)} ${s.mean.toFixed(3)} ratio ${s.ratio.toFixed(4)} worse>0.2: ${s.worse} worst ${s.worst.toFixed(2)}`,
    );
}
console.log(
  JSON.stringify(
    rows
      .filter((r) => r.k === 1)
      .map((r) => ({
        n: r.name,
        ...Object.fromEntries(Object.entries(r.methods).map(([m, v]) => [m, +v.toFixed(2)])),
      })),
  ),
);
// `DESIGN_OUT=file.json` keeps every centre's figures for later reading.
if (process.env.DESIGN_OUT) writeFileSync(process.env.DESIGN_OUT, JSON.stringify(rows));
