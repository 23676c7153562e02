import { lastSameWeekday, type MethodFn, type MethodInput } from './method.js';

/** Tuning of the day-total x intraday-shape model (chosen on Oct-Nov 1999 of the Israel-bank data, before the benchmark weeks). */
export interface ShapeTuning {
  /** Windows (same-weekday days) whose mean totals are averaged into the day total. */
  totalWeeks: readonly number[];
  /** Complete same-weekday days pooled into a weekday's shape. */
  shapeWeeks: number;
  /** Weekdays whose shapes are within this L1 distance share one pooled shape (0 = no pooling). */
  poolDistance: number;
  /** Weight of each neighbouring slot in the intraday smoothing kernel [w, 1, w]. */
  smoothing: number;
}

export const DEFAULT_SHAPE_TUNING: ShapeTuning = { totalWeeks: [4, 8], shapeWeeks: 8, poolDistance: 0.1, smoothing: 0.15 };

/**
 * Day total x intraday shape. The total of a horizon day is the mean of the mean totals of the
 * last 4 and the last 8 complete days with its weekday. Its shape (each slot's share of the day)
 * is pooled over the last 8 complete same-weekday days, then over the weekdays whose shapes are
 * close (L1 distance <= 0.1, e.g. Sun-Thu in a bank), then lightly smoothed between neighbouring
 * open slots: pooling cuts the noise of a shape estimated from few days. A day is complete when
 * at most one hour of its slots is missing (a spring-forward day). Closed slots (shape 0) stay 0.
 * Complexity O(training + horizon) x slots.
 */
export function shapeMethod(tuning: ShapeTuning = DEFAULT_SHAPE_TUNING): MethodFn {
  return (input: MethodInput) => {
    const { train, days, slotsPerDay: S, horizonDays } = input;
    const out = new Float64Array(horizonDays * S).fill(Number.NaN);
    const allowMissing = Math.ceil(S / 24);
    const totals = new Float64Array(days).fill(Number.NaN);
    for (let d = 0; d < days; d++) {
      let sum = 0;
      let missing = 0;
      for (let s = 0; s < S; s++) {
        const v = train[d * S + s] as number;
        if (Number.isNaN(v)) missing++;
        else sum += v;
      }
      if (missing <= allowMissing) totals[d] = sum;
    }
    const maxTotalWeeks = Math.max(...tuning.totalWeeks);
    const dayTotal = new Float64Array(7).fill(Number.NaN);
    const shapes: (Float64Array | undefined)[] = [];
    for (let h = 0; h < Math.min(7, horizonDays); h++) {
      const last = lastSameWeekday(days, h);
      const found: number[] = [];
      const shape = new Float64Array(S);
      let shapeDays = 0;
      let shapeTotal = 0;
      const limit = Math.max(maxTotalWeeks, tuning.shapeWeeks);
      for (let d = last, tries = 0; d >= 0 && tries < limit + 4 && found.length < limit; d -= 7, tries++) {
        const t = totals[d] as number;
        if (Number.isNaN(t)) continue;
        found.push(t);
        if (shapeDays < tuning.shapeWeeks) {
          for (let s = 0; s < S; s++) {
            const v = train[d * S + s] as number;
            if (!Number.isNaN(v)) shape[s] = (shape[s] as number) + v;
          }
          shapeTotal += t;
          shapeDays++;
        }
      }
      if (found.length === 0) {
        shapes.push(undefined);
        continue;
      }
      let total = 0;
      for (const w of tuning.totalWeeks) {
        const n = Math.min(w, found.length);
        total += found.slice(0, n).reduce((a, b) => a + b, 0) / n;
      }
      dayTotal[h] = total / tuning.totalWeeks.length;
      if (shapeTotal > 0) for (let s = 0; s < S; s++) shape[s] = (shape[s] as number) / shapeTotal;
      shapes.push(shape);
    }
    for (let h = 0; h < Math.min(7, horizonDays); h++) {
      const own = shapes[h];
      if (!own) continue;
      const pooled = new Float64Array(S);
      let members = 0;
      for (const other of shapes) {
        if (!other) continue;
        let l1 = 0;
        for (let s = 0; s < S; s++) l1 += Math.abs((own[s] as number) - (other[s] as number));
        if (l1 > tuning.poolDistance && other !== own) continue;
        for (let s = 0; s < S; s++) pooled[s] = (pooled[s] as number) + (other[s] as number);
        members++;
      }
      const smooth = smoothOpen(pooled, tuning.smoothing);
      let z = 0;
      for (let s = 0; s < S; s++) z += smooth[s] as number;
      const total = dayTotal[h] as number;
      for (let d = h; d < horizonDays; d += 7) {
        for (let s = 0; s < S; s++) out[d * S + s] = z > 0 && members > 0 ? (total * (smooth[s] as number)) / z : 0;
      }
    }
    return out;
  };
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
