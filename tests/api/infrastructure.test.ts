import { afterEach, describe, expect, it } from 'vitest';
import type { ZodApp } from '../../src/api/context.js';
import { bearerMatches } from '../../src/api/auth.js';
import { DEFAULT_LIMITS, limitsFromEnv, resolveLimits } from '../../src/api/options.js';
import { ERROR_CODES } from '../../src/errors.js';
import { testApp, waitFor } from './helpers.js';
import { createHash } from 'node:crypto';

let app: ZodApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function expectErrorShape(body: string, code: string): void {
  const json = JSON.parse(body) as { code: string; message: string; issues: unknown[] };
  expect(json.code).toBe(code);
  expect(typeof json.message).toBe('string');
  expect(Array.isArray(json.issues)).toBe(true);
}

describe('service infrastructure', () => {
  it('answers /healthz with the job counters and a request id', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', jobs: { queued: 0, running: 0 } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a plain client request id and replaces an unsafe one', async () => {
    app = await testApp();
    const kept = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'a b\n{"x":1}' } });
    expect(replaced.headers['x-request-id']).not.toContain(' ');
  });

  it('answers an unknown route with 404 JSON', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expectErrorShape(res.body, 'WFM_ERR_API_NOT_FOUND');
  });

  it('serves the OpenAPI document at /docs/json and the page at /docs', async () => {
    app = await testApp();
    const doc = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    const json = doc.json() as { openapi: string; paths: Record<string, unknown> };
    expect(json.openapi).toMatch(/^3\./);
    expect(Object.keys(json.paths)).toEqual(expect.arrayContaining(['/healthz', '/v1/jobs/{id}', '/v1/test-jobs']));
    const page = await app.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });

  it('rejects a body that is not JSON (400), not JSON typed (415), empty (400) or too large (413)', async () => {
    app = await testApp({ limits: { bodyLimitBytes: 1000 } });
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/test-jobs',
      headers: { 'content-type': 'application/json' },
      payload: '{"waitMs": 1,',
    });
    expect(bad.statusCode).toBe(400);
    expectErrorShape(bad.body, 'WFM_ERR_INPUT_JSON');
    const text = await app.inject({
      method: 'POST',
      url: '/v1/test-jobs',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expectErrorShape(text.body, 'WFM_ERR_API_MEDIA_TYPE');
    const empty = await app.inject({
      method: 'POST',
      url: '/v1/test-jobs',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    const big = await app.inject({
      method: 'POST',
      url: '/v1/test-jobs',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ waitMs: 1, pad: 'x'.repeat(2000) }),
    });
    expect(big.statusCode).toBe(413);
    expectErrorShape(big.body, 'WFM_ERR_INPUT_TOO_LARGE');
  });

  it('rejects a malformed body with 400 naming every bad field', async () => {
    app = await testApp();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/test-jobs',
      payload: { waitMs: -1, outcome: 'maybe', extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const json = res.json() as { code: string; issues: { path: (string | number)[] }[] };
    expect(json.code).toBe('WFM_ERR_INPUT_INVALID');
    const paths = json.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['waitMs', 'outcome']));
  });
});

