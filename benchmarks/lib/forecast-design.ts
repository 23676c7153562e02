/**
 * The design-set protocol for `auto` (issue 18): every method forecasts six weeks ahead from a
 * lattice of weekly origins, each from the data before it only; a selection rule is then applied
 * at each evaluation origin to the per-origin WAPEs of the backtest origins that rule would have
 * seen (horizon k: origins whose week k ends by the evaluation origin), exactly as `forecast()`
 * does, and its forecast is scored on the held-out week. One pass of the methods serves every rule.
 */
import { runMethods, type Training } from '../../src/forecast/engine.js';
import { buildGrid } from '../../src/forecast/history.js';
import { epochDayOfDate } from '../../src/time/local-time.js';
import { scoreWindow } from '../../src/forecast/metrics.js';
import { minTrainDays } from '../../src/forecast/methods/index.js';
import { selectMethods, type SelectionRule } from '../../src/forecast/select.js';
import { generateCentre, type CentreSpec } from '../../src/forecast/testing/centres.js';
import { FORECAST_METHODS, type ForecastMethod } from '../../src/forecast/types.js';
import { readIsraelSeries } from './israel-design-weeks.js';

export const MAX_WEEKS = 6;
export const BACKTEST_ORIGINS = 6;

/** A centre ready for the protocol: its grid as training data and the first days of its target weeks. */
export interface DesignCentre {
  name: string;
  full: Training;
  /** Grid day index of the first day of each held-out target week. */
  targets: number[];
  info: Record<string, string | number>;
  /** A synthetic centre's expected counts on the same grid (no day-level effect): the error floor. */
  expected?: Float64Array | undefined;
  /** The same without the unlisted holidays (`CentreSeries.expectedWithoutHolidays`): the floor without their foresight. */
  expectedWithoutHolidays?: Float64Array | undefined;
  /** Grid days that are unlisted holidays or the catch-up day after one (synthetic centres). */
  holidayDays?: ReadonlySet<number> | undefined;
  /**
   * Holidays listed as special days (`syntheticCentre(spec, 8, true)`): `full.train` has them NaN (left out of
   * training and of the backtests, as `forecast()` does), `actuals` keeps them for the held-out weeks, and
   * every method's forecast of such a day is multiplied by its factor (the share of the usual volume).
   */
  actuals?: Float64Array | undefined;
  dayFactors?: ReadonlyMap<number, number> | undefined;
}

export function syntheticCentre(spec: CentreSpec, targetWeeks = 8, listHolidays = false): DesignCentre {
  const series = generateCentre(spec);
  const rows = Array.from(series.startMs, (t, i) => ({ start: t, volume: series.volume[i] as number }));
  const grid = buildGrid(rows, spec.timeZone, undefined);
  const full: Training = {
    train: grid.volume,
    days: grid.days,
    slotsPerDay: grid.slotsPerDay,
    firstDay: grid.firstDay,
  };
  const targets = Array.from({ length: targetWeeks }, (_, i) => grid.days - 7 * (targetWeeks - i));
  const onGrid = (values: Float64Array): Float64Array =>
    buildGrid(
      Array.from(series.startMs, (t, i) => ({ start: t, volume: values[i] as number })),
      spec.timeZone,
      undefined,
    ).volume;
  // Grid day 0 is the spec's first date (the generator starts at its local midnight).
  const holidayDays = new Set(spec.holidays.flatMap((h) => [h.day, h.day + 1]));
  const listed = listHolidays ? new Map(spec.holidays.map((h) => [h.day, h.share])) : undefined;
  if (listed) full.train = grid.volume.slice();
  for (const day of listed?.keys() ?? [])
    full.train.fill(Number.NaN, day * grid.slotsPerDay, (day + 1) * grid.slotsPerDay);
  return {
    name: spec.name,
    full,
    actuals: listed ? grid.volume : undefined,
    dayFactors: listed,
    targets,
    expected: onGrid(series.expected),
    expectedWithoutHolidays: onGrid(series.expectedWithoutHolidays),
    holidayDays,
    info: {
      zone: spec.timeZone,
      intervalMinutes: spec.intervalMinutes,
      daysPerWeek: spec.daysPerWeek,
      dailyVolume: spec.dailyVolume,
    },
  };
}

/** The Israel-bank 30-minute series; target weeks are the design Saturdays (none in December). */
export function israelDesignCentre(file: string, targetDates: readonly string[]): DesignCentre {
  const rows = readIsraelSeries(file);
  const grid = buildGrid(rows, 'UTC', undefined);
  const full: Training = {
    train: grid.volume,
    days: grid.days,
    slotsPerDay: grid.slotsPerDay,
    firstDay: grid.firstDay,
  };
  const targets = targetDates.map((d) => (epochDayOfDate(d) as number) - grid.firstDay);
  return { name: 'israel-bank', full, targets, info: { zone: 'Asia/Jerusalem (as UTC)', intervalMinutes: 30 } };
}

/** Per method and origin day, its forecast of `MAX_WEEKS` weeks; WAPE of any week of it. */
export class OriginForecasts {
  readonly forecasts = new Map<number, Map<ForecastMethod, Float64Array>>();

  readonly methods: ForecastMethod[];

