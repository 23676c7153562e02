/**
 * The service on the real piscina pool (needs `npm run build`: worker threads load dist/).
 * Checks that pooled results equal the single-threaded ones, and that an aborted task frees its
 * thread: with one thread, the next task completes while the aborted one would still be running.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService as buildApp } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { createPoolRunner } from '../../src/app/parallel/pool-runner.js';
import type { TaskRunner } from '../../src/app/parallel/runner.js';
import { parseWhatIfRequest } from '../../src/contracts/what-if.js';
import { whatIfJson } from '../../src/formats/what-if-json.js';
import { runWhatIf } from '../../src/what-if/run.js';

const built = existsSync(new URL('../../dist/app/parallel/worker.js', import.meta.url));
if (!built) console.warn('tests/api/pool.test.ts: skipped, dist/ is missing (run `npm run build`).');

const week = Array.from({ length: 672 }, (_, i) => ({
  start: new Date(Date.UTC(2026, 5, 1) + i * 900_000).toISOString(),
  volume: 20 + 80 * Math.sin((Math.PI * (i % 96)) / 96) ** 2,
  ahtSeconds: 240,
}));
const whatIf = {
  queues: [
    {
      name: 'main',
      request: { intervalMinutes: 15, shrinkage: 0.3, intervals: week },
      rosterHeadcount: week.map(() => 60),
    },
  ],
  sweep: { volumeFactor: [0.9, 1, 1.1, 1.2], serviceLevel: [0.8, 0.9] },
};

describe.skipIf(!built)('on the worker pool', () => {
  let app: ZodApp;
  beforeAll(async () => {
    app = await buildApp();
  });
  afterAll(async () => app?.close());

  it('runs the what-if on the pool with the same numbers as the single-threaded core', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/what-if', payload: whatIf });
    expect(res.statusCode).toBe(200);
    const expected = JSON.parse(JSON.stringify(whatIfJson(runWhatIf(parseWhatIfRequest(whatIf)))));
    expect(res.json()).toEqual(expected);
  });

  it('runs a large Erlang A staffing request on the pool', async () => {
    const intervals = week.map((r) => ({ ...r, volume: r.volume / 4 }));
    const res = await app.inject({
      method: 'POST',
      url: '/v1/staffing',
      payload: { intervalMinutes: 15, model: 'erlang-a', patienceSeconds: 120, intervals },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { intervals: unknown[] }).intervals).toHaveLength(672);
  });
});

describe.skipIf(!built)('aborting a pooled task', () => {
  let runner: TaskRunner;
  beforeAll(() => {
    runner = createPoolRunner({ maxThreads: 1 });
  });
  afterAll(async () => runner?.close());

  it('frees the only thread for the next task', { timeout: 30_000 }, async () => {
    // 20,000 Erlang A intervals at 1,500 Erlangs each: minutes of work on one thread.
    const heavy = {
      intervalMinutes: 15,
      model: 'erlang-a',
      patienceSeconds: 120,
      intervals: Array.from({ length: 20_000 }, (_, i) => ({
        start: new Date(Date.UTC(2026, 0, 1) + i * 900_000).toISOString(),
        volume: 5_000 + (i % 7),
        ahtSeconds: 270,
      })),
    };
    const controller = new AbortController();
    const long = runner.run('staffing.request', heavy, controller.signal);
    setTimeout(() => controller.abort(), 200);
    await expect(long).rejects.toMatchObject({ code: 'WFM_ERR_JOB_CANCELLED' });
    const input = parseWhatIfRequest({ ...whatIf, detail: 'summary' });
    const next = await runner.run('whatif.range', { input, from: 0, to: 1 });
    expect((next as { scenarios: unknown[] }).scenarios).toHaveLength(1);
  });
});
