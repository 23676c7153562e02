import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendHistory,
  createCentre,
  importAgents,
  listAgents,
  listAudit,
  listHistory,
  upsertQueue,
  type Store,
} from '../../src/store/index.js';
import { engines, testClock, type TestStore } from './engines.js';
import { uniqueCode } from './fixtures.js';

describe.each(engines)('agents and history on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
  });
  afterAll(async () => t?.dispose());
  const by = { actor: 'hr-sync' };

  it('reports what an agent import added, updated (with fields) and removed', async () => {
    const centre = await createCentre(store, { code: uniqueCode('ag'), name: 'Agents', timeZone: 'UTC' }, by);
    const first = await importAgents(
      store,
      centre.id,
      [
        { id: 'a1', name: 'Ana', contract: { weeklyHours: 40 }, skills: ['voice'] },
        { id: 'a2', name: 'Rui', contract: { weeklyHours: 30 }, skills: ['voice', 'chat'] },
        { id: 'a3', name: 'Ines', contract: { weeklyHours: 20 } },
      ],
      by,
    );
    expect(first).toEqual({ added: ['a1', 'a2', 'a3'], updated: [], removed: [], unchanged: 0 });

    const second = await importAgents(
      store,
      centre.id,
      [
        // key order differs: not a change
        { id: 'a1', name: 'Ana', skills: ['voice'], contract: { weeklyHours: 40 } },
        {
          id: 'a2',
          name: 'Rui',
          contract: { weeklyHours: 36 },
          skills: ['voice', 'chat'],
          timeOff: [{ day: '2026-12-24' }],
        },
        { id: 'a4', name: 'Tiago', skills: ['email'] },
      ],
      by,
    );
    expect(second).toEqual({
      added: ['a4'],
      updated: [{ id: 'a2', fields: ['contract', 'timeOff'] }],
      removed: ['a3'],
      unchanged: 1,
    });
    expect((await listAgents(store, centre.id)).map((a) => a.id)).toEqual(['a1', 'a2', 'a4']);
    const audit = await listAudit(store, { centreId: centre.id, entity: 'agent', entityId: 'a2' });
    expect(audit[0]).toMatchObject({
      action: 'update',
      before: { contract: { weeklyHours: 30 }, timeOff: [] },
      after: { contract: { weeklyHours: 36 }, timeOff: [{ day: '2026-12-24' }] },
    });

    const keep = await importAgents(store, centre.id, [{ id: 'a5', name: 'Rita' }], { ...by, removeMissing: false });
    expect(keep).toEqual({ added: ['a5'], updated: [], removed: [], unchanged: 0 });
    await expect(
      importAgents(
        store,
        centre.id,
        [
          { id: 'x', name: 'X' },
          { id: 'x', name: 'Y' },
        ],
        by,
      ),
    ).rejects.toMatchObject({
      code: 'WFM_ERR_INPUT_INVALID',
      issues: [{ path: [1, 'id'] }],
    });
  });

  it('appends history by local day and replaces a re-loaded queue+start, counting it', async () => {
    const centre = await createCentre(
      store,
      { code: uniqueCode('hi'), name: 'History', timeZone: 'America/New_York' },
      by,
    );
    const queue = await upsertQueue(
      store,
      centre.id,
      {
        name: 'sales',
        channel: 'voice',
        model: 'erlang-c',
        target: { serviceLevel: 0.8, answerSeconds: 20 },
        priority: 1,
      },
      by,
    );
    const day1 = await appendHistory(
      store,
      queue.id,
      [
        { start: '2026-12-01 09:00', volume: 10, ahtSeconds: 300 },
        { start: '2026-12-01 09:30', volume: 12 },
        // 23:30 local is 04:30 UTC the next day: still 2026-12-01 locally
        { start: '2026-12-01 23:30', volume: 2 },
      ],
      { ...by, intervalMinutes: 30 },
    );
    expect(day1).toEqual({ days: ['2026-12-01'], inserted: 3, replaced: 0 });

    const reload = await appendHistory(
      store,
      queue.id,
      [
        { start: '2026-12-01T14:30:00Z', volume: 13 }, // = 09:30 local: replaces
        { start: '2026-12-02 09:00', volume: 9 },
        { start: '2026-12-02 09:00', volume: 11 }, // twice in one batch: the last wins
      ],
      { ...by, intervalMinutes: 30 },
    );
    expect(reload).toEqual({ days: ['2026-12-01', '2026-12-02'], inserted: 1, replaced: 2 });

    const rows = await listHistory(store, queue.id, { fromDay: '2026-12-01', toDay: '2026-12-02' });
    expect(rows.map((r) => [r.start, r.day, r.volume, r.ahtSeconds])).toEqual([
      ['2026-12-01T09:00:00-05:00', '2026-12-01', 10, 300],
      ['2026-12-01T09:30:00-05:00', '2026-12-01', 13, null],
      ['2026-12-01T23:30:00-05:00', '2026-12-01', 2, null],
      ['2026-12-02T09:00:00-05:00', '2026-12-02', 11, null],
    ]);
    await expect(
      appendHistory(store, queue.id, [{ start: '2026-12-01 09:00', volume: -1 }], { ...by, intervalMinutes: 30 }),
    ).rejects.toMatchObject({ code: 'WFM_ERR_INPUT_INVALID' });
  });
});
