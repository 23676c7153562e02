/**
 * `POST /v1/shift-plans` (and the store's job kind `plan`) with `queues` (issue 14: "the plan
 * config gains queues"; docs/api.md): each queue's own requirement, planned with the agents'
 * skills. Handlers run inline, as in tests/api/routes.test.ts. Expected numbers are computed by
 * hand from the bodies: sales needs 4 agents and tech 2 in each of 8 half-hours from 08:00, one
 * 4-hour template starts at 08:00 only, 4 agents hold sales only and 2 tech only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner, type TaskHandler } from '../../src/app/parallel/runner.js';
import { handlers } from '../../src/app/parallel/tasks.js';
import { checkStoreJob } from '../../src/app/store-job-check.js';
import { isWfmError } from '../../src/errors.js';
import { parseShiftPlanRequest } from '../../src/contracts/shift-plan-request.js';
import { waitFor } from './helpers.js';
import { defaultJobHandlers } from '../../src/workers/job-worker.js';
import type { Job } from '../../src/store/index.js';

let app: ZodApp;
beforeAll(async () => {
  app = await buildService({
    runner: inlineRunner(handlers as unknown as Record<string, TaskHandler>),
    limits: { maxIntervals: 1000, maxScenarios: 50, maxAgents: 500 },
  });
});
afterAll(async () => app.close());

function requirement(agents: number): {
  intervalMinutes: number;
  timeZone: string;
  intervals: { start: string; agents: number }[];
} {
  return {
    intervalMinutes: 30,
    timeZone: 'UTC',
    intervals: Array.from({ length: 8 }, (_, i) => ({
      start: new Date(Date.UTC(2026, 5, 1, 8) + i * 1_800_000).toISOString(),
      agents,
    })),
  };
}
const rules = { templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '08:00' }] }] };
const agent = (id: string, skills: string[]) => ({ id, contract: { maxHoursPerWeek: 40 }, skills });
const agents = [
  ...['s1', 's2', 's3', 's4'].map((id) => agent(id, ['sales'])),
  ...['t1', 't2'].map((id) => agent(id, ['tech'])),
];
const body = {
  queues: [
    { name: 'sales', requirement: requirement(4) },
    { name: 'tech', priority: 1, requirement: requirement(2) },
  ],
  rules,
  agents,
};

async function post(payload: unknown) {
  const res = await app.inject({ method: 'POST', url: '/v1/shift-plans', payload: payload as object });
  return { status: res.statusCode, json: res.json() as { id?: string; issues?: { path: (string | number)[] }[] } };
}
const paths = (json: { issues?: { path: (string | number)[] }[] }) => (json.issues ?? []).map((i) => i.path.join('.'));

/**
 * Each queue with its load and target (as `wfm staff` answers a queue alone): sales 60 calls per half-hour
 * at 180 s, tech 20 at 240 s, 80 % in 20 s; 9 and 5 agents are what `wfm staff` gives them alone (Erlang C:
 * SL 86.0 % and 86.7 %, the figures of `wfm staff --input q.csv --format json` on these loads).
 */
function loaded(agents: number, volume: number, ahtSeconds: number) {
  const r = requirement(agents);
  return {
    ...r,
    model: 'erlang-c',
    target: { serviceLevel: 0.8, answerSeconds: 20 },
    intervals: r.intervals.map((i) => ({ ...i, volume, ahtSeconds })),
  };
}
const loadedBody = {
  queues: [
    { name: 'sales', requirement: loaded(9, 60, 180) },
    { name: 'tech', requirement: loaded(5, 20, 240) },
  ],
  rules,
  timeLimitSeconds: 2,
  agents: [
    ...Array.from({ length: 9 }, (_, i) => agent(`s${i}`, ['sales'])),
    ...Array.from({ length: 5 }, (_, i) => agent(`t${i}`, ['tech'])),
  ],
};

interface QueuePlan {
  verdict?: { met: boolean; shortfalls: string[] };
  issues?: { code: string; message: string }[];
  shifts: { count: number; skills?: string[] }[];
  queueCoverage?: { queues: { name: string; priority: number; required: number[]; underAgentIntervals: number }[] };
}

/** Posts a body and waits for its job to end. */
async function planned(payload: unknown): Promise<{ status: string; result?: QueuePlan }> {
  const submitted = await post(payload);
  expect(submitted.status).toBe(202);
  let view: { status: string; result?: QueuePlan } = { status: '' };
  await waitFor(async () => {
    view = (await app.inject({ method: 'GET', url: `/v1/jobs/${submitted.json.id}` })).json();
    return view.status === 'succeeded' || view.status === 'failed';
  }, 30_000);
  return view;
}
const checkIssue = (plan: QueuePlan | undefined) => plan?.issues?.find((i) => i.code === 'simulation-check');

