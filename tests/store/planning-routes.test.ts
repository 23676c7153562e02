/**
 * A centre's planning kept in the store through the API (src/api/routes/planning.ts), on every
 * engine: history appended by start (a re-loaded day replaces its rows), a forecast made from the
 * stored history equal to the stateless `POST /v1/forecast` on the same rows, overrides kept beside
 * the model's numbers, and named what-if scenarios compared side by side. Planner role only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner, type TaskHandler } from '../../src/app/parallel/runner.js';
import { handlers } from '../../src/app/parallel/tasks.js';
import { createApiKey, createCentre, type Store } from '../../src/store/index.js';
import { engines, testClock, type TestStore } from './engines.js';
import { uniqueCode } from './fixtures.js';

/** Six weeks of half-hour history, Mon 2026-10-19 .. Sun 2026-11-29, in Europe/Madrid local time. */
function history(): { start: string; volume: number; ahtSeconds: number }[] {
  const rows = [];
  for (let d = 0; d < 42; d++) {
    const day = new Date(Date.UTC(2026, 9, 19 + d)).toISOString().slice(0, 10);
    for (let k = 0; k < 48; k++) {
      const hh = String(Math.floor(k / 2)).padStart(2, '0');
      const volume = k < 16 || k > 41 ? 0 : 20 + ((d * 7 + k * 3) % 11) + (d % 7 === 0 ? 15 : 0);
      rows.push({ start: `${day}T${hh}:${k % 2 ? '30' : '00'}`, volume, ahtSeconds: 240 + (k % 5) * 10 });
    }
  }
  return rows;
}

const whatIf = (volumeFactor: number) => ({
  queues: [
    {
      name: 'phones',
      request: {
        intervalMinutes: 30,
        target: { serviceLevel: 0.8, answerSeconds: 20 },
        intervals: Array.from({ length: 16 }, (_, i) => ({
          start: new Date(Date.UTC(2026, 11, 7, 8) + i * 1_800_000).toISOString(),
          volume: 40 + i,
          ahtSeconds: 240,
        })),
      },
    },
  ],
  scenarios: [{ name: `volume x${volumeFactor}`, volumeFactor }],
});

