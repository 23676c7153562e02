/**
 * Every route of the service through `app.inject()`, with the real worker handlers run inline
 * (tests/api/pool.test.ts runs them on the real piscina pool). Expected staffing numbers come
 * from ../shared/reference/erlang-cases.json (case ids cited); the others are computed by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService as buildApp } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner, type TaskHandler } from '../../src/app/parallel/runner.js';
import { handlers } from '../../src/app/parallel/tasks.js';
import { waitFor } from './helpers.js';

let app: ZodApp;
beforeAll(async () => {
  app = await buildApp({
    runner: inlineRunner(handlers as unknown as Record<string, TaskHandler>),
    limits: { maxIntervals: 1000, maxScenarios: 50, maxAgents: 500 },
  });
});
afterAll(async () => app.close());

/** 100 calls per 30 minutes at 180 s = 10 Erlangs (reference cases C01-C04). */
function halfHours(n: number, volume = 100): { start: string; volume: number; ahtSeconds: number }[] {
  return Array.from({ length: n }, (_, i) => ({
    start: new Date(Date.UTC(2026, 5, 1, 8) + i * 1_800_000).toISOString(),
    volume,
    ahtSeconds: 180,
  }));
}

async function post(url: string, payload: unknown) {
  const res = await app.inject({ method: 'POST', url, payload: payload as object });
  return {
    status: res.statusCode,
    json: res.json() as Record<string, unknown> & { code?: string; issues?: { path: (string | number)[] }[] },
  };
}

function paths(json: { issues?: { path: (string | number)[] }[] }): string[] {
  return (json.issues ?? []).map((i) => i.path.join('.'));
}

describe('POST /v1/staffing', () => {
  it('staffs each interval: 10 Erlangs at 80/20 need 14 agents (C01), 20 heads at 30 % shrinkage', async () => {
    const { status, json } = await post('/v1/staffing', { shrinkage: 0.3, intervals: halfHours(2) });
    expect(status).toBe(200);
    const rows = json.intervals as { agents: number; headcount: number; serviceLevel: number; start: string }[];
    expect(rows.map((r) => r.agents)).toEqual([14, 14]);
    // ceil(14 / 0.7) = 20 (computed by hand).
    expect(rows.map((r) => r.headcount)).toEqual([20, 20]);
    expect(rows[0]?.serviceLevel).toBeCloseTo(0.888350019179, 9);
    expect(rows[0]?.start).toBe('2026-06-01T08:00:00Z');
  });

  it('evaluates an interval that carries agents: 13 agents give SL 0.795594788418 (C04), not an error', async () => {
    const intervals = halfHours(2).map((r, i) => (i === 0 ? { ...r, agents: 13 } : r));
    const { status, json } = await post('/v1/staffing', { intervalMinutes: 30, intervals });
    expect(status).toBe(200);
    const rows = json.intervals as { agents: number; serviceLevel: number; met: boolean }[];
    expect(rows[0]?.agents).toBe(13);
    expect(rows[0]?.serviceLevel).toBeCloseTo(0.795594788418, 9);
    expect(rows[0]?.met).toBe(false);
  });

  it('400 names every bad field', async () => {
    const intervals = halfHours(3);
    intervals[1] = { ...intervals[1], volume: -5 } as (typeof intervals)[number];
    const { status, json } = await post('/v1/staffing', {
      target: { serviceLevel: 1.5, answerSeconds: 20 },
      intervals,
    });
    expect(status).toBe(400);
    expect(json.code).toBe('WFM_ERR_INPUT_INVALID');
    expect(paths(json)).toEqual(expect.arrayContaining(['intervals.1.volume', 'target.serviceLevel']));
  });

  it('400 for an unreadable start, naming the interval', async () => {
    const intervals = halfHours(2);
    intervals[1] = { ...intervals[1], start: 'yesterday' } as (typeof intervals)[number];
    const { status, json } = await post('/v1/staffing', { intervalMinutes: 30, intervals });
    expect(status).toBe(400);
    expect(json.code).toBe('WFM_ERR_INPUT_TIME');
  });

  it('413 over the interval limit, before validating the rows', async () => {
    const { status, json } = await post('/v1/staffing', {
      intervals: Array.from({ length: 1001 }, () => ({ nonsense: true })),
    });
    expect(status).toBe(413);
    expect(json.code).toBe('WFM_ERR_INPUT_TOO_LARGE');
  });

  it('422 when no staffing reaches the target: 5 lines for 10 Erlangs block over half the calls', async () => {
    // Erlang B with 5 servers at 10 Erlangs blocks about 56 % (B(5, 10) = 0.564); blocked calls are
    // never answered, so 80 % in 20 s is out of reach whatever the agents (computed by hand).
    const { status, json } = await post('/v1/staffing', {
      intervalMinutes: 30,
      model: 'erlang-a',
      patienceSeconds: 60,
      queueCapacity: 5,
      intervals: halfHours(1),
    });
    expect(status).toBe(422);
    expect(json.code).toBe('WFM_ERR_ERLANG_TARGET_UNREACHABLE');
    expect(paths(json)).toEqual(['intervals.0']);
  });
});

