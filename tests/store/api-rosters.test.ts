import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner } from '../../src/app/parallel/runner.js';
import { createApiKey, createCentre, type Store } from '../../src/store/index.js';
import { startJobWorker } from '../../src/workers/job-worker.js';
import { engines, testClock, type TestStore } from './engines.js';
import { apiRunner, uniqueCode } from './fixtures.js';
import { demoDraftInput, type DemoDraft } from './roster-fixture.js';

let draft: DemoDraft;
beforeAll(async () => {
  draft = await demoDraftInput(20);
}, 120_000);

describe.each(engines)('store routes (centres, rosters, edits, publish, calendar) on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  let app: ZodApp;
  const keys = { planner: '', viewer: '', system: '', legacy: 'legacy-key-123' };
  let centreCode = '';
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
    app = await buildApp({ store, apiKey: keys.legacy, runner: apiRunner() });
    centreCode = uniqueCode('demo');
    const other = await createCentre(
      store,
      { code: uniqueCode('oth'), name: 'Other', timeZone: 'UTC' },
      { actor: 't' },
    );
    keys.planner = (await createApiKey(store, { name: 'maria', role: 'planner' }, { actor: 't' })).key;
    keys.system = (await createApiKey(store, { name: 'wallboard-sync', role: 'system' }, { actor: 't' })).key;
    keys.viewer = (
      await createApiKey(store, { name: 'agent-portal', role: 'viewer', centreIds: [other.id] }, { actor: 't' })
    ).key;
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  it('creates a centre with a planner key; a system key gets 403 naming the missing role', async () => {
    const body = { code: centreCode, name: 'Demo', timeZone: draft.result.grid.timeZone };
    const denied = await app.inject({ method: 'POST', url: '/v1/centres', headers: auth(keys.system), payload: body });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({
      code: 'WFM_ERR_STORE_FORBIDDEN',
      message: expect.stringContaining('role planner'),
    });
    const created = await app.inject({
      method: 'POST',
      url: '/v1/centres',
      headers: auth(keys.planner),
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    const unknown = await app.inject({
      method: 'GET',
      url: `/v1/centres/${centreCode}/rosters`,
      headers: auth('nope'),
    });
    expect(unknown.statusCode).toBe(401);
  });

  it('keeps WFM_API_KEY working on the old routes and lets store keys in by role', async () => {
    const health = await app.inject({ method: 'GET', url: '/v1/jobs/none', headers: auth(keys.legacy) });
    expect(health.statusCode).toBe(404); // authenticated; the job does not exist
    const planner = await app.inject({ method: 'GET', url: '/v1/jobs/none', headers: auth(keys.planner) });
    expect(planner.statusCode).toBe(404);
    const system = await app.inject({ method: 'GET', url: '/v1/jobs/none', headers: auth(keys.system) });
    expect(system.statusCode).toBe(403);
    expect(system.json().message).toContain('role planner');
    // The headcount API takes a system key.
    const body = {
      model: 'erlang-c',
      target: { serviceLevel: 0.8, answerSeconds: 20 },
      intervalMinutes: 15,
      intervals: [{ start: '2026-06-01T08:00:00Z', volume: 40, ahtSeconds: 180 }],
    };
    const headcount = await app.inject({
      method: 'POST',
      url: '/v1/staffing',
      headers: auth(keys.system),
      payload: body,
    });
    expect(headcount.statusCode).toBe(200);
  });

  it('saves a draft, edits it (refused naming the rule, then forced), publishes, diffs, serves the feed', async () => {
    const saved = await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/rosters`,
      headers: auth(keys.planner),
      payload: { series: '2026-W23', request: draft.request, result: draft.result },
    });
    expect(saved.statusCode).toBe(201);
    const v1 = saved.json().version as { id: string };
    expect(saved.json().verdict.serviceLevel).not.toBeNull();

    // A viewer scoped to another centre is refused for this one, naming the centre.
    const scoped = await app.inject({
      method: 'GET',
      url: `/v1/centres/${centreCode}/rosters`,
      headers: auth(keys.viewer),
    });
    expect(scoped.statusCode).toBe(403);

    const got = await app.inject({
      method: 'GET',
      url: `/v1/centres/${centreCode}/rosters/${v1.id}`,
      headers: auth(keys.planner),
    });
    const doc = got.json().document as {
      agents: { id: string; shifts: { date: string; start: string; end: string }[] }[];
    };
    const agent = doc.agents.find((a) => a.shifts.length >= 2)!;
    const [first, second] = agent.shifts;
    const tooSoon = new Date(Date.parse(first!.end) + 3_600_000).toISOString();
    const edit = { op: 'move-shift', agent: agent.id, date: second!.date, start: tooSoon };
    const refused = await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/rosters/${v1.id}/edits`,
      headers: auth(keys.planner),
      payload: { edits: [edit] },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'WFM_ERR_SCHEDULER_EDIT_RULE' });
    // The rule in words beside its key, and times as the centre's local clock (no ISO instants).
    const message = (refused.json() as { message: string }).message;
    expect(message).toMatch(/breaks hard rule "[a-z ']+" \(\w+\) for agent/);
    expect(message).not.toMatch(/T\d\d:\d\d:\d\d/);
    expect(JSON.stringify(refused.json().issues)).not.toMatch(/T\d\d:\d\d:\d\d/);
    const noReason = await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/rosters/${v1.id}/edits`,
      headers: auth(keys.planner),
      payload: { edits: [edit], force: true },
    });
    expect(noReason.statusCode).toBe(400);
    const forced = await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/rosters/${v1.id}/edits`,
      headers: auth(keys.planner),
      payload: { edits: [edit], force: true, reason: 'swap agreed with the team lead' },
    });
    expect(forced.statusCode).toBe(200);
    expect(forced.json()).toMatchObject({ overridden: true });

    const published = await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/rosters/${v1.id}/publish`,
      headers: auth(keys.planner),
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().calendar.created).toBeGreaterThan(0);

    const token = await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/agents/${agent.id}/calendar-token`,
      headers: auth(keys.planner),
    });
    expect(token.statusCode).toBe(201);
    const feedUrl = token.json().url as string;
    const feed1 = await app.inject({ method: 'GET', url: feedUrl });
    expect(feed1.statusCode).toBe(200);
    expect(feed1.headers['content-type']).toContain('text/calendar');
    expect(feed1.body).toContain('BEGIN:VEVENT');
    expect(feed1.body).toContain('SEQUENCE:0');
    const uids1 = [...feed1.body.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]);

    // Version 2: the agent's second shift removed, first moved by 30 minutes; publish again.
    const v2 = (
      await app.inject({
        method: 'POST',
        url: `/v1/centres/${centreCode}/rosters`,
        headers: auth(keys.planner),
        payload: { series: '2026-W23', request: draft.request, result: draft.result },
      })
    ).json().version as { id: string; version: number };
    expect(v2.version).toBe(2);
    const edits2 = await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/rosters/${v2.id}/edits`,
      headers: auth(keys.planner),
      payload: {
        edits: [
          { op: 'remove-shift', agent: agent.id, date: second!.date },
          {
            op: 'move-shift',
            agent: agent.id,
            date: first!.date,
            start: new Date(Date.parse(first!.start) + 1_800_000).toISOString(),
          },
        ],
        force: true,
        reason: 'test',
      },
    });
    expect(edits2.statusCode).toBe(200);
    const diff = await app.inject({
      method: 'GET',
      url: `/v1/centres/${centreCode}/rosters/${v1.id}/diff/${v2.id}`,
      headers: auth(keys.planner),
    });
    expect(diff.statusCode).toBe(200);
    expect(JSON.stringify(diff.json())).toContain(agent.id);
    await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/rosters/${v2.id}/publish`,
      headers: auth(keys.planner),
    });
    const feed2 = await app.inject({ method: 'GET', url: feedUrl });
    const uids2 = [...feed2.body.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]);
    expect(new Set(uids2)).toEqual(new Set(uids1)); // stable identity; the removed one stays, cancelled
    expect(feed2.body).toContain('STATUS:CANCELLED');
    expect(feed2.body).toMatch(/SEQUENCE:[1-9]/);

    const bad = await app.inject({ method: 'GET', url: '/v1/calendar/AAAAAAAAAAAAAAAAAAAAAAAA.ics' });
    expect(bad.statusCode).toBe(401);

    // A viewer of this centre sees published versions only; a draft is 404 to it, as if absent.
    const centreId = (saved.json().version as { centreId: string }).centreId;
    const viewer = (
      await createApiKey(store, { name: 'portal', role: 'viewer', centreIds: [centreId] }, { actor: 't' })
    ).key;
    const v3 = (
      await app.inject({
        method: 'POST',
        url: `/v1/centres/${centreCode}/rosters`,
        headers: auth(keys.planner),
        payload: { series: '2026-W23', request: draft.request, result: draft.result },
      })
    ).json().version as { id: string };
    const seen = await app.inject({ method: 'GET', url: `/v1/centres/${centreCode}/rosters`, headers: auth(viewer) });
    expect(seen.statusCode).toBe(200);
    expect((seen.json().versions as { status: string }[]).map((v) => v.status)).toEqual(['published', 'published']);
    const hidden = await app.inject({
      method: 'GET',
      url: `/v1/centres/${centreCode}/rosters/${v3.id}`,
      headers: auth(viewer),
    });
    expect(hidden.statusCode).toBe(404);
    const denied = await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/rosters/${v3.id}/publish`,
      headers: auth(viewer),
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().message).toContain('this needs role planner');
  });

  it('checks a shift-plan job in full before queueing it, as POST /v1/shift-plans does', async () => {
    // 8 half-hour intervals of 3 agents; a 2-hour template starting 08:00-10:00 (tests/api/job-bodies.test.ts).
    const requirement = {
      intervalMinutes: 30,
      timeZone: 'UTC',
      intervals: Array.from({ length: 8 }, (_, i) => ({
        start: new Date(Date.UTC(2026, 5, 1, 8) + i * 1_800_000).toISOString(),
        agents: 3,
      })),
    };
    const rules = (paidMinutes: number) => ({
      templates: [{ name: 'a', paidMinutes, starts: [{ from: '08:00', to: '10:00' }] }],
      solver: { timeLimitSeconds: 1 },
    });
    const post = (paidMinutes: number) =>
      app.inject({
        method: 'POST',
        url: `/v1/centres/${centreCode}/jobs`,
        headers: auth(keys.planner),
        payload: { kind: 'plan', request: { requirement, rules: rules(paidMinutes) } },
      });
    expect((await post(120)).statusCode).toBe(202);
    // 127 paid minutes lie on no grid the plan can use: refused now, not failed later in a worker.
    const bad = await post(127);
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.body).toContain('paidMinutes');
  });

  it('a queued job survives an API restart and is run by a worker started later', async () => {
    const queued = await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/jobs`,
      headers: auth(keys.planner),
      payload: { kind: 'roster', request: draft.request },
    });
    expect(queued.statusCode).toBe(202);
    const id = (queued.json() as { id: string }).id;
    const bad = await app.inject({
      method: 'POST',
      url: `/v1/centres/${centreCode}/jobs`,
      headers: auth(keys.planner),
      payload: { kind: 'roster', request: { plan: {} } },
    });
    expect(bad.statusCode).toBe(400); // checked before it is queued
    await app.close();
    // "Restart": another app on another connection to the same database (the server), or the same store.
    const other = await t.openSibling({ now: clock.now });
    app = await buildApp({ store: other, apiKey: keys.legacy, runner: apiRunner() });
    const after = await app.inject({
      method: 'GET',
      url: `/v1/centres/${centreCode}/jobs/${id}`,
      headers: auth(keys.planner),
    });
    expect(after.json()).toMatchObject({ status: 'queued', attempts: 0 });
    const worker = startJobWorker({
      store: other,
      runner: inlineRunner({}),
      pollMs: 10,
      handlers: { roster: async () => ({ agents: [] }) },
    });
    for (let k = 0; k < 200; k++) {
      const view = await app.inject({
        method: 'GET',
        url: `/v1/centres/${centreCode}/jobs/${id}`,
        headers: auth(keys.planner),
      });
      if ((view.json() as { status: string }).status === 'done') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await worker.stop();
    const done = await app.inject({
      method: 'GET',
      url: `/v1/centres/${centreCode}/jobs/${id}`,
      headers: auth(keys.planner),
    });
    expect(done.json()).toMatchObject({ status: 'done', attempts: 1, result: { agents: [] } });
  });
});
