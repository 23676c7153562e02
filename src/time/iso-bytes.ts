/**
 * ISO 8601 instants read straight from UTF-8 bytes (a JSON body), for the staffing fast path: the
 * same arithmetic as `parseInstant` for the forms it handles, NaN for every other form (the caller
 * then uses `parseInstant`). tests/api/staffing-fast-body.test.ts checks it against parseInstant.
 */
import { daysInMonth } from './iso-fields.js';

const ZERO = 48;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const COLON = 58;

/** Bytes [from, to) of ASCII text as a string. */
function ascii(t: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += String.fromCharCode(t[k] as number);
  return s;
}

/** Two decimal digits at `at`, or -1. */
function two(t: Uint8Array, at: number): number {
  const a = (t[at] as number) - ZERO;
  const b = (t[at + 1] as number) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `YYYY-MM-DDTHH:mm:ss`, optionally `.fff` (three digits), then `Z`, `±HH:mm`, or (in UTC only)
 * nothing, read by character code: epoch ms, or NaN for any other form or an out-of-range field
 * (then `parseInstant` reads it). The arithmetic is parseInstant's: Date.UTC of the fields minus
 * the offset, the milliseconds as floor(parseFloat("0.fff") x 1000).
 */
export function readIsoStart(t: Uint8Array, from: number, to: number, utc: boolean): number {
  let len = to - from;
  if (len < 19 || len > 29) return Number.NaN;
  if ((t[from + 4] as number) !== MINUS || (t[from + 7] as number) !== MINUS || (t[from + 10] as number) !== 84)
    return Number.NaN;
  if ((t[from + 13] as number) !== COLON || (t[from + 16] as number) !== COLON) return Number.NaN;
  const hi = two(t, from);
  const lo = two(t, from + 2);
  const month = two(t, from + 5);
  const day = two(t, from + 8);
  const hour = two(t, from + 11);
  const minute = two(t, from + 14);
  const second = two(t, from + 17);
  if (
    hi < 10 ||
    lo < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return Number.NaN;
  const year = hi * 100 + lo;
  if (day > daysInMonth(year, month)) return Number.NaN;
  let millisecond = 0;
  let at = from + 19;
  if ((t[at] as number) === DOT) {
    const a = (t[at + 1] as number) - ZERO;
    const frac = two(t, at + 2);
    if (!(a >= 0 && a <= 9) || frac < 0) return Number.NaN;
    if (a !== 0 || frac !== 0) millisecond = Math.floor(parseFloat(`0.${ascii(t, at + 1, at + 4)}`) * 1000);
    at += 4;
    len -= 4;
  }
  let offsetMinutes = 0;
  if (len === 19) {
    if (!utc) return Number.NaN;
  } else if (len === 20) {
    const z = t[at] as number;
    if (z !== 90 && z !== 122) return Number.NaN;
  } else if (len === 25) {
    const sign = t[at] as number;
    if ((sign !== PLUS && sign !== MINUS) || (t[at + 3] as number) !== COLON) return Number.NaN;
    const offHours = two(t, at + 1);
    const offMinutes = two(t, at + 4);
    if (offHours < 0 || offHours > 23 || offMinutes < 0 || offMinutes > 59) return Number.NaN;
    offsetMinutes = (sign === MINUS ? -1 : 1) * (offHours * 60 + offMinutes);
  } else {
    return Number.NaN;
  }
  // Date.UTC(year, month - 1, day, hour, minute, second, millisecond) in integer arithmetic
  // (exact for these fields: every term is an integer below 2^53). Consecutive starts mostly
  // share their day: its number is kept.
  if (year !== lastYear || month !== lastMonth || day !== lastDay) {
    lastYear = year;
    lastMonth = month;
    lastDay = day;
    lastDays = daysFromCivil(year, month, day);
  }
  return (lastDays * 86_400 + hour * 3600 + minute * 60 + second) * 1000 + millisecond - offsetMinutes * 60_000;
}

// A one-entry cache of the last date's day number, per thread: consecutive starts of a week share a
// date, and the day number is a pure function of it.
let lastYear = 0;
let lastMonth = 0;
let lastDay = 0;
let lastDays = 0;

/** Days from 1970-01-01 to a proleptic Gregorian date (month 1-12); H. Hinnant's days_from_civil. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
