import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { FORECAST_METHODS, type ForecastMethodChoice } from '../../src/forecast/types.js';
import { syntheticRows, weeklyPattern } from './helpers.js';

const local = (iso: string, zone: string): DateTime => DateTime.fromISO(iso, { setZone: true }).setZone(zone);
const expected = (iso: string, zone: string): number => {
  const dt = local(iso, zone);
  return weeklyPattern(dt.weekday, dt.hour * 60 + dt.minute);
};

describe('a fixed weekly pattern', () => {
  // 10 weeks of hourly history (2026-01-05 is a Monday), forecast the 11th week.
  const rows = syntheticRows('2026-01-05', 70, 'UTC', 60, weeklyPattern);
  const exact: ForecastMethodChoice[] = ['auto', 'snaive', 'avg4', 'avg8', 'wavg8', 'median8', 'dshw'];

  it.each(exact)(
    'is reproduced exactly by %s (every value is the pattern, computed by hand from weeklyPattern)',
    (method) => {
      const result = forecast(rows, { method });
      expect(result.intervals).toHaveLength(7 * 24);
      expect(result.intervals[0]?.start).toBe('2026-03-16T00:00:00Z');
      for (const row of result.intervals) expect(row.volume).toBeCloseTo(expected(row.start, 'UTC'), 6);
    },
  );

  it('gives every method a zero-error backtest where the method is exact, and auto pools only those', () => {
    const result = forecast(rows, {});
    const scores = new Map(result.report.methods.map((m) => [m.method, m.meanWape]));
    for (const m of ['snaive', 'avg4', 'avg8', 'median8', 'dshw'] as const) expect(scores.get(m)).toBe(0);
    expect(result.methods.length).toBeGreaterThan(0);
    for (const m of result.methods) expect(scores.get(m)).toBe(0);
    expect(result.backtestWape).toBe(0);
    // Default origins: (70 history days - 7 horizon days - 35 days the 8-week methods need) / 7 + 1 = 5.
    expect(result.report.origins).toHaveLength(5);
    expect(result.report.methods.map((m) => m.method).sort()).toEqual([...FORECAST_METHODS].sort());
  });

  it('keeps closed hours at exactly 0, band included, for every method', () => {
    for (const method of FORECAST_METHODS) {
      const result = forecast(rows, { method });
      for (const row of result.intervals) {
        const hour = Number(row.start.slice(11, 13));
        if (hour < 7 || hour >= 22)
          expect([row.volume, row.volumeP10, row.volumeP90], `${method} ${row.start}`).toEqual([0, 0, 0]);
      }
    }
  });

  it('closes what the opening hours close (Sat and Sun closed here)', () => {
    const result = forecast(rows, { openingHours: 'Mon-Fri 07:00-22:00' });
    for (const row of result.intervals) {
      const weekday = DateTime.fromISO(row.start, { setZone: true }).weekday;
      if (weekday >= 6) expect(row.volume).toBe(0);
      else expect(row.volume).toBeCloseTo(expected(row.start, 'UTC'), 6);
    }
  });
});

