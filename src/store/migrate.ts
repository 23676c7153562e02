import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { WfmError } from '../errors.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export interface MigrationReport {
  /** Migrations applied by this call, in order (empty when the schema was already current). */
  applied: string[];
}

/**
 * Brings the schema to the newest migration (kysely's Migrator: one lock, one transaction per
 * migration on PostgreSQL). The same migrations run on PGlite and on a server.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  let outcome: MigrationResultSet;
  try {
    // The migrator's bookkeeping tables go in the current schema (search_path) explicitly: its
    // existence check looks in every schema and would find another schema's table.
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const migrationTableSchema = rows[0]?.schema ?? 'public';
    outcome = await new Migrator({ db, provider: migrationProvider, migrationTableSchema }).migrateToLatest();
  } catch (cause) {
    throw new WfmError('WFM_ERR_STORE_MIGRATION', `Store migration failed: ${(cause as Error).message}`, { cause });
  }
  if (outcome.error !== undefined) {
    const failed = outcome.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    throw new WfmError('WFM_ERR_STORE_MIGRATION', `Store migration ${failed} failed: ${message}`, {
      cause: outcome.error,
    });
  }
  return { applied: (outcome.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