describe('POST /v1/shift-plans with queues', () => {
  it('queues a plan (202) covering each queue with agents of its skill, named in queueCoverage', async () => {
    const view = await planned(body);
    expect(view.status).toBe('succeeded');
    const queues = view.result?.queueCoverage?.queues ?? [];
    expect(queues.map((q) => [q.name, q.priority])).toEqual([
      ['sales', 0],
      ['tech', 1],
    ]);
    expect(queues.map((q) => q.required[0])).toEqual([4, 2]);
    expect(queues.map((q) => q.underAgentIntervals)).toEqual([0, 0]);
    // 4 sales shifts and 2 tech shifts, each planned for its skill (by hand, above).
    const bySkill = (skill: string) =>
      (view.result?.shifts ?? []).filter((s) => s.skills?.join() === skill).reduce((n, s) => n + s.count, 0);
    expect([bySkill('sales'), bySkill('tech')]).toEqual([4, 2]);
    // Requirements of agents alone (no volume, AHT or target): nothing to simulate, and the plan says so.
    expect(checkIssue(view.result)?.message).toMatch(/^not checked by simulation: no queue has volume, AHT/);
  });

  it('checks a plan of queues with their loads by simulation, as wfm plan does (issue simulation-check)', async () => {
    const view = await planned(loadedBody);
    expect(view.status).toBe('succeeded');
    // 10 replications: the plan config's default (docs/plan.md), the same check as `wfm plan`'s.
    const message = checkIssue(view.result)?.message ?? '';
    expect(message).toMatch(
      /^checked by simulation \(10 replications\): \d+ re-plans?, \d+ agent-intervals added where a queue was below target; \d+ queue-intervals still wholly below target/,
    );
    // The verdict agrees with the check: queue-intervals still below target are a shortfall.
    const still = Number(/(\d+) queue-intervals still/.exec(message)?.[1]);
    expect(view.result?.verdict?.shortfalls.some((f) => f.includes('wholly below target by simulation'))).toBe(
      still > 0,
    );
  });

  it('400 at once for a bad queue, naming the field', async () => {
    const bad = structuredClone(body);
    bad.queues[1]!.requirement.intervals[3]!.agents = -1;
    const negative = await post(bad);
    expect(negative.status).toBe(400);
    expect(paths(negative.json)).toContain('queues.1.requirement.intervals.3.agents');

    const twice = await post({ ...body, queues: [body.queues[0], { ...body.queues[1], name: 'sales' }] });
    expect(twice.status).toBe(400);
    expect(paths(twice.json)).toContain('queues.1.name');

    const shifted = structuredClone(body);
    shifted.queues[1]!.requirement.intervals[0]!.start = '2026-06-01T07:30:00.000Z';
    const starts = await post(shifted);
    expect(starts.status).toBe(400);
    expect(paths(starts.json)).toContain('queues.1.requirement.intervals.0.start');

    const { agents: _none, ...noAgents } = body;
    const unskilled = await post(noAgents);
    expect(unskilled.status).toBe(400);
    expect(paths(unskilled.json)).toContain('agents');

    const { queues: _q, ...nothing } = body;
    const empty = await post(nothing);
    expect(empty.status).toBe(400);
    expect(paths(empty.json)).toContain('requirement');
  });

  it('refuses more than 20 queues before any work', async () => {
    const many = Array.from({ length: 21 }, (_, k) => ({ name: `q${k}`, requirement: requirement(1) }));
    const { status, json } = await post({ ...body, queues: many });
    expect(status).toBe(400);
    expect(paths(json)).toContain('queues');
  });

  it('refuses more queue-intervals than 20 queues of a week of 15-minute intervals, before reading them (413)', () => {
    // 3 queues of 4,500 intervals = 13,500 > 20 x 672 = 13,440 (MAX_PLAN_QUEUE_INTERVALS); the
    // intervals are empty objects: the count is refused before any of them is read.
    const big = { intervals: Array.from({ length: 4500 }, () => ({})) };
    const queues = ['a', 'b', 'c'].map((name) => ({ name, requirement: big }));
    let thrown: unknown;
    try {
      parseShiftPlanRequest({ queues, rules, agents });
    } catch (error) {
      thrown = error;
    }
    expect(isWfmError(thrown) && [thrown.status, thrown.issues[0]?.path.join('.')]).toEqual([413, 'queues']);
  });

  it("the store's plan job (the job worker's handler) checks its plan by simulation as the route does", async () => {
    const plan = defaultJobHandlers(inlineRunner(handlers as unknown as Record<string, TaskHandler>)).plan;
    const job = { kind: 'plan', payload: loadedBody } as unknown as Job;
    const result = (await plan?.(job, new AbortController().signal)) as QueuePlan;
    expect(checkIssue(result)?.message).toMatch(/^checked by simulation \(10 replications\): \d+ re-plans?/);
  });

  it('a store plan job checks its queues as the route does', () => {
    expect(() => checkStoreJob({ kind: 'plan', request: body })).not.toThrow();
    const bad = structuredClone(body);
    for (const q of bad.queues) q.requirement.intervals[0]!.start = 'soon';
    let thrown: unknown;
    try {
      checkStoreJob({ kind: 'plan', request: bad });
    } catch (error) {
      thrown = error;
    }
    expect(isWfmError(thrown) && thrown.issues.map((i) => i.path.join('.'))).toContain(
      'queues.0.requirement.intervals.0.start',
    );
  });

  it('documents queues in the OpenAPI request body', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as Record<string, unknown>;
    const text = JSON.stringify((doc.paths as Record<string, unknown>)['/v1/shift-plans']);
    expect(text).toContain('"queues"');
    expect(text).toContain('"priority"');
  });
});
