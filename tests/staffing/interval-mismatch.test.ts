import { describe, expect, it } from 'vitest';
import { staffRequest } from '../../src/app/staffing.js';
import { parseStaffingRequest } from '../../src/contracts/staffing.js';
import { isWfmError } from '../../src/errors.js';
import { checkIntervalGrid } from '../../src/time/interval-grid.js';
import { runCli, tempDir } from './cli-harness.js';

// A 30-minute forecast: 28 calls per half hour at 180 s.
const rows = Array.from({ length: 6 }, (_x, i) => ({
  start: new Date(Date.UTC(2026, 5, 1, 9) + i * 30 * 60_000).toISOString().replace('.000Z', 'Z'),
  volume: 28,
  ahtSeconds: 180,
}));

describe('a declared interval that disagrees with the data', () => {
  it('is refused naming both lengths, instead of staffing 30-minute volumes as 15-minute ones', () => {
    let error: unknown;
    try {
      staffRequest(parseStaffingRequest({ intervalMinutes: 15, intervals: rows }));
    } catch (e) {
      error = e;
    }
    expect(isWfmError(error) && error.code).toBe('WFM_ERR_INPUT_TIME');
    expect(isWfmError(error) && error.issues[0]?.path).toEqual(['intervalMinutes']);
    expect((error as Error).message).toMatch(/intervalMinutes is 15 but the starts are 30 minutes apart/);
  });

  it('still accepts 15-minute data with missing rows, and the data length declared or left out', () => {
    const sparse = [rows[0]!, { ...rows[0]!, start: '2026-06-01T09:15:00Z' }, rows[2]!];
    expect(staffRequest(parseStaffingRequest({ intervalMinutes: 15, intervals: sparse })).intervalMinutes).toBe(15);
    // Erlang C by hand (traffic 28 x 180 / 1800 = 2.8 Erlangs, 80 % in 20 s): the same answer declared or inferred.
    const declared = staffRequest(parseStaffingRequest({ intervalMinutes: 30, intervals: rows }));
    const inferred = staffRequest(parseStaffingRequest({ intervals: rows }));
    expect(declared.intervals.map((r) => r.agents)).toEqual(inferred.intervals.map((r) => r.agents));
  });

  it('the shared grid check says why, for the fast path and the ordinary path alike', () => {
    const ms = rows.map((r) => Date.parse(r.start));
    expect(checkIntervalGrid(ms, ms.length, 15)).toEqual({
      ok: false,
      problem: 'coarser',
      intervalMinutes: 15,
      dataMinutes: 30,
    });
  });

  it('wfm staff --interval 15 on a 30-minute CSV exits 2 naming both, and writes nothing', async () => {
    const csv = ['start,volume,aht_seconds', ...rows.map((r) => `${r.start},${r.volume},${r.ahtSeconds}`)].join('\n');
    const t = tempDir({ 'forecast.csv': `${csv}\n` });
    try {
      const run = await runCli(
        'staff',
        '--input',
        t.path('forecast.csv'),
        '--interval',
        '15',
        '--out',
        t.path('s.csv'),
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/intervalMinutes is 15 but the starts are 30 minutes apart/);
    } finally {
      t.cleanup();
    }
  });
});
