/**
 * The page's export routes on bodies a fuzzer finds (issue 17, item 2): a roster with one field
 * replaced by a hostile value is a 400 naming the field or a file, never a 5xx (ical-generator
 * used to throw on an unreadable time, the CSV writer on a missing `breaks`). Bounded: 600
 * seeded mutations per route, in-process.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner } from '../../src/app/parallel/runner.js';

let app: ZodApp;
beforeAll(async () => {
  app = await buildService({ runner: inlineRunner({}), routes: [] });
});
afterAll(async () => app.close());

const day = {
  date: '2026-06-01',
  template: 'ft8',
  start: '2026-06-01T08:00:00-04:00',
  end: '2026-06-01T16:30:00-04:00',
  paidHours: 8,
  breaks: [{ name: 'lunch', paid: false, start: '2026-06-01T12:00:00-04:00', end: '2026-06-01T12:30:00-04:00' }],
  retraining: [
    {
      pool: 'upskill',
      kind: 'retraining',
      hours: 1,
      start: '2026-06-01T14:00:00-04:00',
      end: '2026-06-01T15:00:00-04:00',
    },
  ],
  extra: false,
};
const roster = {
  grid: { start: '2026-06-01T00:00:00-04:00', intervalMinutes: 30, slotCount: 96, timeZone: 'America/New_York' },
  agents: [{ id: 'A1', name: 'Ada', team: 'North', days: [day] }],
  coverage: [{ start: '2026-06-01T08:00:00-04:00' }],
};
const BODIES: Record<string, unknown> = {
  '/web/export/roster.csv': roster,
  '/web/export/agent.ics': { roster, agentId: 'A1' },
};

function allPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

/** A copy with the value at `path` replaced, or removed when `next` is undefined. */
function replaceAt(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next ?? null;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (next === undefined) delete node[path.at(-1) as string | number];
  else node[path.at(-1) as string | number] = next;
  return copy;
}

const hostile = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', 'x', '2026-02-30T08:00:00Z', '2026-06-01T08:00', '+275760-09-13T00:00:00Z', 1e308, -1, []),
);

async function post(url: string, body: unknown) {
  return app.inject({
    method: 'POST',
    url,
    payload: JSON.stringify(body) ?? 'null',
    headers: { 'content-type': 'application/json' },
  });
}

describe('export bodies are validated in full', () => {
  it('a day without breaks is a 400 naming it (CSV and iCalendar)', async () => {
    const broken = replaceAt(roster, ['agents', 0, 'days', 0, 'breaks'], undefined);
    for (const [url, body] of [
      ['/web/export/roster.csv', broken],
      ['/web/export/agent.ics', { roster: broken, agentId: 'A1' }],
    ] as const) {
      const res = await post(url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().issues)).toContain('breaks');
    }
  });

  it('an unreadable shift time is a 400, not an iCalendar writer failure', async () => {
    const res = await post('/web/export/agent.ics', {
      roster: replaceAt(roster, ['agents', 0, 'days', 0, 'start'], 'soon'),
      agentId: 'A1',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('WFM_ERR_INPUT_INVALID');
  });

  it.each(Object.keys(BODIES))('fuzz %s: never a 5xx (600 seeded mutations)', async (url) => {
    const paths = allPaths(BODIES[url]);
    await fc.assert(
      fc.asyncProperty(fc.nat(), hostile, async (pick, value) => {
        const res = await post(url, replaceAt(BODIES[url], paths[pick % paths.length] as (string | number)[], value));
        expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
        if (res.statusCode >= 400)
          expect(res.json()).toMatchObject({ code: expect.any(String), issues: expect.any(Array) });
      }),
      { numRuns: 600, seed: 17 },
    );
  });
});
