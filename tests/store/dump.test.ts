import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendHistory,
  calendarEventsForAgent,
  createCentre,
  createDraft,
  createFeedToken,
  effectiveForecast,
  exportStore,
  importAgents,
  importStore,
  listAudit,
  addForecastOverride,
  publishVersion,
  saveForecast,
  saveScenario,
  upsertQueue,
  type Store,
} from '../../src/store/index.js';
import { engines, testClock, type TestStore } from './engines.js';
import { rosterV1, uniqueCode } from './fixtures.js';

/** Fills a centre with one of everything; returns its id and an agent's feed token. */
async function fillCentre(
  store: Store,
  code: string,
): Promise<{ centreId: string; token: string; forecastId: string }> {
  const by = { actor: 'maria' };
  const centre = await createCentre(store, { code, name: 'Moving centre', timeZone: 'Europe/Lisbon' }, by);
  const queue = await upsertQueue(
    store,
    centre.id,
    { name: 'care', channel: 'voice', model: 'erlang-c', target: { serviceLevel: 0.8 } },
    by,
  );
  await importAgents(
    store,
    centre.id,
    [
      { id: 'ana', name: 'Ana', skills: ['care'] },
      { id: 'rui', name: 'Rui' },
    ],
    by,
  );
  await appendHistory(store, queue.id, [{ start: '2026-12-01T09:00:00Z', volume: 10, ahtSeconds: 280 }], {
    ...by,
    intervalMinutes: 30,
  });
  const forecast = await saveForecast(
    store,
    centre.id,
    { queueId: queue.id, name: 'w50', intervalMinutes: 30, intervals: [{ start: '2026-12-07T09:00:00Z', volume: 20 }] },
    by,
  );
  await addForecastOverride(
    store,
    forecast.id,
    { kind: 'scale', from: '2026-12-07T00:00:00Z', to: '2026-12-08T00:00:00Z', factor: 1.5 },
    by,
  );
  await saveScenario(store, centre.id, { name: 'base', input: { v: [1, 2] }, result: { heads: 3 } }, by);
  const draft = await createDraft(store, centre.id, { kind: 'roster', series: '2026-W50', document: rosterV1() }, by);
  await publishVersion(store, draft.id, by);
  const token = await createFeedToken(store, centre.id, 'ana', by);
  return { centreId: centre.id, token, forecastId: forecast.id };
}

describe.each(engines)('export from $name', (source) => {
  let from: TestStore;
  const targets: TestStore[] = [];
  beforeAll(async () => {
    from = await source.open({ now: testClock().now });
  });
  afterAll(async () => {
    await from?.dispose();
    for (const t of targets) await t.dispose();
  });

  it.each(engines)('moves a centre to a store on $name with its rows, calendar and audit', async (target) => {
    const code = uniqueCode('move');
    const { centreId, token, forecastId } = await fillCentre(from.store, code);
    await fillCentre(from.store, uniqueCode('stay'));
    const dump = await exportStore(from.store, { centreIds: [centreId] });
    expect(dump.tables.centres?.map((c) => c.code)).toEqual([code]);
    expect(dump.tables.api_keys).toBeUndefined();
    // Through JSON text, as the CLI writes it.
    const text = JSON.stringify(dump);

    const to = await target.open({ now: testClock('2027-01-04T10:00:00Z').now });
    targets.push(to);
    const report = await importStore(to.store, JSON.parse(text), { actor: 'ops' });
    expect(report.centres).toEqual([{ id: centreId, code }]);
    expect(report.rows).toMatchObject({
      agents: 2,
      history: 1,
      roster_shifts: 4,
      calendar_events: 4,
      calendar_tokens: 1,
    });

    const again = await exportStore(to.store, { centreIds: [centreId] });
    const { audit_log: auditAfter, ...restAfter } = again.tables;
    const { audit_log: auditBefore, ...restBefore } = dump.tables;
    expect(restAfter).toEqual(restBefore);
    expect(auditAfter?.slice(0, -1)).toEqual(auditBefore);
    expect((await listAudit(to.store, { centreId }))[0]).toMatchObject({ actor: 'ops', action: 'import' });

    expect((await calendarEventsForAgent(to.store, token)).events).toHaveLength(2);
    expect((await effectiveForecast(to.store, forecastId)).intervals.map((i) => i.volume)).toEqual([30]);

    await expect(importStore(to.store, JSON.parse(text), { actor: 'ops' })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_IMPORT',
    });
    await expect(importStore(to.store, { format: 'something-else' }, { actor: 'ops' })).rejects.toMatchObject({
      code: 'WFM_ERR_INPUT_INVALID',
    });
  });
});
