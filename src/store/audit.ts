import type { Kysely } from 'kysely';
import { json } from './json.js';
import type { Database } from './schema.js';
import type { Store } from './open-store.js';

/** Who makes a change: every mutating store function takes one and writes it to the audit log. */
export interface Actor {
  actor: string;
}

export interface AuditEntry {
  at: Date;
  actor: string;
  centreId: string | null;
  entity: string;
  entityId: string;
  action: string;
  /** A summary of the state before / after (not necessarily the whole row). */
  before: unknown;
  after: unknown;
}

/** Appends one audit row; call it inside the transaction that makes the change. */
export async function recordAudit(db: Kysely<Database>, at: Date, entry: Omit<AuditEntry, 'at'>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor: entry.actor,
      centre_id: entry.centreId,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before: entry.before === undefined ? null : json(entry.before),
      after: entry.after === undefined ? null : json(entry.after),
    })
    .execute();
}

export interface AuditQuery {
  centreId?: string;
  entity?: string;
  entityId?: string;
  /** Newest first; default 100. */
  limit?: number;
}

/** The audit log, newest first. */
export async function listAudit(store: Store, query: AuditQuery = {}): Promise<AuditEntry[]> {
  let q = store.db.selectFrom('audit_log').selectAll();
  if (query.centreId !== undefined) q = q.where('centre_id', '=', query.centreId);
  if (query.entity !== undefined) q = q.where('entity', '=', query.entity);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .limit(query.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    centreId: r.centre_id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before,
    after: r.after,
  }));
}
