import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatInstant, inferIntervalMinutes, parseInstant } from '../../src/time/instant.js';
import { isWfmError } from '../../src/errors.js';

describe('parseInstant', () => {
  it('takes ISO with an offset as written', () => {
    expect(parseInstant('2026-03-08T09:00:00-04:00')).toBe(Date.UTC(2026, 2, 8, 13, 0, 0));
  });

  it('reads wall-clock time in the given zone', () => {
    // New York is UTC-5 in January (EST).
    expect(parseInstant('2026-01-05 08:30', 'America/New_York')).toBe(Date.UTC(2026, 0, 5, 13, 30));
  });

  it('rejects a local time inside the spring-forward gap', () => {
    // 2026-03-08 02:30 does not exist in New York (clocks jump 02:00 -> 03:00).
    expect(() => parseInstant('2026-03-08T02:30', 'America/New_York', 'line 4 start')).toThrowError(/does not exist/);
  });

  it('names the field of an unparsable time', () => {
    try {
      parseInstant('yesterday', 'UTC', 'intervals[2].start');
      expect.unreachable();
    } catch (error) {
      expect(isWfmError(error) && error.code).toBe('WFM_ERR_INPUT_TIME');
      expect((error as Error).message).toContain('intervals[2].start');
    }
  });

  it('formats with the zone offset', () => {
    expect(formatInstant(Date.UTC(2026, 6, 1, 12, 0), 'Europe/London')).toBe('2026-07-01T13:00:00+01:00');
  });
});

describe('inferIntervalMinutes', () => {
  const t0 = Date.UTC(2026, 0, 5);
  it('uses the greatest common gap, so missing intervals do not change it', () => {
    expect(inferIntervalMinutes([t0, t0 + 15 * 60e3, t0 + 60 * 60e3])).toBe(15);
  });
  it('rejects a grid that is not an allowed interval', () => {
    expect(() => inferIntervalMinutes([t0, t0 + 7 * 60e3])).toThrowError(/7 minutes/);
  });
});

// The fast paths of parseInstant / formatInstant (hand-built ISO parsing and formatting, cached
// zone offsets) must give luxon's answer exactly: luxon itself is the reference here.
describe('fast ISO paths agree with luxon', () => {
  const ZONES = [
    'UTC',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'America/Sao_Paulo',
    'Etc/UTC',
    'Asia/Kolkata',
  ];
  // Instants from 1950 to 2060, whole milliseconds.
  const instant = fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2060, 0, 1) });
  // DST transitions (UTC instants), computed by hand from the tz rules: New York 2026-03-08 07:00Z
  // (02:00 EST -> 03:00 EDT) and 2026-11-01 06:00Z; London 2026-03-29 01:00Z and 2026-10-25 01:00Z;
  // Lord Howe 2026-04-04 15:00Z (02:00 +11 -> 01:30 +10:30) and 2026-10-03 15:30Z.
  const TRANSITIONS: [string, number][] = [
    ['America/New_York', Date.UTC(2026, 2, 8, 7)],
    ['America/New_York', Date.UTC(2026, 10, 1, 6)],
    ['Europe/London', Date.UTC(2026, 2, 29, 1)],
    ['Europe/London', Date.UTC(2026, 9, 25, 1)],
    ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
    ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 15, 30)],
  ];
  const luxonFormat = (ms: number, zone: string): string | null =>
    DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });

  it('the transitions above are where luxon sees the offset change', () => {
    for (const [zone, ms] of TRANSITIONS) {
      expect(DateTime.fromMillis(ms - 1, { zone }).offset).not.toBe(DateTime.fromMillis(ms, { zone }).offset);
    }
  });

  it('formats random instants in each zone as luxon does', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.boolean(), (ms, zone, keepMs) => {
        const t = keepMs ? ms : ms - (ms % 1000);
        expect(formatInstant(t, zone)).toBe(luxonFormat(t, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('formats interval grids across DST transitions as luxon does (in order and shuffled)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRANSITIONS),
        fc.integer({ min: -48, max: 48 }),
        fc.constantFrom(5, 15, 30, 60),
        fc.boolean(),
        ([zone, at], offsetSteps, minutes, reverse) => {
          const step = minutes * 60_000;
          const starts = Array.from({ length: 96 }, (_, i) => at + (offsetSteps - 48 + i) * step);
          if (reverse) starts.reverse();
          for (const ms of starts) expect(formatInstant(ms, zone)).toBe(luxonFormat(ms, zone));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('formats Kathmandu (+05:45, and +05:30 before 1986) as luxon does', () => {
    expect(formatInstant(Date.UTC(2026, 0, 1, 3, 0), 'Asia/Kathmandu')).toBe('2026-01-01T08:45:00+05:45');
    const change = Date.UTC(1985, 11, 31, 18, 30); // 1986-01-01 00:00 +05:30 became 00:15 +05:45 (tz data)
    for (let ms = change - 3 * 3_600_000; ms <= change + 3 * 3_600_000; ms += 15 * 60_000) {
      expect(formatInstant(ms, 'Asia/Kathmandu')).toBe(luxonFormat(ms, 'Asia/Kathmandu'));
    }
  });

  it('parses ISO text with an explicit offset as luxon does', () => {
    const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        fc.constantFrom('Z', 'z', '+HH:mm', '+HHmm', '+HH', 'none'),
        fc.constantFrom('', ':ss', ':ss.f'),
        fc.stringMatching(/^\d{1,9}$/),
        fc.constantFrom('T', ' '),
        (ms, offsetMinutes, offsetForm, secondsForm, fraction, separator) => {
          const zero = offsetForm === 'Z' || offsetForm === 'z' || offsetForm === 'none';
          const off = zero ? 0 : offsetForm === '+HH' ? Math.trunc(offsetMinutes / 60) * 60 : offsetMinutes;
          const d = new Date(ms + off * 60_000);
          const sign = off < 0 ? '-' : '+';
          const suffix = zero
            ? offsetForm === 'none'
              ? ''
              : offsetForm
            : offsetForm === '+HH:mm'
              ? `${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`
              : offsetForm === '+HHmm'
                ? `${sign}${pad(Math.trunc(off / 60))}${pad(off % 60)}`
                : `${sign}${pad(Math.trunc(off / 60))}`;
          const seconds =
            secondsForm === '' ? '' : `:${pad(d.getUTCSeconds())}${secondsForm === ':ss.f' ? `.${fraction}` : ''}`;
          const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${separator}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds}${suffix}`;
          const iso = text.replace(' ', 'T');
          const expected =
            offsetForm === 'none'
              ? DateTime.fromISO(iso, { zone: 'UTC' }).toMillis()
              : DateTime.fromISO(iso, { setZone: true }).toMillis();
          expect(parseInstant(text)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('rejects or falls back to luxon on out-of-range fields exactly as before', () => {
    expect(() => parseInstant('2026-02-30T09:00:00Z')).toThrowError(/cannot read/);
    expect(() => parseInstant('2026-13-01T09:00:00Z')).toThrowError(/cannot read/);
    expect(() => parseInstant('2026-01-01T25:00:00Z')).toThrowError(/cannot read/);
    // 24:00 is the end of the day in ISO 8601; luxon reads it as the next midnight.
    expect(parseInstant('2026-01-01T24:00:00Z')).toBe(
      DateTime.fromISO('2026-01-01T24:00:00Z', { setZone: true }).toMillis(),
    );
    expect(parseInstant('2024-02-29T23:59:59.999+14:00')).toBe(Date.UTC(2024, 1, 29, 9, 59, 59, 999));
  });
});
