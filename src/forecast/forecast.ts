import { WfmError } from '../errors.js';
import { ahtProfile } from './aht.js';
import { band, fitBandTails } from './band.js';
import { absentMask, runMethods, type Training } from './engine.js';
import { buildGrid, type HistoryGrid } from './history.js';
import { runOrigins, weekBacktest, type WeekBacktest } from './horizon-backtest.js';
import { wapePercent } from './metrics.js';
import { dateOfEpochDay, epochDayOfDate, weekdayOf } from '../time/local-time.js';
import { WEEKDAY_NAMES } from '../time/weekdays.js';
import { minTrainDays } from './methods/index.js';
import { parseOpeningHours } from '../time/opening-hours.js';
import { selectMethods, type Selection } from './select.js';
import { planSpecialDays } from './special-days.js';
import {
  FORECAST_LIMITS,
  FORECAST_METHODS,
  type BacktestReport,
  type ForecastInterval,
  type ForecastMethod,
  type ForecastMethodChoice,
  type ForecastOptions,
  type ForecastResult,
  type HistoryInput,
  type HorizonReport,
  type MethodReport,
} from './types.js';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const round2 = (x: number): number => Math.round(x * 100) / 100;
const WEEKDAY_PLURALS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/**
 * Forecasts volume and AHT per interval for the weeks after the history, with a p10/p90 band and
 * a rolling-origin backtest report of every method.
 *
 * Steps: history on the local slot grid (gaps stay "no data"); special days before the horizon
 * left out; every method backtested from weekly origins using only the data before each origin,
 * scored separately for each week ahead (`runOrigins`, `weekBacktest`); `auto` chooses per week:
 * the mean of the three best methods on the backtests of that week ahead, weighted by backtest
 * WAPE^-8 (`selectMethods`);
 * closed intervals (opening hours, or zero for the last 8 same weekdays) forecast as 0; future
 * special days adjusted; the band is negative-binomial, each tail's overdispersion calibrated on
 * the chosen forecast's backtests of the same week ahead.
 *
 * Pure (no I/O, no clock). About O(origins x methods x history slots); one year of 15-minute
 * history takes well under a second.
 *
 * @example
 * const result = forecast(rows, { timeZone: 'Europe/London', weeks: 1, method: 'auto' });
 * result.intervals[0]; // { start: '2026-03-02T00:00:00Z', volume: 3.5, ahtSeconds: 281, volumeP10: 1, volumeP90: 6 }
 */
export function forecast(history: HistoryInput, options: ForecastOptions = {}): ForecastResult {
  const notes: string[] = [];
  const { weeks, askedOrigins, choice } = checkOptions(options);
  const setup = prepareTraining(history, options, weeks, notes);
  const weekly = backtestWeeks(setup, weeks, askedOrigins, notes);
  const selections: Selection[] = [];
  for (const w of weekly) selections.push(chooseForWeek(w, choice, setup.trainDays, notes, selections.at(-1)));
  const report = weekly[0]?.report as BacktestReport;
  report.horizons = weekly.map((w, i) => horizonReport(w, selections[i] as Selection, setup.grid.firstDay));
  const values = forecastValues(setup, selections);
  const tails = weekly.map((w, i) => fitBandTails(backtestPairs(w.backtest, selections[i] as Selection)));
  report.overdispersion = round3(tails[0]?.high ?? 0);
  report.overdispersionLow = round3(tails[0]?.low ?? 0);
  if ((weekly[0]?.backtest.actuals.length ?? 0) === 0) notes.push('No backtest residuals: the band is Poisson only.');
  const first = selections[0] as Selection;
  if (choice === 'auto') {
    const per = selections.map((sel, i) => `week ${i + 1}: ${sel.reason}`);
    notes.push(`auto chose ${weeks > 1 ? per.join('; ') : first.reason}.`);
  }
  const aht = ahtProfile(setup.grid, setup.trainDays, setup.excludedIdx);
  if (!aht) {
    notes.push(
      options.defaultAhtSeconds !== undefined
        ? `The history has no handle times; AHT is the default ${options.defaultAhtSeconds} s.`
        : 'The history has no handle times; ahtSeconds is null (give defaultAhtSeconds / --aht).',
    );
  }
  return {
    intervalMinutes: setup.grid.intervalMinutes,
    timeZone: setup.grid.clock.name,
    method: first.members.length > 1 ? 'pool' : (first.members[0] as ForecastMethod),
    methods: first.members,
    backtestWape: report.horizons[0]?.backtestWape ?? null,
    intervals: emitIntervals(setup, values, tails, aht, options.defaultAhtSeconds),
    report,
    notes,
  };
}

