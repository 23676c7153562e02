import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, createApiKey, createCentre, requireRole, revokeApiKey, type Store } from '../../src/store/index.js';
import { hashSecret } from '../../src/store/secrets.js';
import { engines, testClock, type TestStore } from './engines.js';
import { uniqueCode } from './fixtures.js';

describe.each(engines)('API keys and roles on $name', (engine) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await engine.open({ now: testClock().now });
    store = t.store;
  });
  afterAll(async () => t?.dispose());
  const by = { actor: 'admin' };

  it('checks role and centre and names what is missing', async () => {
    const lis = await createCentre(store, { code: uniqueCode('lis'), name: 'Lisbon', timeZone: 'Europe/Lisbon' }, by);
    const opo = await createCentre(store, { code: uniqueCode('opo'), name: 'Porto', timeZone: 'Europe/Lisbon' }, by);
    const viewer = await createApiKey(store, { name: 'wallboard', role: 'viewer', centreIds: [lis.id] }, by);
    const planner = await createApiKey(store, { name: 'maria', role: 'planner', centreIds: [lis.id] }, by);
    const system = await createApiKey(store, { name: 'worker-1', role: 'system' }, by);

    expect((await store.db.selectFrom('api_keys').select('key_hash').where('id', '=', viewer.id).execute())[0]).toEqual(
      {
        key_hash: hashSecret(viewer.key),
      },
    );

    expect(await authorize(store, viewer.key, { role: 'viewer', centreId: lis.id })).toMatchObject({
      ok: true,
      principal: { name: 'wallboard', role: 'viewer' },
    });
    const denied = await authorize(store, viewer.key, { role: 'planner', centreId: lis.id });
    expect(denied.ok).toBe(false);
    if (!denied.ok) {
      expect(denied.error.code).toBe('WFM_ERR_STORE_FORBIDDEN');
      expect(denied.error.status).toBe(403);
      expect(denied.error.message).toBe('API key "wallboard" has role viewer; this needs role planner.');
      expect(denied.error.issues).toEqual([{ path: ['role'], message: 'missing role planner' }]);
    }
    expect((await requireRole(store, planner.key, { role: 'planner', centreId: lis.id })).name).toBe('maria');
    await expect(requireRole(store, planner.key, { role: 'planner', centreId: opo.id })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_FORBIDDEN',
      issues: [{ path: ['centreId'], message: `missing centre ${opo.id}` }],
    });
    await expect(requireRole(store, planner.key, { role: 'system' })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_FORBIDDEN',
      message: 'API key "maria" has role planner; this needs role system.',
    });
    expect((await requireRole(store, system.key, { role: 'system' })).role).toBe('system');
    // A system key is for the headcount API only: it does not read rosters (viewer).
    await expect(requireRole(store, system.key, { role: 'viewer', centreId: opo.id })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_FORBIDDEN',
      message: 'API key "worker-1" has role system; this needs role viewer.',
    });
    await expect(requireRole(store, system.key, { role: 'planner', centreId: opo.id })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_FORBIDDEN',
    });

    await revokeApiKey(store, planner.id, by);
    await expect(requireRole(store, planner.key, { role: 'viewer', centreId: lis.id })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_KEY_INVALID',
      status: 401,
    });
    await expect(requireRole(store, 'wfmkey_not-a-key', { role: 'viewer' })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_KEY_INVALID',
    });
  });
});