  /**
   * `pools`: extra candidates for design experiments, each the equal-weight mean of existing
   * methods (named as if they were methods).
   */
  constructor(
    readonly centre: DesignCentre,
    pools: Record<string, readonly ForecastMethod[]> = {},
  ) {
    this.methods = [...FORECAST_METHODS, ...(Object.keys(pools) as ForecastMethod[])];
    const S = centre.full.slotsPerDay;
    const needed = new Set<number>();
    for (const T of centre.targets) {
      for (let k = 1; k <= MAX_WEEKS; k++) {
        const e = T - 7 * (k - 1);
        needed.add(e);
        for (let j = 0; j < BACKTEST_ORIGINS; j++) needed.add(e - 7 * k - 7 * j);
      }
    }
    for (const o of [...needed].sort((a, b) => a - b)) {
      if (o < 14) continue;
      const t: Training = { ...centre.full, train: centre.full.train.subarray(0, o * S), days: o };
      const eligible = FORECAST_METHODS.filter((m) => minTrainDays(m) <= o);
      const runs = runMethods(t, 7 * MAX_WEEKS, eligible);
      for (const [name, members] of Object.entries(pools)) {
        if (!members.every((m) => runs.has(m))) continue;
        const first = runs.get(members[0] as ForecastMethod) as Float64Array;
        const mean = new Float64Array(first.length);
        for (const m of members) {
          const f = runs.get(m) as Float64Array;
          for (let i = 0; i < mean.length; i++) mean[i] = (mean[i] as number) + (f[i] as number) / members.length;
        }
        runs.set(name as ForecastMethod, mean);
      }
      for (const [day, factor] of centre.dayFactors ?? [])
        if (day >= o && day < o + 7 * MAX_WEEKS)
          for (const f of new Set(runs.values()))
            f.subarray((day - o) * S, (day - o + 1) * S).forEach((x, i, a) => (a[i] = x * factor));
      this.forecasts.set(o, runs);
    }
  }

  /** The actual values of week k (1-based) after origin o, or undefined beyond the data (`heldOut`: listed holidays kept). */
  actual(o: number, k: number, heldOut = true): Float64Array | undefined {
    const S = this.centre.full.slotsPerDay;
    const from = o + 7 * (k - 1);
    if (from + 7 > this.centre.full.days) return undefined;
    const source = heldOut ? (this.centre.actuals ?? this.centre.full.train) : this.centre.full.train;
    return source.subarray(from * S, (from + 7) * S);
  }

  /** WAPE of the expected counts (synthetic centres) over week k after origin o: the floor. */
  floorWape(o: number, k: number, withoutHolidays = false): number {
    const S = this.centre.full.slotsPerDay;
    const a = this.actual(o, k);
    const from = o + 7 * (k - 1);
    const source = withoutHolidays ? this.centre.expectedWithoutHolidays : this.centre.expected;
    const e = source?.subarray(from * S, (from + 7) * S);
    return a && e ? scoreWindow(e, a, 1).wape : Number.NaN;
  }

  /** Whether week k after origin o holds an unlisted holiday or its catch-up day (synthetic centres). */
  holidayWeek(o: number, k: number): boolean {
    const from = o + 7 * (k - 1);
    for (let d = from; d < from + 7; d++) if (this.centre.holidayDays?.has(d)) return true;
    return false;
  }

  slice(o: number, m: ForecastMethod, k: number): Float64Array | undefined {
    const S = this.centre.full.slotsPerDay;
    const f = this.forecasts.get(o)?.get(m);
    return f?.subarray(7 * (k - 1) * S, 7 * k * S);
  }

  wape(o: number, m: ForecastMethod, k: number, heldOut = true): number {
    const f = this.slice(o, m, k);
    const a = this.actual(o, k, heldOut);
    if (!f || !a) return Number.NaN;
    return scoreWindow(f, a, 1).wape;
  }

  /** Per-origin WAPEs at horizon k of the methods scored at every backtest origin before e. */
  backtestTable(e: number, k: number): Map<ForecastMethod, number[]> {
    const origins: number[] = [];
    for (let j = BACKTEST_ORIGINS - 1; j >= 0; j--) {
      const o = e - 7 * k - 7 * j;
      if (this.forecasts.has(o)) origins.push(o);
    }
    const table = new Map<ForecastMethod, number[]>();
    if (origins.length === 0) return table;
    for (const m of this.methods) {
      if (!this.forecasts.get(origins[0] as number)?.has(m)) continue;
      const w = origins.map((o) => this.wape(o, m, k, false));
      if (w.every(Number.isFinite)) table.set(m, w);
    }
    return table;
  }

  /** WAPE at target T, horizon k, of the weighted combination a rule picks (NaN without data). */
  ruleWape(T: number, k: number, rule: SelectionRule): { wape: number; members: string } {
    const e = T - 7 * (k - 1);
    const sel = selectMethods(this.backtestTable(e, k), rule);
    const a = this.actual(e, k);
    if (!sel || !a) return { wape: Number.NaN, members: '' };
    const f = new Float64Array(a.length);
    sel.members.forEach((m, i) => {
      const s = this.slice(e, m, k) as Float64Array;
      const w = sel.weights[i] as number;
      for (let x = 0; x < f.length; x++) f[x] = (f[x] as number) + w * (s[x] as number);
    });
    return { wape: scoreWindow(f, a, 1).wape, members: sel.members.join('+') };
  }
}
