import type { Store } from './open-store.js';
import { sql } from 'kysely';

/** A version's one-line verdict, read from its document without loading the document. */
export interface VersionVerdictLine {
  met: boolean | null;
  line: string | null;
  /** Hard-rule violations the version keeps, and hand edits kept against a rule (overrides). */
  hardViolations: number;
  overrides: number;
}

/**
 * The verdict line of each version (a roster draft document's `verdict.met`, `verdict.line`, the
 * number of `verdict.hardViolations` and of `overrides`), read in the database so that listing a
 * centre's versions never moves their documents. A document without them gives nulls and zeros.
 */
export async function versionVerdictLines(
  store: Store,
  versionIds: readonly string[],
): Promise<Map<string, VersionVerdictLine>> {
  const out = new Map<string, VersionVerdictLine>();
  if (versionIds.length === 0) return out;
  const rows = await store.db
    .selectFrom('document_versions')
    .select([
      'id',
      sql<string | null>`document #>> '{verdict,met}'`.as('met'),
      sql<string | null>`document #>> '{verdict,line}'`.as('line'),
      sql<number>`coalesce(jsonb_array_length(case when jsonb_typeof(document #> '{verdict,hardViolations}') = 'array' then document #> '{verdict,hardViolations}' end), 0)`.as(
        'hard',
      ),
      sql<number>`coalesce(jsonb_array_length(case when jsonb_typeof(document -> 'overrides') = 'array' then document -> 'overrides' end), 0)`.as(
        'overrides',
      ),
    ])
    .where('id', 'in', [...versionIds])
    .execute();
  for (const r of rows) {
    out.set(r.id, {
      met: r.met === null ? null : r.met === 'true',
      line: r.line,
      hardViolations: Number(r.hard),
      overrides: Number(r.overrides),
    });
  }
  return out;
}
