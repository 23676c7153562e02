import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
 * The migrated template: a PGlite data folder right after initdb and every migration, cached as
 * `<cacheDir>/pglite-<version>-<schema hash>/` (plus its gzip `dumpDataDir` image `.tar.gz` for
 * in-memory stores). A new store copies the folder instead of paying initdb (seconds) on every
 * first open and every test; measured in docs/store.md, copying a folder and opening it beat
 * loading a dump image into a new folder. The key changes with PGlite's version and with the
 * migrations' SQL, so a stale template is never used.
 */

/** `$WFM_CACHE_DIR`, else `$XDG_CACHE_HOME/wfm-engine`, else `~/.cache/wfm-engine`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WFM_CACHE_DIR) return env.WFM_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'wfm-engine');
}

/** The template's folder path (its image is the same path + `.tar.gz`). */
export function templateImagePath(cacheDir: string): string {
  const hash = createHash('sha256');
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    hash.update(`${name}\n`);
    for (const statement of migration.statements) hash.update(`${statement}\n`);
  }
  return join(cacheDir, `pglite-${pgliteVersion()}-${hash.digest('hex').slice(0, 16)}`);
}

export interface TemplateImage {
  /** A closed, migrated PGlite data folder: copy it, never open it in place. */
  folder: string;
  /** The same database as a gzip `dumpDataDir` image, for `loadDataDir`. */
  imagePath: string;
  /** True when this call ran initdb and the migrations to make the template. */
  built: boolean;
}

/**
 * The cached template, built first when missing. Building happens in a private temporary folder
 * that is renamed into place, so two processes building at once both end with a whole template.
 */
export async function templateImage(cacheDir: string): Promise<TemplateImage> {
  const folder = templateImagePath(cacheDir);
  const imagePath = `${folder}.tar.gz`;
  if (existsSync(join(folder, 'PG_VERSION')) && existsSync(imagePath)) return { folder, imagePath, built: false };
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${folder}.${process.pid}.${Date.now()}.tmp`;
  try {
    const image = await buildTemplate(tmp);
    const tmpImage = `${tmp}.tar.gz`;
    writeFileSync(tmpImage, Buffer.from(await image.arrayBuffer()));
    renameSync(tmpImage, imagePath);
    try {
      renameSync(tmp, folder);
    } catch (cause) {
      // Another process put its template in place first: keep that one.
      if (!existsSync(join(folder, 'PG_VERSION'))) throw cause;
    }
  } catch (cause) {
    throw new WfmError(
      'WFM_ERR_STORE_OPEN',
      `Cannot build the store template in ${cacheDir}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { folder, imagePath, built: true };
}

/** initdb into `folder`, every migration, a gzip image of the result, then a clean shutdown. */
async function buildTemplate(folder: string): Promise<Blob> {
  mkdirSync(folder, { recursive: true });
  const pglite = await PGlite.create({ dataDir: folder });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrateToLatest(db);
    return await pglite.dumpDataDir('gzip');
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

/** Reads a template's gzip image for `PGlite.create({ loadDataDir })`. */
export function readTemplateImage(template: TemplateImage): Blob {
  return new Blob([readFileSync(template.imagePath)]);
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