describe('daylight-saving time', () => {
  const zone = 'America/New_York';

  it('forecasts a 23-hour spring-forward day and keeps the pattern on local time (history also crosses a DST change)', () => {
    // History 2025-10-06 .. 2026-03-07 crosses the fall-back of 2025-11-02; the horizon week
    // starts Sunday 2026-03-08, when clocks go 02:00 -> 03:00 (23 hours).
    const rows = syntheticRows('2025-10-06', 153, zone, 60, weeklyPattern);
    const result = forecast(rows, { timeZone: zone, method: 'avg4', start: '2026-03-08' });
    const byDay = new Map<string, number>();
    for (const row of result.intervals) byDay.set(row.start.slice(0, 10), (byDay.get(row.start.slice(0, 10)) ?? 0) + 1);
    expect(byDay.get('2026-03-08')).toBe(23);
    expect(byDay.get('2026-03-09')).toBe(24);
    expect(result.intervals).toHaveLength(7 * 24 - 1);
    for (const row of result.intervals) expect(row.volume).toBeCloseTo(expected(row.start, zone), 6);
  });

  it('forecasts a 25-hour fall-back day with the repeated hour twice', () => {
    const rows = syntheticRows('2026-08-31', 61, zone, 30, weeklyPattern); // to Sat 2026-10-31
    const result = forecast(rows, { timeZone: zone, method: 'snaive', start: '2026-10-31' });
    const sunday = result.intervals.filter((r) => r.start.startsWith('2026-11-01'));
    expect(sunday).toHaveLength(50);
    expect(sunday.filter((r) => r.start.slice(11, 16) === '01:30').map((r) => r.start)).toEqual([
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:30:00-05:00',
    ]);
    for (const row of result.intervals) expect(row.volume).toBeCloseTo(expected(row.start, zone), 6);
  });

  it('reads wall-clock history in the zone (no offsets) the same as ISO with offsets', () => {
    const rows = syntheticRows('2025-10-06', 60, zone, 60, weeklyPattern);
    const wall = rows.map((r) => ({
      ...r,
      start: DateTime.fromISO(r.start as string, { setZone: true }).toFormat("yyyy-LL-dd'T'HH:mm"),
    }));
    // The repeated 01:00 of 2025-11-02 appears twice in wall-clock form: a real duplicate. Drop the second.
    const seen = new Set<string>();
    const unique = wall.filter((r) => (seen.has(r.start) ? false : (seen.add(r.start), true)));
    const a = forecast(rows, { timeZone: zone, method: 'avg4' });
    const b = forecast(unique, { timeZone: zone, method: 'avg4' });
    expect(b.intervals).toEqual(a.intervals);
  });

  // A naive-local-time export: 24 wall-clock hours every day, including 02:00 on 2026-03-08, an hour
  // New York skips. The rows are kept in their wall-clock slots (the engine's grid is wall-clock),
  // with a note, instead of rejecting the whole file.
  const naiveWallClock = (value: (day: number, hour: number) => number): { start: string; volume: number }[] => {
    const rows: { start: string; volume: number }[] = [];
    for (let day = 0; day < 63; day++) {
      const date = new Date(Date.UTC(2026, 0, 4 + day)).toISOString().slice(0, 10); // 2026-01-04 .. 03-07 (Sun..Sat)
      for (let hour = 0; hour < 24; hour++)
        rows.push({ start: `${date}T${String(hour).padStart(2, '0')}:00`, volume: value(day, hour) });
    }
    for (let hour = 0; hour < 24; hour++)
      rows.push({ start: `2026-03-08T${String(hour).padStart(2, '0')}:00`, volume: hour === 2 ? 7 : 50 });
    return rows;
  };

  it('keeps wall-clock rows that fall in the spring-forward gap in their wall-clock interval, with a note', () => {
    const result = forecast(
      naiveWallClock(() => 50),
      { timeZone: zone, method: 'snaive', start: '2026-03-15' },
    );
    expect(result.notes.some((n) => n.includes('2026-03-08') && n.includes('wall-clock'))).toBe(true);
    // snaive for Sunday 2026-03-15 02:00 (EDT, which exists that day) is the 02:00 row of the Sunday before: 7.
    expect(result.intervals.find((r) => r.start === '2026-03-15T02:00:00-04:00')?.volume).toBe(7);
    expect(result.intervals.find((r) => r.start === '2026-03-15T03:00:00-04:00')?.volume).toBe(50);
  });

  it('counts a contact record stamped in the spring-forward gap in its wall-clock interval', () => {
    // One contact at hh:10 every wall-clock hour 2026-03-01 .. 03-08, 02:10 of 03-08 included.
    const contacts: { timestamp: string }[] = [];
    for (let day = 1; day <= 8; day++)
      for (let hour = 0; hour < 24; hour++)
        contacts.push({ timestamp: `2026-03-0${day}T${String(hour).padStart(2, '0')}:10` });
    const result = forecast(contacts, { timeZone: zone, method: 'snaive', start: '2026-03-15' });
    expect(result.intervals.find((r) => r.start === '2026-03-15T02:00:00-04:00')?.volume).toBe(1);
    expect(result.intervals.find((r) => r.start === '2026-03-15T02:15:00-04:00')?.volume).toBe(0);
  });

  it('still rejects two rows for the same non-existent wall-clock time, naming both', () => {
    const rows = naiveWallClock(() => 50);
    rows.push({ start: '2026-03-08T02:00', volume: 3 });
    expect(() => forecast(rows, { timeZone: zone })).toThrow(
      /history\[1536\]\.start: duplicate interval \(same start as history\[1514\]\.start\)/,
    );
  });
});

