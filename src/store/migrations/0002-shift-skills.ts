import { sql, type Kysely } from 'kysely';

/**
 * Roster shift rows keep the skills their shift was planned for (a multi-skill plan's shifts; `[]`
 * for any other), so per-agent queries, diffs and exports see them as the roster document does.
 */
export const statements: readonly string[] = [
  `alter table roster_shifts add column skills jsonb not null default '[]'::jsonb`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('alter table roster_shifts drop column if exists skills').execute(db);
}
