/**
 * The zone an ISO time's written offset stands for, so that outputs keep the offset the input had
 * (docs/semantics.md, Units and names: "outputs carry the offset") when no IANA zone is given.
 */
const OFFSET = /([zZ]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * `...Z` -> `UTC`, `...+01:00` / `+0100` / `+01` -> `UTC+01:00` (a fixed-offset zone that
 * `formatInstant` writes back as `+01:00`), a wall-clock time without offset -> undefined.
 *
 * @example offsetZoneOf('2026-06-01T08:00:00+01:00') // 'UTC+01:00'
 */
export function offsetZoneOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/\d[T ]\d/.test(trimmed)) return undefined; // a date alone, or not a time
  const m = OFFSET.exec(trimmed);
  if (!m) return undefined;
  const raw = (m[1] as string).toUpperCase();
  if (raw === 'Z') return 'UTC';
  const normal = raw.length === 3 ? `${raw}:00` : raw.includes(':') ? raw : `${raw.slice(0, 3)}:${raw.slice(3)}`;
  return normal === '+00:00' || normal === '-00:00' ? 'UTC' : `UTC${normal}`;
}

/**
 * The one offset zone of the times that carry an offset: `{ zone }` (undefined when none does),
 * or `{ several: [a, b] }` with the first two that differ (a daylight-saving change: only an
 * IANA zone can say which local day a time falls on then). O(n).
 */
export function singleOffsetZone(
  times: Iterable<string | number>,
): { zone: string | undefined; several?: undefined } | { zone?: undefined; several: [string, string] } {
  let found: string | undefined;
  for (const t of times) {
    if (typeof t !== 'string') continue;
    const zone = offsetZoneOf(t);
    if (zone === undefined) continue;
    if (found === undefined) found = zone;
    else if (found !== zone) return { several: [found, zone] };
  }
  return { zone: found };
}
