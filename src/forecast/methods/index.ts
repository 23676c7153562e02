import type { ForecastMethod } from '../types.js';
import { calendarMethod } from './calendar.js';
import { dayLevelMethod } from './day-level.js';
import { dshwMethod } from './dshw.js';
import type { MethodFn } from './method.js';
import { windowMethod } from './seasonal.js';
import { shapeMethod } from './shape.js';

export interface MethodSpec {
  fn: MethodFn;
  /** Training days the method needs before its origin; with fewer it is dropped with a note. */
  minTrainDays: number;
  description: string;
}

/**
 * The methods `combo` averages with equal weights: a fixed combination, picked as the one that
 * gave `auto` the lowest mean WAPE on the Israel-bank weekly origins 1999-05-01 .. 11-27 (before
 * the benchmark weeks; every subset of 2-4 of calendar, shape, wavg8, median8, avg8, dshw tried).
 */
export const COMBO_MEMBERS: readonly ForecastMethod[] = ['calendar', 'wavg8', 'dshw'];

/** Every base method; `combo` is computed from its members' forecasts. */
export const METHODS: Record<Exclude<ForecastMethod, 'combo'>, MethodSpec> = {
  snaive: { fn: windowMethod(1, 'mean'), minTrainDays: 7, description: 'seasonal naive: same interval last week' },
  avg4: {
    fn: windowMethod(4, 'mean'),
    minTrainDays: 14,
    description: 'mean of the same interval over the last 4 weeks',
  },
  avg8: {
    fn: windowMethod(8, 'mean'),
    minTrainDays: 35,
    description: 'mean of the same interval over the last 8 weeks',
  },
  wavg8: {
    fn: windowMethod(8, 'weighted', true),
    minTrainDays: 35,
    description: 'recency-weighted (8..1) mean over 8 weeks, holidays and outages left out',
  },
  median8: {
    fn: windowMethod(8, 'median', true),
    minTrainDays: 35,
    description: 'median of the same interval over 8 weeks, holidays and outages left out',
  },
  shape: {
    fn: shapeMethod(),
    minTrainDays: 14,
    description: 'day total (4- and 8-week means) x pooled, recency-weighted intraday shape',
  },
  calendar: {
    fn: calendarMethod(),
    minTrainDays: 35,
    description: 'day total adjusted for day-of-month effects x pooled intraday shape',
  },
  dshw: {
    fn: dshwMethod,
    minTrainDays: 21,
    description: 'double-seasonal Holt-Winters (Taylor 2003), parameters on week-ahead errors',
  },
  daylevel: {
    fn: dayLevelMethod(),
    minTrainDays: 35,
    description:
      'day totals: exponentially weighted level x Holt-Winters weekday factor x day-of-month factor, x pooled intraday shape',
  },
};

export function minTrainDays(method: ForecastMethod): number {
  if (method === 'combo') return Math.max(...COMBO_MEMBERS.map(minTrainDays));
  return METHODS[method].minTrainDays;
}
