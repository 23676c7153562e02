import { readIsoFields, wallClockMs } from './iso-fields.js';
import { DateTime, IANAZone, Info, type Zone } from 'luxon';
import { WfmError } from '../errors.js';
import { ZONE_FIX } from './local-time.js';

/** Interval lengths the engine accepts, in minutes (docs/semantics.md, "Units and names"). */
export const INTERVAL_MINUTES = [5, 6, 10, 15, 20, 30, 60] as const;
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number];

export function isIntervalMinutes(value: number): value is IntervalMinutes {
  return (INTERVAL_MINUTES as readonly number[]).includes(value);
}

/**
 * Throws `WFM_ERR_INPUT_TIME` unless `zone` is a valid IANA zone name, "UTC", or a fixed offset
 * `UTC+01:00` (the zone of input written at one offset: time/offset-zone.ts).
 */
export function assertTimeZone(zone: string, field = 'timeZone'): void {
  if (!IANAZone.isValidZone(zone) && !/^UTC[+-](0\d|1[0-4]):[0-5]\d$/.test(zone)) {
    throw new WfmError('WFM_ERR_INPUT_TIME', `${field}: unknown IANA time zone "${zone}": ${ZONE_FIX}`, {
      issues: [{ path: [field], message: `unknown time zone "${zone}"` }],
    });
  }
}

const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Parses an interval start or timestamp to epoch milliseconds.
 *
 * - ISO 8601 with an offset (`2026-03-08T09:00:00-04:00`, `...Z`) is taken as written.
 * - Local wall-clock time without an offset (`2026-03-08 09:00`) is read in `timeZone`
 *   (default UTC). A local time that does not exist (inside a spring-forward gap) is an error,
 *   not silently moved. A repeated local time (fall back) resolves to its earlier instant.
 *
 * @param field names the field in error messages, e.g. `intervals[3].start` or `line 12 start`.
 */
export function parseInstant(text: string, timeZone = 'UTC', field = 'start'): number {
  const trimmed = text.trim();
  const iso = trimmed.replace(' ', 'T');
  const fast = fastParse(iso, timeZone);
  if (fast !== undefined) return fast;
  if (HAS_OFFSET.test(iso)) {
    const dt = DateTime.fromISO(iso, { setZone: true });
    if (!dt.isValid) throw badTime(field, text);
    return dt.toMillis();
  }
  const dt = DateTime.fromISO(iso, { zone: timeZone });
  if (!dt.isValid) throw badTime(field, text);
  // luxon moves a non-existent local time forward; a round trip reveals it.
  const local = DateTime.fromISO(iso, { zone: 'UTC' });
  if (dt.toFormat("yyyy-LL-dd'T'HH:mm:ss.SSS") !== local.toFormat("yyyy-LL-dd'T'HH:mm:ss.SSS")) {
    throw badTime(field, text, `the local time does not exist in ${timeZone} (the daylight-saving gap)`);
  }
  return dt.toMillis();
}

/**
 * The error for a time that cannot be read: the field, the text as the user wrote it, why, and how
 * to write it (no library wording, no text the user did not write).
 */
function badTime(field: string, text: string, why?: string): WfmError {
  const slashed = /^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})/.exec(text);
  const reason =
    why ??
    (slashed
      ? `a date like ${slashed[1]}/${slashed[2]}/${slashed[3]} is ambiguous (day/month or month/day): write ` +
        `${slashed[3]}-MM-DD, e.g. ${slashed[3]}-${slashed[2]?.padStart(2, '0')}-${slashed[1]?.padStart(2, '0')} ` +
        'for day/month'
      : 'write ISO 8601: 2026-06-01T08:00, 2026-06-01 08:00 or 2026-06-01T08:00+02:00');
  return new WfmError('WFM_ERR_INPUT_TIME', `${field}: cannot read "${text}" as a time: ${reason}.`, {
    issues: [{ path: field.split('.'), message: `cannot read "${text}" as a time: ${reason}` }],
  });
}

/** Formats epoch milliseconds as ISO 8601 with the offset of `timeZone`, without milliseconds. */
export function formatInstant(epochMs: number, timeZone = 'UTC'): string {
  const fast = fastFormat(epochMs, timeZone);
  if (fast !== undefined) return fast;
  const dt = DateTime.fromMillis(epochMs, { zone: timeZone });
  return dt.toISO({ suppressMilliseconds: true }) ?? new Date(epochMs).toISOString();
}

/** A moment as people read it in a plan: "Thu 04/06 18:00" in `timeZone` (weekday, day/month, 24 h clock). */
export function formatLocalLabel(epochMs: number, timeZone = 'UTC'): string {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).setLocale('en-GB').toFormat('ccc dd/LL HH:mm');
}

/**
 * An ISO 8601 instant as people read it, in the clock its own offset gives: "Mon 01/06 08:00" for
 * `2026-06-01T08:00:00-04:00` (plans and rosters write their instants with the centre's offset).
 */
export function isoLocalLabel(iso: string): string {
  const dt = DateTime.fromISO(iso, { setZone: true });
  return dt.isValid ? dt.setLocale('en-GB').toFormat('ccc dd/LL HH:mm') : iso;
}

/** The calendar day of an ISO 8601 instant in its own offset, as people read it: "Monday 1 June 2026". */
export function isoDayLabel(iso: string): string {
  const dt = DateTime.fromISO(iso, { setZone: true });
  return dt.isValid ? dt.setLocale('en-GB').toFormat('cccc d LLLL yyyy') : iso;
}

/**
 * Infers the interval length from sorted, distinct starts (epoch ms): the greatest common divisor
 * of the gaps, which must be one of `INTERVAL_MINUTES`. Gaps (missing intervals) are allowed.
 */