function checkOptions(options: ForecastOptions): {
  weeks: number;
  askedOrigins: number | undefined;
  choice: ForecastMethodChoice;
} {
  const weeks = options.weeks ?? 1;
  const { weeks: w, backtestOrigins: o } = FORECAST_LIMITS;
  if (!Number.isInteger(weeks) || weeks < w.min || weeks > w.max)
    throw badOption('weeks', `must be an integer ${w.min}..${w.max} (got ${weeks})`);
  const askedOrigins = options.backtestOrigins;
  if (askedOrigins !== undefined && (!Number.isInteger(askedOrigins) || askedOrigins < o.min || askedOrigins > o.max))
    throw badOption('backtestOrigins', `must be an integer ${o.min}..${o.max} (got ${askedOrigins})`);
  const choice = options.method ?? 'auto';
  if (choice !== 'auto' && !(FORECAST_METHODS as readonly string[]).includes(choice))
    throw badOption('method', `unknown method "${String(choice)}"`);
  return { weeks, askedOrigins, choice };
}

/** The first epoch day after `lastDay` that falls on `weekStart` (0 = Monday ... 6 = Sunday). */
function firstWeekStartAfter(lastDay: number, weekStart: number): number {
  return lastDay + 1 + ((((weekStart - weekdayOf(lastDay + 1)) % 7) + 7) % 7);
}

/** The history on the slot grid, cut at the horizon start, special days left out. */
interface Setup {
  grid: HistoryGrid;
  startDay: number;
  trainDays: number;
  gapDays: number;
  horizonDays: number;
  full: Training;
  special: ReturnType<typeof planSpecialDays>;
  excludedIdx: Set<number>;
}

function prepareTraining(history: HistoryInput, options: ForecastOptions, weeks: number, notes: string[]): Setup {
  const weekStart = WEEKDAY_NAMES.indexOf(options.weekStart ?? 'mon');
  if (weekStart < 0) throw badOption('weekStart', `"${String(options.weekStart)}" is not a weekday (mon ... sun)`);
  const grid = buildGrid(history, options.timeZone, options.intervalMinutes);
  if (grid.dstGapDates.length > 0) {
    notes.push(
      `Rows at wall-clock times that do not exist in ${grid.clock.name} (the hour skipped by the daylight-saving ` +
        `change of ${grid.dstGapDates.join(', ')}) were kept in their wall-clock intervals.`,
    );
  }
  const S = grid.slotsPerDay;
  const start = options.start;
  let startDay = firstWeekStartAfter(grid.lastDataDay, weekStart);
  if (start !== undefined) {
    const day = epochDayOfDate(start);
    if (day === undefined) throw badOption('start', `"${start}" is not a date YYYY-MM-DD`);
    startDay = day;
  } else {
    notes.push(
      `The horizon starts on ${WEEKDAY_PLURALS[weekStart]?.slice(0, -1)} ${dateOfEpochDay(startDay)}, the first ` +
        `${WEEKDAY_PLURALS[weekStart]?.slice(0, -1)} after the history (last day ${dateOfEpochDay(grid.lastDataDay)}); ` +
        'give a start date (--start) for another day.',
    );
  }
  const trainDays = Math.min(grid.days, startDay - grid.firstDay);
  if (trainDays < 7) {
    throw new WfmError(
      'WFM_ERR_FORECAST_HISTORY_SHORT',
      `Only ${Math.max(0, trainDays)} days of history come before the horizon start ${dateOfEpochDay(startDay)}; ` +
        'at least 7 are needed.',
      { issues: [{ path: ['start'], message: 'less than one week of history before it' }] },
    );
  }
  const gapDays = startDay - (grid.firstDay + trainDays);
  if (gapDays > 0 && start !== undefined)
    notes.push(`The horizon starts ${gapDays} day(s) after the history ends; those days are forecast but not output.`);
  const train = grid.volume.slice(0, trainDays * S);
  const special = planSpecialDays(options.specialDays ?? [], startDay);
  const excludedIdx = new Set<number>();
  for (const day of special.excluded) {
    const d = day - grid.firstDay;
    if (d < 0 || d >= trainDays) continue;
    train.fill(Number.NaN, d * S, (d + 1) * S);
    excludedIdx.add(d);
  }
  if (excludedIdx.size > 0) notes.push(`${excludedIdx.size} special day(s) left out of training.`);
  const openMask = options.openingHours ? parseOpeningHours(options.openingHours, grid.intervalMinutes) : undefined;
  const full: Training = { train, days: trainDays, slotsPerDay: S, firstDay: grid.firstDay, openMask };
  noteAbsentWeekdays(full, notes);
  return { grid, startDay, trainDays, gapDays, horizonDays: 7 * weeks, full, special, excludedIdx };
}

