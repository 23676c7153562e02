/**
 * `wfm staff` on several queues -> `wfm shift-plan` with agents' skills (issue 14: "the shift plan
 * covers per-skill-group requirements"; docs/shift-plan.md, "Skills"). The staffing CSV (a row per
 * queue and interval, and rows `all`) and its JSON answer are planned per queue. The figures checked
 * come from the chain itself: each queue's required agents are the `requirement` column `wfm staff`
 * wrote; with as many agents of each skill as its queue needs at most and one 8-hour template over
 * the 8 hours, every queue is covered by shifts planned for its own skill.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../staffing/cli-harness.js';

const rows = ['start,volume,aht_seconds,queue'];
for (let i = 0; i < 16; i++) {
  const start = new Date(Date.UTC(2026, 5, 1, 6) + i * 1_800_000).toISOString();
  rows.push(`${start},60,180,sales`, `${start},20,240,tech`);
}
const rules = { templates: [{ name: 'day', paidMinutes: 480, starts: [{ from: '06:00', to: '06:00' }] }] };
const files = tempDir({
  'queues.csv': `${rows.join('\n')}\n`,
  'rules.json': JSON.stringify(rules),
  // The target each queue is simulated against: Erlang C, 80 % in 20 s (the rules' queue default).
  'rules-target.json': JSON.stringify({ ...rules, queue: { model: 'erlang-c' } }),
  'priorities.json': JSON.stringify({ queues: [{ name: 'sales' }, { name: 'tech', priority: 2 }] }),
  'typo.json': JSON.stringify({ queues: [{ name: 'sales' }, { name: 'tec' }] }),
});
afterAll(() => files.cleanup());

interface Plan {
  verdict?: { met: boolean; line: string; shortfalls: string[] };
  issues: { code: string; message: string }[];
  shifts: { count: number; skills?: string[] }[];
  queueCoverage?: { queues: { name: string; priority: number; required: number[]; underAgentIntervals: number }[] };
}

/** The peak of each queue's `requirement` in the multi-queue staffing CSV. */
function peaks(csv: string): Record<string, number> {
  const [header, ...lines] = csv.trim().split('\n');
  const columns = (header as string).split(',');
  const out: Record<string, number> = {};
  for (const line of lines) {
    const cells = line.split(',');
    const queue = cells[columns.indexOf('queue')] as string;
    if (queue !== 'all') out[queue] = Math.max(out[queue] ?? 0, Number(cells[columns.indexOf('requirement')]));
  }
  return out;
}

let need: Record<string, number>;
beforeAll(async () => {
  const staffed = await runCli(
    'staff',
    '--input',
    files.path('queues.csv'),
    '--threads',
    '1',
    '--out',
    files.path('staff.csv'),
  );
  expect(staffed.code).toBe(0);
  const json = await runCli('staff', '--input', files.path('queues.csv'), '--threads', '1', '--format', 'json');
  writeFileSync(files.path('staff.json'), json.stdout);
  need = peaks(readFileSync(files.path('staff.csv'), 'utf8'));
  const agent = (id: string, skills: string[]) => ({ id, contract: { maxHoursPerWeek: 40 }, skills });
  const agents = [
    ...Array.from({ length: need.sales ?? 0 }, (_, i) => agent(`s${i}`, ['sales'])),
    ...Array.from({ length: need.tech ?? 0 }, (_, i) => agent(`t${i}`, ['tech'])),
  ];
  writeFileSync(files.path('agents.json'), JSON.stringify(agents));
}, 60_000);

async function plan(requirements: string, ...extra: string[]) {
  const args = ['--requirements', files.path(requirements), '--rules', files.path('rules.json')];
  return runCli('shift-plan', ...args, '--time-limit', '5', ...extra);
}

describe('wfm staff (several queues) -> wfm shift-plan --agents with skills', () => {
  it('plans the staffing CSV per queue: shifts with skills, each queue covered, priorities from --queues', async () => {
    const { code, stdout } = await plan(
      'staff.csv',
      '--agents',
      files.path('agents.json'),
      '--queues',
      files.path('priorities.json'),
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Plan;
    const queues = result.queueCoverage?.queues ?? [];
    expect(queues.map((q) => [q.name, q.priority])).toEqual([
      ['sales', 0],
      ['tech', 2],
    ]);
    expect(queues.map((q) => Math.max(...q.required))).toEqual([need.sales, need.tech]);
    expect(queues.map((q) => q.underAgentIntervals)).toEqual([0, 0]);
    const bySkill = (skill: string) =>
      result.shifts.filter((s) => s.skills?.join() === skill).reduce((n, s) => n + s.count, 0);
    expect([bySkill('sales'), bySkill('tech')]).toEqual([need.sales, need.tech]);
  });

  it('plans the JSON answer the same way', async () => {
    const csv = JSON.parse((await plan('staff.csv', '--agents', files.path('agents.json'))).stdout) as Plan;
    const json = JSON.parse((await plan('staff.json', '--agents', files.path('agents.json'))).stdout) as Plan;
    expect(json.queueCoverage?.queues.map((q) => q.required)).toEqual(csv.queueCoverage?.queues.map((q) => q.required));
    expect(json.shifts.map((s) => [s.count, s.skills])).toEqual(csv.shifts.map((s) => [s.count, s.skills]));
  });

  it('checks the plan by simulation as wfm plan does: the issue in the JSON and on stderr, a truthful verdict', async () => {
    const args = ['--requirements', files.path('staff.json'), '--rules', files.path('rules-target.json')];
    const run = await runCli('shift-plan', ...args, '--time-limit', '2', '--agents', files.path('agents.json'));
    const result = JSON.parse(run.stdout) as Plan;
    const issue = result.issues.find((i) => i.code === 'simulation-check');
    // 10 replications and the rules' seed: the defaults of `wfm plan` (docs/shift-plan.md, "Skills").
    expect(issue?.message).toMatch(
      /^checked by simulation \(10 replications\): \d+ re-plans?, \d+ agent-intervals added where a queue was below target; \d+ queue-intervals still wholly below target/,
    );
    expect(run.stderr).toContain(`simulation check: ${issue?.message}`);
    // The verdict comes first and agrees with the check and the exit status.
    const still = Number(/(\d+) queue-intervals still/.exec(issue?.message ?? '')?.[1]);
    if (still > 0)
      expect(result.verdict?.shortfalls).toContain(`${still} queue-intervals wholly below target by simulation`);
    expect(run.stderr.split('\n')[0]).toBe(`wfm: shift plan ${result.verdict?.line}`);
    expect(run.code).toBe(result.verdict?.met ? 0 : 3);
  });

  it('--help says the plan of several queues is checked by simulation', async () => {
    const { stdout } = await runCli('shift-plan', '--help');
    expect(stdout.replace(/\s+/g, ' ')).toContain('The plan is checked by simulation as `wfm plan` checks its plan');
  });

  it('says when no queue could be simulated (the multi-queue answer carries no answer time)', async () => {
    const { stdout, stderr } = await plan('staff.json', '--agents', files.path('agents.json'));
    const message = (JSON.parse(stdout) as Plan).issues.find((i) => i.code === 'simulation-check')?.message;
    expect(message).toMatch(/^not checked by simulation: no queue has volume, AHT and a service-level target/);
    expect(stderr).toContain(`simulation check: ${message}`);
  });

  it('exits 2 naming the flag: several queues without --agents, or a --queues file that misses a queue', async () => {
    const bare = await plan('staff.csv');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--agents');
    const typo = await plan('staff.csv', '--agents', files.path('agents.json'), '--queues', files.path('typo.json'));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"tech"');
  });
});
