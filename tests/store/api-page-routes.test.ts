/**
 * The store routes the planner page reads beside the roster routes (docs/api.md, "Centres,
 * rosters and calendars"): the centres a key may see, the versions list with each version's
 * verdict line, an edit answering coverage and the touched agents' shifts, a version's audit
 * entries, and a version copied into the next draft. On both engines (tests/store/engines.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner } from '../../src/app/parallel/runner.js';
import { createApiKey, createCentre, type Store } from '../../src/store/index.js';
import { engines, testClock, type TestStore } from './engines.js';
import { uniqueCode } from './fixtures.js';
import { demoDraftInput, type DemoDraft } from './roster-fixture.js';

let draft: DemoDraft;
beforeAll(async () => {
  draft = await demoDraftInput(20);
}, 120_000);

interface Shift {
  date: string;
  start: string;
  end: string;
}
interface Doc {
  agents: { id: string; shifts: Shift[] }[];
  verdict: { line: string; met: boolean };
}

describe.each(engines)('store routes for the planner page on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  let app: ZodApp;
  let planner = '';
  let scopedViewer = '';
  let code = '';
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown, key = planner) =>
    app.inject({ method, url, headers: auth(key), ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
    app = await buildApp({ store, apiKey: 'legacy-key-123', runner: inlineRunner({}) });
    code = uniqueCode('page');
    const mine = await createCentre(
      store,
      { code, name: 'Page', timeZone: draft.result.grid.timeZone },
      { actor: 't' },
    );
    await createCentre(store, { code: uniqueCode('other'), name: 'Other', timeZone: 'UTC' }, { actor: 't' });
    planner = (await createApiKey(store, { name: 'maria', role: 'planner' }, { actor: 't' })).key;
    scopedViewer = (await createApiKey(store, { name: 'portal', role: 'viewer', centreIds: [mine.id] }, { actor: 't' }))
      .key;
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  it('lists the centres a key may see: all for an unscoped key, its own for a scoped one', async () => {
    const all = await call('GET', '/v1/centres');
    expect(all.statusCode).toBe(200);
    const codes = (all.json().centres as { code: string }[]).map((c) => c.code);
    expect(codes).toContain(code);
    expect(codes.length).toBeGreaterThanOrEqual(2);
    const scoped = await call('GET', '/v1/centres', undefined, scopedViewer);
    expect((scoped.json().centres as { code: string }[]).map((c) => c.code)).toEqual([code]);
  });

  it('lists versions with their verdict line, answers an edit with coverage, keeps an audit, copies a version', async () => {
    const saved = await call('POST', `/v1/centres/${code}/rosters`, {
      series: '2026-W23',
      request: draft.request,
      result: draft.result,
    });
    expect(saved.statusCode).toBe(201);
    const v1 = saved.json().version as { id: string };
    const list = await call('GET', `/v1/centres/${code}/rosters`);
    const listed = (list.json().versions as { id: string; verdict: { line: string; overrides: number } }[])[0]!;
    // The line is the one the saved draft's verdict says (POST answer), read back without the document.
    expect(listed.verdict.line).toBe(saved.json().verdict.line);
    expect(listed.verdict.overrides).toBe(0);

    const doc = (await call('GET', `/v1/centres/${code}/rosters/${v1.id}`)).json().document as Doc;
    const agent = doc.agents.find((a) => a.shifts.length >= 2)!;
    const [first, second] = agent.shifts as [Shift, Shift];
    const tooSoon = new Date(Date.parse(first.end) + 3_600_000).toISOString();
    const edit = { op: 'move-shift', agent: agent.id, date: second.date, start: tooSoon };
    const forced = await call('POST', `/v1/centres/${code}/rosters/${v1.id}/edits?coverage=true`, {
      edits: [edit],
      force: true,
      reason: 'agreed with the team lead',
    });
    expect(forced.statusCode).toBe(200);
    const body = forced.json() as { coverage: unknown[]; agents: { id: string; shifts: Shift[] }[] };
    expect(body.coverage).toHaveLength(draft.result.grid.slotCount);
    expect(body.agents.map((a) => a.id)).toEqual([agent.id]);
    expect(Date.parse(body.agents[0]!.shifts[1]!.start)).toBe(Date.parse(tooSoon));
    // Without ?coverage the answer stays as it was.
    const plain = await call('POST', `/v1/centres/${code}/rosters/${v1.id}/edits`, {
      edits: [{ op: 'move-shift', agent: agent.id, date: first.date, start: first.start }],
    });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).not.toHaveProperty('coverage');

    clock.advance(60);
    const published = await call('POST', `/v1/centres/${code}/rosters/${v1.id}/publish`);
    expect(published.statusCode).toBe(200);
    const audit = await call('GET', `/v1/centres/${code}/rosters/${v1.id}/audit`);
    expect(audit.statusCode).toBe(200);
    const entries = audit.json().entries as { actor: string; action: string; at: string; after: unknown }[];
    expect(entries.map((e) => e.action)).toEqual(['publish', 'edit', 'edit', 'draft']);
    expect(entries.every((e) => e.actor === 'maria')).toBe(true);
    expect(JSON.stringify(entries[2]!.after)).toContain('agreed with the team lead');
    expect(Date.parse(entries[0]!.at)).toBe(Date.parse(clock.now().toISOString()));
    const viewerAudit = await call('GET', `/v1/centres/${code}/rosters/${v1.id}/audit`, undefined, scopedViewer);
    expect(viewerAudit.statusCode).toBe(403);

    const copied = await call('POST', `/v1/centres/${code}/rosters/${v1.id}/copy`);
    expect(copied.statusCode).toBe(201);
    const v2 = copied.json().version as { id: string; version: number; status: string; note: string };
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.note).toMatch(/^from v1/);
    const diff = (await call('GET', `/v1/centres/${code}/rosters/${v1.id}/diff/${v2.id}`)).json();
    const shifts = doc.agents.reduce((n, a) => n + a.shifts.length, 0);
    expect(diff.totals).toEqual({ added: 0, removed: 0, moved: 0, changed: 0, unchanged: shifts });
    const listed2 = (await call('GET', `/v1/centres/${code}/rosters`)).json().versions as {
      version: number;
      verdict: { overrides: number };
    }[];
    expect(listed2.map((v) => [v.version, v.verdict.overrides])).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });
});
