import { sameWeekdayDays, trainingDayTotals, windowMeans } from './day-totals.js';
import type { MethodFn, MethodInput } from './method.js';

/**
 * Tuning of the day-total x intraday-shape model. Chosen on the Israel-bank weekly origins
 * 1999-03-06 .. 11-27 (before the benchmark weeks); see docs/forecast.md.
 */
export interface ShapeTuning {
  /** Windows (same-weekday days) whose mean totals are averaged into the day total. */
  totalWeeks: readonly number[];
  /** Same-weekday days in each weekday's shape that is pooled across weekdays. */
  shapeWeeks: number;
  /** Weight of each older day in a shape: day k back weighs `shapeDecay^k` (1 = equal). */
  shapeDecay: number;
  /** Weekdays whose shapes are within this L1 distance share one pooled shape (0 = no pooling). */
  poolDistance: number;
  /** Weight of the weekday's own shape (from `ownWeeks` days) against the pooled shape. */
  ownWeight: number;
  ownWeeks: number;
  /** Weight of each neighbouring slot in the intraday smoothing kernel [w, 1, w]. */
  smoothing: number;
}

export const DEFAULT_SHAPE_TUNING: ShapeTuning = {
  totalWeeks: [4, 8],
  shapeWeeks: 12,
  shapeDecay: 0.85,
  poolDistance: 0.15,
  ownWeight: 0.4,
  ownWeeks: 8,
  smoothing: 0.15,
};

/**
 * Intraday shape of each horizon weekday (index h = 0..6 relative to the end of training): each
 * slot's share of the day, summing to 1 over the day, or undefined without a complete day of
 * that weekday. A weekday's shape is a recency-weighted pool of its last complete days; weekdays
 * whose shapes are close (L1 <= `poolDistance`, e.g. Sun-Thu in a bank) are pooled, the weekday's
 * own shape is blended back in with `ownWeight`, and the result is lightly smoothed between open
 * neighbouring slots. Pooling cuts the noise of a shape from few days. Closed slots stay 0.
 * Complexity O(7 x shapeWeeks x slots).
 */
export function intradayShapes(
  input: MethodInput,
  totals: Float64Array,
  tuning: ShapeTuning = DEFAULT_SHAPE_TUNING,
): (Float64Array | undefined)[] {
  const weekdayShape = (h: number, count: number): Float64Array | undefined =>
    weightedShape(input, totals, sameWeekdayDays(totals, input.days, h, count), tuning.shapeDecay);
  const shapes = Array.from({ length: 7 }, (_, h) => weekdayShape(h, tuning.shapeWeeks));
  const S = input.slotsPerDay;
  return shapes.map((own, h) => {
    if (!own) return undefined;
    const pooled = new Float64Array(S);
    let members = 0;
    for (const other of shapes) {
      if (!other) continue;
      if (other !== own && l1(own, other) > tuning.poolDistance) continue;
      for (let s = 0; s < S; s++) pooled[s] = (pooled[s] as number) + (other[s] as number);
      members++;
    }
    const ownRecent = weekdayShape(h, tuning.ownWeeks) ?? own;
    const mix = new Float64Array(S);
    for (let s = 0; s < S; s++)
      mix[s] = tuning.ownWeight * (ownRecent[s] as number) + ((1 - tuning.ownWeight) * (pooled[s] as number)) / members;
    return normalize(smoothOpen(mix, tuning.smoothing));
  });
}

/**
 * Day total x intraday shape. The total of a horizon day is the mean of the mean totals of the
 * last 4 and the last 8 complete days with its weekday (unannounced holidays and outages left out,
 * `withoutLowDays`); the shape is `intradayShapes`. A day is
 * complete when at most one hour of its slots is missing (a spring-forward day).
 * Complexity O(training + horizon) x slots.
 *
 * @example shapeMethod()({ train, days, slotsPerDay: 48, horizonDays: 7 })
 */
export function shapeMethod(tuning: ShapeTuning = DEFAULT_SHAPE_TUNING): MethodFn {
  return (input: MethodInput) => {
    const totals = trainingDayTotals(input).usable;
    return totalTimesShape(input, intradayShapes(input, totals, tuning), (h) =>
      windowMeans(totals, input.days, h, tuning.totalWeeks),
    );
  };
}

/** horizon x slots forecast `total(h) x shape[h mod 7]`; NaN where a weekday has no shape or total. */
export function totalTimesShape(
  input: MethodInput,
  shapes: readonly (Float64Array | undefined)[],
  total: (h: number) => number,
): Float64Array {
  const S = input.slotsPerDay;
  const out = new Float64Array(input.horizonDays * S).fill(Number.NaN);
  for (let h = 0; h < input.horizonDays; h++) {
    const shape = shapes[h % 7];
    const t = total(h);
    if (!shape || Number.isNaN(t)) continue;
    for (let s = 0; s < S; s++) out[h * S + s] = t * (shape[s] as number);
  }
  return out;
}

/** Shares of the listed days' slots in their totals, day k of the list weighted decay^k. */
function weightedShape(
  input: MethodInput,
  totals: Float64Array,
  dayList: readonly number[],
  decay: number,
): Float64Array | undefined {
  if (dayList.length === 0) return undefined;
  const S = input.slotsPerDay;
  const shape = new Float64Array(S);
  let total = 0;
  let weight = 1;
  for (const d of dayList) {
    for (let s = 0; s < S; s++) {
      const v = input.train[d * S + s] as number;
      if (!Number.isNaN(v)) shape[s] = (shape[s] as number) + weight * v;
    }
    total += weight * (totals[d] as number);
    weight *= decay;
  }
  for (let s = 0; s < S; s++) shape[s] = total > 0 ? (shape[s] as number) / total : 0;
  return shape;
}

function l1(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let s = 0; s < a.length; s++) sum += Math.abs((a[s] as number) - (b[s] as number));
  return sum;
}

function normalize(shape: Float64Array): Float64Array {
  let z = 0;
  for (const v of shape) z += v;
  if (z > 0) for (let s = 0; s < shape.length; s++) shape[s] = (shape[s] as number) / z;
  return shape;
}

/** [w, 1, w] smoothing between neighbouring slots with a non-zero share; zero slots stay zero. */
function smoothOpen(shape: Float64Array, w: number): Float64Array {
  const S = shape.length;
  const out = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    const b = shape[s] as number;
    if (b === 0) continue;
    let sum = b;
    let weight = 1;
    for (const t of [s - 1, s + 1]) {
      const v = t >= 0 && t < S ? (shape[t] as number) : 0;
      if (v > 0) {
        sum += w * v;
        weight += w;
      }
    }
    out[s] = sum / weight;
  }
  return out;
}