describe('API key', () => {
  it('needs Authorization: Bearer <key> on every route but /healthz', async () => {
    app = await testApp({ apiKey: 's3cret' });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const none = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expectErrorShape(none.body, 'WFM_ERR_API_UNAUTHORIZED');
    const wrong = await app.inject({
      method: 'POST',
      url: '/v1/test-jobs',
      headers: { authorization: 'Bearer s3cres' },
      payload: { waitMs: 0 },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({ method: 'GET', url: '/docs/json', headers: { authorization: 'Bearer s3cret' } });
    expect(right.statusCode).toBe(200);
    // An unknown route is 401 without the key (no route discovery), 404 with it.
    expect((await app.inject({ method: 'GET', url: '/v1/nothing' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/v1/nothing', headers: { authorization: 'Bearer s3cret' } })).statusCode,
    ).toBe(404);
  });

  it("lets a browser open the planner page's static files without the key, but not its data routes", async () => {
    app = await testApp({ apiKey: 's3cret' });
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/web/app.js' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/web/demo' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/web/export/roster.csv', payload: {} })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/', payload: {} })).statusCode).toBe(401);
  });

  it('compares digests: other schemes, prefixes and longer keys do not match', () => {
    const key = createHash('sha256').update('abc').digest();
    expect(bearerMatches('Bearer abc', key)).toBe(true);
    expect(bearerMatches('bearer abc', key)).toBe(true);
    expect(bearerMatches('Basic abc', key)).toBe(false);
    expect(bearerMatches('Bearer ab', key)).toBe(false);
    expect(bearerMatches('Bearer abcd', key)).toBe(false);
    expect(bearerMatches('Bearer', key)).toBe(false);
    expect(bearerMatches(undefined, key)).toBe(false);
  });
});

describe('jobs', () => {
  it('queues a job (202 + Location), reports it running, then its result', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 30 } });
    expect(res.statusCode).toBe(202);
    const job = res.json() as { id: string; status: string };
    expect(res.headers.location).toBe(`/v1/jobs/${job.id}`);
    expect(['queued', 'running']).toContain(job.status);
    let view: { status: string; result?: unknown; progress: number | null } = { status: '', progress: null };
    await waitFor(async () => {
      view = (await app!.inject({ method: 'GET', url: `/v1/jobs/${job.id}` })).json();
      return view.status === 'succeeded';
    });
    expect(view.result).toEqual({ waited: 30 });
    expect(view.progress).toBe(1);
  });

  it('reports progress as the elapsed fraction of the time budget while running, capped at 0.99', async () => {
    let clock = 0;
    app = await testApp({ now: () => clock });
    const job = (await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 1000 } })).json() as {
      id: string;
    };
    clock = 250;
    const view = (await app.inject({ method: 'GET', url: `/v1/jobs/${job.id}` })).json() as {
      status: string;
      progress: number;
      progressBasis: string;
    };
    expect(view).toMatchObject({ status: 'running', progress: 0.25, progressBasis: 'time-budget' });
    clock = 5000;
    expect(
      ((await app.inject({ method: 'GET', url: `/v1/jobs/${job.id}` })).json() as { progress: number }).progress,
    ).toBe(0.99);
  });

  it('reports a failed job with its error code, and an internal failure without details', async () => {
    app = await testApp();
    const a = (
      await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 1, outcome: 'wfm-error' } })
    ).json() as { id: string };
    const b = (
      await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 1, outcome: 'crash' } })
    ).json() as { id: string };
    const views: Record<string, { status: string; error?: { code: string; message: string } }> = {};
    await waitFor(async () => {
      for (const id of [a.id, b.id]) views[id] = (await app!.inject({ method: 'GET', url: `/v1/jobs/${id}` })).json();
      return Object.values(views).every((v) => v.status === 'failed');
    });
    expect(views[a.id]?.error?.code).toBe('WFM_ERR_SCHEDULER_INFEASIBLE');
    expect(views[b.id]?.error?.code).toBe('WFM_ERR_INTERNAL');
    expect(views[b.id]?.error?.message).not.toContain('secret');
  });

  it('cancels a running job (DELETE), frees the slot, and forgets a finished job on a second DELETE', async () => {
    app = await testApp({ limits: { maxRunningJobs: 1 } });
    const long = (await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 30_000 } })).json() as {
      id: string;
    };
    const next = (await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 1 } })).json() as {
      id: string;
      status: string;
    };
    expect(next.status).toBe('queued');
    const cancelled = await app.inject({ method: 'DELETE', url: `/v1/jobs/${long.id}` });
    expect(cancelled.statusCode).toBe(200);
    await waitFor(
      async () =>
        ((await app!.inject({ method: 'GET', url: `/v1/jobs/${long.id}` })).json() as { status: string }).status ===
        'cancelled',
    );
    const view = (await app.inject({ method: 'GET', url: `/v1/jobs/${long.id}` })).json() as {
      error: { code: string };
    };
    expect(view.error.code).toBe('WFM_ERR_JOB_CANCELLED');
    // The freed slot runs the waiting job.
    await waitFor(
      async () =>
        ((await app!.inject({ method: 'GET', url: `/v1/jobs/${next.id}` })).json() as { status: string }).status ===
        'succeeded',
    );
    expect((await app.inject({ method: 'DELETE', url: `/v1/jobs/${long.id}` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/v1/jobs/${long.id}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/v1/jobs/no-such-job' })).statusCode).toBe(404);
  });

  it('cancels a queued job before it starts', async () => {
    app = await testApp({ limits: { maxRunningJobs: 1 } });
    await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 200 } });
    const queued = (await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 1 } })).json() as {
      id: string;
    };
    const res = (await app.inject({ method: 'DELETE', url: `/v1/jobs/${queued.id}` })).json() as {
      status: string;
      startedAt: string | null;
    };
    expect(res.status).toBe('cancelled');
    expect(res.startedAt).toBeNull();
  });

  it('stops a job past its time limit and reports WFM_ERR_JOB_TIMEOUT', async () => {
    app = await testApp({ limits: { jobTimeLimitMs: 50 } });
    const job = (await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 30_000 } })).json() as {
      id: string;
    };
    let view: { status: string; error?: { code: string } } = { status: '' };
    await waitFor(async () => {
      view = (await app!.inject({ method: 'GET', url: `/v1/jobs/${job.id}` })).json();
      return view.status === 'failed';
    });
    expect(view.error?.code).toBe('WFM_ERR_JOB_TIMEOUT');
  });

  it('answers 429 when the queue is full', async () => {
    app = await testApp({ limits: { maxRunningJobs: 1, maxQueuedJobs: 2 } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 5_000 } })).statusCode);
    // One runs, two wait, the fourth is refused.
    expect(codes).toEqual([202, 202, 202, 429]);
    const res = await app.inject({ method: 'POST', url: '/v1/test-jobs', payload: { waitMs: 1 } });
    expectErrorShape(res.body, 'WFM_ERR_API_QUEUE_FULL');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({
      jobs: { queued: 2, running: 1 },
    });
  });
});

