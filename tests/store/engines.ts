import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.js';

/**
 * The engines every store test runs on: PGlite always; a PostgreSQL server when
 * WFM_TEST_DATABASE_URL is set (.ci/postgres.sh sets it). On the server each store gets its own
 * schema (search_path), so test files running side by side never see each other's rows.
 */
export const SERVER_URL = process.env.WFM_TEST_DATABASE_URL;

/** Shared by the test runs so the template image is built once per machine, not per test. */
export const TEST_CACHE_DIR = join(tmpdir(), 'wfm-engine-test-cache');

export interface TestStore {
  store: Store;
  /** Another store on the same database (server only: a second process's pool); PGlite returns `store`. */
  openSibling(options?: StoreOptions): Promise<Store>;
  dispose(): Promise<void>;
}

export interface Engine {
  name: 'pglite' | 'postgres';
  open(options?: StoreOptions): Promise<TestStore>;
}

const pgliteEngine: Engine = {
  name: 'pglite',
  async open(options = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-store-test-'));
    const store = await openStore({ dataDir: dir }, { cacheDir: TEST_CACHE_DIR, ...options });
    return {
      store,
      openSibling: async () => store,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const serverEngine: Engine = {
  name: 'postgres',
  async open(options = {}) {
    const url = SERVER_URL as string;
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create schema ${schema}`);
    const scoped = withSearchPath(url, schema);
    const opened: Store[] = [];
    const store = await whileNoSchemaDrops(url, () => openStore({ databaseUrl: scoped }, options));
    opened.push(store);
    return {
      store,
      openSibling: async (more = {}) => {
        const sibling = await whileNoSchemaDrops(url, () =>
          openStore({ databaseUrl: scoped }, { ...options, ...more }),
        );
        opened.push(sibling);
        return sibling;
      },
      dispose: async () => {
        for (const s of opened) await s.close();
        await dropSchema(url, schema);
      },
    };
  },
};

export const engines: Engine[] = SERVER_URL ? [pgliteEngine, serverEngine] : [pgliteEngine];

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * Test files share one server, each in its own schema. The migrator lists tables over every schema,
 * and a schema another file drops meanwhile fails that listing ("schema t_... does not exist"):
 * opening a store holds a shared advisory lock and dropping a schema the exclusive one.
 */
const SCHEMA_LOCK = 7_314_002;

export async function whileNoSchemaDrops<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock_shared($1)', [SCHEMA_LOCK]);
    return await fn();
  } finally {
    await client.end(); // ends the session, releasing its lock
  }
}

/** Drops a test schema while no store is being opened (see `whileNoSchemaDrops`). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    await client.query(`drop schema ${schema} cascade`);
  } finally {
    await client.end();
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A clock the test moves: `clock.now` goes to `openStore`, `clock.advance(seconds)` moves it. */
export function testClock(startIso = '2026-12-07T08:00:00Z') {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    advance(seconds: number) {
      t += seconds * 1000;
    },
  };
}