function noteAbsentWeekdays(full: Training, notes: string[]): void {
  const S = full.slotsPerDay;
  const absent = absentMask(full);
  const absentDays = WEEKDAY_PLURALS.filter((_, w) => absent.subarray(w * S, (w + 1) * S).every((x) => x === 1));
  if (absentDays.length === 0) return;
  const listed =
    absentDays.length > 1
      ? `${absentDays.slice(0, -1).join(', ')} and ${absentDays.at(-1) as string}`
      : (absentDays[0] as string);
  notes.push(
    `No history rows on ${listed} (the last 8 of each): forecast as closed. ` +
      'A row with 0 is "no contacts"; opening hours (--open) say it outright.',
  );
}

/** One horizon week's backtest and its report (methods ranked by mean WAPE). */
interface WeekResult {
  backtest: WeekBacktest;
  report: BacktestReport;
}

/**
 * Every method from weekly origins (`runOrigins`), scored per horizon week at the last
 * `originCount` origins whose week k ends by the end of the training (`weekBacktest`).
 */
function backtestWeeks(setup: Setup, weeks: number, askedOrigins: number | undefined, notes: string[]): WeekResult[] {
  const { full, gapDays, trainDays } = setup;
  const testDays = gapDays + 7 * weeks;
  // Six origins by default, fewer (not under three) when fewer let every method be scored.
  const longestTraining = Math.max(...FORECAST_METHODS.map(minTrainDays));
  const originCount =
    askedOrigins ?? Math.min(6, Math.max(3, Math.floor((trainDays - testDays - longestTraining) / 7) + 1));
  const runs = runOrigins(full, gapDays, weeks, originCount, FORECAST_METHODS);
  const out: WeekResult[] = [];
  for (let week = 1; week <= weeks; week++) {
    const backtest = weekBacktest(full, runs, gapDays, week, originCount);
    const n = backtest.originDays.length;
    if (week === 1 && n < 3)
      notes.push(
        `Only ${n} backtest origin(s) fit in the history (3 or more need ${testDays + 21} days); ` +
          'method choice is less certain.',
      );
    const ranked = FORECAST_METHODS.filter((m) => n > 0 && backtest.scores.has(m));
    if (week === 1)
      for (const m of FORECAST_METHODS)
        if (!ranked.includes(m))
          notes.push(
            `${m} left out of the ranking: it needs ${minTrainDays(m)} days of history before every backtest origin.`,
          );
    out.push({ backtest, report: buildReport(backtest, ranked, testDays, full.firstDay) });
  }
  return out;
}

/**
 * `auto`: `selectMethods` on the week's per-origin WAPEs; a week too far ahead for any backtest
 * in the history takes the previous week's choice. A fixed method: itself.
 */