describe('limits', () => {
  it('reads WFM_* variables and rejects malformed ones', () => {
    expect(limitsFromEnv({ WFM_MAX_QUEUED_JOBS: '3', WFM_BODY_LIMIT_BYTES: '' })).toEqual({ maxQueuedJobs: 3 });
    expect(() => limitsFromEnv({ WFM_MAX_INTERVALS: '-5' })).toThrow(/WFM_MAX_INTERVALS/);
    expect(resolveLimits({ maxAgents: 10 })).toEqual({ ...DEFAULT_LIMITS, maxAgents: 10 });
    expect(() => resolveLimits({ maxAgents: 0 })).toThrow(/maxAgents/);
  });

  it('every API error code has a 4xx status except the internal ones', () => {
    for (const code of [
      'WFM_ERR_API_UNAUTHORIZED',
      'WFM_ERR_API_NOT_FOUND',
      'WFM_ERR_API_QUEUE_FULL',
      'WFM_ERR_API_MEDIA_TYPE',
      'WFM_ERR_API_REQUEST',
    ] as const) {
      expect(ERROR_CODES[code].status).toBeGreaterThanOrEqual(400);
      expect(ERROR_CODES[code].status).toBeLessThan(500);
    }
  });
});

describe('job retention', () => {
  it('forgets finished jobs past their retention time, and the oldest beyond maxKeptJobs', async () => {
    const { JobManager } = await import('../../src/api/jobs.js');
    const { inlineRunner } = await import('../../src/app/parallel/runner.js');
    let clock = 1_000_000;
    const jobs = new JobManager({
      runner: inlineRunner({ ok: () => 'done' }),
      limits: { jobTimeLimitMs: 10_000, maxQueuedJobs: 10, maxRunningJobs: 1, jobRetentionMs: 60_000, maxKeptJobs: 2 },
      now: () => clock,
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(jobs.submit('t', 'ok', null).id);
      await waitFor(async () => jobs.get(ids[i] as string)?.status === 'succeeded');
      clock += 1_000;
    }
    // Three finished, at most two kept: the first (oldest) is forgotten on the next look-up.
    expect(jobs.get(ids[0] as string)).toBeUndefined();
    expect(jobs.get(ids[2] as string)?.result).toBe('done');
    clock += 61_000;
    expect(jobs.get(ids[2] as string)).toBeUndefined();
    expect(jobs.stats()).toEqual({ queued: 0, running: 0, kept: 0 });
  });
});

describe('pooled calls', () => {
  it('refuses a call with 429 when maxInFlight calls are already in flight, and accepts again after', async () => {
    const { gatedRunner, inlineRunner } = await import('../../src/app/parallel/runner.js');
    const release: (() => void)[] = [];
    const runner = gatedRunner(inlineRunner({ wait: () => new Promise<void>((resolve) => release.push(resolve)) }), 2);
    const a = runner.run('wait', null);
    const b = runner.run('wait', null);
    await expect(runner.run('wait', null)).rejects.toMatchObject({ code: 'WFM_ERR_API_QUEUE_FULL', status: 429 });
    await waitFor(async () => release.length === 2);
    release.forEach((r) => r());
    await Promise.all([a, b]);
    expect(runner.inFlight()).toBe(0);
    const c = runner.run('wait', null);
    await waitFor(async () => release.length === 3);
    release[2]?.();
    await expect(c).resolves.toBeUndefined();
  });
});
