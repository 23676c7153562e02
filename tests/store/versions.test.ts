import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentShifts,
  createCentre,
  createDraft,
  currentPublished,
  diffVersions,
  getVersionDocument,
  listAudit,
  listVersions,
  publishVersion,
  updateDraft,
  type Store,
} from '../../src/store/index.js';
import { engines, testClock, type TestStore } from './engines.js';
import { rosterV1, rosterV2, uniqueCode } from './fixtures.js';

describe.each(engines)('plan and roster versions on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
  });
  afterAll(async () => t?.dispose());

  it('keeps drafts and published versions, diffs them per agent and audits each step', async () => {
    const centre = await createCentre(
      store,
      { code: uniqueCode('lis'), name: 'Lisbon', timeZone: 'Europe/Lisbon' },
      { actor: 'maria' },
    );
    const v1 = await createDraft(
      store,
      centre.id,
      { kind: 'roster', series: '2026-W50', document: rosterV1() },
      { actor: 'maria' },
    );
    expect(v1).toMatchObject({ version: 1, status: 'draft', publishedAt: null });

    clock.advance(60);
    const p1 = await publishVersion(store, v1.id, { actor: 'maria' });
    expect(p1.version).toMatchObject({ status: 'published', publishedBy: 'maria' });
    expect(p1.version.publishedAt?.toISOString()).toBe('2026-12-07T08:01:00.000Z');
    expect(p1.diff.totals).toEqual({ added: 4, removed: 0, moved: 0, changed: 0, unchanged: 0 });
    await expect(publishVersion(store, v1.id, { actor: 'maria' })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_CONFLICT',
    });
    await expect(updateDraft(store, v1.id, rosterV2(), { actor: 'maria' })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_CONFLICT',
    });

    clock.advance(3600);
    const v2 = await createDraft(
      store,
      centre.id,
      { kind: 'roster', series: '2026-W50', document: rosterV1(), note: 'fix Tuesday' },
      { actor: 'joao' },
    );
    await updateDraft(store, v2.id, rosterV2(), { actor: 'joao' });
    expect(v2.version).toBe(2);
    const p2 = await publishVersion(store, v2.id, { actor: 'joao' });
    expect(p2.diff.totals).toEqual({ added: 1, removed: 1, moved: 1, changed: 1, unchanged: 1 });

    const diff = await diffVersions(store, v1.id, v2.id);
    expect(diff.agents.map((a) => a.agentId)).toEqual(['ana', 'rui']);
    const [ana, rui] = diff.agents;
    expect(ana?.moved.map((m) => [m.from.shiftKey, new Date(m.to.startMs).toISOString()])).toEqual([
      ['ana/2026-12-08/early-8h/0', '2026-12-08T09:00:00.000Z'],
    ]);
    expect(ana?.changed.map((m) => m.to.activities)).toEqual([
      [{ start: '2026-12-07T14:00:00Z', end: '2026-12-07T15:00:00Z', kind: 'retraining' }],
    ]);
    expect(rui?.removed.map((s) => s.shiftKey)).toEqual(['rui/2026-12-08/late-8h/0']);
    expect(rui?.added.map((s) => s.shiftKey)).toEqual(['rui/2026-12-09/late-8h/0']);

    // Earlier versions stay readable; the current one is the newest published.
    const versions = await listVersions(store, centre.id, { kind: 'roster', series: '2026-W50' });
    expect(versions.map((v) => [v.version, v.status, v.publishedBy])).toEqual([
      [2, 'published', 'joao'],
      [1, 'published', 'maria'],
    ]);
    expect((await currentPublished(store, centre.id, 'roster', '2026-W50'))?.id).toBe(v2.id);
    expect(await getVersionDocument(store, v1.id)).toEqual(rosterV1());

    const anaWeek = await agentShifts(store, centre.id, 'ana', {
      from: new Date('2026-12-07T00:00:00Z'),
      to: new Date('2026-12-14T00:00:00Z'),
      versionId: v2.id,
    });
    expect(anaWeek.map((s) => new Date(s.startMs).toISOString())).toEqual([
      '2026-12-07T08:00:00.000Z',
      '2026-12-08T09:00:00.000Z',
    ]);

    const audit = await listAudit(store, { centreId: centre.id });
    expect(audit.map((a) => [a.actor, a.entity, a.action])).toEqual([
      ['joao', 'roster', 'publish'],
      ['joao', 'roster', 'edit'],
      ['joao', 'roster', 'draft'],
      ['maria', 'roster', 'publish'],
      ['maria', 'roster', 'draft'],
      ['maria', 'centre', 'create'],
    ]);
    expect(audit[0]?.after).toMatchObject({ status: 'published', version: 2, moved: 1, removed: 1 });
    expect(audit[0]?.at.toISOString()).toBe('2026-12-07T09:01:00.000Z');
  });

  it('keeps shift plans as JSON versions and rejects a roster without agents', async () => {
    const centre = await createCentre(
      store,
      { code: uniqueCode('plan'), name: 'Plans', timeZone: 'UTC' },
      { actor: 'maria' },
    );
    const plan = await createDraft(
      store,
      centre.id,
      { kind: 'shift-plan', series: '2026-W50', document: { shifts: [{ template: 'early-8h', count: 3 }] } },
      { actor: 'maria' },
    );
    const published = await publishVersion(store, plan.id, { actor: 'maria' });
    expect(published.calendar).toEqual({ created: 0, updated: 0, cancelled: 0, unchanged: 0 });
    await expect(
      createDraft(store, centre.id, { kind: 'roster', series: 'x', document: { shifts: [] } }, { actor: 'maria' }),
    ).rejects.toMatchObject({ code: 'WFM_ERR_INPUT_INVALID' });
  });

  it('two planners saving drafts of one series at once get distinct versions or a coded conflict', async () => {
    const centre = await createCentre(
      store,
      { code: uniqueCode('race'), name: 'Race', timeZone: 'UTC' },
      { actor: 'a' },
    );
    const sibling = await t.openSibling({ now: clock.now });
    const save = (s: Store, actor: string) =>
      createDraft(s, centre.id, { kind: 'roster', series: '2026-W51', document: rosterV1() }, { actor });
    const settled = await Promise.allSettled([
      save(store, 'a'),
      save(sibling, 'b'),
      save(store, 'c'),
      save(sibling, 'd'),
    ]);
    const versions = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value.version] : []));
    expect(new Set(versions).size).toBe(versions.length);
    for (const r of settled) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'WFM_ERR_STORE_CONFLICT' });
    }
    expect(versions.length).toBeGreaterThan(0);
  });
});
