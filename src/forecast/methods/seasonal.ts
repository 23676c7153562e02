import { trainingDayTotals } from './day-totals.js';
import { lastSameWeekday, type MethodFn, type MethodInput } from './method.js';

export type WindowKind = 'mean' | 'weighted' | 'median';

/**
 * Seasonal window forecast: for each horizon slot, the last `weeks` observed values of the same
 * weekday and slot (missing days are skipped, looking back at most `weeks + 4` weeks), combined
 * as a mean, a linearly recency-weighted mean (weights weeks..1), or a median.
 * `weeks = 1` is the seasonal naive forecast. With `skipLowDays`, days that `withoutLowDays` reads
 * as unannounced holidays or outages are skipped like gaps (wavg8, median8); snaive, avg4 and avg8
 * stay the plain reference methods. Complexity O(horizon x slots x weeks).
 *
 * @example windowMethod(8, 'mean')({ train, days, slotsPerDay: 48, horizonDays: 7 })
 */
export function windowMethod(weeks: number, kind: WindowKind, skipLowDays = false): MethodFn {
  return (input: MethodInput) => {
    const { train, days, slotsPerDay: S, horizonDays } = input;
    const skip = skipLowDays ? lowDays(input) : undefined;
    const out = new Float64Array(horizonDays * S).fill(Number.NaN);
    const values = new Float64Array(weeks);
    for (let h = 0; h < horizonDays; h++) {
      const last = lastSameWeekday(days, h);
      for (let s = 0; s < S; s++) {
        let found = 0;
        for (let d = last, tries = 0; d >= 0 && found < weeks && tries < weeks + 4; d -= 7, tries++) {
          const v = train[d * S + s] as number;
          if (!Number.isNaN(v) && !skip?.[d]) values[found++] = v;
        }
        if (found > 0) out[h * S + s] = combine(values, found, kind);
      }
    }
    return out;
  };
}

/** 1 for each training day that `withoutLowDays` reads as a holiday or an outage. */
function lowDays(input: MethodInput): Uint8Array {
  const { totals, usable } = trainingDayTotals(input);
  const low = new Uint8Array(input.days);
  for (let d = 0; d < input.days; d++)
    if (!Number.isNaN(totals[d] as number) && Number.isNaN(usable[d] as number)) low[d] = 1;
  return low;
}

function combine(values: Float64Array, n: number, kind: WindowKind): number {
  if (kind === 'median') {
    const sorted = Array.from(values.subarray(0, n)).sort((a, b) => a - b);
    const mid = n >> 1;
    return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  }
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < n; i++) {
    const w = kind === 'weighted' ? n - i : 1;
    sum += w * (values[i] as number);
    weight += w;
  }
  return sum / weight;
}
