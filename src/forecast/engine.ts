import { weekdayOf } from '../time/local-time.js';
import { COMBO_MEMBERS, METHODS } from './methods/index.js';
import type { ForecastMethod } from './types.js';

/** Training data at one origin: the first `days` days of the slot grid. */
export interface Training {
  train: Float64Array;
  days: number;
  slotsPerDay: number;
  /** Local epoch day of training day 0. */
  firstDay: number;
  /** Open mask over (weekday, slot) from the opening hours, or undefined. */
  openMask?: Uint8Array | undefined;
}

/**
 * (weekday, slot) pairs with no row at all on the last 8 days of that weekday in weeks that have
 * data (some row within 3 days either side; at least 2 such days): an export of a weekday-only
 * centre has no weekend rows, and one that opens Saturday mornings only has no Saturday-afternoon
 * rows. Read as closed, not as missing: a gap on one weekday only, week after week, is not a data
 * gap, while weeks with no data at all (an outage of the feed) are not counted. Mask over
 * (weekday 0 = Monday, slot). O(8 x 7 x slots + days x slots).
 */
export function absentMask(t: Training): Uint8Array {
  const S = t.slotsPerDay;
  const absent = new Uint8Array(7 * S);
  const hasData = new Uint8Array(t.days);
  for (let d = 0; d < t.days; d++) {
    for (let s = 0; s < S; s++) {
      if (!Number.isNaN(t.train[d * S + s] as number)) {
        hasData[d] = 1;
        break;
      }
    }
  }
  const reported = (d: number): boolean => {
    for (let e = Math.max(0, d - 3); e <= Math.min(t.days - 1, d + 3); e++) if (hasData[e] === 1) return true;
    return false;
  };
  for (let back = 1; back <= 7; back++) {
    const end = t.days - back;
    if (end < 0) continue;
    const w = weekdayOf(t.firstDay + end);
    const days: number[] = [];
    for (let d = end; d >= 0 && days.length < 8; d -= 7) if (reported(d)) days.push(d);
    if (days.length < 2) continue;
    for (let s = 0; s < S; s++) {
      if (days.every((d) => Number.isNaN(t.train[d * S + s] as number))) absent[w * S + s] = 1;
    }
  }
  return absent;
}

/**
 * Slots forecast as closed: closed by the opening hours, with at least two observations among
 * the last 8 same-weekday days and all of them 0, or with no row at all there (`absentMask`): a
 * centre closed at night or on a weekday needs no telling. Mask over (weekday 0 = Monday, slot).
 * O(8 x 7 x slots + days).
 */
export function closedMask(t: Training): Uint8Array {
  const S = t.slotsPerDay;
  const closed = absentMask(t);
  for (let back = 1; back <= 7; back++) {
    const last = t.days - back;
    if (last < 0) continue;
    const w = weekdayOf(t.firstDay + last);
    for (let s = 0; s < S; s++) {
      if (t.openMask && t.openMask[w * S + s] === 0) {
        closed[w * S + s] = 1;
        continue;
      }
      let seen = 0;
      let nonZero = false;
      for (let d = last, k = 0; d >= 0 && k < 8; d -= 7, k++) {
        const v = t.train[d * S + s] as number;
        if (Number.isNaN(v)) continue;
        seen++;
        if (v !== 0) nonZero = true;
      }
      if (seen >= 2 && !nonZero) closed[w * S + s] = 1;
    }
  }
  return closed;
}

/**
 * Makes a method's raw output usable: a slot it could not forecast takes the mean of every known
 * value of that weekday and slot (else of that slot, else 0); negatives become 0; closed slots 0.
 */
function finalize(raw: Float64Array, t: Training, closed: Uint8Array): Float64Array {
  const S = t.slotsPerDay;
  const out = new Float64Array(raw.length);
  let fallback: Float64Array | undefined;
  for (let i = 0; i < raw.length; i++) {
    const h = Math.floor(i / S);
    const s = i - h * S;
    const w = weekdayOf(t.firstDay + t.days + h);
    if (closed[w * S + s] === 1) continue;
    let v = raw[i] as number;
    if (Number.isNaN(v)) {
      fallback ??= fallbackMeans(t);
      v = fallback[w * S + s] as number;
    }
    out[i] = v > 0 ? v : 0;
  }
  return out;
}

function fallbackMeans(t: Training): Float64Array {
  const S = t.slotsPerDay;
  const sum = new Float64Array(8 * S);
  const count = new Float64Array(8 * S);
  for (let d = 0; d < t.days; d++) {
    const w = weekdayOf(t.firstDay + d);
    for (let s = 0; s < S; s++) {
      const v = t.train[d * S + s] as number;
      if (Number.isNaN(v)) continue;
      for (const k of [w * S + s, 7 * S + s]) {
        sum[k] = (sum[k] as number) + v;
        count[k] = (count[k] as number) + 1;
      }
    }
  }
  const out = new Float64Array(7 * S);
  for (let w = 0; w < 7; w++) {
    for (let s = 0; s < S; s++) {
      const k = w * S + s;
      const all = 7 * S + s;
      out[k] =
        (count[k] as number) > 0
          ? (sum[k] as number) / (count[k] as number)
          : (count[all] as number) > 0
            ? (sum[all] as number) / (count[all] as number)
            : 0;
    }
  }
  return out;
}

/**
 * Forecasts `horizonDays` days after the training with each of `methods` (finalized: no NaN,
 * no negatives, closed slots 0). `combo` is the equal-weight mean of its members, which are run
 * once and shared.
 */
export function runMethods(
  t: Training,
  horizonDays: number,
  methods: readonly ForecastMethod[],
): Map<ForecastMethod, Float64Array> {
  const closed = closedMask(t);
  const out = new Map<ForecastMethod, Float64Array>();
  const run = (m: ForecastMethod): Float64Array => {
    const done = out.get(m);
    if (done) return done;
    let f: Float64Array;
    if (m === 'combo') {
      const members = COMBO_MEMBERS.map(run);
      f = new Float64Array(horizonDays * t.slotsPerDay);
      for (const member of members)
        for (let i = 0; i < f.length; i++) f[i] = (f[i] as number) + (member[i] as number) / members.length;
    } else {
      const raw = METHODS[m].fn({
        train: t.train,
        days: t.days,
        slotsPerDay: t.slotsPerDay,
        horizonDays,
        firstDay: t.firstDay,
      });
      f = finalize(raw, t, closed);
    }
    out.set(m, f);
    return f;
  };
  for (const m of methods) run(m);
  return out;
}
