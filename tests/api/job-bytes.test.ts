/**
 * Shift-plan and roster jobs keep the event loop's heap out of their bytes (issue 17, item 6: 40
 * submissions at once, `/healthz` held up by garbage collection): a body is read into shared
 * memory for the pool thread (never a string on the event loop), and a finished job's result
 * comes back from its thread as JSON bytes that are kept and served as they are (never cloned
 * onto the event loop as objects, parsed or written again).
 */
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodApp } from '../../src/api/context.js';
import { jobRoutes } from '../../src/api/routes/jobs.js';
import { rosterRoutes } from '../../src/api/routes/rosters.js';
import { shiftPlanRoutes } from '../../src/api/routes/shift-plans.js';
import { inlineRunner } from '../../src/app/parallel/runner.js';
import { createPoolRunner } from '../../src/app/parallel/pool-runner.js';
import type { TaskRunner } from '../../src/app/parallel/runner.js';
import { buildService } from '../../src/service.js';
import { waitFor } from './helpers.js';

/** A result as a worker wrote it, with spacing and a number form that parsing and writing again would change. */
const WRITTEN = '{"shifts": [ {"count": 1.50} ] ,"note":"as written"}';

/** Handlers that accept any body and answer `WRITTEN` as bytes, recording what they were given. */
function bytesHandlers(seen: unknown[]) {
  return {
    'api.shift-plan-check': (payload: unknown) => {
      seen.push(payload);
      return { budgetMs: 1000 };
    },
    'shift-plan.solve-text': (payload: unknown) => {
      seen.push(payload);
      return new TextEncoder().encode(WRITTEN);
    },
  };
}

async function finished(app: ZodApp, id: string): Promise<string> {
  let body = '';
  await waitFor(async () => {
    body = (await app.inject({ url: `/v1/jobs/${id}` })).body;
    return (JSON.parse(body) as { status: string }).status === 'succeeded';
  }, 10_000);
  return body;
}

describe('a finished job is served as the bytes its worker wrote', () => {
  const seen: unknown[] = [];
  let app: ZodApp;
  beforeAll(async () => {
    app = await buildService({ runner: inlineRunner(bytesHandlers(seen)), routes: [jobRoutes, shiftPlanRoutes] });
  });
  afterAll(async () => app.close());

  it('GET and DELETE splice the result in verbatim, beside the job view', async () => {
    const posted = await app.inject({ method: 'POST', url: '/v1/shift-plans', payload: { any: 'body' } });
    expect(posted.statusCode).toBe(202);
    const id = (posted.json() as { id: string }).id;
    const got = await finished(app, id);
    expect(got).toContain(`"result":${WRITTEN}}`);
    const view = JSON.parse(got) as Record<string, unknown>;
    expect(view).toMatchObject({ id, kind: 'shift-plan', status: 'succeeded', progress: 1 });
    expect(view.result).toEqual({ shifts: [{ count: 1.5 }], note: 'as written' });
    const forgotten = await app.inject({ method: 'DELETE', url: `/v1/jobs/${id}` });
    expect(forgotten.statusCode).toBe(200);
    expect(forgotten.headers['content-type']).toMatch(/^application\/json/);
    expect(forgotten.body).toContain(`"result":${WRITTEN}}`);
    expect((await app.inject({ url: `/v1/jobs/${id}` })).statusCode).toBe(404);
  });

  it('a body sent in chunks without a length (larger than the first buffer) arrives whole, as shared bytes', async () => {
    seen.length = 0;
    const text = JSON.stringify({ pad: 'x'.repeat(200_000), end: 'é' });
    const chunks = Array.from({ length: 20 }, (_, i) => Buffer.from(text).subarray(i * 10_007, (i + 1) * 10_007));
    const posted = await app.inject({
      method: 'POST',
      url: '/v1/shift-plans',
      headers: { 'content-type': 'application/json' },
      payload: Readable.from(chunks),
    });
    expect(posted.statusCode).toBe(202);
    const body = (seen[0] as { body: Uint8Array }).body;
    expect(body.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(body).toString('utf8')).toBe(text);
  });
});

describe('the body limit holds for bytes read into shared memory', () => {
  const seen: unknown[] = [];
  let app: ZodApp;
  beforeAll(async () => {
    app = await buildService({
      runner: inlineRunner(bytesHandlers(seen)),
      routes: [jobRoutes, shiftPlanRoutes, rosterRoutes],
      limits: { bodyLimitBytes: 1000 },
    });
  });
  afterAll(async () => app.close());

  it('a body within the limit arrives as shared bytes; a declared length over it, or a chunked body growing past it, is a 413', async () => {
    const small = JSON.stringify({ pad: 'x'.repeat(900) });
    const ok = await app.inject({
      method: 'POST',
      url: '/v1/shift-plans',
      headers: { 'content-type': 'application/json' },
      payload: small,
    });
    expect(ok.statusCode).toBe(202);
    expect((seen[0] as { body: Uint8Array }).body.buffer).toBeInstanceOf(SharedArrayBuffer);
    const big = JSON.stringify({ pad: 'x'.repeat(2000) });
    const declared = await app.inject({
      method: 'POST',
      url: '/v1/shift-plans',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().code).toBe('WFM_ERR_INPUT_TOO_LARGE');
    const chunked = await app.inject({
      method: 'POST',
      url: '/v1/rosters',
      headers: { 'content-type': 'application/json' },
      payload: Readable.from([big.slice(0, 600), big.slice(600)]),
    });
    expect(chunked.statusCode).toBe(413);
    expect(chunked.json().code).toBe('WFM_ERR_INPUT_TOO_LARGE');
  });
});

const built = existsSync(new URL('../../dist/app/parallel/worker.js', import.meta.url));
if (!built) console.warn('tests/api/job-bytes.test.ts: pool part skipped, dist/ is missing (run `npm run build`).');

describe.skipIf(!built)('on the worker pool', () => {
  let runner: TaskRunner;
  beforeAll(() => {
    runner = createPoolRunner({ maxThreads: 1 });
  });
  afterAll(async () => runner?.close());

  it('the plan comes back to the event loop as JSON bytes, not as objects', async () => {
    const body = {
      requirement: {
        intervalMinutes: 30,
        timeZone: 'UTC',
        intervals: Array.from({ length: 4 }, (_, i) => ({
          start: `2026-06-01T0${8 + Math.floor(i / 2)}:${i % 2 ? '30' : '00'}:00Z`,
          agents: 2,
        })),
      },
      rules: {
        templates: [{ name: 'a', paidMinutes: 120, starts: [{ from: '08:00', to: '08:00' }] }],
        solver: { timeLimitSeconds: 1 },
      },
    };
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    const result = await runner.run('shift-plan.solve-text', { body: shared, maxJsonDepth: 64 });
    expect(result).toBeInstanceOf(Uint8Array);
    const plan = JSON.parse(Buffer.from(result as Uint8Array).toString('utf8')) as { shifts: { count: number }[] };
    // 2 agents needed 08:00-10:00, one 2-hour template starting at 08:00: 2 shifts.
    expect(plan.shifts.reduce((sum, s) => sum + s.count, 0)).toBe(2);
  });
});