function chooseForWeek(
  w: WeekResult,
  choice: ForecastMethodChoice,
  trainDays: number,
  notes: string[],
  previous: Selection | undefined,
): Selection {
  if (choice !== 'auto') {
    if (minTrainDays(choice) > trainDays) {
      throw new WfmError(
        'WFM_ERR_FORECAST_METHOD',
        `Method ${choice} needs ${minTrainDays(choice)} days of history; ${trainDays} are available.`,
        { issues: [{ path: ['method'], message: `needs ${minTrainDays(choice)} days of history` }] },
      );
    }
    return { members: [choice], weights: [1], reason: 'asked for' };
  }
  const table = new Map<ForecastMethod, number[]>();
  for (const m of w.report.methods)
    table.set(
      m.method,
      (w.backtest.scores.get(m.method) ?? []).map((s) => s.wape),
    );
  const picked = selectMethods(table);
  if (picked) return picked;
  if (previous) return { ...previous, reason: `no backtest this far ahead; as week ${w.backtest.week - 1}` };
  const fallback: ForecastMethod = minTrainDays('shape') <= trainDays ? 'shape' : 'snaive';
  if (w.backtest.week === 1) notes.push(`No backtest was possible; using ${fallback}.`);
  return { members: [fallback], weights: [1], reason: 'no backtest was possible' };
}

/** The weighted forecast of a selection at each backtest origin of its week, with the actuals. */
function backtestPairs(b: WeekBacktest, sel: Selection): { forecast: Float64Array; actual: Float64Array }[] {
  if (!sel.members.every((m) => b.forecasts.has(m))) return [];
  return b.actuals.map((actual, i) => ({
    forecast: weighted(sel, (m) => (b.forecasts.get(m) as Float64Array[])[i] as Float64Array, actual.length),
    actual,
  }));
}

function horizonReport(w: WeekResult, sel: Selection, firstDay: number): HorizonReport {
  const pairs = backtestPairs(w.backtest, sel);
  const wapes = pairs.map((p) => wapePercent(p.forecast, p.actual)).filter(Number.isFinite);
  return {
    week: w.backtest.week,
    origins: w.backtest.originDays.map((d) => dateOfEpochDay(firstDay + d)),
    methods: w.report.methods,
    chosen: sel.members,
    weights: sel.weights.map(round3),
    backtestWape: wapes.length > 0 ? round2(wapes.reduce((a, b) => a + b, 0) / wapes.length) : null,
    reason: sel.reason,
  };
}

/** The forecast from the end of training: each week from its selection, then special days applied. */
function forecastValues(setup: Setup, selections: readonly Selection[]): Float64Array {
  const { full, gapDays, horizonDays, startDay, special } = setup;
  const S = full.slotsPerDay;
  // The final forecast covers at least a week so that "like a <weekday>" always has a source day.
  const internalDays = Math.max(gapDays + horizonDays, gapDays + 7);
  const members = [...new Set(selections.flatMap((s) => s.members))];
  const runs = runMethods(full, internalDays, members);
  const values = new Float64Array(internalDays * S);
  for (let h = 0; h < internalDays; h++) {
    const week = Math.min(selections.length - 1, Math.max(0, Math.floor((h - gapDays) / 7)));
    const sel = selections[week] as Selection;
    sel.members.forEach((m, i) => {
      const f = runs.get(m) as Float64Array;
      const w = sel.weights[i] as number;
      for (let s = h * S; s < (h + 1) * S; s++) values[s] = (values[s] as number) + w * (f[s] as number);
    });
  }
  applySpecialDays(values, special, startDay, gapDays, horizonDays, internalDays, S);
  return values;
}

function emitIntervals(
  setup: Setup,
  values: Float64Array,
  tails: readonly { low: number; high: number }[],
  aht: Float64Array | null,
  defaultAhtSeconds: number | undefined,
): ForecastInterval[] {
  const { grid, startDay, gapDays, horizonDays } = setup;
  const S = grid.slotsPerDay;
  const intervals: ForecastInterval[] = [];
  const clock = grid.clock;
  const step = grid.intervalMinutes * 60_000;
  const endMs = clock.dayStartMs(startDay + horizonDays);
  for (let t = clock.dayStartMs(startDay); t < endMs; t += step) {
    const local = clock.toLocal(t);
    const day = local.epochDay - startDay;
    const h = day + gapDays;
    const s = Math.floor(local.minuteOfDay / grid.intervalMinutes);
    const volume = values[h * S + s] as number;
    const tail = tails[Math.min(tails.length - 1, Math.floor(day / 7))] ?? { low: 0, high: 0 };
    const b = band(volume, tail.low, tail.high);
    const w = weekdayOf(local.epochDay);
    intervals.push({
      start: clock.format(t),
      volume: round3(volume),
      ahtSeconds: aht ? round2(aht[w * S + s] as number) : (defaultAhtSeconds ?? null),
      volumeP10: round3(b.p10),
      volumeP90: round3(b.p90),
    });
  }
  return intervals;
}

