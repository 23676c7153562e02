import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { generateSampleWeek } from '../../src/app/samples/sample-week.js';
import { runCli } from './cli-harness.js';

describe('the sample week', () => {
  const week = generateSampleWeek();
  const local = week.intervals.map((r) => ({ ...r, dt: DateTime.fromISO(r.start, { zone: week.timeZone }) }));

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSampleWeek()).toEqual(week);
    expect(generateSampleWeek({ seed: 7 }).intervals.map((r) => r.volume)).not.toEqual(
      week.intervals.map((r) => r.volume),
    );
  });

  it('has 15-minute intervals over 7 days, closed at night', () => {
    // Computed by hand: 5 weekdays x 12 h x 4 + 2 weekend days x 8 h x 4 = 240 + 64 = 304.
    expect(week.intervalMinutes).toBe(15);
    expect(week.intervals).toHaveLength(304);
    expect(new Set(local.map((r) => r.dt.toISODate())).size).toBe(7);
    for (const r of local) {
      expect(r.dt.hour).toBeGreaterThanOrEqual(8);
      expect(r.dt.hour).toBeLessThan(20);
      expect(r.volume).toBeGreaterThanOrEqual(0);
      expect(r.ahtSeconds).toBeGreaterThan(200);
    }
  });

  it('has a lighter weekend and two daily peaks with a dip between', () => {
    const byDay = new Map<number, number>();
    for (const r of local) byDay.set(r.dt.weekday, (byDay.get(r.dt.weekday) ?? 0) + r.volume);
    expect(byDay.get(6)! + byDay.get(7)!).toBeLessThan(byDay.get(1)!);
    const monday = local.filter((r) => r.dt.weekday === 1);
    const hourly = (h: number) => monday.filter((r) => r.dt.hour === h).reduce((s, r) => s + r.volume, 0);
    expect(hourly(10)).toBeGreaterThan(hourly(12));
    expect(hourly(14)).toBeGreaterThan(hourly(12));
    expect(hourly(10)).toBeGreaterThan(hourly(8));
    expect(hourly(14)).toBeGreaterThan(hourly(18));
  });
});

describe('wfm demo --staffing-only', () => {
  it('prints a per-day summary and writes the CSVs to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-demo-'));
    try {
      const r = await runCli('demo', '--staffing-only', '--out', dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/peak agents/);
      expect(r.stdout.match(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /gm)).toHaveLength(7);
      expect(r.stdout).toMatch(/totals: intervals 304/);
      const staffing = readFileSync(join(dir, 'staffing.csv'), 'utf8').trim().split('\n');
      expect(staffing).toHaveLength(305);
      expect(readFileSync(join(dir, 'sample-week.csv'), 'utf8').split('\n')[0]).toBe('start,volume,aht_seconds');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('its sample CSV feeds wfm staff unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-demo-'));
    try {
      await runCli('demo', '--staffing-only', '--out', dir);
      const r = await runCli(
        'staff',
        '--input',
        join(dir, 'sample-week.csv'),
        '--time-zone',
        'America/New_York',
        '--service-level',
        '0.8',
        '--answer-seconds',
        '20',
        '--max-occupancy',
        '0.9',
        '--shrinkage',
        '0.3',
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(dir, 'staffing.csv'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
