/**
 * API keys by role, one request per role and route group: a planner drafts, edits and publishes
 * (and reads what a viewer reads); a viewer reads published rosters only; a system key reaches the
 * headcount API only. A refusal is 403 naming the role the route needs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import type { ZodApp } from '../../src/api/context.js';
import { createApiKey, createCentre, type Role, type Store } from '../../src/store/index.js';
import { engines, testClock, type TestStore } from './engines.js';
import { apiRunner, uniqueCode } from './fixtures.js';
import { demoDraftInput, type DemoDraft } from './roster-fixture.js';

let draft: DemoDraft;
beforeAll(async () => {
  draft = await demoDraftInput(20);
}, 120_000);

type Method = 'GET' | 'POST';
interface Call {
  method: Method;
  url: () => string;
  payload?: () => unknown;
}

describe.each(engines)('API key roles x route groups on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  let app: ZodApp;
  const keys: Record<Role, string> = { planner: '', viewer: '', system: '' };
  let code = '';
  const ids = { published: '', draft: '', agent: '', date: '' };
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });

  const send = (role: Role, call: Call) =>
    app.inject({
      method: call.method,
      url: call.url(),
      headers: auth(keys[role]),
      ...(call.payload ? { payload: call.payload() as object } : {}),
    });

  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
    app = await buildApp({ store, apiKey: 'legacy-key-123', runner: apiRunner() });
    code = uniqueCode('roles');
    await createCentre(store, { code, name: 'Roles', timeZone: draft.result.grid.timeZone }, { actor: 't' });
    for (const role of ['planner', 'viewer', 'system'] as const) {
      keys[role] = (await createApiKey(store, { name: `${role}-key`, role }, { actor: 't' })).key;
    }
    const save = () =>
      app.inject({
        method: 'POST',
        url: `/v1/centres/${code}/rosters`,
        headers: auth(keys.planner),
        payload: { series: '2026-W23', request: draft.request, result: draft.result },
      });
    ids.published = ((await save()).json().version as { id: string }).id;
    await app.inject({
      method: 'POST',
      url: `/v1/centres/${code}/rosters/${ids.published}/publish`,
      headers: auth(keys.planner),
    });
    ids.draft = ((await save()).json().version as { id: string }).id;
    const doc = (
      await app.inject({
        method: 'GET',
        url: `/v1/centres/${code}/rosters/${ids.draft}`,
        headers: auth(keys.planner),
      })
    ).json().document as { agents: { id: string; shifts: { date: string }[] }[] };
    const agent = doc.agents.find((a) => a.shifts.length > 0)!;
    ids.agent = agent.id;
    ids.date = agent.shifts[0]!.date;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  const headcountBody = {
    model: 'erlang-c',
    target: { serviceLevel: 0.8, answerSeconds: 20 },
    intervalMinutes: 15,
    intervals: [{ start: '2026-06-01T08:00:00Z', volume: 40, ahtSeconds: 180 }],
  };

  /** Route group -> one request, and the role the route needs (403 names it) for each role that is refused. */
  const groups: { name: string; call: Call; allowed: Role[]; needs: Role }[] = [
    {
      name: 'list versions',
      call: { method: 'GET', url: () => `/v1/centres/${code}/rosters` },
      allowed: ['planner', 'viewer'],
      needs: 'viewer',
    },
    {
      name: 'read a published roster',
      call: { method: 'GET', url: () => `/v1/centres/${code}/rosters/${ids.published}` },
      allowed: ['planner', 'viewer'],
      needs: 'viewer',
    },
    {
      name: 'diff published versions',
      call: { method: 'GET', url: () => `/v1/centres/${code}/rosters/${ids.published}/diff/${ids.published}` },
      allowed: ['planner', 'viewer'],
      needs: 'viewer',
    },
    {
      name: 'save a draft',
      call: {
        method: 'POST',
        url: () => `/v1/centres/${code}/rosters`,
        payload: () => ({ series: '2026-W24', request: draft.request, result: draft.result }),
      },
      allowed: ['planner'],
      needs: 'planner',
    },
    {
      name: 'hand edit a draft',
      call: {
        method: 'POST',
        url: () => `/v1/centres/${code}/rosters/${ids.draft}/edits`,
        payload: () => ({
          edits: [{ op: 'remove-shift', agent: ids.agent, date: ids.date }],
          force: true,
          reason: 't',
        }),
      },
      allowed: ['planner'],
      needs: 'planner',
    },
    {
      name: 'list agents',
      call: { method: 'GET', url: () => `/v1/centres/${code}/agents` },
      allowed: ['planner'],
      needs: 'planner',
    },
    {
      name: 'headcount API',
      call: { method: 'POST', url: () => '/v1/staffing', payload: () => headcountBody },
      allowed: ['planner', 'system'],
      needs: 'system',
    },
    {
      name: 'other engine routes',
      call: { method: 'GET', url: () => '/v1/jobs/none' },
      allowed: ['planner'],
      needs: 'planner',
    },
  ];

  for (const group of groups) {
    for (const role of ['planner', 'viewer', 'system'] as const) {
      const allowed = group.allowed.includes(role);
      it(`${group.name}: ${role} ${allowed ? 'allowed' : `refused, naming role ${group.needs}`}`, async () => {
        const response = await send(role, group.call);
        if (allowed) {
          // Allowed: not refused (the jobs probe is a 404 for a job that does not exist).
          expect([401, 403], response.body).not.toContain(response.statusCode);
          expect(response.statusCode, response.body).toBeLessThan(group.name === 'other engine routes' ? 405 : 300);
        } else {
          expect(response.statusCode, response.body).toBe(403);
          expect(response.json()).toMatchObject({
            code: 'WFM_ERR_STORE_FORBIDDEN',
            message: expect.stringContaining(`has role ${role}; this needs role ${group.needs}`),
          });
        }
      });
    }
  }

  it('a viewer sees a draft as absent (404), a planner sees it', async () => {
    const call: Call = { method: 'GET', url: () => `/v1/centres/${code}/rosters/${ids.draft}` };
    expect((await send('viewer', call)).statusCode).toBe(404);
    expect((await send('planner', call)).statusCode).toBe(200);
  });

  it('publish: planner only (run last: it publishes the draft)', async () => {
    const call: Call = { method: 'POST', url: () => `/v1/centres/${code}/rosters/${ids.draft}/publish` };
    for (const role of ['viewer', 'system'] as const) {
      const refused = await send(role, call);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toContain(`has role ${role}; this needs role planner`);
    }
    expect((await send('planner', call)).statusCode).toBe(200);
  });
});
