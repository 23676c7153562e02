/**
 * `POST /v1/staffing?view=headcount`: the same numbers as the full answer (its projection,
 * byte for byte), the same error bytes as the full view for every bad request, and the view is
 * part of the cache key.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService as buildApp } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { staffingRoutes } from '../../src/api/routes/staffing.js';
import { inlineRunner, type TaskHandler } from '../../src/app/parallel/runner.js';
import { readFastStaffingBody } from '../../src/api/staffing-fast-body.js';
import { fastHeadcountView } from '../../src/api/staffing-headcount.js';
import { headcountViewOf, stringifyHeadcountView } from '../../src/app/staffing-headcount.js';
import type { StaffingResponse } from '../../src/contracts/staffing.js';
import { handlers } from '../../src/app/parallel/tasks.js';
import { bodyEdits, bodySpec, editExtras, writeBody } from './staffing-bodies.js';

const LIMITS = { maxIntervals: 25, maxAgents: 150 };
let inline: ZodApp;
let pooled: ZodApp;
beforeAll(async () => {
  const runner = inlineRunner(handlers as unknown as Record<string, TaskHandler>);
  inline = await buildApp({ runner, routes: [staffingRoutes], limits: LIMITS });
  // Every staffing request past the fast path goes through the worker handler.
  pooled = await buildApp({ runner, routes: [staffingRoutes], limits: { ...LIMITS, inlineStaffingUnits: 1 } });
});
afterAll(async () => {
  await inline.close();
  await pooled.close();
});

async function post(app: ZodApp, url: string, payload: string, headers: Record<string, string> = {}) {
  const res = await app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...headers },
    payload,
  });
  return { status: res.statusCode, body: res.body, headers: res.headers };
}

/** Both views of one body: the headcount answer is the full answer's projection, or the same error. */
async function expectViewsAgree(app: ZodApp, text: string): Promise<number> {
  const full = await post(app, '/v1/staffing', text);
  const view = await post(app, '/v1/staffing?view=headcount', text);
  expect(full.status, `${text.slice(0, 200)} -> ${full.body.slice(0, 200)}`).toBeLessThan(500);
  expect(view.status, `${text.slice(0, 200)} -> ${view.body.slice(0, 200)}`).toBe(full.status);
  if (full.status !== 200) {
    expect(view.body).toBe(full.body);
    return full.status;
  }
  expect(view.body).toBe(stringifyHeadcountView(headcountViewOf(JSON.parse(full.body) as StaffingResponse)));
  return 200;
}

