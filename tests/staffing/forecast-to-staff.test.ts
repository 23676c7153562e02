import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/formats/csv.js';
import { generateSampleWeek } from '../../src/app/samples/sample-week.js';
import { runCli, tempDir } from './cli-harness.js';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

// The forecast's output (CSV and JSON) must feed `wfm staff --input` unchanged (issue 2).
describe('wfm forecast output feeds wfm staff unchanged', () => {
  it.each(['csv', 'json'] as const)('%s', async (format) => {
    const t = tempDir();
    cleanup = t.cleanup;
    const history = ['2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25'].flatMap(
      (weekStart, k) => generateSampleWeek({ weekStart, seed: 100 + k }).intervals,
    );
    writeFileSync(
      t.path('history.csv'),
      toCsv(
        history.map((r) => ({ start: r.start, volume: r.volume, aht_seconds: r.ahtSeconds })),
        ['start', 'volume', 'aht_seconds'],
      ),
    );
    const f = await runCli(
      'forecast',
      '--history',
      t.path('history.csv'),
      '--time-zone',
      'America/New_York',
      '--format',
      format,
      '--out',
      t.path(`forecast.${format}`),
    );
    expect(f.code, f.stderr).toBe(0);
    const s = await runCli(
      'staff',
      '--input',
      t.path(`forecast.${format}`),
      '--volume-quantile',
      'p90',
      '--format',
      'json',
      '--service-level',
      '0.8',
      '--answer-seconds',
      '20',
    );
    expect(s.code, s.stderr).toBe(0);
    const staffed = JSON.parse(s.stdout);
    const forecastRows =
      format === 'json'
        ? JSON.parse(readFileSync(t.path('forecast.json'), 'utf8')).intervals.length
        : readFileSync(t.path('forecast.csv'), 'utf8').trim().split('\n').length - 1;
    expect(staffed.intervals).toHaveLength(forecastRows);
    expect(staffed.totals.peakAgents).toBeGreaterThan(0);
    expect(staffed.totals.unmetIntervals).toBe(0);
  });
});
