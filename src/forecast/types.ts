import type { WeekdayName } from '../time/weekdays.js';
import type { OpeningHours } from '../time/opening-hours.js';
import type { IntervalMinutes } from '../time/instant.js';

/** Names of the forecasting methods (`auto` picks among them per horizon week, `selectMethods`). */
export const FORECAST_METHODS = [
  'snaive',
  'avg4',
  'avg8',
  'wavg8',
  'median8',
  'shape',
  'calendar',
  'dshw',
  'combo',
  'daylevel',
] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];
export type ForecastMethodChoice = ForecastMethod | 'auto';

/** One interval of history: contacts offered in `[start, start + intervalMinutes)`. */
export interface IntervalHistoryRow {
  /** ISO 8601 with offset, wall-clock time in `timeZone`, or epoch milliseconds. */
  start: string | number;
  /** Contacts offered (>= 0). An explicit 0 means "none came"; a missing row means "no data". */
  volume: number;
  /** Mean handle time of the interval's contacts, seconds. */
  ahtSeconds?: number | undefined;
  /** Source line (CSV) for error messages; adapters set it. */
  line?: number | undefined;
}

/** One contact: when it arrived and (optionally) how long it took to handle. */
export interface ContactHistoryRow {
  timestamp: string | number;
  handleSeconds?: number | undefined;
  line?: number | undefined;
}

export type HistoryInput = readonly IntervalHistoryRow[] | readonly ContactHistoryRow[];

/**
 * A special day. A past date (before the horizon) is always left out of training. A future date
 * is adjusted: `factor` multiplies the forecast (0 closes the day), `like` forecasts the day as the
 * named weekday ("sunday" or "Sun").
 */
export interface SpecialDay {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  factor?: number | undefined;
  like?: string | undefined;
  /** A free-text label (holiday, outage, campaign), kept for the notes. */
  label?: string | undefined;
}

export interface ForecastOptions {
  /** IANA zone of wall-clock input and of the output offsets. Default: UTC (or the fixed offset of the input). */
  timeZone?: string | undefined;
  /** Output interval, minutes; finer history is summed up to it. Default: the history's interval. */
  intervalMinutes?: IntervalMinutes | undefined;
  /** Horizon length in weeks (1..8). Default 1. */
  weeks?: number | undefined;
  /**
   * First local date of the horizon, `YYYY-MM-DD`. History from this date on is not used. Default: the first
   * `weekStart` after the history (a note says which day it is).
   */
  start?: string | undefined;
  /** The weekday a planning week starts on, for the default start: `mon` (default) ... `sun`. */
  weekStart?: WeekdayName | undefined;
  /**
   * Method, or `auto` (default): per horizon week, the mean of the three methods with the lowest
   * backtest WAPE at that week ahead (each within 15 % of the best), weighted by WAPE^-8 (`selectMethods`).
   */
  method?: ForecastMethodChoice | undefined;
  /**
   * Opening hours, as text (`"Mon-Fri 07:00-21:00; Sat 09:00-13:00"`) or as rules (time/opening-hours.ts).
   * Closed intervals are forecast as 0.
   */
  openingHours?: string | readonly OpeningHours[] | undefined;
  specialDays?: readonly SpecialDay[] | undefined;
  /**
   * Rolling weekly backtest origins (3..12). Default: 6, or fewer (not under 3) where the history is too short for
   * every method to be scored at 6.
   */
  backtestOrigins?: number | undefined;
  /** AHT used where the history has none, seconds. */
  defaultAhtSeconds?: number | undefined;
}

/** One forecast interval, in the form `wfm staff --input` reads. */
export interface ForecastInterval {
  /** ISO 8601 with the zone's offset. */
  start: string;
  volume: number;
  /** Null when the history has no handle times and no default was given. */
  ahtSeconds: number | null;
  volumeP10: number;
  volumeP90: number;
}

/** Accuracy of one method at one backtest origin. */
export interface OriginScore {
  /** First local date of the test window. */
  origin: string;
  /** Sum |error| / sum actual, percent (null when no contacts came in the window). */
  wape: number | null;
  /** Mean |error| / in-sample mean |seasonal-naive error| (null when that scale is 0 or unknown). */
  mase: number | null;
  /** Sum (forecast - actual) / sum actual, percent (null when no contacts came). */
  bias: number | null;
  /** Mean |error| / actual over intervals with at least 10 contacts, percent (null when none). */
  mape10: number | null;
}

export interface MethodReport {
  method: ForecastMethod;
  /** Means over the origins with a value; null when none has one. */
  meanWape: number | null;
  meanMase: number | null;
  meanBias: number | null;
  meanMape10: number | null;
  origins: OriginScore[];
}

export interface BacktestReport {
  /** Horizon of each backtest, days. */
  horizonDays: number;
  /** First local date of each backtest test window, oldest first. */
  origins: string[];
  /** Methods ranked by mean WAPE, best first. */
  methods: MethodReport[];
  /**
   * Negative-binomial overdispersion of the band's upper tail (p90), calibrated so that p90 leaves
   * at most 10 % of the backtest actuals above it (0 = Poisson).
   */
  overdispersion: number;
  /** The same for the lower tail (p10): at most 10 % of the backtest actuals below it. */
  overdispersionLow: number;
  /**
   * One entry per week of the horizon: the backtest of that week ahead (week k scored at the
   * origins whose week k ends by the end of the history) and the methods `auto` chose for it.
   * `origins` and `methods` above are week 1's.
   */
  horizons: HorizonReport[];
}

/** The backtest of one horizon week and the forecast used for that week. */
export interface HorizonReport {
  /** 1 = the first week of the horizon. */
  week: number;
  origins: string[];
  /** Methods ranked by mean WAPE on this week ahead, best first. */
  methods: MethodReport[];
  /** The methods whose weighted mean forecasts this week, and their weights (sum 1). */
  chosen: ForecastMethod[];
  weights: number[];
  /** Mean backtest WAPE of that forecast at this week ahead, percent. */
  backtestWape: number | null;
  /** Why `auto` chose it (or "asked for"). */
  reason: string;
}

/** Bounds of the forecast options (inclusive): the core checks them and the request schema states them. */
export const FORECAST_LIMITS = {
  weeks: { min: 1, max: 8 },
  backtestOrigins: { min: 3, max: 12 },
} as const;

export interface ForecastResult {
  intervalMinutes: IntervalMinutes;
  timeZone: string;
  /**
   * The method asked for, or the one `auto` chose for the first week (`pool` when it combined
   * several); later weeks may use others (`report.horizons`).
   */
  method: ForecastMethod | 'pool';
  /** The methods whose weighted mean forecasts the first week (one unless `method` is `pool`). */
  methods: ForecastMethod[];
  /** Mean backtest WAPE of the first week's forecast at one week ahead, percent. */
  backtestWape: number | null;
  intervals: ForecastInterval[];
  report: BacktestReport;
  notes: string[];
}