export function inferIntervalMinutes(sortedStartsMs: readonly number[]): IntervalMinutes {
  let g = 0;
  for (let i = 1; i < sortedStartsMs.length; i++) {
    const d = (sortedStartsMs[i] as number) - (sortedStartsMs[i - 1] as number);
    g = gcd(g, d);
  }
  const minutes = g / 60_000;
  if (sortedStartsMs.length < 2 || !isIntervalMinutes(minutes)) {
    throw new WfmError(
      'WFM_ERR_INPUT_TIME',
      sortedStartsMs.length < 2
        ? 'Cannot infer the interval length from fewer than two starts; give intervalMinutes.'
        : `Interval starts are ${minutes} minutes apart, which is not one of ${INTERVAL_MINUTES.join(', ')}.`,
      { issues: [{ path: ['intervalMinutes'], message: 'cannot infer' }] },
    );
  }
  return minutes;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

// ---- Fast paths. Each gives luxon's exact answer or `undefined` (then luxon decides). ----
// A staffing week is 672 starts: luxon costs ~5 us to parse one and ~10 us to find one IANA
// offset (Intl formatToParts), which dominated the request. tests/foundation/time.test.ts checks
// the fast paths against luxon on random instants, including DST transitions.

/**
 * Epoch ms of an ISO timestamp with an explicit offset (or wall-clock time in "UTC"), read by
 * hand (time/iso-fields.ts); `undefined` for anything else (other forms, out-of-range fields:
 * luxon then parses or rejects it). Same arithmetic as luxon: Date.UTC of the fields minus the
 * offset, milliseconds as floor(0.fraction x 1000).
 */
function fastParse(iso: string, timeZone: string): number | undefined {
  const f = readIsoFields(iso);
  if (f === undefined || f.separator !== 'T') return undefined;
  if (f.offsetMinutes === undefined && timeZone !== 'UTC') return undefined;
  return wallClockMs(f) - (f.offsetMinutes ?? 0) * 60_000;
}

/** How a zone name formats: a fixed offset (luxon writes 0 as "Z"), an IANA zone, or luxon only. */
type ZoneInfo =
  | { kind: 'fixed'; suffix: string; offsetMinutes: number }
  | { kind: 'iana'; zone: Zone; window: OffsetWindow }
  | { kind: 'luxon' };

/** A span [fromMs, toMs] whose two ends have the same offset: taken as constant in between. */
interface OffsetWindow {
  fromMs: number;
  toMs: number;
  offsetMinutes: number;
}

/**
 * Offsets are re-read from luxon at most once per this span. Assumption: no zone changes its
 * offset and back again within 6 hours (true of the tz database: DST changes are months apart),
 * so equal offsets at both ends mean the offset is constant between them.
 */
const OFFSET_WINDOW_MS = 6 * 3_600_000;
/** Zone infos, by name; bounded (zone names come from requests). */
const zoneInfos = new Map<string, ZoneInfo>();
const MAX_ZONE_INFOS = 1_000;

function zoneInfo(timeZone: string): ZoneInfo {
  let info = zoneInfos.get(timeZone);
  if (info !== undefined) return info;
  const zone = Info.normalizeZone(timeZone);
  if (!zone.isValid) info = { kind: 'luxon' };
  else if (zone.isUniversal) {
    const offsetMinutes = zone.offset(0);
    info = Number.isInteger(offsetMinutes)
      ? { kind: 'fixed', offsetMinutes, suffix: offsetMinutes === 0 ? 'Z' : offsetSuffix(offsetMinutes) }
      : { kind: 'luxon' };
  } else if (zone.type === 'iana') info = { kind: 'iana', zone, window: { fromMs: NaN, toMs: NaN, offsetMinutes: 0 } };
  else info = { kind: 'luxon' };
  if (zoneInfos.size >= MAX_ZONE_INFOS) zoneInfos.clear();
  zoneInfos.set(timeZone, info);
  return info;
}

/** luxon's offset of an IANA zone at `epochMs`, from the cached window when it covers it. */
function ianaOffset(zone: Zone, window: OffsetWindow, epochMs: number): number {
  if (epochMs >= window.fromMs && epochMs <= window.toMs) return window.offsetMinutes;
  const offsetMinutes = zone.offset(epochMs);
  const toMs = epochMs + OFFSET_WINDOW_MS;
  if (zone.offset(toMs) === offsetMinutes) {
    window.fromMs = epochMs;
    window.toMs = toMs;
    window.offsetMinutes = offsetMinutes;
  }
  return offsetMinutes;
}

/** luxon's `toISO({ suppressMilliseconds: true })`, built by hand; `undefined` when luxon must decide. */
function fastFormat(epochMs: number, timeZone: string): string | undefined {
  if (!Number.isInteger(epochMs)) return undefined;
  const info = zoneInfo(timeZone);
  if (info.kind === 'luxon') return undefined;
  const offsetMinutes = info.kind === 'fixed' ? info.offsetMinutes : ianaOffset(info.zone, info.window, epochMs);
  if (!Number.isInteger(offsetMinutes)) return undefined;
  const local = new Date(epochMs + offsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return undefined;
  const ms = local.getUTCMilliseconds();
  return (
    `${year}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}T${pad2(local.getUTCHours())}` +
    `:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}` +
    (ms === 0 ? '' : `.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}`) +
    (info.kind === 'fixed' ? info.suffix : offsetSuffix(offsetMinutes))
  );
}

/** `+hh:mm` / `-hh:mm` as luxon writes it (an IANA zone at offset 0 is `+00:00`, not `Z`). */
function offsetSuffix(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.trunc(abs / 60))}:${pad2(abs % 60)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}
