/**
 * Fuzz: thousands of malformed bodies (random JSON, valid bodies with one field replaced by a
 * random value, raw text that is not JSON) sent to every POST route. Every answer must be a JSON
 * error with a 4xx status and the `{ code, message, issues }` shape (or a 2xx when the mutation
 * happens to be valid); never a 5xx; and the service must keep answering afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService as buildApp } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner, type TaskHandler } from '../../src/app/parallel/runner.js';
import { ERROR_CODES } from '../../src/errors.js';
import { handlers } from '../../src/app/parallel/tasks.js';

let app: ZodApp;
beforeAll(async () => {
  // Jobs queued by valid mutations are refused past two (429), so the fuzz never waits on a solver.
  app = await buildApp({
    runner: inlineRunner({
      ...(handlers as unknown as Record<string, TaskHandler>),
      'shift-plan.solve': () => new Promise(() => {}),
      'shift-plan.solve-text': () => new Promise(() => {}),
      'roster.solve-text': () => new Promise(() => {}),
      'roster.solve': () => new Promise(() => {}),
    }),
    limits: { maxIntervals: 200, maxScenarios: 20, maxQueuedJobs: 2, maxRunningJobs: 1, bodyLimitBytes: 64 * 1024 },
  });
});
afterAll(async () => app.close());

const intervals = Array.from({ length: 4 }, (_, i) => ({
  start: `2026-06-01T${String(8 + i).padStart(2, '0')}:00:00Z`,
  volume: 50 + i,
  ahtSeconds: 200,
}));
const staffing = { intervalMinutes: 60, target: { serviceLevel: 0.8, answerSeconds: 20 }, shrinkage: 0.3, intervals };
const VALID: Record<string, unknown> = {
  '/v1/staffing': staffing,
  '/v1/erlang': { volume: 100, intervalMinutes: 30, ahtSeconds: 180, target: { serviceLevel: 0.8, answerSeconds: 20 } },
  '/v1/what-if': {
    queues: [{ name: 'q', request: staffing, rosterHeadcount: [10, 10, 10, 10] }],
    sweep: { volumeFactor: [1, 1.1] },
    detail: 'summary',
  },
  '/v1/forecast': { history: intervals, intervalMinutes: 60 },
  '/v1/rosters': {
    plan: { grid: { start: '2026-06-01T08:00:00Z', intervalMinutes: 60, slotCount: 4, timeZone: 'UTC' }, shifts: [] },
    agents: [{ id: 'a', contract: { maxHoursPerWeek: 40 } }],
    options: { timeLimitSeconds: 1 },
  },
  '/v1/shift-plans': {
    requirement: { intervals: [] },
    rules: { templates: [{ name: 'a', paidMinutes: 240, starts: [{ from: '08:00', to: '09:00' }] }] },
  },
};
const ROUTES = Object.keys(VALID);

/** Every path (object keys and array indexes) inside a JSON value. */
function allPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

/** A copy of `value` with the value at `path` replaced (or the root, for an empty path). */
function replaceAt(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1) as string | number] = next;
  return copy;
}

const nasty = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    -1,
    0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    1e-320,
    '',
    'NaN',
    '__proto__',
    'constructor',
    null,
    [],
    {},
    true,
  ),
  fc.string(),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
);

let statuses: number[] = [];

async function send(url: string, payload: string, contentType = 'application/json'): Promise<void> {
  const res = await app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });
  statuses.push(res.statusCode);
  expect(res.statusCode, `${url} ${payload.slice(0, 200)} -> ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const json = JSON.parse(res.body) as { code: string; message: string; issues: unknown[] };
    expect(Object.hasOwn(ERROR_CODES, json.code)).toBe(true);
    expect(typeof json.message).toBe('string');
    expect(Array.isArray(json.issues)).toBe(true);
  }
}

describe('fuzz: malformed bodies never give a 5xx', () => {
  it('random JSON documents to every route', async () => {
    statuses = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.jsonValue(), async (url, body) =>
        send(url, JSON.stringify(body)),
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000) },
    );
    expect(statuses.filter((s) => s >= 400).length).toBeGreaterThan(statuses.length * 0.9);
  });

  it('valid bodies with one field replaced by a hostile value', async () => {
    statuses = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.nat(), nasty, async (url, pick, value) => {
        const paths = allPaths(VALID[url]);
        const body = replaceAt(VALID[url], paths[pick % paths.length] as (string | number)[], value);
        await send(url, JSON.stringify(body) ?? 'null');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });

  it('raw text that is not JSON, wrong content types, and oversized bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.string({ maxLength: 200 }),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
        ),
        async (url, text, type) => send(url, text, type),
      ),
      { numRuns: 500 },
    );
    await send('/v1/staffing', JSON.stringify({ ...staffing, pad: 'x'.repeat(70 * 1024) }));
    expect(statuses.at(-1)).toBe(413);
    await send('/v1/staffing', '{"intervals": [' + '{"a":'.repeat(5000));
  });

  it('keeps serving afterwards', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const res = await app.inject({ method: 'POST', url: '/v1/staffing', payload: staffing });
    expect(res.statusCode).toBe(200);
  });
});