describe('POST /v1/staffing through the worker handler (the path of a week)', () => {
  let pooled: ZodApp;
  beforeAll(async () => {
    pooled = await buildApp({
      runner: inlineRunner(handlers as unknown as Record<string, TaskHandler>),
      limits: { inlineStaffingUnits: 1 },
    });
  });
  afterAll(async () => pooled.close());

  it('answers the same JSON as the inline path, and 422 for an unreachable target', async () => {
    const body = { shrinkage: 0.3, intervals: halfHours(2) };
    const viaWorker = await pooled.inject({ method: 'POST', url: '/v1/staffing', payload: body });
    expect(viaWorker.statusCode).toBe(200);
    expect(viaWorker.headers['content-type']).toMatch(/^application\/json/);
    expect(viaWorker.json()).toEqual((await post('/v1/staffing', body)).json);
    const none = await pooled.inject({
      method: 'POST',
      url: '/v1/staffing',
      payload: {
        intervalMinutes: 30,
        model: 'erlang-a',
        patienceSeconds: 60,
        queueCapacity: 5,
        intervals: halfHours(1),
      },
    });
    expect(none.statusCode).toBe(422);
    expect((none.json() as { code: string }).code).toBe('WFM_ERR_ERLANG_TARGET_UNREACHABLE');
  });
});

describe('POST /v1/erlang', () => {
  it('solves one interval (C01: 14 agents) and evaluates at given agents (C02: 11 agents, SL 0.389613811729)', async () => {
    const solved = await post('/v1/erlang', { volume: 100, intervalMinutes: 30, ahtSeconds: 180 });
    expect(solved.status).toBe(200);
    expect(solved.json.agents).toBe(14);
    const evaluated = await post('/v1/erlang', { volume: 100, intervalMinutes: 30, ahtSeconds: 180, agents: 11 });
    expect(evaluated.json.serviceLevel).toBeCloseTo(0.389613811729, 9);
  });

  it('400 for a shape error, 413 over the agent limit, 422 for an unreachable target', async () => {
    expect((await post('/v1/erlang', { volume: 'many' })).status).toBe(400);
    const big = await post('/v1/erlang', { volume: 100, intervalMinutes: 30, ahtSeconds: 180, agents: 501 });
    expect(big.status).toBe(413);
    const none = await post('/v1/erlang', {
      volume: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      model: 'erlang-a',
      patienceSeconds: 60,
      queueCapacity: 5,
    });
    expect(none.status).toBe(422);
  });
});

describe('POST /v1/what-if', () => {
  const queue = { name: 'sales', request: { intervalMinutes: 30, shrinkage: 0.3, intervals: halfHours(2, 50) } };

  it('sweeps scenarios: volume x2 on 50 calls is C01 (14 agents, 20 heads)', async () => {
    const { status, json } = await post('/v1/what-if', { queues: [queue], sweep: { volumeFactor: [1, 2] } });
    expect(status).toBe(200);
    const scenarios = json.scenarios as {
      changes: { volumeFactor: number };
      queues: { headcount: number[]; agentHours: number }[];
    }[];
    expect(json.scenarioCount).toBe(2);
    expect(scenarios[1]?.changes.volumeFactor).toBe(2);
    expect(scenarios[1]?.queues[0]?.headcount).toEqual([20, 20]);
    // 14 agents x 2 intervals x 0.5 h = 14 agent-hours (computed by hand).
    expect(scenarios[1]?.queues[0]?.agentHours).toBe(14);
  });

  it("reports a fixed roster's service level under each scenario", async () => {
    const { json } = await post('/v1/what-if', {
      queues: [{ ...queue, rosterHeadcount: [19, 19] }],
      scenarios: [{ name: '+100 %', volumeFactor: 2 }],
      detail: 'summary',
    });
    const s = (json.scenarios as { totals: { rosterServiceLevel: number } }[])[0];
    // 19 heads x 0.7 -> 13 agents on the phones at 10 Erlangs: SL 0.795594788418 (C04).
    expect(s?.totals.rosterServiceLevel).toBeCloseTo(0.795594788418, 9);
  });

  it('400 names the field: a roster of the wrong length, Erlang A without patience', async () => {
    const wrong = await post('/v1/what-if', { queues: [{ ...queue, rosterHeadcount: [1] }] });
    expect(wrong.status).toBe(400);
    expect(paths(wrong.json)).toContain('queues.0.rosterHeadcount');
    const erlangA = await post('/v1/what-if', { queues: [queue], sweep: { model: ['erlang-c', 'erlang-a'] } });
    expect(erlangA.status).toBe(400);
    expect(paths(erlangA.json)).toContain('queues.0.request.patienceSeconds');
  });

  it('413 when the sweep expands past the scenario limit', async () => {
    const values = Array.from({ length: 8 }, (_, i) => 1 + i / 10);
    const { status, json } = await post('/v1/what-if', {
      queues: [queue],
      sweep: { volumeFactor: values, ahtFactor: values },
    });
    expect(status).toBe(413);
    expect(json.code).toBe('WFM_ERR_INPUT_TOO_LARGE');
  });
});