function applySpecialDays(
  values: Float64Array,
  special: ReturnType<typeof planSpecialDays>,
  startDay: number,
  gapDays: number,
  horizonDays: number,
  internalDays: number,
  S: number,
): void {
  const source = values.slice();
  for (let h = gapDays; h < gapDays + horizonDays; h++) {
    const day = startDay + h - gapDays;
    const like = special.likes.get(day);
    if (like !== undefined) {
      let from = -1;
      for (let g = gapDays; g < internalDays; g++)
        if (weekdayOf(startDay + g - gapDays) === like && special.likes.get(startDay + g - gapDays) === undefined) {
          from = g;
          break;
        }
      if (from < 0) from = h; // cannot happen: the internal horizon holds every weekday
      values.set(source.subarray(from * S, (from + 1) * S), h * S);
    }
    const factor = special.factors.get(day);
    if (factor !== undefined) for (let s = 0; s < S; s++) values[h * S + s] = (values[h * S + s] as number) * factor;
  }
}

function buildReport(
  backtest: WeekBacktest,
  ranked: readonly ForecastMethod[],
  horizonDays: number,
  firstDay: number,
): BacktestReport {
  // NaN (no contacts in a window, no MASE scale) is reported as null, which JSON can carry.
  const value = (x: number | undefined, round: (v: number) => number): number | null =>
    x === undefined || !Number.isFinite(x) ? null : round(x);
  const mean = (xs: (number | null)[], round: (v: number) => number): number | null => {
    const known = xs.filter((x): x is number => x !== null);
    return known.length > 0 ? round(known.reduce((a, b) => a + b, 0) / known.length) : null;
  };
  const origins = backtest.originDays.map((d) => dateOfEpochDay(firstDay + d));
  const methods: MethodReport[] = [];
  for (const m of ranked) {
    const per = origins.map((origin, i) => {
      const s = backtest.scores.get(m)?.[i];
      return {
        origin,
        wape: value(s?.wape, round2),
        mase: value(s?.mase, round3),
        bias: value(s?.bias, round2),
        mape10: value(s?.mape10 ?? undefined, round2),
      };
    });
    const meanOf = (key: 'wape' | 'mase' | 'bias' | 'mape10', round: (v: number) => number): number | null =>
      mean(
        per.map((p) => p[key]),
        round,
      );
    methods.push({
      method: m,
      meanWape: meanOf('wape', round2),
      meanMase: meanOf('mase', round3),
      meanBias: meanOf('bias', round2),
      meanMape10: meanOf('mape10', round2),
      origins: per,
    });
  }
  // Lowest mean WAPE first; methods without one last; ties keep the listed (simpler-first) order.
  methods.sort((a, b) => (a.meanWape === b.meanWape ? 0 : (a.meanWape ?? Infinity) - (b.meanWape ?? Infinity)));
  return { horizonDays, origins, methods, overdispersion: 0, overdispersionLow: 0, horizons: [] };
}

/** The weighted mean of a selection's member forecasts, `get(m)` giving member m's values. */
function weighted(sel: Selection, get: (m: ForecastMethod) => Float64Array, length: number): Float64Array {
  if (sel.members.length === 1) return get(sel.members[0] as ForecastMethod);
  const out = new Float64Array(length);
  sel.members.forEach((m, i) => {
    const f = get(m);
    const w = sel.weights[i] as number;
    for (let x = 0; x < length; x++) out[x] = (out[x] as number) + w * (f[x] as number);
  });
  return out;
}

function badOption(field: string, message: string): WfmError {
  return new WfmError('WFM_ERR_INPUT_INVALID', `${field}: ${message}.`, { issues: [{ path: [field], message }] });
}
