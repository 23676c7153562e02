import type { Kysely } from 'kysely';
import { WfmError } from '../errors.js';
import { formatInstant } from '../time/instant.js';
import { recordAudit, type Actor } from './audit.js';
import { getCentre } from './centres.js';
import { json } from './json.js';
import type { Store } from './open-store.js';
import type { Database } from './schema.js';
import { hashSecret, newSecret } from './secrets.js';
import { shiftUid, type NormalisedShift } from './shift-identity.js';
import { stableJson } from './stable-json.js';

/**
 * Calendar identity of published roster shifts (RFC 5545 terms): one event per shift identity in
 * a series, with a UID that never changes, a SEQUENCE that goes up whenever the event changes, and
 * STATUS:CANCELLED kept for shifts a later publication removed, so a feed can send the cancel.
 */
export interface CalendarPublishReport {
  created: number;
  updated: number;
  cancelled: number;
  unchanged: number;
}

/** Brings the series' calendar events in line with a newly published roster (inside its transaction). */
export async function applyPublishToCalendar(
  db: Kysely<Database>,
  at: { centreId: string; series: string; versionId: string; at: Date },
  shifts: readonly NormalisedShift[],
): Promise<CalendarPublishReport> {
  const report: CalendarPublishReport = { created: 0, updated: 0, cancelled: 0, unchanged: 0 };
  const rows = await db
    .selectFrom('calendar_events')
    .selectAll()
    .where('centre_id', '=', at.centreId)
    .where('series', '=', at.series)
    .execute();
  const existing = new Map(rows.map((r) => [r.shift_key, r]));
  const keep = new Set<string>();
  for (const s of shifts) {
    keep.add(s.shiftKey);
    const old = existing.get(s.shiftKey);
    const values = {
      start_at: new Date(s.startMs),
      end_at: new Date(s.endMs),
      template: s.template,
      breaks: json(s.breaks),
      activities: json(s.activities),
      version_id: at.versionId,
      updated_at: at.at,
      status: 'confirmed' as const,
    };
    if (!old) {
      await db
        .insertInto('calendar_events')
        .values({
          centre_id: at.centreId,
          series: at.series,
          agent_id: s.agentId,
          shift_key: s.shiftKey,
          uid: shiftUid(at.centreId, at.series, s.shiftKey),
          sequence: 0,
          ...values,
        })
        .execute();
      report.created++;
      continue;
    }
    const same =
      old.status === 'confirmed' &&
      old.start_at.getTime() === s.startMs &&
      old.end_at.getTime() === s.endMs &&
      stableJson([old.breaks, old.activities]) === stableJson([s.breaks, s.activities]);
    if (same) {
      // Still refers to the newest version; the event itself did not change.
      await db
        .updateTable('calendar_events')
        .set({ version_id: at.versionId })
        .where('centre_id', '=', at.centreId)
        .where('series', '=', at.series)
        .where('shift_key', '=', s.shiftKey)
        .execute();
      report.unchanged++;
      continue;
    }
    await db
      .updateTable('calendar_events')
      .set({ ...values, sequence: old.sequence + 1 })
      .where('centre_id', '=', at.centreId)
      .where('series', '=', at.series)
      .where('shift_key', '=', s.shiftKey)
      .execute();
    report.updated++;
  }
  for (const old of rows) {
    if (keep.has(old.shift_key) || old.status === 'cancelled') continue;
    await db
      .updateTable('calendar_events')
      .set({ status: 'cancelled', sequence: old.sequence + 1, version_id: at.versionId, updated_at: at.at })
      .where('centre_id', '=', at.centreId)
      .where('series', '=', at.series)
      .where('shift_key', '=', old.shift_key)
      .execute();
    report.cancelled++;
  }
  return report;
}

/**
 * Issues a read-only calendar feed token for one agent. The token is returned once; the store
 * keeps only its SHA-256 hash.
 */
export async function createFeedToken(store: Store, centreId: string, agentId: string, by: Actor): Promise<string> {
  const centre = await getCentre(store, centreId);
  const token = newSecret('wfmcal');
  await store.db.transaction().execute(async (trx) => {
    const at = store.now();
    await trx
      .insertInto('calendar_tokens')
      .values({
        token_hash: hashSecret(token),
        centre_id: centre.id,
        agent_id: agentId,
        created_at: at,
        revoked_at: null,
      })
      .execute();
    await recordAudit(trx, at, {
      actor: by.actor,
      centreId: centre.id,
      entity: 'calendar-token',
      entityId: agentId,
      action: 'create',
      before: null,
      after: { agentId, tokenHashPrefix: hashSecret(token).slice(0, 8) },
    });
  });
  return token;
}

/** Revokes a feed token (the feed stops answering it). */
export async function revokeFeedToken(store: Store, token: string, by: Actor): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const at = store.now();
    const row = await trx
      .updateTable('calendar_tokens')
      .set({ revoked_at: at })
      .where('token_hash', '=', hashSecret(token))
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new WfmError('WFM_ERR_STORE_KEY_INVALID', 'Unknown or already revoked feed token.');
    await recordAudit(trx, at, {
      actor: by.actor,
      centreId: row.centre_id,
      entity: 'calendar-token',
      entityId: row.agent_id,
      action: 'revoke',
      before: { tokenHashPrefix: row.token_hash.slice(0, 8) },
      after: null,
    });
  });
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  status: 'confirmed' | 'cancelled';
  /** ISO 8601 with the centre's offset. */
  start: string;
  end: string;
  template: string;
  breaks: unknown[];
  activities: unknown[];
  series: string;
  /** When the event last changed (DTSTAMP / LAST-MODIFIED). */
  updatedAt: Date;
}

export interface AgentCalendar {
  centreId: string;
  timeZone: string;
  agentId: string;
  events: CalendarEvent[];
}

/**
 * The calendar events of the agent a feed token belongs to, confirmed and cancelled, by start:
 * what an iCalendar feed route renders. An unknown or revoked token is `WFM_ERR_STORE_KEY_INVALID`.
 */
export async function calendarEventsForAgent(store: Store, token: string): Promise<AgentCalendar> {
  const owner = await store.db
    .selectFrom('calendar_tokens')
    .select(['centre_id', 'agent_id'])
    .where('token_hash', '=', hashSecret(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!owner) throw new WfmError('WFM_ERR_STORE_KEY_INVALID', 'Unknown or revoked calendar feed token.');
  const centre = await getCentre(store, owner.centre_id);
  const rows = await store.db
    .selectFrom('calendar_events')
    .selectAll()
    .where('centre_id', '=', owner.centre_id)
    .where('agent_id', '=', owner.agent_id)
    .orderBy('start_at')
    .orderBy('uid')
    .execute();
  return {
    centreId: centre.id,
    timeZone: centre.timeZone,
    agentId: owner.agent_id,
    events: rows.map((r) => ({
      uid: r.uid,
      sequence: r.sequence,
      status: r.status,
      start: formatInstant(r.start_at.getTime(), centre.timeZone),
      end: formatInstant(r.end_at.getTime(), centre.timeZone),
      template: r.template,
      breaks: r.breaks,
      activities: r.activities,
      series: r.series,
      updatedAt: r.updated_at,
    })),
  };
}