describe('gaps are not zeros', () => {
  it('skips a missing day instead of forecasting it as zero', () => {
    // Weeks of a constant 50 per hour; the last Monday (2026-03-09) has no rows at all.
    const rows = syntheticRows('2026-01-05', 70, 'UTC', 60, () => 50).filter(
      (r) => !(r.start as string).startsWith('2026-03-09'),
    );
    for (const method of ['snaive', 'avg4', 'avg8', 'shape', 'dshw'] as const) {
      const result = forecast(rows, { method });
      const monday = result.intervals.filter((r) => r.start.startsWith('2026-03-16'));
      expect(monday).toHaveLength(24);
      for (const row of monday) expect(row.volume, `${method} ${row.start}`).toBeCloseTo(50, 6);
    }
  });

  it('reads a weekday that never has a row (a weekday-only export) as closed, with a note, and a long-missing weekday only', () => {
    // 10 weeks of the pattern without any Saturday or Sunday rows; forecast the next week.
    const rows = syntheticRows('2026-01-05', 70, 'UTC', 60, weeklyPattern).filter(
      (r) => ![0, 6].includes(new Date(r.start as string).getUTCDay()),
    );
    for (const method of ['auto', 'snaive', 'avg8', 'shape', 'dshw'] as const) {
      const result = forecast(rows, { method });
      for (const row of result.intervals) {
        const weekday = new Date(row.start).getUTCDay();
        if (weekday === 0 || weekday === 6)
          expect([row.volume, row.volumeP10, row.volumeP90], `${method} ${row.start}`).toEqual([0, 0, 0]);
      }
      expect(result.notes).toContain(
        'No history rows on Saturdays and Sundays (the last 8 of each): forecast as closed. A row with 0 is "no contacts"; opening hours (--open) say it outright.',
      );
    }
    // The weekdays are still the pattern (snaive: the same hour last week).
    const monday = forecast(rows, { method: 'snaive' }).intervals.find((r) => r.start === '2026-03-16T10:00:00Z');
    expect(monday?.volume).toBe(weeklyPattern(1, 600));
  });

  it('does not read weeks without any data (a feed outage) as closed weekdays', () => {
    // 10 weeks of the pattern, then nothing for 9 weeks, then Monday-Wednesday of one more week;
    // the Saturdays since the outage are all missing, but so is every other day of those weeks.
    const before = syntheticRows('2026-01-05', 70, 'UTC', 60, weeklyPattern);
    const after = syntheticRows('2026-05-18', 3, 'UTC', 60, weeklyPattern);
    const result = forecast([...before, ...after], { method: 'avg4', start: '2026-05-21' });
    const saturday = result.intervals.find((r) => r.start === '2026-05-23T10:00:00Z');
    expect(saturday?.volume).toBe(weeklyPattern(6, 600));
    expect(result.notes.some((n) => n.startsWith('No history rows'))).toBe(false);
  });

  it('reads the hours a half day never has rows for as closed (Saturday rows 09:00-12:59 only)', () => {
    const rows = syntheticRows('2026-01-05', 70, 'UTC', 60, weeklyPattern).filter((r) => {
      const t = new Date(r.start as string);
      return t.getUTCDay() !== 6 || (t.getUTCHours() >= 9 && t.getUTCHours() < 13);
    });
    const saturday = forecast(rows, { method: 'avg4' }).intervals.filter((r) => r.start.startsWith('2026-03-21'));
    for (const row of saturday) {
      const hour = Number(row.start.slice(11, 13));
      expect(row.volume, row.start).toBe(hour >= 9 && hour < 13 ? weeklyPattern(6, hour * 60) : 0);
    }
  });

  it('does forecast zero when zeros were recorded (an explicit 0 is "no contacts")', () => {
    const rows = syntheticRows('2026-01-05', 70, 'UTC', 60, (weekday) => (weekday === 1 ? 0 : 50));
    const monday = forecast(rows, { method: 'avg4' }).intervals.filter((r) => r.start.startsWith('2026-03-16'));
    for (const row of monday) expect(row.volume).toBe(0);
  });
});

