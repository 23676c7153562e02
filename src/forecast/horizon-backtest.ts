import { runMethods, type Training } from './engine.js';
import { scoreWindow, seasonalNaiveScale, type WindowScore } from './metrics.js';
import { minTrainDays } from './methods/index.js';
import type { ForecastMethod } from './types.js';

/** Every method's forecast from one backtest origin, over the whole horizon asked (gap + weeks). */
export interface OriginRun {
  /** Grid day index of the first forecast day. */
  originDay: number;
  forecasts: Map<ForecastMethod, Float64Array>;
  /** In-sample seasonal-naive scale (MASE denominator) of the training before the origin. */
  scale: number;
}

/** The backtest of horizon week `week`: per origin, the week's actuals and each method's forecast of it. */
export interface WeekBacktest {
  /** 1-based: week 1 is the first week after the horizon start. */
  week: number;
  /** Grid day index of each origin, oldest first. */
  originDays: number[];
  actuals: Float64Array[];
  forecasts: Map<ForecastMethod, Float64Array[]>;
  scores: Map<ForecastMethod, WindowScore[]>;
}

/**
 * Runs every method from the weekly origins `full.days - gapDays - 7m`, m = 1 .. weeks + origins - 1
 * (those that leave a week of training), each forecasting `gapDays + 7 x weeks` days from the data
 * before it only. One run serves every horizon week: week k is scored at the origins whose week k
 * ends by the end of the training (`weekBacktest`). Oldest origin first.
 * Complexity O((weeks + origins) x methods x training).
 */
export function runOrigins(
  full: Training,
  gapDays: number,
  weeks: number,
  origins: number,
  methods: readonly ForecastMethod[],
): OriginRun[] {
  const S = full.slotsPerDay;
  const runs: OriginRun[] = [];
  for (let m = weeks + origins - 1; m >= 1; m--) {
    const originDay = full.days - gapDays - 7 * m;
    if (originDay < 7) continue;
    const eligible = methods.filter((x) => minTrainDays(x) <= originDay);
    const t: Training = { ...full, train: full.train.subarray(0, originDay * S), days: originDay };
    const forecasts = runMethods(t, gapDays + 7 * weeks, eligible);
    runs.push({ originDay, forecasts, scale: seasonalNaiveScale(t.train, 7 * S) });
  }
  return runs;
}

/**
 * Horizon week `week` (1-based) of the runs: the last `origins` runs whose week ends by the end of
 * the training, each method scored (WAPE, MASE, bias, MAPE) on that week only. O(origins x methods x week).
 */
export function weekBacktest(
  full: Training,
  runs: readonly OriginRun[],
  gapDays: number,
  week: number,
  origins: number,
): WeekBacktest {
  const S = full.slotsPerDay;
  const from = gapDays + 7 * (week - 1);
  const usable = runs.filter((r) => r.originDay + from + 7 <= full.days).slice(-origins);
  const out: WeekBacktest = { week, originDays: [], actuals: [], forecasts: new Map(), scores: new Map() };
  for (const r of usable) {
    const actual = full.train.subarray((r.originDay + from) * S, (r.originDay + from + 7) * S);
    out.originDays.push(r.originDay);
    out.actuals.push(actual);
    for (const [m, f] of r.forecasts) {
      const slice = f.subarray(from * S, (from + 7) * S);
      const list = out.forecasts.get(m) ?? [];
      const scores = out.scores.get(m) ?? [];
      // A method missing at an earlier origin (too little history there) stays unscored there.
      if (list.length !== out.actuals.length - 1) continue;
      list.push(slice);
      scores.push(scoreWindow(slice, actual, r.scale));
      out.forecasts.set(m, list);
      out.scores.set(m, scores);
    }
  }
  return out;
}