describe.each(engines)('planning in the store (history, forecasts, overrides, scenarios) on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  let app: ZodApp;
  let planner = '';
  let viewer = '';
  const code = uniqueCode('plan');
  const as = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
    app = await buildApp({ store, runner: inlineRunner(handlers as unknown as Record<string, TaskHandler>) });
    await createCentre(store, { code, name: 'Madrid', timeZone: 'Europe/Madrid' }, { actor: 't' });
    planner = (await createApiKey(store, { name: 'lucia', role: 'planner' }, { actor: 't' })).key;
    viewer = (await createApiKey(store, { name: 'portal', role: 'viewer' }, { actor: 't' })).key;
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, key = planner) =>
    app.inject({ method, url: `/v1/centres/${code}${url}`, headers: as(key), ...(payload ? { payload } : {}) });

  it('appends history by start: a re-loaded day replaces its rows instead of doubling them', async () => {
    const queue = { channel: 'voice', model: 'erlang-c', target: { serviceLevel: 0.8, answerSeconds: 20 } };
    expect((await call('PUT', '/queues/phones', queue)).statusCode).toBe(200);
    const rows = history();
    const first = await call('POST', '/queues/phones/history', { intervalMinutes: 30, rows });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ inserted: 42 * 48, replaced: 0 });
    const monday = rows.filter((r) => r.start.startsWith('2026-11-23'));
    const again = await call('POST', '/queues/phones/history', { intervalMinutes: 30, rows: monday });
    expect(again.json()).toMatchObject({ days: ['2026-11-23'], inserted: 0, replaced: 48 });
    const stored = await call('GET', '/queues/phones/history?from=2026-10-19&to=2026-11-29');
    expect((stored.json() as { rows: unknown[] }).rows).toHaveLength(42 * 48);
    expect((await call('GET', '/queues', undefined, viewer)).statusCode).toBe(403);
  });

  it('forecasts from the stored history as POST /v1/forecast does from the same rows, and keeps overrides apart', async () => {
    const options = { weeks: 1, method: 'avg4' };
    const made = await call('POST', '/queues/phones/forecasts', { name: 'w49', options });
    expect(made.statusCode, made.body).toBe(201);
    const id = (made.json() as { id: string }).id;
    // The reference: the stateless route on the same rows and zone.
    const direct = await app.inject({
      method: 'POST',
      url: '/v1/forecast',
      payload: { history: history(), timeZone: 'Europe/Madrid', ...options },
    });
    const expected = (direct.json() as { intervals: { start: string; volume: number }[] }).intervals;
    const kept = (await call('GET', `/forecasts/${id}`)).json() as {
      intervals: { start: string; volume: number; modelVolume: number }[];
    };
    expect(kept.intervals.map((i) => i.volume)).toEqual(expected.map((i) => i.volume));
    expect(Date.parse(kept.intervals[0]?.start ?? '')).toBe(Date.parse(expected[0]?.start ?? ''));

    // +20 % on Wednesday (a campaign), then that override removed: the model's numbers come back.
    const wed = (i: { start: string }) => i.start.startsWith('2026-12-02');
    const scale = await call('POST', `/forecasts/${id}/overrides`, {
      kind: 'scale',
      from: '2026-12-02T00:00',
      to: '2026-12-03T00:00',
      factor: 1.2,
      note: 'campaign',
    });
    expect(scale.statusCode, scale.body).toBe(201);
    const scaled = (await call('GET', `/forecasts/${id}`)).json() as typeof kept;
    for (const i of scaled.intervals) expect(i.volume).toBeCloseTo(wed(i) ? 1.2 * i.modelVolume : i.modelVolume, 9);
    expect(scaled.intervals.filter(wed).some((i) => i.volume > 0)).toBe(true);
    const removed = await call('DELETE', `/forecasts/${id}/overrides/${(scale.json() as { id: string }).id}`);
    expect(removed.statusCode).toBe(204);
    const back = (await call('GET', `/forecasts/${id}`)).json() as typeof kept;
    expect(back.intervals.map((i) => i.volume)).toEqual(expected.map((i) => i.volume));

    const bad = await call('POST', `/forecasts/${id}/overrides`, { kind: 'holiday', day: '2/12/2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('day');
  });

  it('keeps named scenarios and compares two side by side', async () => {
    expect((await call('POST', '/scenarios', { name: 'base', request: whatIf(1) })).statusCode).toBe(201);
    const campaign = await call('POST', '/scenarios', { name: 'campaign', request: whatIf(1.2) });
    expect(campaign.statusCode, campaign.body).toBe(201);
    expect((await call('POST', '/scenarios', { name: 'base', request: whatIf(1) })).statusCode).toBe(409);
    expect((await call('POST', '/scenarios', { name: 'base', request: whatIf(1), replace: true })).statusCode).toBe(
      201,
    );
    const list = (await call('GET', '/scenarios')).json() as { scenarios: { name: string; hasResult: boolean }[] };
    expect(list.scenarios.map((s) => [s.name, s.hasResult])).toEqual([
      ['base', true],
      ['campaign', true],
    ]);
    const side = (await call('GET', '/scenarios/base/compare/campaign')).json() as {
      a: { scenarios: { totals: { agentHours: number } }[] };
      b: { scenarios: { totals: { agentHours: number } }[] };
      totalsDelta: { changes: { path: string[]; delta?: number }[] }[];
      input: { path: (string | number)[] }[];
    };
    const [a, b] = [side.a.scenarios[0]?.totals.agentHours ?? 0, side.b.scenarios[0]?.totals.agentHours ?? 0];
    expect(b).toBeGreaterThan(a); // 20 % more calls need more agent-hours
    const delta = side.totalsDelta[0]?.changes.find((c) => c.path.join('.') === 'agentHours')?.delta;
    expect(delta).toBeCloseTo(b - a, 9);
    expect(side.input.map((c) => c.path.join('.'))).toContain('scenarios.0.volumeFactor');
    const refused = await call('POST', '/scenarios', { name: 'huge', request: { ...whatIf(1), queues: [] } });
    expect(refused.statusCode).toBe(400);
  });
});
