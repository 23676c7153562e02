/**
 * What-if work and answers are bounded before any work (issue 17, item 1): a sweep at the old
 * documented limits (5,000 scenarios x 4,000 intervals, a 175 MB answer) is a 413 without touching
 * the pool's compute threads (only the body check runs there); a sweep whose answer would pass `maxAnswerBytes` is a 413; what-ifs in flight are
 * counted in scenario-intervals and one more is a 429 before its body is read; and the answer is
 * written on the worker (the `whatif.range-json` task), byte for byte the single-threaded answer.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZodApp } from '../../src/api/context.js';
import { healthRoutes } from '../../src/api/routes/health.js';
import { whatIfRoutes } from '../../src/api/routes/what-if.js';
import { rawWhatIfSize } from '../../src/app/what-if-size.js';
import { inlineRunner, type TaskHandler, type TaskRunner } from '../../src/app/parallel/runner.js';
import { handlers } from '../../src/app/parallel/tasks.js';
import { whatIfJson } from '../../src/app/what-if-json.js';
import { parseWhatIfRequest } from '../../src/contracts/what-if.js';
import { buildService } from '../../src/service.js';
import { runWhatIf } from '../../src/what-if/run.js';
import { waitFor } from './helpers.js';

/** A queue of `n` 15-minute intervals from 2026-06-01 (volumes 20-60 calls, AHT 240 s). */
function queue(n: number, roster = false) {
  const start = Date.UTC(2026, 5, 1);
  return {
    name: 'sales',
    request: {
      intervalMinutes: 15,
      target: { serviceLevel: 0.8, answerSeconds: 20 },
      shrinkage: 0.3,
      intervals: Array.from({ length: n }, (_, i) => ({
        start: new Date(start + i * 900_000).toISOString(),
        volume: 20 + (i % 41),
        ahtSeconds: 240,
      })),
    },
    ...(roster ? { rosterHeadcount: Array.from({ length: n }, (_, i) => 8 + (i % 7)) } : {}),
  };
}

/** `count` factors 0.5, 0.51, ... */
const factors = (count: number) => Array.from({ length: count }, (_, i) => Math.round(50 + i) / 100);

let app: ZodApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A runner recording each task name, running the real handlers (or `override`s). */
function recordingRunner(calls: string[], override: Record<string, TaskHandler> = {}, threads = 1): TaskRunner {
  const inner = inlineRunner({ ...(handlers as unknown as Record<string, TaskHandler>), ...override });
  return {
    threads,
    run: (name, payload, signal) => {
      calls.push(name);
      return inner.run(name, payload, signal);
    },
    close: () => inner.close(),
  };
}

async function start(runner: TaskRunner, limits = {}): Promise<ZodApp> {
  app = await buildService({ runner, routes: [healthRoutes, whatIfRoutes], limits });
  return app;
}

describe('what-if limits before any work', () => {
  it('a sweep at the old documented limits (5,000 x 4,000, ~300 KB body) is a 413 and no scenario is computed', async () => {
    const calls: string[] = [];
    const service = await start(recordingRunner(calls));
    const body = { queues: [queue(4000)], sweep: { volumeFactor: factors(50), ahtFactor: factors(100) } };
    const payload = JSON.stringify(body);
    expect(payload.length).toBeGreaterThan(250_000);
    const res = await service.inject({
      method: 'POST',
      url: '/v1/what-if',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('WFM_ERR_INPUT_TOO_LARGE');
    expect(res.json().message).toContain('scenario-intervals');
    expect(calls.filter((c) => c.startsWith('whatif.'))).toEqual([]);
  });

  it('an answer over maxAnswerBytes is a 413; the same sweep as a summary is answered', async () => {
    const calls: string[] = [];
    const service = await start(recordingRunner(calls), { maxAnswerBytes: 500_000 });
    const body = { queues: [queue(96)], sweep: { volumeFactor: factors(200) } };
    const full = await service.inject({ method: 'POST', url: '/v1/what-if', payload: body });
    expect(full.statusCode).toBe(413);
    expect(full.json().message).toContain('answer bytes');
    expect(calls.filter((c) => c.startsWith('whatif.'))).toEqual([]);
    const summary = await service.inject({
      method: 'POST',
      url: '/v1/what-if',
      payload: { ...body, detail: 'summary' },
    });
    expect(summary.statusCode).toBe(200);
    expect(summary.json().scenarioCount).toBe(200);
  });

  it('what-ifs in flight are counted: one more is a 429 before its body is read', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const calls: string[] = [];
    const slow: TaskHandler = async (payload) => {
      await held;
      return (handlers as unknown as Record<string, TaskHandler>)['whatif.range-json']?.(payload);
    };
    const service = await start(recordingRunner(calls, { 'whatif.range-json': slow }), {
      maxWhatIfCellsInFlight: 960,
    });
    const first = service.inject({
      method: 'POST',
      url: '/v1/what-if',
      payload: { queues: [queue(96)], sweep: { volumeFactor: factors(10) } },
    });
    await waitFor(async () => calls.includes('whatif.range-json'));
    const flood = await service.inject({
      method: 'POST',
      url: '/v1/what-if',
      headers: { 'content-type': 'application/json' },
      payload: '{"queues": [',
    });
    expect(flood.statusCode).toBe(429);
    expect(flood.json().code).toBe('WFM_ERR_API_QUEUE_FULL');
    release();
    expect((await first).statusCode).toBe(200);
    const after = await service.inject({
      method: 'POST',
      url: '/v1/what-if',
      payload: { queues: [queue(96)], sweep: { volumeFactor: factors(10) } },
    });
    expect(after.statusCode).toBe(200);
  });
});

describe('the answer is written on the worker', () => {
  it('three ranges joined are byte for byte the single-threaded answer', async () => {
    const calls: string[] = [];
    const service = await start(recordingRunner(calls, {}, 3));
    const body = { queues: [queue(672, true)], sweep: { volumeFactor: factors(100) } };
    const res = await service.inject({ method: 'POST', url: '/v1/what-if', payload: body });
    expect(res.statusCode).toBe(200);
    expect(calls).toEqual(['api.what-if-prepare', 'whatif.range-json', 'whatif.range-json', 'whatif.range-json']);
    expect(res.body).toBe(JSON.stringify(whatIfJson(runWhatIf(parseWhatIfRequest(body)))));
  });

  it('the answer is never longer than the bound checked before the work (100 random sweeps)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 96 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.constantFrom('intervals', 'summary'),
        fc.string({ minLength: 1, maxLength: 64 }),
        (n, count, roster, detail, name) => {
          const body = {
            queues: [{ ...queue(n, roster), name }],
            scenarios: [{ name, volumeFactor: 1.5, serviceLevel: 0.95, answerSeconds: 10 }],
            sweep: { volumeFactor: factors(count) },
            detail,
          };
          const answer = JSON.stringify(whatIfJson(runWhatIf(parseWhatIfRequest(body))));
          expect(Buffer.byteLength(answer)).toBeLessThanOrEqual(rawWhatIfSize(body).answerBytes);
        },
      ),
      { numRuns: 100, seed: 17 },
    );
  });
});