describe('POST /v1/forecast', () => {
  it('forecasts a week from five weeks of hourly history', async () => {
    // A flat 10 calls an hour: every method forecasts 10 (computed by hand).
    const history = Array.from({ length: 5 * 7 * 24 }, (_, i) => ({
      start: new Date(Date.UTC(2026, 4, 4) + i * 3_600_000).toISOString(),
      volume: 10,
      ahtSeconds: 200,
    }));
    const { status, json } = await post('/v1/forecast', { history, intervalMinutes: 60, weeks: 1 });
    expect(status).toBe(200);
    const intervals = json.intervals as { volume: number }[];
    expect(intervals).toHaveLength(7 * 24);
    expect(intervals[0]?.volume).toBeCloseTo(10, 6);
  });

  it('400 for an empty history', async () => {
    const { status, json } = await post('/v1/forecast', { history: [] });
    expect(status).toBe(400);
    expect(paths(json)).toContain('history');
  });
});

describe('POST /v1/shift-plans', () => {
  it('queues a plan (202) and serves it from GET /v1/jobs/:id', async () => {
    const requirement = (await post('/v1/staffing', { intervals: halfHours(8) })).json;
    const rules = { templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '08:00' }] }] };
    const submitted = await post('/v1/shift-plans', { requirement, rules });
    expect(submitted.status).toBe(202);
    const id = submitted.json.id as string;
    let view: { status: string; result?: { shifts: { count: number }[] } } = { status: '' };
    await waitFor(async () => {
      view = (await app.inject({ method: 'GET', url: `/v1/jobs/${id}` })).json();
      return view.status === 'succeeded' || view.status === 'failed';
    }, 30_000);
    expect(view.status).toBe('succeeded');
    // 14 agents (C01) in each of the 8 half-hours from 08:00 to 12:00, and one 4-hour template
    // starting at 08:00 only: exactly 14 shifts (computed by hand).
    expect(view.result?.shifts.reduce((s, x) => s + x.count, 0)).toBe(14);
  });

  it('400 at once for inconsistent rules, naming the field', async () => {
    const requirement = (await post('/v1/staffing', { intervals: halfHours(4) })).json;
    const rules = {
      templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '09:00' }] }],
      breakRules: [{ template: 'nope', breaks: [] }],
    };
    const { status, json } = await post('/v1/shift-plans', { requirement, rules });
    expect(status).toBe(400);
    expect(paths(json).some((p) => p.includes('breakRules'))).toBe(true);
  });

  it('plans for the agents in the body: no more shifts than agents, and the shortfall named', async () => {
    const requirement = (await post('/v1/staffing', { intervals: halfHours(8) })).json;
    const rules = { templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '08:00' }] }] };
    const agents = Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, contract: { maxHoursPerWeek: 40 } }));
    const id = (await post('/v1/shift-plans', { requirement, rules, agents })).json.id as string;
    let view: {
      status: string;
      result?: { shifts: { count: number }[]; shortfall: { required: number; available: number }[] };
    } = { status: '' };
    await waitFor(async () => {
      view = (await app.inject({ method: 'GET', url: `/v1/jobs/${id}` })).json();
      return view.status === 'succeeded' || view.status === 'failed';
    }, 30_000);
    expect(view.status).toBe('succeeded');
    // 14 agents required 08:00-12:00 (the test above), 10 agents: 10 shifts, 14 required and 10 available.
    expect(view.result?.shifts.reduce((s, x) => s + x.count, 0)).toBe(10);
    expect(view.result?.shortfall[0]).toMatchObject({ required: 14, available: 10 });
  });

  it('400 at once for bad agents, naming the field', async () => {
    const requirement = (await post('/v1/staffing', { intervals: halfHours(4) })).json;
    const rules = { templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '09:00' }] }] };
    const { status, json } = await post('/v1/shift-plans', { requirement, rules, agents: [{ id: 'a1' }] });
    expect(status).toBe(400);
    expect(paths(json).some((p) => p.startsWith('agents'))).toBe(true);
  });
});

