import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addForecastOverride,
  compareScenarios,
  createCentre,
  effectiveForecast,
  listScenarios,
  removeForecastOverride,
  saveForecast,
  saveScenario,
  upsertQueue,
  type Store,
} from '../../src/store/index.js';
import { engines, testClock, type TestStore } from './engines.js';
import { uniqueCode } from './fixtures.js';

describe.each(engines)('forecasts and scenarios on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
  });
  afterAll(async () => t?.dispose());
  const by = { actor: 'maria' };

  it('keeps planner overrides apart from the model numbers and computes the effective forecast', async () => {
    const centre = await createCentre(store, { code: uniqueCode('fc'), name: 'Fc', timeZone: 'Europe/Lisbon' }, by);
    const queue = await upsertQueue(
      store,
      centre.id,
      { name: 'care', channel: 'voice', model: 'erlang-c', target: {} },
      by,
    );
    const intervals = [
      { start: '2026-12-24T09:00:00Z', volume: 100, ahtSeconds: 300 },
      { start: '2026-12-24T09:30:00Z', volume: 80 },
      { start: '2026-12-25T09:00:00Z', volume: 50 },
      { start: '2026-12-25T09:30:00Z', volume: 40 },
    ];
    const forecast = await saveForecast(
      store,
      centre.id,
      { queueId: queue.id, name: 'Dec', intervalMinutes: 30, model: { method: 'double-seasonal' }, intervals },
      by,
    );
    const scale = await addForecastOverride(
      store,
      forecast.id,
      { kind: 'scale', from: '2026-12-24 09:00', to: '2026-12-24 10:00', factor: 1.2, note: 'campaign +20 %' },
      by,
    );
    await addForecastOverride(store, forecast.id, { kind: 'holiday', day: '2026-12-25', note: 'Christmas' }, by);
    await addForecastOverride(
      store,
      forecast.id,
      { kind: 'set', from: '2026-12-24T09:30:00Z', to: '2026-12-24T10:00:00Z', volume: 90 },
      by,
    );

    const effective = await effectiveForecast(store, forecast.id);
    expect(effective.intervals.map((i) => [i.start, i.modelVolume, i.volume, i.overrideIds.length])).toEqual([
      ['2026-12-24T09:00:00+00:00', 100, 120, 1],
      ['2026-12-24T09:30:00+00:00', 80, 90, 2],
      ['2026-12-25T09:00:00+00:00', 50, 0, 1],
      ['2026-12-25T09:30:00+00:00', 40, 0, 1],
    ]);
    expect(effective.intervals[0]?.ahtSeconds).toBe(300);

    await removeForecastOverride(store, scale, by);
    const after = await effectiveForecast(store, forecast.id);
    expect(after.intervals.map((i) => i.volume)).toEqual([100, 90, 0, 0]);
    await expect(
      addForecastOverride(
        store,
        forecast.id,
        { kind: 'scale', from: '2026-12-24 10:00', to: '2026-12-24 09:00', factor: 2 },
        by,
      ),
    ).rejects.toMatchObject({ code: 'WFM_ERR_INPUT_TIME' });
  });

  it('lists named scenarios and compares their inputs and results', async () => {
    const centre = await createCentre(store, { code: uniqueCode('sc'), name: 'Sc', timeZone: 'UTC' }, by);
    await saveScenario(
      store,
      centre.id,
      { name: 'base', input: { volumeFactor: 1, ahtSeconds: 300 }, result: { heads: 42, sl: 0.81 } },
      by,
    );
    await saveScenario(
      store,
      centre.id,
      { name: 'peak', input: { volumeFactor: 1.15, ahtSeconds: 310 }, result: { heads: 50, sl: 0.8 } },
      by,
    );
    await saveScenario(store, centre.id, { name: 'draft', input: { volumeFactor: 2 } }, by);
    await expect(saveScenario(store, centre.id, { name: 'base', input: {} }, by)).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_CONFLICT',
    });
    expect((await listScenarios(store, centre.id)).map((s) => [s.name, s.hasResult])).toEqual([
      ['base', true],
      ['draft', false],
      ['peak', true],
    ]);
    const cmp = await compareScenarios(store, centre.id, 'base', 'peak');
    expect(cmp.input).toEqual([
      { path: ['ahtSeconds'], a: 300, b: 310, delta: 10 },
      { path: ['volumeFactor'], a: 1, b: 1.15, delta: 1.15 - 1 },
    ]);
    expect(cmp.result.map((c) => [c.path, c.delta])).toEqual([
      [['heads'], 8],
      [['sl'], 0.8 - 0.81],
    ]);
  });
});
