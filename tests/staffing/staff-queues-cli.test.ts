/**
 * `wfm staff` on several queues (issue 14: "/v1/staffing accepts a multi-queue body"; the CLI takes
 * the same): a staffing CSV with a queue column, each queue's target from `--queues`, answered as
 * `POST /v1/staffing` answers a multi-queue body. Expected numbers: reference case C01 of
 * ../shared/reference/erlang-cases.json (100 calls per 30 minutes at 180 s need 14 agents at
 * 80/20), as in tests/api/multi-queue-staffing.test.ts; the rest follows from the answer itself.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli-harness.js';
import type { MultiQueueStaffingResult } from '../../src/app/multi-queue-staffing.js';

const csv = [
  'start,volume,aht_seconds,queue',
  '2026-06-01T08:00:00+02:00,100,180,sales',
  '2026-06-01T08:00:00+02:00,80,240,service',
  '2026-06-01T08:30:00+02:00,60,180,sales',
  '2026-06-01T08:30:00+02:00,80,240,service',
].join('\n');
const files = tempDir({
  'queues.csv': `${csv}\n`,
  'queues.json': JSON.stringify({
    queues: [{ name: 'sales', priority: 1 }, { name: 'service' }],
    groups: [
      { name: 'sales team', skills: ['sales'] },
      { name: 'blended', skills: ['service', 'sales'] },
    ],
    seed: 5,
    replications: 4,
  }),
  'typo.json': JSON.stringify({ queues: [{ name: 'sales' }, { name: 'servce' }] }),
  // A VIP queue at 90 % in 15 s and a phone queue at 80 % in 20 s with Erlang A (patience 120 s).
  'targets.json': JSON.stringify({
    queues: [
      { name: 'sales', target: { serviceLevel: 0.9, answerSeconds: 15 } },
      { name: 'service', model: 'erlang-a', patienceSeconds: 120, target: { serviceLevel: 0.8, answerSeconds: 20 } },
    ],
  }),
});
afterAll(() => files.cleanup());

describe('wfm staff with a queue column', () => {
  it('staffs each queue alone (C01: 14 agents) and the centre per skill group, as the API answers', async () => {
    const { code, stdout, stderr } = await runCli(
      'staff',
      '--input',
      files.path('queues.csv'),
      '--format',
      'json',
      '--threads',
      '1',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as MultiQueueStaffingResult;
    expect(result.multiQueue).toBe(true);
    expect(result.queues.map((q) => q.name)).toEqual(['sales', 'service']);
    expect(result.queues[0]?.intervals[0]?.requirement).toBe(14); // C01
    expect(result.queues[0]?.intervals[0]?.start).toBe('2026-06-01T08:00:00+02:00'); // the offset as written
    expect(result.groups.map((g) => g.name)).toEqual(['sales', 'service']); // one group per queue by default
    expect(stderr).toContain('combined: ');
    expect(stderr).toContain('wfm: staff met');
  });

  it('takes targets, priorities and groups from --queues; the CSV has a row per queue and one for the centre', async () => {
    const out = files.path('out.csv');
    const json = await runCli(
      'staff',
      '--input',
      files.path('queues.csv'),
      '--queues',
      files.path('queues.json'),
      '--format',
      'json',
      '--threads',
      '1',
    );
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as MultiQueueStaffingResult;
    expect(result.groups.map((g) => g.name)).toEqual(['sales team', 'blended']);
    expect(result.queues.map((q) => q.priority)).toEqual([1, 0]);
    const { code } = await runCli(
      'staff',
      '--input',
      files.path('queues.csv'),
      '--queues',
      files.path('queues.json'),
      '--out',
      out,
      '--threads',
      '1',
    );
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'queue,start,volume,aht_seconds,requirement,service_level_formula,covered,service_level_simulated,' +
        'service_level_low,service_level_high,met,model,target_service_level,answer_seconds,patience_seconds',
    );
    expect(lines.map((l) => l.split(',')[0])).toEqual(['queue', 'sales', 'service', 'all', 'sales', 'service', 'all']);
    // The centre's row: volumes and requirements summed, covered = every group's agents (from the JSON answer).
    const all = (lines[3] as string).split(',');
    expect(Number(all[2])).toBe(180);
    const requirement = result.queues.reduce((s, q) => s + (q.intervals[0]?.requirement ?? 0), 0);
    expect(Number(all[4])).toBe(requirement);
    expect(Number(all[6])).toBe(result.groups.reduce((s, g) => s + (g.agents[0] ?? 0), 0));
  });

  it("gives each queue its own model, target and patience (the --queues file's) in the JSON and the CSV", async () => {
    const args = ['--input', files.path('queues.csv'), '--queues', files.path('targets.json'), '--threads', '1'];
    const json = await runCli('staff', ...args, '--format', 'json');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as MultiQueueStaffingResult;
    expect(
      result.queues.map(({ name, model, target, patienceSeconds, targetServiceLevel }) => ({
        name,
        model,
        target,
        patienceSeconds,
        targetServiceLevel,
      })),
    ).toEqual([
      { name: 'sales', model: 'erlang-c', target: { serviceLevel: 0.9, answerSeconds: 15 }, targetServiceLevel: 0.9 },
      {
        name: 'service',
        model: 'erlang-a',
        target: { serviceLevel: 0.8, answerSeconds: 20 },
        patienceSeconds: 120,
        targetServiceLevel: 0.8,
      },
    ]);
    const out = files.path('targets.csv');
    expect((await runCli('staff', ...args, '--out', out)).code).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    const columns = (header as string).split(',');
    const cells = (row: string) => {
      const c = row.split(',');
      return ['queue', 'model', 'target_service_level', 'answer_seconds', 'patience_seconds'].map(
        (name) => c[columns.indexOf(name)],
      );
    };
    expect(rows.slice(0, 3).map(cells)).toEqual([
      ['sales', 'erlang-c', '0.9', '15', ''],
      ['service', 'erlang-a', '0.8', '20', '120'],
      ['all', '', '', '', ''],
    ]);
  });

  it('a queue the config does not list is refused, naming the config file and both names', async () => {
    const { code, stderr } = await runCli(
      'staff',
      '--input',
      files.path('queues.csv'),
      '--queues',
      files.path('typo.json'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${files.path('typo.json')}: the input has queue "service", which the queues config does not list`,
    );
    expect(stderr).toContain('no rows of queue "servce"');
  });
});
