/**
 * `wfm plan` with several queues: the demo centre's history split into queues by a `queue` column
 * (sales 60 %, service 40 % of each interval, rounded, and email at a fifth of sales as deferred
 * work), agents with skills and proficiency.
 * Checks the per-queue outputs (queues.csv, queues.json, summary.json and the summary text), that the
 * shift plan's requirement is the queues' requirements summed, and that a config queue without rows
 * in the history is named. The figures checked are read from the plan's own files.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanSummary } from '../../src/app/summary.js';
import type { PlanQueuesResult } from '../../src/app/plan-queues.js';
import type { StaffingResponse } from '../../src/contracts/staffing.js';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';
import { runCli } from '../staffing/cli-harness.js';
import { withQueueVerdict } from '../../src/app/plan-queues.js';

const AGENTS = 40;
let dir: string;
let out: string;
let result: { code: number; stdout: string; stderr: string };
const read = <T>(name: string): T => JSON.parse(readFileSync(join(out, name), 'utf8')) as T;

function writeConfig(queues: unknown[], file: string): string {
  const demo = buildDemoCentre({ agents: AGENTS, shiftPlanSeconds: 2, rosterSeconds: 1 });
  const rows = demo.history.flatMap((r) => {
    const sales = Math.round(r.volume * 0.6);
    return [
      `${r.start},sales,${sales},${r.ahtSeconds}`,
      `${r.start},service,${r.volume - sales},${r.ahtSeconds + 60}`,
      `${r.start},email,${Math.round(sales / 5)},400`,
    ];
  });
  writeFileSync(join(dir, 'history.csv'), `start,queue,volume,aht_seconds\n${rows.join('\n')}\n`);
  const agents = demo.agents.map((a, k) => ({
    ...a,
    skills: k % 4 === 0 ? ['sales'] : k % 4 === 1 ? ['service'] : ['sales', 'service'],
    ...(k % 4 === 2 ? { proficiency: { service: 1.2 } } : {}),
  }));
  writeFileSync(join(dir, 'agents.json'), JSON.stringify(agents));
  const { staffing: _unused, ...rest } = demo;
  const config = { ...rest, history: 'history.csv', agents: 'agents.json', queues, simulation: { replications: 4 } };
  writeFileSync(join(dir, file), JSON.stringify(config));
  return join(dir, file);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wfm-plan-queues-'));
  const config = writeConfig(
    [
      { name: 'sales', priority: 1, target: { serviceLevel: 0.8, answerSeconds: 20 }, shrinkage: 0.3 },
      { name: 'service', model: 'erlang-a', patienceSeconds: 180, target: { serviceLevel: 0.7, answerSeconds: 30 } },
      { name: 'email', deferred: { deadlineHours: 24 } },
    ],
    'plan.json',
  );
  out = join(dir, 'out');
  result = await runCli('plan', '--config', config, '--out', out);
}, 120_000);
afterAll(() => undefined);

describe('wfm plan with queues', () => {
  it('exits by its verdict and writes queues.csv and queues.json beside the usual files', () => {
    expect(result.stderr).not.toMatch(/unexpected error/);
    // 0 when the verdict is met, 3 when it falls short (the files are written either way).
    expect(result.code).toBe(read<PlanSummary>('summary.json').verdict.met ? 0 : 3);
    expect(existsSync(join(out, 'queues.csv'))).toBe(true);
    const lines = readFileSync(join(out, 'queues.csv'), 'utf8').trim().split('\n');
    const staffing = read<StaffingResponse>('staffing.json');
    expect(lines[0]).toBe(
      'queue,start,volume,requirement,covered,service_level_formula,service_level_simulated,' +
        'service_level_simulated_low,service_level_simulated_high,planned_cover',
    );
    expect(lines.length).toBe(1 + 3 * staffing.intervals.length);
  });

  it("plans for the queues' requirements summed, interval by interval", () => {
    const queues = read<{ staffing: StaffingResponse[] }>('queues.json');
    const staffing = read<StaffingResponse>('staffing.json');
    expect(queues.staffing.map((s) => [s.model, s.deferred !== undefined])).toEqual([
      ['erlang-c', false],
      ['erlang-a', false],
      ['erlang-c', true],
    ]);
    staffing.intervals.forEach((row, i) => {
      expect(row.agents).toBe(queues.staffing.reduce((s, q) => s + (q.intervals[i]?.agents ?? 0), 0));
    });
  });

  it('reports each queue: simulated SL with its interval, required and covered hours', () => {
    const summary = read<PlanSummary>('summary.json');
    expect(summary.queues?.map((q) => [q.name, q.model])).toEqual([
      ['sales', 'erlang-c'],
      ['service', 'erlang-a'],
      ['email', 'deferred'],
    ]);
    // A simulated queue below its target is named in the plan's verdict (and the plan falls short).
    for (const q of summary.queues ?? []) {
      if (!q.met) expect(summary.verdict.shortfalls.some((f) => f.startsWith(`queue ${q.name}:`))).toBe(true);
    }
    if (summary.queues?.some((q) => !q.met)) expect(summary.verdict.met).toBe(false);
    // Deferred work is staffed, not simulated.
    expect(summary.queues?.[2]).toMatchObject({ serviceLevel: null, coveredAgentHours: null, met: true });
    for (const q of summary.queues?.slice(0, 2) ?? []) {
      expect(q.serviceLevel?.low as number).toBeLessThanOrEqual(q.serviceLevel?.mean as number);
      expect(q.serviceLevel?.mean as number).toBeLessThanOrEqual(q.serviceLevel?.high as number);
      expect(q.requiredAgentHours).toBeGreaterThan(0);
      expect(q.coveredAgentHours as number).toBeGreaterThan(0);
    }
    expect(result.stdout).toMatch(/^sales +erlang-c/m);
    expect(result.stdout).toMatch(/^service +erlang-a/m);
  });

  it('plans each queue with the agents who have its skill: skill sets on shifts, agent-queues.csv, planned cover', () => {
    const plan = read<{
      shifts: { skills?: string[]; count: number }[];
      issues: { code: string; message: string }[];
      queueCoverage?: {
        queues: {
          name: string;
          required: number[];
          covered: number[];
          underAgentIntervals: number;
          handleTimeFactor?: number;
        }[];
      };
    }>('shift-plan.json');
    expect(plan.shifts.length).toBeGreaterThan(0);
    // service is sized for its agents' speed: 30 agents hold it (k % 4 = 1, 2, 3), 10 of them at 1.2
    // (writeConfig): harmonic mean 30 / (20 + 10 / 1.2) = 1.0588; sales agents have no factor. The
    // Erlang A queue reaches the plan with its patience (the staffing answer echoes it), so with its
    // load: sized by Erlang A at AHT x 1.06 (docs/shift-plan.md, step 13).
    expect(plan.queueCoverage?.queues.map((q) => q.handleTimeFactor)).toEqual([undefined, 1.059, undefined]);
    expect(plan.issues.filter((i) => i.code === 'proficiency').map((i) => i.message)).toEqual([
      "service sized at AHT x 1.06 for its 30 agents' proficiency (harmonic mean)",
    ]);
    for (const s of plan.shifts) expect(s.skills?.length).toBeGreaterThan(0);
    // The plan was checked by simulation (and re-planned where a queue's interval was wholly below target).
    expect(plan.issues.find((i) => i.code === 'simulation-check')?.message).toMatch(
      /^checked by simulation \(\d+ replications\): \d+ re-plans?, \d+ agent-intervals added/,
    );
    expect(plan.queueCoverage?.queues.map((q) => q.name)).toEqual(['sales', 'service', 'email']);
    for (const q of plan.queueCoverage?.queues ?? [])
      q.covered.forEach((c, s) => expect(c).toBeLessThanOrEqual((q.required[s] as number) + 1e-9));
    // Every agent serves only queues among its skills (writeConfig: agent k has sales if k % 4 = 0, service
    // if 1, both otherwise; nobody has email, so email is covered by nobody and named short).
    const demoAgents = buildDemoCentre({ agents: AGENTS, shiftPlanSeconds: 2, rosterSeconds: 1 }).agents;
    const rows = readFileSync(join(out, 'agent-queues.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('agent,start,skills,queues');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) {
      const [agent, , , queues] = row.split(',');
      const k = demoAgents.findIndex((a) => a.id === agent);
      const skills = k % 4 === 0 ? ['sales'] : k % 4 === 1 ? ['service'] : ['sales', 'service'];
      for (const q of (queues ?? '').split('|').filter(Boolean)) expect(skills).toContain(q);
    }
    expect(plan.queueCoverage?.queues[2]?.covered.every((c) => c === 0)).toBe(true);
    // The plan's per-queue shortfall is in the summary, and a short queue is named in the verdict.
    const summary = read<PlanSummary>('summary.json');
    for (const q of summary.queues ?? []) {
      expect(q.plannedShortAgentHours).not.toBeNull();
      if ((q.plannedShortAgentHours as number) > 0)
        expect(summary.verdict.shortfalls.some((f) => f.startsWith(`queue ${q.name}: `))).toBe(true);
    }
  });

  it("judges service per queue by simulation, not by the summed load's formula SL at one target", () => {
    const summary = read<PlanSummary>('summary.json');
    const result = read<PlanQueuesResult>('queues.json');
    expect(summary.verdict.serviceLevel.judgedBy).toBe('simulation');
    expect(summary.roster.serviceLevelJudgedBy).toBe('simulation');
    expect(summary.staffing.serviceLevelTarget).toBeNull();
    // The roster's SL: the simulated queues' interval means weighted by volume (queues.json); an
    // interval is below target when its whole 95 % interval is under its queue's target.
    let sum = 0;
    let volume = 0;
    let below = 0;
    for (const q of result.queues.filter((x) => x.simulated))
      for (const iv of q.intervals) {
        const sim = iv.serviceLevelSimulated;
        if (!sim || sim.mean === null || !(iv.volume > 0)) continue;
        sum += iv.volume * sim.mean;
        volume += iv.volume;
        if (sim.high !== null && sim.high < (q.targetServiceLevel as number)) below += 1;
      }
    expect(summary.roster.serviceLevel as number).toBeCloseTo(sum / volume, 4);
    expect(summary.verdict.serviceLevel.intervalsBelowTarget).toBe(below);
    expect(summary.verdict.met).toBe(
      result.queues.every((q) => q.met) && below === 0 && summary.verdict.shortfalls.length === 0,
    );
  });

  it("shows the queues side by side in report.html, each figure the summary's", () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const summary = read<PlanSummary>('summary.json');
    expect(html).toContain('id="chart-queue-requirement"');
    expect(html.match(/class="queue-panel"/g)?.length).toBe(3);
    summary.queues?.slice(0, 2).forEach((q, k) => {
      expect(html).toContain(`data-figure="queues.${k}.requiredAgentHours" data-value="${q.requiredAgentHours}"`);
      expect(html).toContain(`data-figure="queues.${k}.serviceLevel.mean" data-value="${q.serviceLevel?.mean}"`);
      expect(html).toContain(`id="chart-queue-sl-${k}"`);
    });
  });

  it('names a configured queue that has no rows in the history (exit 2, nothing written)', async () => {
    const config = writeConfig([{ name: 'sales' }, { name: 'billing' }], 'bad.json');
    const bad = await runCli('plan', '--config', config, '--out', join(dir, 'never'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no rows of queue "billing" in the history');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('withQueueVerdict', () => {
  const base = {
    met: true,
    line: 'met: 10/10 shifts filled; every hard rule met',
    shifts: { required: 10, filled: 10, unfilled: 0 },
    hardRules: { met: true, breaches: [] },
    serviceLevel: {
      target: 0.8,
      answerSeconds: 20,
      volumeWeighted: 0.85,
      worst: 0.8,
      worstStart: null,
      intervalsBelowTarget: 0,
      intervalsUnderCovered: 0,
      agentIntervalsShort: 0,
    },
    shortfalls: [],
  };
  // Simulated SL per interval: mean with its 95 % interval.
  const iv = (start: string, volume: number, mean: number, low: number, high: number) => ({
    start,
    volume,
    requirement: 3,
    covered: 3,
    plannedCover: null,
    serviceLevelFormula: 0.8,
    serviceLevelSimulated: { mean, low, high },
  });
  const queue = (name: string, met: boolean, intervals = [iv('2026-06-01T09:00:00+02:00', 10, 0.9, 0.85, 0.95)]) => ({
    name,
    priority: 0,
    model: 'erlang-c',
    targetServiceLevel: 0.8,
    targetAnswerSeconds: 20,
    simulated: true,
    serviceLevel: { mean: 0.7, low: 0.65, high: 0.75, halfWidth: 0.05, n: 4 },
    abandonRate: null,
    asaSeconds: null,
    met,
    plannedShortAgentIntervals: null,
    intervals,
  });
  const zone = 'Europe/Madrid';

  it('a simulated queue below its target makes a met roster fall short, naming the queue, its week and its worst interval', () => {
    const tech = queue('tech', false, [
      iv('2026-06-01T09:00:00+02:00', 10, 0.5, 0.4, 0.6),
      iv('2026-06-01T09:30:00+02:00', 10, 0.78, 0.7, 0.86),
    ]);
    const v = withQueueVerdict(
      base,
      { seed: 1, replications: 4, queues: [queue('sales', true), tech] },
      undefined,
      zone,
    );
    expect(v.met).toBe(false);
    expect(v.line).toBe(
      'falls short: 10/10 shifts filled; every hard rule met; worst interval SL 50.0 % on tech at Mon 01/06 09:00 ' +
        '(target 80.0 % in 20 s, by simulation); 1 intervals below target; ' +
        'queue tech: simulated SL 70.0 % (95 % 65.0 % - 75.0 %) below its 80.0 % target',
    );
    // 09:30 at 78 % is below 80 % but its interval reaches 86 %: not counted as below.
    expect(v.shortfalls).toEqual([
      'queue tech: simulated SL 70.0 % (95 % 65.0 % - 75.0 %) below its 80.0 % target',
      'queue tech: 1 interval below its 80.0 % target by simulation (the whole 95 % interval under it), ' +
        'worst 50.0 % at Mon 01/06 09:00',
    ]);
    expect(v.serviceLevel).toMatchObject({ worstQueue: 'tech', judgedBy: 'simulation', intervalsBelowTarget: 1 });
    expect(v.serviceLevel.volumeWeighted).toBeCloseTo((10 * 0.9 + 10 * 0.5 + 10 * 0.78) / 30, 12);
  });

  it("judges a multi-queue roster by its queues' simulation, not by the summed load's formula SL at one target", () => {
    // The roster's own verdict: the summed load at the strictest target, 37 intervals below it.
    const summed = {
      ...base,
      met: false,
      line: 'falls short: 10/10 shifts filled; every hard rule met; worst interval SL 8.3 % at Thu 04/06 10:00',
      serviceLevel: { ...base.serviceLevel, target: 0.9, worst: 0.083, intervalsBelowTarget: 37 },
      shortfalls: ['37 intervals below the 90.0 % target, worst 8.3 % at Thu 04/06 10:00'],
    };
    const v = withQueueVerdict(
      summed,
      { seed: 1, replications: 4, queues: [queue('vip', true), queue('phone', true)] },
      undefined,
      zone,
    );
    expect(v.met).toBe(true);
    expect(v.shortfalls).toEqual([]);
    expect(v.line).toBe(
      'met: 10/10 shifts filled; every hard rule met; worst interval SL 90.0 % on vip at Mon 01/06 09:00 ' +
        '(target 80.0 % in 20 s, by simulation)',
    );
  });
});
