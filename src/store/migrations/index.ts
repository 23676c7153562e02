import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-shift-skills.js';

/** A migration module: its SQL statements (hashed into the template image's cache key) and up/down. */
export interface SqlMigration extends Migration {
  statements: readonly string[];
}

/**
 * Every migration, in order, imported statically (no folder scan: the same list runs from src/
 * under tsx and vitest and from dist/ after the build). Add one line per migration; never edit
 * one that has shipped.
 */
export const MIGRATIONS: Record<string, SqlMigration> = {
  '0001-initial': m0001,
  '0002-shift-skills': m0002,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/** The name of the newest migration: part of the template image's cache key. */
export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1) ?? '';
