import { sql, type RawBuilder } from 'kysely';

/**
 * A value for a jsonb column. Sent as text and cast in SQL, so both engines get the same bytes:
 * `pg` would turn a JS array into a PostgreSQL array literal, and PGlite would JSON-encode a string
 * parameter a second time if the parameter were typed jsonb.
 */
export function json<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(cast(${JSON.stringify(value ?? null)} as text) as jsonb)`;
}
