import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { WfmError } from '../errors.js';
import { lockDataFolder } from './folder-lock.js';
import { migrateToLatest } from './migrate.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';
import { defaultCacheDir, readTemplateImage, templateImage } from './template-image.js';

/** Where the store lives: a PGlite data folder (`memory://` for a throw-away one) or a server. */
export type StoreTarget = { dataDir: string } | { databaseUrl: string };

export interface StoreOptions {
  /** The clock for every timestamp the store writes (created, published, leases). Default: the wall clock. */
  now?: () => Date;
  /** Where the migrated PGlite template image is cached. Default: `defaultCacheDir()`. */
  cacheDir?: string;
  /** Connections in the server pool (ignored by PGlite, which has one). Default 10. */
  maxConnections?: number;
}

export type StoreEngine = 'pglite' | 'postgres';

/** How the store came up, and what it cost (wall-clock milliseconds). */
export interface StoreStartup {
  source: 'template' | 'data-folder' | 'server';
  /** True when the template image had to be built (initdb + migrations) during this open. */
  templateBuilt: boolean;
  migrationsApplied: string[];
  ms: number;
}

export interface Store {
  readonly db: Kysely<Database>;
  readonly engine: StoreEngine;
  readonly startup: StoreStartup;
  now(): Date;
  close(): Promise<void>;
}

/**
 * Opens (creating and migrating when new) the planning store.
 *
 * - `{ dataDir }`: embedded PostgreSQL (PGlite) in that folder. A missing or empty folder is
 *   filled from the cached migrated template (see template-image.ts), so it skips initdb.
 * - `{ databaseUrl }`: a PostgreSQL server through a `pg` pool.
 *
 * Either way the schema is brought to the newest migration before the store is returned.
 * @example const store = await openStore({ dataDir: './wfm-data' }, { now: () => new Date('2026-12-07T08:00:00Z') });
 */
export async function openStore(target: StoreTarget, options: StoreOptions = {}): Promise<Store> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: options.maxConnections ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await pool.query('select 1');
    } catch (cause) {
      await db.destroy();
      throw new WfmError('WFM_ERR_STORE_OPEN', `Cannot reach the PostgreSQL server: ${(cause as Error).message}`, {
        cause,
      });
    }
    return finish(db, 'postgres', 'server', false, now, started, async () => db.destroy());
  }

  const { dataDir } = target;
  const memory = dataDir.startsWith('memory://');
  let pglite: PGlite;
  let source: StoreStartup['source'] = 'data-folder';
  let templateBuilt = false;
  let unlock = () => {};
  try {
    if (memory) {
      const template = await templateImage(options.cacheDir ?? defaultCacheDir());
      templateBuilt = template.built;
      source = 'template';
      pglite = await PGlite.create({ loadDataDir: readTemplateImage(template) });
    } else {
      const isNew = !existsSync(join(dataDir, 'PG_VERSION'));
      if (isNew) assertEmptyFolder(dataDir);
      // Locked before the copy, so two processes creating one folder cannot both fill it.
      unlock = lockDataFolder(dataDir, now());
      if (isNew) {
        const template = await templateImage(options.cacheDir ?? defaultCacheDir());
        templateBuilt = template.built;
        source = 'template';
        cpSync(template.folder, dataDir, { recursive: true });
      }
      pglite = await PGlite.create({ dataDir });
    }
  } catch (cause) {
    unlock();
    if (cause instanceof WfmError) throw cause;
    throw new WfmError('WFM_ERR_STORE_OPEN', `Cannot open the store in ${dataDir}: ${(cause as Error).message}`, {
      cause,
    });
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return finish(db, 'pglite', source, templateBuilt, now, started, async () => {
    await db.destroy();
    await pglite.close();
    unlock();
  });
}

async function finish(
  db: Kysely<Database>,
  engine: StoreEngine,
  source: StoreStartup['source'],
  templateBuilt: boolean,
  now: () => Date,
  started: number,
  closeAll: () => Promise<void>,
): Promise<Store> {
  let migrationsApplied: string[];
  try {
    migrationsApplied = (await migrateToLatest(db)).applied;
  } catch (error) {
    await closeAll();
    throw error;
  }
  let closed = false;
  return {
    db,
    engine,
    startup: { source, templateBuilt, migrationsApplied, ms: performance.now() - started },
    now,
    close: async () => {
      if (closed) return;
      closed = true;
      await closeAll();
    },
  };
}

function assertEmptyFolder(dataDir: string): void {
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true });
    return;
  }
  if (readdirSync(dataDir).length > 0) {
    throw new WfmError(
      'WFM_ERR_STORE_OPEN',
      `${dataDir} is neither empty nor a store data folder (no PG_VERSION); refusing to write into it.`,
    );
  }
}