describe('POST /v1/staffing?view=headcount', () => {
  it('answers the reference interval by hand: 14 agents, 20 heads at 30 % shrinkage', async () => {
    // ../shared/reference/erlang-cases.json C01 (100 calls in 30 min, 180 s, 80 % in 20 s: 14
    // agents); ceil(14 / 0.7) = 20; the second interval has no calls (0 agents). Totals by hand.
    const body = JSON.stringify({
      shrinkage: 0.3,
      intervals: [
        { start: '2026-06-01T09:00:00Z', volume: 100, ahtSeconds: 180 },
        { start: '2026-06-01T09:30:00Z', volume: 0, ahtSeconds: 180 },
      ],
    });
    const res = await post(inline, '/v1/staffing?view=headcount', body);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({
      view: 'headcount',
      intervalMinutes: 30,
      timeZone: 'UTC',
      model: 'erlang-c',
      target: { serviceLevel: 0.8, answerSeconds: 20 },
      shrinkage: 0.3,
      agents: [14, 0],
      headcount: [20, 0],
      totals: {
        intervals: 2,
        volume: 100,
        workloadHours: 5,
        agentHours: 7,
        headcountHours: 10,
        peakAgents: 14,
        peakHeadcount: 20,
        unmetIntervals: 0,
      },
    });
  });

  it("equals the full answer's projection on random weeks, and the fast path is that projection too", async () => {
    let fast = 0;
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(bodySpec, async (spec) => {
        const text = writeBody(spec);
        const status = await expectViewsAgree(inline, text);
        const read = readFastStaffingBody(Buffer.from(text));
        const view = read && fastHeadcountView(read, LIMITS);
        if (status === 200) ok++;
        if (view) {
          fast++;
          expect(status).toBe(200);
          expect(stringifyHeadcountView(view)).toBe((await post(inline, '/v1/staffing?view=headcount', text)).body);
        }
      }),
      { numRuns: 300 },
    );
    // Most random weeks are answered, and most answers come from the fast path.
    expect(ok).toBeGreaterThan(100);
    expect(fast).toBeGreaterThan(ok * 0.8);
  });

  it("answers every bad request with the full view's error bytes (random edits, inline and pooled)", async () => {
    const statuses = new Set<number>();
    for (const app of [inline, pooled]) {
      await fc.assert(
        fc.asyncProperty(
          bodySpec,
          fc.constantFrom(...bodyEdits),
          fc.nat(),
          editExtras,
          async (spec, [, edit], at, extra) => {
            statuses.add(await expectViewsAgree(app, edit(writeBody(spec), at, extra)));
          },
        ),
        { numRuns: 400 },
      );
    }
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400, 413]));
  });

  it('the same error bytes for each kind of bad request', async () => {
    const row = (start: string, volume = 20) => ({ start, volume, ahtSeconds: 240 });
    const cases: Record<string, unknown> = {
      'duplicate start text': { intervals: [row('2026-06-01T09:00:00Z'), row('2026-06-01T09:00:00Z')] },
      'same instant written twice': {
        intervals: [row('2026-06-01T09:00:00Z'), row('2026-06-01T11:00:00+02:00'), row('2026-06-01T09:30:00Z')],
      },
      'start off the grid': {
        intervalMinutes: 30,
        intervals: [row('2026-06-01T09:00:00Z'), row('2026-06-01T09:10:00Z')],
      },
      'one start, no interval length': { intervals: [row('2026-06-01T09:00:00Z')] },
      'unreadable start': { intervals: [row('2026-06-01T25:00:00Z'), row('2026-06-01T09:30:00Z')] },
      'wall-clock start in the spring-forward gap': {
        timeZone: 'Europe/Paris',
        intervalMinutes: 30,
        intervals: [row('2026-03-29T02:30:00')],
      },
      'bad volume': { intervals: [row('2026-06-01T09:00:00Z', -1), row('2026-06-01T09:30:00Z')] },
      'too many intervals (413)': {
        intervalMinutes: 30,
        intervals: Array.from({ length: 26 }, (_, i) =>
          row(new Date(Date.UTC(2026, 5, 1) + i * 1_800_000).toISOString()),
        ),
      },
      'too much load (413)': { intervalMinutes: 30, intervals: [row('2026-06-01T09:00:00Z', 5000)] },
      'unreachable target (422)': {
        intervalMinutes: 30,
        model: 'erlang-a',
        patienceSeconds: 60,
        queueCapacity: 5,
        intervals: [{ start: '2026-06-01T09:00:00Z', volume: 100, ahtSeconds: 180 }],
      },
      'serviceLevel without answerSeconds': { target: { serviceLevel: 0.8 }, intervals: [row('2026-06-01T09:00:00Z')] },
    };
    for (const [name, body] of Object.entries(cases)) {
      const full = await post(inline, '/v1/staffing', JSON.stringify(body));
      expect(full.status, name).toBeGreaterThanOrEqual(400);
      expect(await expectViewsAgree(inline, JSON.stringify(body)), name).toBe(full.status);
    }
    for (const raw of [
      '',
      '{',
      '{"intervals":[{"start":"2026-06-01T09:00:00Z","volume":1,"ahtSeconds":1}],"__proto__":{"x":1}}',
      'null',
      '[]',
    ]) {
      await expectViewsAgree(inline, raw);
    }
    const wrongType = await inline.inject({
      method: 'POST',
      url: '/v1/staffing?view=headcount',
      headers: { 'content-type': 'text/plain' },
      payload: '{}',
    });
    expect(wrongType.statusCode).toBe(415);
  });

  it('a request over inlineHeadcountIntervals gets the same answer by the ordinary path', async () => {
    const small = await buildApp({
      runner: inlineRunner(handlers as unknown as Record<string, TaskHandler>),
      routes: [staffingRoutes],
      limits: { inlineHeadcountIntervals: 2 },
    });
    try {
      const body = JSON.stringify({
        intervals: [0, 1, 2].map((i) => ({ start: `2026-06-01T1${i}:00:00Z`, volume: 40 + i, ahtSeconds: 300 })),
      });
      const res = await post(small, '/v1/staffing?view=headcount', body);
      expect(res.status).toBe(200);
      expect(res.body).toBe((await post(inline, '/v1/staffing?view=headcount', body)).body);
    } finally {
      await small.close();
    }
  });

  it('400 for a view it does not know, naming the parameter', async () => {
    const body = JSON.stringify({
      intervals: [
        { start: '2026-06-01T09:00:00Z', volume: 1, ahtSeconds: 1 },
        { start: '2026-06-01T09:30:00Z', volume: 1, ahtSeconds: 1 },
      ],
    });
    for (const url of ['/v1/staffing?view=agents', '/v1/staffing?view=headcount&view=full']) {
      const res = await post(inline, url, body);
      expect(res.status, url).toBe(400);
      const json = JSON.parse(res.body) as { code: string; issues: { path: unknown[] }[] };
      expect(json.code).toBe('WFM_ERR_INPUT_INVALID');
      expect(json.issues[0]?.path).toEqual(['view']);
    }
    expect((await post(inline, '/v1/staffing?view=full', body)).body).toBe(
      (await post(inline, '/v1/staffing', body)).body,
    );
  });

  it('caches each view under its own key, with its own ETag', async () => {
    const body = JSON.stringify({
      intervals: [
        { start: '2027-01-04T09:00:00Z', volume: 77, ahtSeconds: 200 },
        { start: '2027-01-04T09:15:00Z', volume: 70, ahtSeconds: 200 },
      ],
    });
    const first = await post(inline, '/v1/staffing?view=headcount', body);
    const full = await post(inline, '/v1/staffing', body);
    const again = await post(inline, '/v1/staffing?view=headcount', body);
    expect([first.headers['x-wfm-cache'], full.headers['x-wfm-cache'], again.headers['x-wfm-cache']]).toEqual([
      'miss',
      'miss',
      'hit',
    ]);
    expect(again.body).toBe(first.body);
    expect(full.body).not.toBe(first.body);
    expect(first.headers.etag).not.toBe(full.headers.etag);
    const revalidated = await post(inline, '/v1/staffing?view=headcount', body, {
      'if-none-match': String(first.headers.etag),
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe('');
  });
});