describe('POST /v1/rosters', () => {
  async function plan(): Promise<unknown> {
    const requirement = (await post('/v1/staffing', { intervals: halfHours(8) })).json;
    const rules = { templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '08:00' }] }] };
    const id = (await post('/v1/shift-plans', { requirement, rules })).json.id as string;
    let view: { status: string; result?: unknown } = { status: '' };
    await waitFor(async () => {
      view = (await app.inject({ method: 'GET', url: `/v1/jobs/${id}` })).json();
      return view.status !== 'queued' && view.status !== 'running';
    }, 30_000);
    return view.result;
  }
  const agents = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `a${i}`, contract: { maxHoursPerWeek: 40 } }));

  it('queues a roster on the plan (202) and fills its 14 shifts with named agents', async () => {
    const submitted = await post('/v1/rosters', {
      plan: await plan(),
      agents: agents(16),
      options: { timeLimitSeconds: 2 },
    });
    expect(submitted.status).toBe(202);
    const id = submitted.json.id as string;
    let view: {
      status: string;
      result?: {
        quality: { shiftsRequired: number; shiftsFilled: number };
        verdict: { shifts: { required: number; filled: number }; line: string };
      };
    } = { status: '' };
    await waitFor(async () => {
      view = (await app.inject({ method: 'GET', url: `/v1/jobs/${id}` })).json();
      return view.status === 'succeeded' || view.status === 'failed';
    }, 30_000);
    expect(view.status).toBe('succeeded');
    // The plan above has 14 four-hour shifts; 16 agents of 40 h can take one each (by hand).
    expect(view.result?.quality.shiftsRequired).toBe(14);
    expect(view.result?.quality.shiftsFilled).toBe(14);
    // The result says its verdict, as the CLI and summary.json do.
    expect(view.result?.verdict.shifts).toMatchObject({ required: 14, filled: 14 });
    expect(view.result?.verdict.line).toMatch(/^(met|falls short): 14\/14 shifts filled; every hard rule met/);
  });

  it('400 at once for a bad agent, 413 over the agent limit', async () => {
    const p = await plan();
    const bad = await post('/v1/rosters', { plan: p, agents: [{ id: 'x', contract: { maxHoursPerWeek: 400 } }] });
    expect(bad.status).toBe(400);
    expect(paths(bad.json).some((x) => x.includes('maxHoursPerWeek'))).toBe(true);
    const many = await post('/v1/rosters', { plan: p, agents: agents(501) });
    expect(many.status).toBe(413);
  });
});

describe('OpenAPI', () => {
  it('documents every route of the service with its body and error responses', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    for (const route of [
      '/v1/staffing',
      '/v1/erlang',
      '/v1/what-if',
      '/v1/forecast',
      '/v1/shift-plans',
      '/v1/rosters',
    ]) {
      const post = doc.paths[route]?.post;
      expect(post?.requestBody, route).toBeDefined();
      expect(Object.keys(post?.responses ?? {}), route).toEqual(expect.arrayContaining(['400', '401', '413']));
    }
    expect(doc.paths['/v1/jobs/{id}']?.get).toBeDefined();
    expect(doc.paths['/v1/jobs/{id}']?.delete).toBeDefined();
    expect(doc.paths['/healthz']?.get).toBeDefined();
  });
});

describe('load limit', () => {
  it('413 when an interval would need more agents than maxAgents, before any work', async () => {
    // 100,000 calls in 30 minutes at 180 s = 10,000 Erlangs, over the test limit of 500 agents.
    const { status, json } = await post('/v1/staffing', {
      intervalMinutes: 30,
      intervals: [{ start: '2026-06-01T08:00:00Z', volume: 100_000, ahtSeconds: 180 }],
    });
    expect(status).toBe(413);
    expect(paths(json)).toEqual(['intervals.0']);
    const erlang = await post('/v1/erlang', { volume: 10_000_000, intervalMinutes: 0.001, ahtSeconds: 86_400 });
    expect(erlang.status).toBe(413);
    const whatIf = await post('/v1/what-if', {
      queues: [{ request: { intervalMinutes: 30, intervals: halfHours(1, 1000) } }],
      sweep: { volumeFactor: [1, 100] },
    });
    expect(whatIf.status).toBe(413);
  });
});