describe('degenerate history', () => {
  it('a centre that never had a contact forecasts 0 everywhere, with null WAPE/MASE in the report (JSON-safe)', () => {
    const rows = syntheticRows('2026-01-05', 42, 'UTC', 60, () => 0);
    const result = forecast(rows, {});
    expect(result.intervals.every((r) => r.volume === 0 && r.volumeP90 === 0)).toBe(true);
    expect(result.report.methods[0]?.meanWape).toBeNull();
    expect(result.report.methods[0]?.origins[0]?.mase).toBeNull();
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('special days', () => {
  const rows = syntheticRows('2026-01-05', 70, 'UTC', 60, weeklyPattern);

  it('leaves a past special day out of training', () => {
    // The last Monday is a holiday with 1 contact per hour; excluded, snaive uses the Monday before.
    const holiday = rows.map((r) => ((r.start as string).startsWith('2026-03-09') ? { ...r, volume: 1 } : r));
    const plain = forecast(holiday, { method: 'snaive' }).intervals.find((r) => r.start === '2026-03-16T10:00:00Z');
    const excluded = forecast(holiday, {
      method: 'snaive',
      specialDays: [{ date: '2026-03-09', label: 'holiday' }],
    }).intervals.find((r) => r.start === '2026-03-16T10:00:00Z');
    expect(plain?.volume).toBe(1);
    expect(excluded?.volume).toBe(weeklyPattern(1, 600));
  });

  it('applies a factor and "like a Sunday" to future days', () => {
    const result = forecast(rows, {
      method: 'avg4',
      specialDays: [
        { date: '2026-03-17', factor: 0.5 },
        { date: '2026-03-18', like: 'Sunday' },
      ],
    });
    const at = (iso: string): number | undefined => result.intervals.find((r) => r.start === iso)?.volume;
    expect(at('2026-03-17T10:00:00Z')).toBeCloseTo(weeklyPattern(2, 600) * 0.5, 6); // (40 + 30 + 2) x 0.5
    expect(at('2026-03-18T10:00:00Z')).toBeCloseTo(weeklyPattern(7, 600), 6); // Sunday: 10 + 30 + 7
  });
});

describe('input forms', () => {
  it('sums 15-minute history into 60-minute intervals', () => {
    const rows = syntheticRows('2026-01-05', 35, 'UTC', 15, (w, m) => weeklyPattern(w, m - (m % 60)));
    const result = forecast(rows, { method: 'avg4', intervalMinutes: 60 });
    expect(result.intervalMinutes).toBe(60);
    for (const row of result.intervals) expect(row.volume).toBeCloseTo(4 * expected(row.start, 'UTC'), 6);
  });

  it('aggregates contact records into interval counts and AHT', () => {
    // Each day: 3 contacts at 09:05 (handle 100, 200, 300 s) and 1 at 14:40 (handle 60 s).
    const contacts = [];
    for (let d = 0; d < 28; d++) {
      const day = DateTime.fromISO('2026-01-05', { zone: 'UTC' }).plus({ days: d });
      for (const h of [100, 200, 300])
        contacts.push({ timestamp: day.set({ hour: 9, minute: 5 }).toISO() as string, handleSeconds: h });
      contacts.push({ timestamp: day.set({ hour: 14, minute: 40 }).toISO() as string, handleSeconds: 60 });
    }
    const result = forecast(contacts, { method: 'avg4', intervalMinutes: 30 });
    const at = (hhmm: string) => result.intervals.find((r) => r.start === `2026-02-02T${hhmm}:00Z`);
    expect(at('09:00')?.volume).toBe(3);
    expect(at('14:30')?.volume).toBe(1);
    expect(at('12:00')?.volume).toBe(0);
    // By hand: overall AHT = (600 + 60) / 4 = 165 s; 09:00 over all 28 days = 84 contacts at 200 s,
    // shrunk with k = 30: (84x200 + 30x165) / 114 = 190.789; Monday 09:00 = 12 contacts at 200 s:
    // (12x200 + 30x190.789) / 42 = 193.42.
    expect(at('09:00')?.ahtSeconds).toBeCloseTo(193.42, 2);
  });

  it('weights AHT by volume and shrinks thin intervals toward coarser profiles', () => {
    // Every day: 09:00 has 90 contacts at 300 s and 10:00 has 10 contacts at 600 s.
    const rows = syntheticRows('2026-01-05', 56, 'UTC', 60, (_w, m) => (m === 540 ? 90 : m === 600 ? 10 : 0)).map(
      (r) => ({
        ...r,
        ahtSeconds: (r.start as string).slice(11, 13) === '09' ? 300 : 600,
      }),
    );
    const result = forecast(rows, { method: 'avg4' });
    const at = (hh: string) => result.intervals.find((r) => r.start === `2026-03-02T${hh}:00:00Z`)?.ahtSeconds;
    // By hand: overall = (8 weeks x 7 days x (90x300 + 10x600)) / (56 x 100) = 330 s.
    // 09:00 slot over all days: (56x90x300 + 30x330) / (56x90 + 30) = 300.177...; Monday 09:00: (8x90x300 + 30 x 300.177) / (720 + 30) = 300.00708.
    expect(at('09')).toBeCloseTo(300.01, 2);
    // 10:00: slot = (56x10x600 + 30x330)/(560+30) = 586.27; Monday = (80x600 + 30x586.27)/(80+30) = 596.26.
    expect(at('10')).toBeCloseTo(596.26, 1);
  });
});
