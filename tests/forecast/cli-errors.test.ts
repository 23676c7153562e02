import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { syntheticRows, weeklyPattern } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'wfm-forecast-'));
let stderr = '';
beforeEach(() => {
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stderr += String(chunk)), true),
  );
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

function csvOf(rows: { start: string | number; volume: number }[]): string {
  return `start,volume\n${rows.map((r) => `${String(r.start)},${r.volume}`).join('\n')}\n`;
}
const good = syntheticRows('2026-01-05', 14, 'UTC', 60, weeklyPattern);

async function run(name: string, text: string, extra: string[] = []): Promise<number> {
  const file = join(dir, name);
  writeFileSync(file, text);
  return main(['node', 'wfm', 'forecast', '--history', file, ...extra]);
}

describe('wfm forecast: bad input names the row, exits 2, writes nothing', () => {
  it('unparsable time', async () => {
    const rows = good.map((r, i) => (i === 5 ? { ...r, start: 'yesterday' } : r));
    const out = join(dir, 'never.csv');
    expect(await run('bad-time.csv', csvOf(rows), ['--out', out])).toBe(2);
    expect(stderr).toContain('WFM_ERR_INPUT_TIME');
    expect(stderr).toContain('line 7 start'); // row index 5 + header line + 1
    expect(existsSync(out)).toBe(false);
  });

  it('duplicate interval', async () => {
    const rows = [...good.slice(0, 10), good[3] as (typeof good)[number], ...good.slice(10)];
    expect(await run('dup.csv', csvOf(rows))).toBe(2);
    expect(stderr).toMatch(/line 12 start: duplicate interval \(same start as line 5 start\)/);
  });

  it('negative count', async () => {
    const rows = good.map((r, i) => (i === 20 ? { ...r, volume: -3 } : r));
    expect(await run('neg.csv', csvOf(rows))).toBe(2);
    expect(stderr).toContain('line 22 volume: must be a count >= 0');
  });

  it('history shorter than a week', async () => {
    expect(await run('short.csv', csvOf(good.slice(0, 24 * 5)))).toBe(2);
    expect(stderr).toContain('WFM_ERR_FORECAST_HISTORY_SHORT');
    expect(stderr).toContain('line 121');
  });

  it('misaligned interval', async () => {
    const rows = good.map((r, i) =>
      i === 30 ? { ...r, start: (r.start as string).replace(':00:00Z', ':07:00Z') } : r,
    );
    expect(await run('misaligned.csv', csvOf(rows))).toBe(2);
    expect(stderr).toContain('line 32 start');
    expect(stderr).toContain('not on the 60-minute grid');
  });

  it('a method without enough history is an error naming the method', async () => {
    expect(await run('ok.csv', csvOf(good), ['--method', 'avg8'])).toBe(2);
    expect(stderr).toContain('WFM_ERR_FORECAST_METHOD');
  });
});

describe('wfm forecast: output', () => {
  it('writes the CSV that wfm staff reads, and JSON with the report; auto drops methods with a note', async () => {
    const out = join(dir, 'fc.csv');
    expect(await run('ok.csv', csvOf(good), ['--out', out, '--aht', '240'])).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('start,volume,aht_seconds,volume_p10,volume_p90');
    expect(lines).toHaveLength(1 + 7 * 24);
    expect(lines[1]).toBe('2026-01-19T00:00:00Z,0,240,0,0');
    // The summary on stderr names the span, the method and every ranked method's backtest WAPE.
    expect(stderr).toMatch(/^forecast: 168 intervals of 60 min, 2026-01-19T00:00:00Z \.\. 2026-01-25T23:00:00Z, /);
    expect(stderr).toMatch(/\nmethod: .+, backtest WAPE \d+\.\d\d % over \d+ weekly origin\(s\)\n/);
    expect(stderr).toContain('backtests, mean WAPE: ');
    expect(stderr).toContain('note: avg8 left out of the ranking');
    const json = join(dir, 'fc.json');
    expect(await run('ok.csv', csvOf(good), ['--out', json, '--format', 'json'])).toBe(0);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as {
      intervals: unknown[];
      report: { methods: { method: string }[] };
      notes: string[];
    };
    expect(Object.keys(doc.intervals[0] as object)).toEqual([
      'start',
      'volume',
      'ahtSeconds',
      'volumeP10',
      'volumeP90',
    ]);
    expect(doc.notes.some((n) => n.startsWith('avg8 left out'))).toBe(true);
    expect(doc.report.methods.map((m) => m.method)).not.toContain('avg8');
  });
});
