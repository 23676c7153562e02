/**
 * `wfm simulate` on a small 2-queue centre: JSON and CSV outputs per queue and interval, the same
 * figures on one thread and on two worker threads (the pool loads dist/: skipped, saying so, without
 * `npm run build`), and bad input named with exit 2 and nothing written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../staffing/cli-harness.js';
import { twoQueueStaffing } from './request-fixtures.js';

const built = existsSync(new URL('../../dist/app/parallel/worker.js', import.meta.url));
if (!built) console.warn('tests/simulation/simulate-cli.test.ts: the 2-thread case is skipped, dist/ is missing.');

const bad = { ...twoQueueStaffing(), groups: [{ skills: ['sales'], agents: [1, 1] }] };
const files = tempDir({ 'two.json': JSON.stringify(twoQueueStaffing()), 'bad.json': JSON.stringify(bad) });
afterAll(() => files.cleanup());

describe('wfm simulate', () => {
  it('writes per-queue, per-interval figures and a verdict line naming each queue', async () => {
    const { code, stdout, stderr } = await runCli('simulate', '--input', files.path('two.json'), '--threads', '1');
    const result = JSON.parse(stdout) as {
      met: boolean;
      queues: { name: string; intervals: unknown[] }[];
      replications: number;
    };
    // Exit 0 when every queue meets its target, 3 when one falls short (the output is written either way).
    expect(code).toBe(result.met ? 0 : 3);
    expect(result.queues.map((q) => [q.name, q.intervals.length])).toEqual([
      ['sales', 4],
      ['service', 4],
    ]);
    expect(result.replications).toBe(6);
    expect(stderr).toMatch(/^wfm: simulate (met|falls short): .*sales .*service /);
  });

  it('writes CSV rows per queue and interval with the interval bounds', async () => {
    const out = files.path('two.csv');
    const { code } = await runCli(
      'simulate',
      '--input',
      files.path('two.json'),
      '--format',
      'csv',
      '--replications',
      '4',
      '--threads',
      '1',
      '--out',
      out,
    );
    expect([0, 3]).toContain(code);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'queue,start,offered,service_level,service_level_low,service_level_high,asa_seconds,asa_seconds_low,' +
        'asa_seconds_high,abandon_rate,abandon_rate_low,abandon_rate_high,occupancy,occupancy_low,occupancy_high',
    );
    // 2 queues x 4 intervals.
    expect(lines.length).toBe(1 + 8);
    expect(lines[5]?.startsWith('service,2026-03-02T08:00:00+01:00,')).toBe(true);
  });

  it.skipIf(!built)('gives the same output for a seed on one thread and on two worker threads', async () => {
    const one = await runCli('simulate', '--input', files.path('two.json'), '--threads', '1', '--seed', '11');
    const two = await runCli('simulate', '--input', files.path('two.json'), '--threads', '2', '--seed', '11');
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).seed).toBe(11);
  });

  it('exits 2 naming the bad field, writing nothing', async () => {
    const out = files.path('never.json');
    const { code, stderr } = await runCli('simulate', '--input', files.path('bad.json'), '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain('groups.0.agents: needs 4 values');
    expect(existsSync(out)).toBe(false);
    const flag = await runCli('simulate', '--input', files.path('two.json'), '--replications', '1');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--replications');
  });
});
