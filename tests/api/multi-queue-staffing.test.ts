/**
 * `POST /v1/staffing` with several queues (src/contracts/multi-queue-staffing.ts): agents per skill
 * group and interval verified by simulation, per queue and interval the Erlang requirement, the SL by
 * formula, the agents covering it and the simulated SL. Expected numbers: reference case C01 of
 * ../shared/reference/erlang-cases.json (100 calls per 30 minutes at 180 s need 14 agents at 80/20,
 * SL 0.888350019179), as in tests/api/routes.test.ts; the rest by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService as buildApp } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner, type TaskHandler } from '../../src/app/parallel/runner.js';
import { handlers } from '../../src/app/parallel/tasks.js';
import { runMultiQueueStaffing, type MultiQueueStaffingResult } from '../../src/app/multi-queue-staffing.js';
import { parseMultiQueueStaffing } from '../../src/contracts/multi-queue-staffing.js';

let app: ZodApp;
beforeAll(async () => {
  app = await buildApp({ runner: inlineRunner(handlers as unknown as Record<string, TaskHandler>) });
});
afterAll(async () => app.close());

const rows = (volumes: number[], ahtSeconds = 180) =>
  volumes.map((volume, i) => ({
    start: new Date(Date.UTC(2026, 5, 1, 8) + i * 1_800_000).toISOString(),
    volume,
    ahtSeconds,
  }));

function twoQueues() {
  return {
    queues: [
      { name: 'sales', priority: 1, request: { intervals: rows([100, 60]) } },
      { name: 'service', request: { intervals: rows([80, 80], 240) } },
    ],
    groups: [
      { name: 'sales team', skills: ['sales'] },
      { name: 'service team', skills: ['service'] },
      { name: 'blended', skills: ['service', 'sales'], proficiency: { sales: 1.1 } },
    ],
    seed: 5,
  };
}

async function post(payload: unknown, url = '/v1/staffing') {
  const res = await app.inject({ method: 'POST', url, payload: payload as object });
  return { status: res.statusCode, json: res.json() as Record<string, unknown> };
}

describe('POST /v1/staffing with several queues', () => {
  it('one queue in the multi-queue form gets the single-queue answer (C01: 14 agents), by formula', async () => {
    const { status, json } = await post({ queues: [{ name: 'main', request: { intervals: rows([100, 100]) } }] });
    expect(status).toBe(200);
    const result = json as unknown as MultiQueueStaffingResult;
    expect(result.groups[0]?.agents).toEqual([14, 14]);
    const q = result.queues[0]?.intervals[0];
    expect(q?.requirement).toBe(14);
    expect(q?.covered).toBe(14);
    expect(q?.serviceLevelFormula).toBeCloseTo(0.888350019179, 9);
    expect(q?.serviceLevelSimulated).toBeNull();
    expect(result.intervals.map((i) => i.method)).toEqual(['erlang', 'erlang']);
  });

  it('staffs queues sharing a blended group, with per-queue requirement, coverage and simulated SL', async () => {
    const { status, json } = await post(twoQueues());
    expect(status).toBe(200);
    const result = json as unknown as MultiQueueStaffingResult;
    expect(result.groups.map((g) => [g.name, g.agents.length])).toEqual([
      ['sales team', 2],
      ['service team', 2],
      ['blended', 2],
    ]);
    const sales = result.queues[0]?.intervals[0];
    expect(sales?.requirement).toBe(14); // C01: the queue alone
    expect(result.intervals[0]?.method).toBe('simulation');
    expect(sales?.serviceLevelSimulated?.low).toBeLessThanOrEqual(sales?.serviceLevelSimulated?.mean as number);
    // Covered = the sales team plus the blended group (by hand from the groups' agents).
    const [salesTeam, , blended] = result.groups.map((g) => g.agents[0] as number);
    expect(sales?.covered).toBe((salesTeam as number) + (blended as number));
    expect(result.met).toBe(result.queues.every((q) => q.intervals.every((i) => i.met)));
  });

  it('gives the same answer whatever the thread count', async () => {
    const request = parseMultiQueueStaffing(twoQueues());
    const inner = inlineRunner(handlers as unknown as Record<string, TaskHandler>);
    const one = await runMultiQueueStaffing({ ...inner, threads: 1 }, request);
    const three = await runMultiQueueStaffing({ ...inner, threads: 3 }, request);
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
  });

  it('400 naming the field for a skill that is no queue, misaligned starts, or the headcount view', async () => {
    const bad = twoQueues();
    bad.groups[2] = { name: 'blended', skills: ['service', 'billing'], proficiency: { sales: 1 } };
    const a = await post(bad);
    expect(a.status).toBe(400);
    expect((a.json.issues as { path: unknown[] }[])[0]?.path).toEqual(['groups', 2, 'skills', 1]);
    const shifted = twoQueues();
    shifted.queues[1] = { name: 'service', request: { intervals: rows([80]) } };
    const b = await post(shifted);
    expect(b.status).toBe(400);
    expect((b.json.issues as { path: unknown[] }[])[0]?.path).toEqual(['queues', 1, 'request', 'intervals']);
    const c = await post(twoQueues(), '/v1/staffing?view=headcount');
    expect(c.status).toBe(400);
  });
});

describe('OpenAPI of POST /v1/staffing', () => {
  it('lists the multi-queue body and its answer beside the single-queue ones', async () => {
    type Schema = { anyOf?: { properties?: Record<string, unknown> }[] };
    type Media = { content: Record<string, { schema: Schema }> };
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, { post: { requestBody: Media; responses: Record<string, Media> } }>;
    };
    const post = doc.paths['/v1/staffing']?.post;
    const keysOf = (media: Media | undefined) =>
      (media?.content['application/json']?.schema.anyOf ?? []).map((s) => Object.keys(s.properties ?? {}));
    const bodies = keysOf(post?.requestBody);
    expect(bodies.some((keys) => keys.includes('intervals'))).toBe(true);
    expect(bodies.some((keys) => ['queues', 'groups', 'seed', 'replications'].every((k) => keys.includes(k)))).toBe(
      true,
    );
    const answers = keysOf(post?.responses['200']);
    expect(answers.some((keys) => ['multiQueue', 'groups', 'queues'].every((k) => keys.includes(k)))).toBe(true);
  });
});
