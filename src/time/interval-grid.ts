/**
 * The interval grid of a set of starts: the interval length (given, or inferred as the greatest
 * common divisor of the gaps) and whether every start is distinct and on that grid. One check for
 * the staffing request (which names the offending interval) and the headcount fast path (which
 * falls back to the ordinary path on any problem), so both accept exactly the same starts.
 */
import { isIntervalMinutes } from './instant.js';

export type GridCheck =
  | { ok: true; intervalMinutes: number }
  /** `at` is the position in the sorted starts of the later start of the first bad pair. */
  | { ok: false; problem: 'repeated' | 'off-grid'; at: number; gapMs: number; intervalMinutes: number }
  | { ok: false; problem: 'uninferable'; intervalMinutes: number; distinct: number }
  /** A declared length finer than the data: no two starts are closer than `dataMinutes`, a multiple of it. */
  | { ok: false; problem: 'coarser'; intervalMinutes: number; dataMinutes: number };

/**
 * Checks `count` starts, epoch ms, sorted ascending. With `givenMinutes` absent the length is the
 * gcd of the gaps (repeated starts add nothing to it) and must be one of the engine's interval
 * lengths. A given length must not be finer than the data (every start a multiple of it apart,
 * none exactly one apart: rows of 30 minutes declared as 15). Then the first repeated start, or
 * the first gap that is not a whole number of intervals, is the problem. O(count).
 *
 * @example checkIntervalGrid([0, 900_000, 2_700_000], 3) // { ok: true, intervalMinutes: 15 }
 */
export function checkIntervalGrid(sortedMs: ArrayLike<number>, count: number, givenMinutes?: number): GridCheck {
  let g = 0;
  let distinct = count > 0 ? 1 : 0;
  for (let k = 1; k < count; k++) {
    const gap = (sortedMs[k] as number) - (sortedMs[k - 1] as number);
    if (gap !== 0) distinct++;
    // gcd(g, gap) = g when g divides gap: skip the division loop on a regular grid.
    if (gap !== 0 && (g === 0 || gap % g !== 0)) g = gcd(g, gap);
  }
  let intervalMinutes = givenMinutes;
  if (intervalMinutes !== undefined) {
    // 30-minute rows declared as 15 minutes would be staffed as if each held a quarter hour's calls.
    const dataMinutes = g / 60_000;
    if (distinct >= 2 && dataMinutes > intervalMinutes && dataMinutes % intervalMinutes === 0)
      return { ok: false, problem: 'coarser', intervalMinutes, dataMinutes };
  } else {
    intervalMinutes = g / 60_000;
    if (distinct < 2 || !isIntervalMinutes(intervalMinutes))
      return { ok: false, problem: 'uninferable', intervalMinutes, distinct };
  }
  const stepMs = intervalMinutes * 60_000;
  for (let k = 1; k < count; k++) {
    const gapMs = (sortedMs[k] as number) - (sortedMs[k - 1] as number);
    if (gapMs === 0) return { ok: false, problem: 'repeated', at: k, gapMs, intervalMinutes };
    if (gapMs % stepMs !== 0) return { ok: false, problem: 'off-grid', at: k, gapMs, intervalMinutes };
  }
  return { ok: true, intervalMinutes };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}
