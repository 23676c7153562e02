/** Accuracy of one forecast window against the actual values (NaN actuals are skipped). */
export interface WindowScore {
  /** Sum |f - a| / sum a, percent (NaN when nothing came). */
  wape: number;
  /** Mean |f - a| / `scale`. */
  mase: number;
  /** Sum (f - a) / sum a, percent. */
  bias: number;
  /** Mean |f - a| / a over intervals with a >= 10, percent; null when there are none. */
  mape10: number | null;
}

/**
 * Scores `forecast` against `actual` (same length, slot grid). `scale` is the in-sample mean
 * absolute seasonal-naive error (see `seasonalNaiveScale`), the MASE denominator of Hyndman &
 * Koehler (2006). O(n).
 */
export function scoreWindow(forecast: Float64Array, actual: Float64Array, scale: number): WindowScore {
  let absErr = 0;
  let err = 0;
  let sum = 0;
  let n = 0;
  let ape = 0;
  let apeN = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    if (Number.isNaN(a)) continue;
    const f = forecast[i] as number;
    absErr += Math.abs(f - a);
    err += f - a;
    sum += a;
    n++;
    if (a >= 10) {
      ape += Math.abs(f - a) / a;
      apeN++;
    }
  }
  return {
    wape: sum > 0 ? (100 * absErr) / sum : Number.NaN,
    mase: n > 0 && scale > 0 ? absErr / n / scale : Number.NaN,
    bias: sum > 0 ? (100 * err) / sum : Number.NaN,
    mape10: apeN > 0 ? (100 * ape) / apeN : null,
  };
}

/** Mean |y[t] - y[t - lag]| over the pairs where both are known (MASE scale; lag = one week of slots). */
export function seasonalNaiveScale(values: Float64Array, lag: number): number {
  let sum = 0;
  let n = 0;
  for (let t = lag; t < values.length; t++) {
    const a = values[t] as number;
    const b = values[t - lag] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sum += Math.abs(a - b);
    n++;
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Sum |forecast - actual| / sum actual over known (non-NaN) actuals, percent (NaN without contacts). O(n). */
export function wapePercent(forecast: ArrayLike<number>, actual: ArrayLike<number>): number {
  let abs = 0;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    if (Number.isNaN(a)) continue;
    abs += Math.abs((forecast[i] as number) - a);
    sum += a;
  }
  return (100 * abs) / sum;
}

/**
 * WAPE of forecast rows against actual counts keyed by the rows' `start` text: sum |volume -
 * actual| / sum actual, percent. Throws when a row has no actual (a protocol error, not a zero).
 * O(rows).
 *
 * @example wapeOfRows(result.intervals, new Map([['1999-12-04T00:00:00Z', 3]]))
 */
export function wapeOfRows(
  rows: readonly { start: string; volume: number }[],
  actualByStart: ReadonlyMap<string, number>,
): number {
  const actual = rows.map((row) => {
    const a = actualByStart.get(row.start);
    if (a === undefined) throw new Error(`no actual for ${row.start}`);
    return a;
  });
  return wapePercent(
    rows.map((row) => row.volume),
    actual,
  );
}
