import { WfmError } from '../errors.js';
import { ahtProfile } from './aht.js';
import { band, fitBandTails } from './band.js';
import { absentMask, backtest, runMethods, type OriginResult, type Training } from './engine.js';
import { buildGrid, type HistoryGrid } from './history.js';
import { wapePercent } from './metrics.js';
import { dateOfEpochDay, epochDayOfDate, weekdayOf } from '../time/local-time.js';
import { WEEKDAY_NAMES } from '../time/weekdays.js';
import { minTrainDays } from './methods/index.js';
import { parseOpeningHours } from '../time/opening-hours.js';
import { planSpecialDays } from './special-days.js';
import {
  AUTO_POOL,
  FORECAST_LIMITS,
  FORECAST_METHODS,
  type BacktestReport,
  type ForecastInterval,
  type ForecastMethod,
  type ForecastOptions,
  type ForecastResult,
  type HistoryInput,
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
 * left out; every method backtested at the horizon asked from weekly origins using only the data
 * before each origin; `auto` averages the best two by mean WAPE (`AUTO_POOL`); closed intervals (opening hours, or zero
 * for the last 8 same weekdays) forecast as 0; future special days adjusted; the band is
 * negative-binomial, each tail's overdispersion calibrated on the chosen forecast's backtests.
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
  const grid = buildGrid(history, options.timeZone, options.intervalMinutes);
  if (grid.dstGapDates.length > 0) {
    notes.push(
      `Rows at wall-clock times that do not exist in ${grid.clock.name} (the hour skipped by the daylight-saving ` +
        `change of ${grid.dstGapDates.join(', ')}) were kept in their wall-clock intervals.`,
    );
  }
  const weekStart = WEEKDAY_NAMES.indexOf(options.weekStart ?? 'mon');
  if (weekStart < 0) throw badOption('weekStart', `"${String(options.weekStart)}" is not a weekday (mon ... sun)`);
  const span = horizonSpan(grid, options.start, weekStart, weeks, notes);
  const { full, special, excludedIdx } = trainingSet(grid, options, span, notes);
  const { origins, report } = backtestMethods(full, span, askedOrigins, notes);
  const members = chooseMembers(choice, report, span.trainDays, notes);
  const method: ForecastMethod | 'pool' = members.length > 1 ? 'pool' : (members[0] as ForecastMethod);

  // The final forecast covers at least a week so that "like a <weekday>" always has a source day.
  const internalDays = Math.max(span.testDays, span.gapDays + 7);
  const values = meanOf(runMethods(full, internalDays, members), members);
  applySpecialDays(values, special, span.startDay, span.gapDays, span.horizonDays, internalDays, grid.slotsPerDay);
  const { tails, backtestWape } = calibrateBand(origins, members, report, notes);
  if (method === 'pool') notes.push(`auto: the mean of ${members.join(' and ')}, the best methods on the backtests.`);

  const aht = ahtProfile(grid, span.trainDays, excludedIdx);
  if (!aht) {
    notes.push(
      options.defaultAhtSeconds !== undefined
        ? `The history has no handle times; AHT is the default ${options.defaultAhtSeconds} s.`
        : 'The history has no handle times; ahtSeconds is null (give defaultAhtSeconds / --aht).',
    );
  }
  const ahtOf = (w: number, s: number) =>
    aht ? round2(aht[w * grid.slotsPerDay + s] as number) : (options.defaultAhtSeconds ?? null);
  return {
    intervalMinutes: grid.intervalMinutes,
    timeZone: grid.clock.name,
    method,
    methods: members,
    backtestWape,
    intervals: outputIntervals(grid, span, values, tails, ahtOf),
    report,
    notes,
  };
}

