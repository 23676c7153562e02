import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { WfmError } from '../errors.js';
import { MIGRATIONS } from './migrations/index.js';
import { migrateToLatest } from './migrate.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

/**
 * The migrated template image: a PGlite data folder dumped (`dumpDataDir`) right after initdb and
 * every migration, cached as `<cacheDir>/pglite-<version>-<schema hash>.tar.gz`. A new data folder
 * is loaded from it instead of paying initdb (seconds) on every first open and every test. The key
 * changes with PGlite's version and with the migrations' code, so a stale image is never used.
 */

/** `$WFM_CACHE_DIR`, else `$XDG_CACHE_HOME/wfm-engine`, else `~/.cache/wfm-engine`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WFM_CACHE_DIR) return env.WFM_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'wfm-engine');
}

export function templateImagePath(cacheDir: string): string {
  const hash = createHash('sha256');
  for (const [name, migration] of Object.entries(MIGRATIONS)) hash.update(name).update(migration.up.toString());
  return join(cacheDir, `pglite-${pgliteVersion()}-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

export interface TemplateImage {
  image: Blob;
  path: string;
  /** True when this call ran initdb and the migrations to make the image. */
  built: boolean;
}

/** Reads the cached image, building it first when missing (written atomically: tmp file + rename). */
export async function templateImage(cacheDir: string): Promise<TemplateImage> {
  const path = templateImagePath(cacheDir);
  if (existsSync(path)) return { image: new Blob([readFileSync(path)]), path, built: false };
  const image = await buildTemplateImage();
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, Buffer.from(await image.arrayBuffer()));
    renameSync(tmp, path);
  } catch (cause) {
    // A read-only cache still gives a working store; the next open builds again.
    console.warn(`wfm store: could not cache the template image at ${path}: ${(cause as Error).message}`);
  }
  return { image, path, built: true };
}

/** initdb in memory, every migration, then a gzip dump of the data folder. */
export async function buildTemplateImage(): Promise<Blob> {
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrateToLatest(db);
    return await pglite.dumpDataDir('gzip');
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

let cachedVersion: string | undefined;

function pgliteVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  // The package's exports hide package.json; find it beside the resolved entry point.
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (let i = 0; i < 5; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return (cachedVersion = pkg.version);
    }
    dir = dirname(dir);
  }
  throw new WfmError('WFM_ERR_STORE_OPEN', 'Cannot find the installed @electric-sql/pglite version.');
}
