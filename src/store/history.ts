import { sql } from 'kysely';
import { z } from 'zod';
import { WfmError } from '../errors.js';
import { formatInstant, isIntervalMinutes, parseInstant } from '../time/instant.js';
import { recordAudit, type Actor } from './audit.js';
import { getCentre } from './centres.js';
import type { Store } from './open-store.js';
import { validate } from './validate.js';

const HistoryRowSchema = z.object({
  /** Interval start: ISO 8601 with an offset, or local time in the centre's zone. */
  start: z.string().min(1),
  volume: z.number().finite().min(0),
  ahtSeconds: z.number().finite().positive().nullable().optional(),
});
export type HistoryRowInput = z.input<typeof HistoryRowSchema>;

export interface HistoryRow {
  start: string;
  /** The local day (centre time zone) the interval starts on, `YYYY-MM-DD`. */
  day: string;
  intervalMinutes: number;
  volume: number;
  ahtSeconds: number | null;
}

export interface HistoryAppendReport {
  /** Local days touched, sorted. */
  days: string[];
  inserted: number;
  /** Rows that replaced a stored row with the same queue and start (or an earlier row of this batch). */
  replaced: number;
}

const CHUNK = 500;

/**
 * Appends interval history for one queue. A row with the same queue and start as a stored row
 * replaces it (re-loading a day is safe) and is counted as replaced; within one batch the last row
 * for a start wins. One audit row summarises the append.
 */
export async function appendHistory(
  store: Store,
  queueId: string,
  rows: readonly HistoryRowInput[],
  options: Actor & { intervalMinutes: number },
): Promise<HistoryAppendReport> {
  const parsed = validate(z.array(HistoryRowSchema), rows, 'history');
  if (!isIntervalMinutes(options.intervalMinutes)) {
    throw new WfmError('WFM_ERR_INPUT_TIME', `intervalMinutes: ${options.intervalMinutes} is not a supported length.`);
  }
  const queue = await store.db.selectFrom('queues').select(['centre_id']).where('id', '=', queueId).executeTakeFirst();
  if (!queue) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No queue ${queueId}.`);
  const centre = await getCentre(store, queue.centre_id);
  const at = store.now();

  const byStart = new Map<number, { startMs: number; volume: number; ahtSeconds: number | null }>();
  let replaced = 0;
  parsed.forEach((row, i) => {
    const startMs = parseInstant(row.start, centre.timeZone, `history[${i}].start`);
    if (byStart.has(startMs)) replaced++;
    byStart.set(startMs, { startMs, volume: row.volume, ahtSeconds: row.ahtSeconds ?? null });
  });
  const values = [...byStart.values()]
    .sort((a, b) => a.startMs - b.startMs)
    .map((r) => ({
      centre_id: centre.id,
      queue_id: queueId,
      interval_start: new Date(r.startMs),
      day: formatInstant(r.startMs, centre.timeZone).slice(0, 10),
      interval_minutes: options.intervalMinutes,
      volume: r.volume,
      aht_seconds: r.ahtSeconds,
      loaded_at: at,
    }));

  return store.db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (let i = 0; i < values.length; i += CHUNK) {
      const result = await trx
        .insertInto('history')
        .values(values.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['queue_id', 'interval_start']).doUpdateSet((eb) => ({
            volume: eb.ref('excluded.volume'),
            aht_seconds: eb.ref('excluded.aht_seconds'),
            interval_minutes: eb.ref('excluded.interval_minutes'),
            day: eb.ref('excluded.day'),
            loaded_at: eb.ref('excluded.loaded_at'),
          })),
        )
        // xmax is 0 on a freshly inserted row version and set on one an upsert updated.
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .execute();
      for (const r of result) {
        if (r.inserted) inserted++;
        else replaced++;
      }
    }
    const days = [...new Set(values.map((v) => v.day))].sort();
    const report = { days, inserted, replaced };
    await recordAudit(trx, at, {
      actor: options.actor,
      centreId: centre.id,
      entity: 'history',
      entityId: queueId,
      action: 'append',
      before: null,
      after: report,
    });
    return report;
  });
}

/** Stored history of one queue for local days `[fromDay, toDay]` (inclusive), by start. */
export async function listHistory(
  store: Store,
  queueId: string,
  range: { fromDay: string; toDay: string },
): Promise<HistoryRow[]> {
  const queue = await store.db.selectFrom('queues').select(['centre_id']).where('id', '=', queueId).executeTakeFirst();
  if (!queue) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No queue ${queueId}.`);
  const centre = await getCentre(store, queue.centre_id);
  const rows = await store.db
    .selectFrom('history')
    .selectAll()
    .where('queue_id', '=', queueId)
    .where('day', '>=', range.fromDay)
    .where('day', '<=', range.toDay)
    .orderBy('interval_start')
    .execute();
  return rows.map((r) => ({
    start: formatInstant(r.interval_start.getTime(), centre.timeZone),
    day: r.day,
    intervalMinutes: r.interval_minutes,
    volume: r.volume,
    ahtSeconds: r.aht_seconds,
  }));
}
