import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calendarEventsForAgent,
  createCentre,
  createDraft,
  createFeedToken,
  publishVersion,
  revokeFeedToken,
  type Store,
} from '../../src/store/index.js';
import { hashSecret } from '../../src/store/secrets.js';
import { engines, testClock, type TestStore } from './engines.js';
import { rosterV1, rosterV2, uniqueCode } from './fixtures.js';

describe.each(engines)('calendar identity on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
  });
  afterAll(async () => t?.dispose());

  it('keeps UIDs across publishes, raises SEQUENCE on moves and remembers removals as cancelled', async () => {
    const by = { actor: 'maria' };
    const centre = await createCentre(store, { code: uniqueCode('cal'), name: 'Cal', timeZone: 'Europe/Lisbon' }, by);
    const anaToken = await createFeedToken(store, centre.id, 'ana', by);
    const ruiToken = await createFeedToken(store, centre.id, 'rui', by);

    const v1 = await createDraft(store, centre.id, { kind: 'roster', series: '2026-W50', document: rosterV1() }, by);
    const p1 = await publishVersion(store, v1.id, by);
    expect(p1.calendar).toEqual({ created: 4, updated: 0, cancelled: 0, unchanged: 0 });
    const ana1 = await calendarEventsForAgent(store, anaToken);
    const rui1 = await calendarEventsForAgent(store, ruiToken);
    expect(ana1.events.map((e) => [e.start, e.sequence, e.status])).toEqual([
      ['2026-12-07T08:00:00+00:00', 0, 'confirmed'],
      ['2026-12-08T08:00:00+00:00', 0, 'confirmed'],
    ]);

    clock.advance(3600);
    const v2 = await createDraft(store, centre.id, { kind: 'roster', series: '2026-W50', document: rosterV2() }, by);
    const p2 = await publishVersion(store, v2.id, by);
    // ana Monday (activity added) and Tuesday (moved) updated; rui Monday unchanged; rui Tuesday
    // cancelled; rui Wednesday created.
    expect(p2.calendar).toEqual({ created: 1, updated: 2, cancelled: 1, unchanged: 1 });

    const ana2 = await calendarEventsForAgent(store, anaToken);
    expect(ana2.events.map((e) => e.uid)).toEqual(ana1.events.map((e) => e.uid));
    expect(ana2.events.map((e) => [e.start, e.sequence, e.status])).toEqual([
      ['2026-12-07T08:00:00+00:00', 1, 'confirmed'],
      ['2026-12-08T09:00:00+00:00', 1, 'confirmed'],
    ]);
    const rui2 = await calendarEventsForAgent(store, ruiToken);
    expect(rui2.events.map((e) => [e.start, e.sequence, e.status])).toEqual([
      ['2026-12-07T12:00:00+00:00', 0, 'confirmed'],
      ['2026-12-08T12:00:00+00:00', 1, 'cancelled'],
      ['2026-12-09T12:00:00+00:00', 0, 'confirmed'],
    ]);
    expect(rui2.events[1]?.uid).toBe(rui1.events[1]?.uid);
    expect(rui2.events[1]?.updatedAt.toISOString()).toBe('2026-12-07T09:00:00.000Z');

    // Publishing v1 again (as v3) brings rui's Tuesday back under its old UID, SEQUENCE 2.
    const v3 = await createDraft(store, centre.id, { kind: 'roster', series: '2026-W50', document: rosterV1() }, by);
    await publishVersion(store, v3.id, by);
    const rui3 = await calendarEventsForAgent(store, ruiToken);
    expect(rui3.events.find((e) => e.uid === rui1.events[1]?.uid)).toMatchObject({ sequence: 2, status: 'confirmed' });
  });

  it('stores feed tokens hashed and refuses unknown or revoked ones', async () => {
    const by = { actor: 'maria' };
    const centre = await createCentre(store, { code: uniqueCode('tok'), name: 'Tok', timeZone: 'UTC' }, by);
    const token = await createFeedToken(store, centre.id, 'ana', by);
    const rows = await store.db
      .selectFrom('calendar_tokens')
      .select('token_hash')
      .where('centre_id', '=', centre.id)
      .execute();
    expect(rows).toEqual([{ token_hash: hashSecret(token) }]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await calendarEventsForAgent(store, token)).events).toEqual([]);
    await revokeFeedToken(store, token, by);
    await expect(calendarEventsForAgent(store, token)).rejects.toMatchObject({ code: 'WFM_ERR_STORE_KEY_INVALID' });
    await expect(calendarEventsForAgent(store, 'wfmcal_guess')).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_KEY_INVALID',
    });
  });
});
