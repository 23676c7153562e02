/**
 * Design experiment for `daylevel` (issue 18), run by hand: `npx tsx benchmarks/forecast-design-daylevel.ts`
 * (under a minute). `daylevel` as a fixed method one week ahead on the design set (40 synthetic
 * centres, seeds 1-40, 8 target weeks each, and the Israel-bank design weeks) under tunings that
 * differ from `DEFAULT_DAY_LEVEL_TUNING` as listed: the Holt-Winters update of the weekday profile
 * (`seasonalGamma`) with the level's alpha and a damped trend.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runMethods, type Training } from '../src/forecast/engine.js';
import { scoreWindow } from '../src/forecast/metrics.js';
import { DEFAULT_DAY_LEVEL_TUNING, dayLevelMethod, type DayLevelTuning } from '../src/forecast/methods/day-level.js';
import { METHODS } from '../src/forecast/methods/index.js';
import { designCentres } from '../src/forecast/testing/centres.js';
import { israelDesignCentre, syntheticCentre, type DesignCentre } from './lib/forecast-design.js';
import { israelDesignTargets } from './lib/israel-design-weeks.js';
import { SHARED_DIR } from './lib/report.js';

const variants: Record<string, Partial<DayLevelTuning>> = { 'fixed profile (gamma 0)': { seasonalGamma: 0 } };
for (const g of [0.02, 0.03, 0.05, 0.07, 0.1, 0.2]) variants[`gamma ${g}`] = { seasonalGamma: g };
for (const g of [0.03, 0.05, 0.07])
  for (const alpha of [0.08, 0.12]) variants[`gamma ${g} alpha ${alpha}`] = { seasonalGamma: g, alpha };
variants['gamma 0.05, damped trend 0.02 / 0.98'] = { seasonalGamma: 0.05, beta: 0.02, phi: 0.98 };

const centres: (() => DesignCentre)[] = designCentres(40).map((s) => () => syntheticCentre(s));
const israel = join(SHARED_DIR, 'forecast-data', 'israel-bank-1999', 'israel_bank_30min.csv');
if (existsSync(israel)) centres.push(() => israelDesignCentre(israel, israelDesignTargets()));
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const results = new Map<string, { synthetic: number[]; israel: number[] }>();
const base = METHODS.daylevel;
for (const make of centres) {
  const c = make();
  const S = c.full.slotsPerDay;
  for (const [name, v] of Object.entries(variants)) {
    // runMethods reads the registry: the variant stands in for daylevel while it runs.
    METHODS.daylevel = { ...base, fn: dayLevelMethod({ ...DEFAULT_DAY_LEVEL_TUNING, ...v }) };
    const wapes = c.targets.map((T) => {
      const t: Training = { ...c.full, train: c.full.train.subarray(0, T * S), days: T };
      const f = runMethods(t, 7, ['daylevel']).get('daylevel') as Float64Array;
      return scoreWindow(f, c.full.train.subarray(T * S, (T + 7) * S), 1).wape;
    });
    const e = results.get(name) ?? { synthetic: [], israel: [] };
    (c.name === 'israel-bank' ? e.israel : e.synthetic).push(mean(wapes));
    results.set(name, e);
  }
}
METHODS.daylevel = base;
for (const [k, v] of results)
  console.log(
    `${k.padEnd(38)} design set ${mean([...v.synthetic, ...v.israel]).toFixed(3)}  synthetic ${mean(v.synthetic).toFixed(3)}  israel-bank design weeks ${mean(v.israel).toFixed(3)}`,
  );
