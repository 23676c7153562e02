/**
 * `POST /v1/simulations` as a job through `app.inject()`, with the real worker handlers run inline:
 * 202 with a Location, poll, the result; a bad body is a 400 at once. The single-queue figure is
 * reference case C01 of ../shared/reference/erlang-cases.json (as in tests/api/routes.test.ts):
 * 100 calls per 30 minutes at 180 s on 14 agents, Erlang C service level 0.888350019179 at 20 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService as buildApp } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner, type TaskHandler } from '../../src/app/parallel/runner.js';
import { handlers } from '../../src/app/parallel/tasks.js';
import type { SimulationResult } from '../../src/app/simulation.js';
import { twoQueueStaffing } from '../simulation/request-fixtures.js';
import { waitFor } from './helpers.js';

let app: ZodApp;
beforeAll(async () => {
  app = await buildApp({ runner: inlineRunner(handlers as unknown as Record<string, TaskHandler>) });
});
afterAll(async () => app.close());

async function finished(id: string): Promise<{ status: string; result?: SimulationResult; kind: string }> {
  let view = { status: '', kind: '' } as { status: string; result?: SimulationResult; kind: string };
  await waitFor(async () => {
    view = (await app.inject({ method: 'GET', url: `/v1/jobs/${id}` })).json();
    return view.status === 'succeeded' || view.status === 'failed';
  }, 30_000);
  return view;
}

describe('POST /v1/simulations', () => {
  it('queues a simulation (202, Location) and serves per-queue results from GET /v1/jobs/:id', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/simulations', payload: twoQueueStaffing() as object });
    expect(res.statusCode).toBe(202);
    const id = (res.json() as { id: string }).id;
    expect(res.headers.location).toBe(`/v1/jobs/${id}`);
    const view = await finished(id);
    expect(view.kind).toBe('simulation');
    expect(view.status).toBe('succeeded');
    const result = view.result as SimulationResult;
    expect(result.queues.map((q) => [q.name, q.intervals.length])).toEqual([
      ['sales', 4],
      ['service', 4],
    ]);
    expect(result.queues[0]?.totals.serviceLevel.halfWidth).toBeGreaterThan(0);
  });

  it('simulates C01 on one queue: the Erlang C service level lies in the 95 % interval', async () => {
    const intervals = 9;
    const body = {
      start: '2026-06-01T08:00:00Z',
      intervalMinutes: 30,
      queues: [{ name: 'main', volume: Array(intervals).fill(100), ahtSeconds: 180 }],
      groups: [{ skills: ['main'], agents: Array(intervals).fill(14) }],
      warmUpIntervals: 1,
      replications: 20,
      seed: 3,
    };
    const id = ((await app.inject({ method: 'POST', url: '/v1/simulations', payload: body })).json() as { id: string })
      .id;
    const sl = ((await finished(id)).result as SimulationResult).queues[0]?.totals.serviceLevel;
    expect(sl?.low).toBeLessThanOrEqual(0.888350019179);
    expect(sl?.high).toBeGreaterThanOrEqual(0.888350019179);
    expect(sl?.halfWidth).toBeLessThan(0.03);
  });

  it('400 at once for a bad body, naming the field; nothing is queued', async () => {
    const body = twoQueueStaffing();
    body.groups = [{ skills: ['sales', 'billing'], agents: [1, 1, 1, 1] }];
    const res = await app.inject({ method: 'POST', url: '/v1/simulations', payload: body as object });
    expect(res.statusCode).toBe(400);
    const json = res.json() as { code: string; issues: { path: (string | number)[]; message: string }[] };
    expect(json.code).toBe('WFM_ERR_INPUT_INVALID');
    expect(json.issues[0]).toEqual({ path: ['groups', 0, 'skills', 1], message: 'no queue "billing"' });
  });

  it('appears in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/v1/simulations');
  });
});
