import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore } from '../../src/store/index.js';
import { engines, TEST_CACHE_DIR } from './engines.js';

const TABLES = [
  'agents',
  'api_keys',
  'audit_log',
  'calendar_events',
  'calendar_tokens',
  'centres',
  'document_versions',
  'forecast_intervals',
  'forecast_overrides',
  'forecasts',
  'history',
  'jobs',
  'queues',
  'roster_shifts',
  'scenarios',
];

describe.each(engines)('migrations on $name', (engine) => {
  it('builds every table from empty and records the migration once', async () => {
    const t = await engine.open();
    try {
      const { rows } = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = current_schema() and table_name not like 'kysely%' order by table_name`.execute(
        t.store.db,
      );
      expect(rows.map((r) => r.table_name)).toEqual(TABLES);
      const again = await migrateToLatest(t.store.db);
      expect(again.applied).toEqual([]);
      const { rows: done } = await sql<{ name: string }>`select name from kysely_migration`.execute(t.store.db);
      expect(done.map((r) => r.name)).toEqual(['0001-initial', '0002-shift-skills']);
    } finally {
      await t.dispose();
    }
  });
});

describe('PGlite data folder', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('fills a new folder from the template image, then reopens it as a data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-store-dir-'));
    dirs.push(dir);
    const first = await openStore({ dataDir: dir }, { cacheDir: TEST_CACHE_DIR });
    expect(first.startup.source).toBe('template');
    expect(first.startup.migrationsApplied).toEqual([]);
    await first.db
      .insertInto('centres')
      .values({ code: 'c1', name: 'C1', time_zone: 'UTC', created_at: first.now() })
      .execute();
    await first.close();
    const second = await openStore({ dataDir: dir }, { cacheDir: TEST_CACHE_DIR });
    expect(second.startup.source).toBe('data-folder');
    expect((await second.db.selectFrom('centres').select('code').execute()).map((r) => r.code)).toEqual(['c1']);
    await second.close();
  });

  it('lets one store at a time open a data folder, and takes over a dead process lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-store-dir-'));
    dirs.push(dir);
    const first = await openStore({ dataDir: dir }, { cacheDir: TEST_CACHE_DIR });
    await expect(openStore({ dataDir: dir }, { cacheDir: TEST_CACHE_DIR })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_OPEN',
      message: expect.stringMatching(/is open in another process \(pid \d+/),
    });
    await first.close();
    const fresh = join(dir, 'new');
    const both = await Promise.allSettled(
      [0, 1].map(() => openStore({ dataDir: fresh }, { cacheDir: TEST_CACHE_DIR })),
    );
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(both.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'WFM_ERR_STORE_OPEN' } });
    for (const r of both) if (r.status === 'fulfilled') await r.value.close();
    // pid 2^22 + 1 is above Linux's pid_max default: no such process.
    writeFileSync(join(dir, 'wfm-store.lock'), JSON.stringify({ pid: 4194305, host: hostname(), since: 'x' }));
    const second = await openStore({ dataDir: dir }, { cacheDir: TEST_CACHE_DIR });
    await second.close();
  });

  it('refuses a folder that holds other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-store-dir-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'notes.txt'), 'not a database');
    await expect(openStore({ dataDir: dir }, { cacheDir: TEST_CACHE_DIR })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_OPEN',
    });
  });

  it('opens a throw-away store in memory', async () => {
    const store = await openStore({ dataDir: 'memory://' }, { cacheDir: TEST_CACHE_DIR });
    expect(store.engine).toBe('pglite');
    await store.close();
  });
});