/** The option bounds (`FORECAST_LIMITS`, the same ones the request schema states), checked for direct calls. */
function checkOptions(options: ForecastOptions): {
  weeks: number;
  askedOrigins: number | undefined;
  choice: ForecastMethod | 'auto';
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

/** Where the horizon starts and how many days of history train for it. */
interface HorizonSpan {
  startDay: number;
  trainDays: number;
  /** Days between the end of the training history and the horizon start (forecast, not output). */
  gapDays: number;
  horizonDays: number;
  /** Days each backtest forecasts: the gap plus the horizon. */
  testDays: number;
}

function horizonSpan(
  grid: HistoryGrid,
  start: string | undefined,
  weekStart: number,
  weeks: number,
  notes: string[],
): HorizonSpan {
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
  const horizonDays = 7 * weeks;
  return { startDay, trainDays, gapDays, horizonDays, testDays: gapDays + horizonDays };
}

/** The training history: special days before the horizon left out, opening hours, weekdays never seen. */
function trainingSet(grid: HistoryGrid, options: ForecastOptions, span: HorizonSpan, notes: string[]) {
  const S = grid.slotsPerDay;
  const train = grid.volume.slice(0, span.trainDays * S);
  const special = planSpecialDays(options.specialDays ?? [], span.startDay);
  const excludedIdx = new Set<number>();
  for (const day of special.excluded) {
    const d = day - grid.firstDay;
    if (d < 0 || d >= span.trainDays) continue;
    train.fill(Number.NaN, d * S, (d + 1) * S);
    excludedIdx.add(d);
  }
  if (excludedIdx.size > 0) notes.push(`${excludedIdx.size} special day(s) left out of training.`);
  const openMask = options.openingHours ? parseOpeningHours(options.openingHours, grid.intervalMinutes) : undefined;
  const full: Training = { train, days: span.trainDays, slotsPerDay: S, firstDay: grid.firstDay, openMask };
  const absent = absentMask(full);
  const absentDays = WEEKDAY_PLURALS.filter((_, w) => absent.subarray(w * S, (w + 1) * S).every((x) => x === 1));
  if (absentDays.length > 0) {
    const listed =
      absentDays.length > 1
        ? `${absentDays.slice(0, -1).join(', ')} and ${absentDays.at(-1) as string}`
        : (absentDays[0] as string);
    notes.push(
      `No history rows on ${listed} (the last 8 of each): forecast as closed. ` +
        'A row with 0 is "no contacts"; opening hours (--open) say it outright.',
    );
  }
  return { full, special, excludedIdx };
}

/** Every method backtested at the horizon asked (plus any gap before it) from weekly origins, ranked. */
function backtestMethods(full: Training, span: HorizonSpan, askedOrigins: number | undefined, notes: string[]) {
  const { testDays, trainDays } = span;
  // Six origins by default, fewer (not under three) when fewer let every method be scored.
  const longestTraining = Math.max(...FORECAST_METHODS.map(minTrainDays));
  const originCount =
    askedOrigins ?? Math.min(6, Math.max(3, Math.floor((trainDays - testDays - longestTraining) / 7) + 1));
  const origins = backtest(full, testDays, originCount, FORECAST_METHODS);
  if (origins.length < 3)
    notes.push(
      `Only ${origins.length} backtest origin(s) fit in the history (3 or more need ${testDays + 21} days); ` +
        'method choice is less certain.',
    );
  const earliest = origins[0]?.originDay ?? 0;
  const ranked: ForecastMethod[] = [];
  for (const m of FORECAST_METHODS) {
    if (origins.length > 0 && minTrainDays(m) <= earliest) ranked.push(m);
    else
      notes.push(
        `${m} left out of the ranking: it needs ${minTrainDays(m)} days of history before every backtest origin.`,
      );
  }
  return { origins, report: buildReport(origins, ranked, testDays, full.firstDay) };
}

/** `auto`: the best methods by mean backtest WAPE (`AUTO_POOL`); a named method: itself, if the history allows it. */
function chooseMembers(
  choice: ForecastMethod | 'auto',
  report: BacktestReport,
  trainDays: number,
  notes: string[],
): ForecastMethod[] {
  if (choice === 'auto') {
    const scored = report.methods.filter((m) => m.meanWape !== null);
    const bestWape = scored[0]?.meanWape ?? 0;
    const members = scored
      .filter((m) => (m.meanWape as number) <= bestWape * AUTO_POOL.maxRatio)
      .slice(0, AUTO_POOL.size)
      .map((m) => m.method);
    if (members.length > 0) return members;
    const fallback: ForecastMethod = minTrainDays('shape') <= trainDays ? 'shape' : 'snaive';
    notes.push(`No backtest was possible; using ${fallback}.`);
    return [fallback];
  }
  if (minTrainDays(choice) > trainDays) {
    throw new WfmError(
      'WFM_ERR_FORECAST_METHOD',
      `Method ${choice} needs ${minTrainDays(choice)} days of history; ${trainDays} are available.`,
      { issues: [{ path: ['method'], message: `needs ${minTrainDays(choice)} days of history` }] },
    );
  }
  return [choice];
}

/** The band's tails fitted on the chosen forecast's backtests, and its backtest WAPE. */
function calibrateBand(
  origins: readonly OriginResult[],
  members: readonly ForecastMethod[],
  report: BacktestReport,
  notes: string[],
): { tails: { low: number; high: number }; backtestWape: number | null } {
  const pairs = origins
    .filter((o) => members.every((m) => o.forecasts.has(m)))
    .map((o) => ({ forecast: meanOf(o.forecasts, members), actual: o.actual }));
  const tails = fitBandTails(pairs);
  report.overdispersion = round3(tails.high);
  report.overdispersionLow = round3(tails.low);
  if (pairs.length === 0) notes.push('No backtest residuals: the band is Poisson only.');
  let backtestWape: number | null = null;
  if (members.length === 1) backtestWape = report.methods.find((m) => m.method === members[0])?.meanWape ?? null;
  else if (pairs.length > 0)
    backtestWape = round2(pairs.reduce((sum, p) => sum + wapePercent(p.forecast, p.actual), 0) / pairs.length);
  return { tails, backtestWape };
}

/** The horizon's intervals in the output zone, with the band and the AHT of each. */
function outputIntervals(
  grid: HistoryGrid,
  span: HorizonSpan,
  values: Float64Array,
  tails: { low: number; high: number },
  ahtOf: (weekday: number, slot: number) => number | null,
): ForecastInterval[] {
  const intervals: ForecastInterval[] = [];
  const { clock, slotsPerDay: S } = grid;
  const step = grid.intervalMinutes * 60_000;
  const endMs = clock.dayStartMs(span.startDay + span.horizonDays);
  for (let t = clock.dayStartMs(span.startDay); t < endMs; t += step) {
    const local = clock.toLocal(t);
    const h = local.epochDay - span.startDay + span.gapDays;
    const s = Math.floor(local.minuteOfDay / grid.intervalMinutes);
    const volume = values[h * S + s] as number;
    const b = band(volume, tails.low, tails.high);
    intervals.push({
      start: clock.format(t),
      volume: round3(volume),
      ahtSeconds: ahtOf(weekdayOf(local.epochDay), s),
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
  origins: readonly OriginResult[],
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
  const methods: MethodReport[] = [];
  for (const m of ranked) {
    const per = origins.map((o) => {
      const s = o.scores.get(m);
      return {
        origin: dateOfEpochDay(firstDay + o.originDay),
        wape: value(s?.wape, round2),
        mase: value(s?.mase, round3),
        bias: value(s?.bias, round2),
        mape10: value(s?.mape10 ?? undefined, round2),
      };
    });
    methods.push({
      method: m,
      meanWape: mean(
        per.map((p) => p.wape),
        round2,
      ),
      meanMase: mean(
        per.map((p) => p.mase),
        round3,
      ),
      meanBias: mean(
        per.map((p) => p.bias),
        round2,
      ),
      meanMape10: mean(
        per.map((p) => p.mape10),
        round2,
      ),
      origins: per,
    });
  }
  // Lowest mean WAPE first; methods without one last; ties keep the listed (simpler-first) order.
  methods.sort((a, b) => (a.meanWape === b.meanWape ? 0 : (a.meanWape ?? Infinity) - (b.meanWape ?? Infinity)));
  return {
    horizonDays,
    origins: origins.map((o) => dateOfEpochDay(firstDay + o.originDay)),
    methods,
    overdispersion: 0,
    overdispersionLow: 0,
  };
}

/** Equal-weight mean of the listed methods' forecasts (the forecast itself for one method). */
function meanOf(
  forecasts: ReadonlyMap<ForecastMethod, Float64Array>,
  members: readonly ForecastMethod[],
): Float64Array {
  const first = forecasts.get(members[0] as ForecastMethod) as Float64Array;
  if (members.length === 1) return first;
  const out = new Float64Array(first.length);
  for (const m of members) {
    const f = forecasts.get(m) as Float64Array;
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (f[i] as number) / members.length;
  }
  return out;
}

function badOption(field: string, message: string): WfmError {
  return new WfmError('WFM_ERR_INPUT_INVALID', `${field}: ${message}.`, { issues: [{ path: [field], message }] });
}
