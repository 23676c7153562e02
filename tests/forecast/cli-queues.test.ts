import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyRowsFromCsv } from '../../src/formats/history-csv.js';
import { runCli } from '../staffing/cli-harness.js';
import { syntheticRows, weeklyPattern } from './helpers.js';

// Two queues over the same five weeks: "sales" is the weekly pattern, "service/desk" twice it.
const sales = syntheticRows('2026-01-05', 35, 'UTC', 60, weeklyPattern);
const service = syntheticRows('2026-01-05', 35, 'UTC', 60, (w, m) => 2 * weeklyPattern(w, m));
const queueCsv = (rows: { queue: string; start: string | number; volume: number }[]): string =>
  `queue,start,volume\n${rows.map((r) => `${r.queue},${String(r.start)},${r.volume}`).join('\n')}\n`;
const both = [
  ...sales.map((r) => ({ queue: 'sales', ...r })),
  ...service.map((r) => ({ queue: 'service/desk', ...r })),
];

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'wfm-queues-'));
}

describe('wfm forecast with a queue column', () => {
  it('forecasts every queue on the worker threads into one file per queue, each the same as forecasting that queue alone', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'all.csv'), queueCsv(both));
    writeFileSync(join(dir, 'sales.csv'), queueCsv(sales.map((r) => ({ queue: 'sales', ...r }))));
    const all = await runCli('forecast', '--history', join(dir, 'all.csv'), '--aht', '200', '--out', join(dir, 'out'));
    expect(all.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['sales.csv', 'service_desk.csv']);
    const alone = await runCli(
      'forecast',
      '--history',
      join(dir, 'sales.csv'),
      '--aht',
      '200',
      '--out',
      join(dir, 'sales-alone.csv'),
    );
    expect(alone.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'sales.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'sales-alone.csv'), 'utf8'),
    );
    // service/desk is the pattern doubled: Monday 10:00 is 2 x weeklyPattern(1, 600) = 142 (snaive and the window methods are exact here).
    const monday = readFileSync(join(dir, 'out', 'service_desk.csv'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('2026-02-09T10:00:00Z'));
    expect(Number(monday?.split(',')[1])).toBeCloseTo(142, 6);
    expect(all.stderr).toContain('queue sales -> sales.csv\n  forecast: 168 intervals of 60 min');
    expect(all.stderr).toContain('queue service/desk -> service_desk.csv\n');
  });

  it('writes JSON files with --format json', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'all.csv'), queueCsv(both));
    expect(
      (await runCli('forecast', '--history', join(dir, 'all.csv'), '--format', 'json', '--out', join(dir, 'out'))).code,
    ).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'out', 'service_desk.json'), 'utf8')) as {
      intervals: unknown[];
      report: unknown;
    };
    expect(doc.intervals).toHaveLength(168);
    expect(doc.report).toBeDefined();
  });

  it('needs --out for several queues, names the queue of a bad row, and writes nothing on error', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'all.csv'), queueCsv(both));
    const noOut = await runCli('forecast', '--history', join(dir, 'all.csv'));
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out: the history holds 2 queues');
    // The 11th service/desk row: index sales.length + 10 of the data rows, file line that + 2 (header = line 1).
    const rows = both.map((r) => ({ ...r }));
    const bad = sales.length + 10;
    (rows[bad] as { volume: number }).volume = -3;
    writeFileSync(join(dir, 'bad.csv'), queueCsv(rows));
    const r = await runCli('forecast', '--history', join(dir, 'bad.csv'), '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`queue "service/desk": line ${bad + 2} volume: must be a count >= 0 (got -3).`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('rejects an empty queue name and two queues that would share a file name', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'empty.csv'),
      'queue,start,volume\nsales,2026-01-05T00:00:00Z,1\n,2026-01-05T01:00:00Z,1\n',
    );
    const empty = await runCli('forecast', '--history', join(dir, 'empty.csv'), '--out', join(dir, 'o1'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('history CSV line 3, column "queue": the cell is empty');
    const clash = [...sales.map((r) => ({ queue: 'a/b', ...r })), ...sales.map((r) => ({ queue: 'a_b', ...r }))];
    writeFileSync(join(dir, 'clash.csv'), queueCsv(clash));
    const c = await runCli('forecast', '--history', join(dir, 'clash.csv'), '--out', join(dir, 'o2'));
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('queues "a/b" and "a_b" would both be written to a_b.csv');
  });

  it('a reader of one history (the planner page upload) refuses several queues, naming them', () => {
    expect(() => historyRowsFromCsv(queueCsv(both))).toThrow('the "queue" column names 2 queues (sales, service/desk)');
    expect(historyRowsFromCsv(queueCsv(sales.slice(0, 3).map((r) => ({ queue: 'sales', ...r }))))).toHaveLength(3);
  });
});
