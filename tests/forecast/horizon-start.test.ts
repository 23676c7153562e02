import { afterAll, describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { runCli, tempDir } from '../staffing/cli-harness.js';
import { syntheticRows, weeklyPattern } from './helpers.js';

// 2026-01-05 is a Monday; 27 days of history end on Saturday 2026-01-31 (calendar).
const history = syntheticRows('2026-01-05', 27, 'UTC', 60, weeklyPattern);

describe('the default horizon start is a week start, and the forecast says so', () => {
  it('starts on the first Monday after the history, not on the Sunday after it', () => {
    const result = forecast(history, { method: 'avg4' });
    expect(result.intervals[0]?.start).toBe('2026-02-02T00:00:00Z'); // Monday after Sat 2026-01-31
    expect(result.intervals).toHaveLength(7 * 24);
    expect(result.notes.join('\n')).toMatch(/starts on Monday 2026-02-02, the first Monday after the history/);
  });

  it('starts on the given week start (Sunday) when asked', () => {
    const result = forecast(history, { method: 'avg4', weekStart: 'sun' });
    expect(result.intervals[0]?.start).toBe('2026-02-01T00:00:00Z');
  });

  it('an explicit start date wins, with no week-start note', () => {
    const result = forecast(history, { method: 'avg4', start: '2026-02-01' });
    expect(result.intervals[0]?.start).toBe('2026-02-01T00:00:00Z');
    expect(result.notes.join('\n')).not.toMatch(/first Monday/);
  });

  const files = tempDir({
    'history.csv': `start,volume\n${history.map((r) => `${String(r.start)},${r.volume}`).join('\n')}\n`,
  });
  afterAll(() => files.cleanup());

  it('wfm forecast prints the start it chose, and takes --week-start', async () => {
    const monday = await runCli('forecast', '--history', files.path('history.csv'), '--method', 'avg4');
    expect(monday.code).toBe(0);
    expect(monday.stdout.split('\n')[1]).toMatch(/^2026-02-02T00:00:00Z,/);
    expect(monday.stderr).toMatch(/note: The horizon starts on Monday 2026-02-02/);
    const sunday = await runCli('forecast', '--history', files.path('history.csv'), '--week-start', 'sun');
    expect(sunday.stdout.split('\n')[1]).toMatch(/^2026-02-01T00:00:00Z,/);
  });
});
