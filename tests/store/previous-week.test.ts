/**
 * The next week's roster reads the centre's last published roster as its previous week
 * (docs/store.md, "The previous week"): the newest published version of the latest week before
 * the horizon, never a draft, never an older version.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import type { ZodApp } from '../../src/api/context.js';
import { previousWeekFromStore } from '../../src/app/roster-drafts/previous-week.js';
import {
  createApiKey,
  createCentre,
  createDraft,
  getJob,
  publishVersion,
  type Centre,
  type Store,
} from '../../src/store/index.js';
import { engines, testClock, type TestStore } from './engines.js';
import { apiRunner, uniqueCode } from './fixtures.js';

const zone = 'Europe/Berlin';
const by = { actor: 'maria' };

/** A one-week roster document (Monday `monday`) where ana works Sunday from `hour`:00 for 8 h. */
function weekDocument(monday: string, hour: number): Record<string, unknown> {
  const first = DateTime.fromISO(monday, { zone });
  const sunday = first.plus({ days: 6 }).set({ hour });
  return {
    format: 'wfm-roster-draft',
    grid: { start: first.toISO(), intervalMinutes: 60, slotCount: 168, timeZone: zone },
    agents: [
      {
        id: 'ana',
        shifts: [
          {
            date: sunday.toISODate(),
            start: sunday.toISO(),
            end: sunday.plus({ hours: 8 }).toISO(),
            template: 'day',
            paidHours: 8,
          },
        ],
      },
    ],
  };
}

describe.each(engines)('the previous week from the store on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  let centre: Centre;
  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
    centre = await createCentre(store, { code: uniqueCode('prev'), name: 'Prev', timeZone: zone }, by);
    const save = async (series: string, monday: string, hour: number, publish: boolean) => {
      const v = await createDraft(
        store,
        centre.id,
        { kind: 'roster', series, document: weekDocument(monday, hour) },
        by,
      );
      if (publish) await publishVersion(store, v.id, by);
    };
    await save('2026-W22', '2026-05-25', 9, true); // an older week
    await save('2026-W23', '2026-06-01', 9, true); // v1
    await save('2026-W23', '2026-06-01', 14, true); // v2: the current published version (Sunday 14:00-22:00)
    await save('2026-W23', '2026-06-01', 20, false); // v3: a draft, never read
  });
  afterAll(async () => t?.dispose());

  it('picks the last published version of the week before the horizon', async () => {
    const found = await previousWeekFromStore(store, centre.id, { start: '2026-06-08T00:00:00+02:00', timeZone: zone });
    expect(found?.from).toBe('2026-W23 v2');
    expect(found?.previous.lastDate).toBe('2026-06-07');
    expect(found?.previous.agents[0]!.shifts[0]!.start).toBe('2026-06-07T14:00:00.000+02:00');
    // a horizon starting on 2026-06-01 reads the week before that one
    const earlier = await previousWeekFromStore(store, centre.id, {
      start: '2026-06-01T00:00:00+02:00',
      timeZone: zone,
    });
    expect(earlier?.from).toBe('2026-W22 v1');
  });

  it('a roster job queued without a previous week carries the published one', async () => {
    const app: ZodApp = await buildApp({ store, runner: apiRunner() });
    try {
      const key = (await createApiKey(store, { name: 'planner', role: 'planner' }, by)).key;
      const plan = oneShiftPlan();
      const response = await app.inject({
        method: 'POST',
        url: `/v1/centres/${centre.code}/jobs`,
        headers: { authorization: `Bearer ${key}` },
        payload: {
          kind: 'roster',
          request: { plan, agents: [{ id: 'ana', contract: { maxHoursPerWeek: 40 } }] },
        },
      });
      expect(response.statusCode).toBe(202);
      const job = await getJob(store, (response.json() as { id: string }).id);
      const payload = job.payload as { previous?: { lastDate: string; agents: { shifts: { start: string }[] }[] } };
      expect(payload.previous?.lastDate).toBe('2026-06-07');
      expect(payload.previous?.agents[0]!.shifts[0]!.start).toBe('2026-06-07T14:00:00.000+02:00');
    } finally {
      await app.close();
    }
  });
});

/** A one-day plan (Monday 2026-06-08, Berlin) with one 06:00-14:00 shift. */
function oneShiftPlan(): unknown {
  const s = DateTime.fromISO('2026-06-08T06:00', { zone });
  return {
    grid: {
      start: DateTime.fromISO('2026-06-08', { zone }).toISO(),
      intervalMinutes: 60,
      slotCount: 24,
      timeZone: zone,
    },
    shifts: [
      {
        template: 'day',
        day: '2026-06-08',
        weekday: 1,
        start: s.toISO(),
        end: s.plus({ hours: 8 }).toISO(),
        startSlot: 6,
        endSlot: 14,
        paidHours: 8,
        count: 1,
        instances: [{ breaks: [] }],
      },
    ],
  };
}
