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
