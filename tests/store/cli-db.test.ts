import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { storeTarget } from '../../src/cli/commands/db.js';
import { createCentre, listAudit, openStore } from '../../src/store/index.js';
import { TEST_CACHE_DIR } from './engines.js';

describe('wfm db', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wfm-cli-db-'));
  let out = '';
  beforeAll(() => {
    process.env.WFM_CACHE_DIR = TEST_CACHE_DIR;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());
  const run = async (...args: string[]) => {
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const code = await main(['node', 'wfm', ...args]);
    vi.restoreAllMocks();
    return code;
  };

  it('chooses --data, else DATABASE_URL, else ./wfm-data', () => {
    expect(storeTarget({}, {})).toEqual({ dataDir: './wfm-data' });
    expect(storeTarget({}, { DATABASE_URL: 'postgres://h/db' })).toEqual({ databaseUrl: 'postgres://h/db' });
    expect(storeTarget({ data: 'x' }, { DATABASE_URL: 'postgres://h/db' })).toEqual({ dataDir: 'x' });
  });

  it('creates a centre and a queue, and appends a semicolon history file by day (a day loaded again replaces)', async () => {
    const data = join(dir, 'h');
    const file = join(dir, 'history.csv');
    // 30-minute rows with local times (the centre's zone), semicolons and an extra column.
    writeFileSync(
      file,
      'start;volume;aht_seconds;agent_group\n2026-11-02T08:00;12;240;x\n2026-11-02T08:30;14;250;x\n' +
        '2026-11-03T08:00;11;240;x\n2026-11-03T08:30;10;260;x\n',
    );
    expect(
      await run('db', '--data', data, 'centre', '--code', 'mad', '--name', 'Madrid', '--time-zone', 'Europe/Madrid'),
    ).toBe(0);
    expect(await run('db', '--data', data, 'queue', '--centre', 'mad', '--name', 'phones')).toBe(0);
    expect(await run('db', '--data', data, 'history', '--centre', 'mad', '--input', file, '--queue', 'phones')).toBe(0);
    expect(out).toBe('mad/phones: 2026-11-02..2026-11-03 (2 days), 30-minute intervals; 4 rows added, 0 replaced\n');
    expect(await run('db', '--data', data, 'history', '--centre', 'mad', '--input', file, '--queue', 'phones')).toBe(0);
    expect(out).toContain('0 rows added, 4 replaced');
    // A queue the centre does not have is named, and nothing is written.
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await run('db', '--data', data, 'history', '--centre', 'mad', '--input', file, '--queue', 'chat')).toBe(2);
    const store = await openStore({ dataDir: data });
    const audit = await listAudit(store, { entity: 'history' });
    await store.close();
    expect(audit).toHaveLength(2);
  });

  it('migrates, exports a centre and imports it into another store', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const file = join(dir, 'dump.json');
    expect(await run('db', '--data', a, 'migrate')).toBe(0);
    expect(out).toMatch(
      /^store ready: PGlite in .*\/a, created from the template in \d+\.\d\d s; migrations applied: none/,
    );

    const store = await openStore({ dataDir: a });
    await createCentre(store, { code: 'porto', name: 'Porto', timeZone: 'Europe/Lisbon' }, { actor: 'maria' });
    await store.close();

    expect(await run('db', '--data', a, 'export', '--out', file, '--centre', 'porto')).toBe(0);
    expect(out).toMatch(/^exported 1 centre\(s\), 2 rows from PGlite in .*\/a to /);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'wfm-store-dump', formatVersion: 1 });

    expect(await run('db', '--data', b, 'import', '--file', file, '--actor', 'ops')).toBe(0);
    expect(out).toMatch(/^imported porto: 2 rows into PGlite in .*\/b/);
    const moved = await openStore({ dataDir: b });
    expect((await listAudit(moved))[0]).toMatchObject({ actor: 'ops', action: 'import' });
    await moved.close();

    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await run('db', '--data', b, 'import', '--file', file)).toBe(2);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/WFM_ERR_STORE_IMPORT: Centre porto .* is already in this store/);
  });
});
