import { DateTime, IANAZone } from 'luxon';
import { WfmError } from '../errors.js';

/** Interval lengths the engine accepts, in minutes (design.md, "Units and names"). */
export const INTERVAL_MINUTES = [5, 6, 10, 15, 20, 30, 60] as const;
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number];

export function isIntervalMinutes(value: number): value is IntervalMinutes {
  return (INTERVAL_MINUTES as readonly number[]).includes(value);
}

/** Throws `WFM_ERR_INPUT_TIME` unless `zone` is a valid IANA zone name (or "UTC"). */
export function assertTimeZone(zone: string, field = 'timeZone'): void {
  if (!IANAZone.isValidZone(zone)) {
    throw new WfmError('WFM_ERR_INPUT_TIME', `${field}: unknown IANA time zone "${zone}".`, {
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
  if (HAS_OFFSET.test(iso)) {
    const dt = DateTime.fromISO(iso, { setZone: true });
    if (!dt.isValid) throw badTime(field, text, dt.invalidExplanation ?? dt.invalidReason);
    return dt.toMillis();
  }
  const dt = DateTime.fromISO(iso, { zone: timeZone });
  if (!dt.isValid) throw badTime(field, text, dt.invalidExplanation ?? dt.invalidReason);
  // luxon moves a non-existent local time forward; a round trip reveals it.
  const local = DateTime.fromISO(iso, { zone: 'UTC' });
  if (dt.toFormat("yyyy-LL-dd'T'HH:mm:ss.SSS") !== local.toFormat("yyyy-LL-dd'T'HH:mm:ss.SSS")) {
    throw badTime(field, text, `local time does not exist in ${timeZone} (daylight-saving gap)`);
  }
  return dt.toMillis();
}

function badTime(field: string, text: string, why: string | null): WfmError {
  return new WfmError('WFM_ERR_INPUT_TIME', `${field}: cannot read "${text}" as a time (${why ?? 'invalid'}).`, {
    issues: [{ path: field.split('.'), message: `unparsable time "${text}"` }],
  });
}

/** Formats epoch milliseconds as ISO 8601 with the offset of `timeZone`, without milliseconds. */
export function formatInstant(epochMs: number, timeZone = 'UTC'): string {
  const dt = DateTime.fromMillis(epochMs, { zone: timeZone });
  return dt.toISO({ suppressMilliseconds: true }) ?? new Date(epochMs).toISOString();
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
