import type { Kysely } from 'kysely';
import { z } from 'zod';
import { WfmError } from '../errors.js';
import { recordAudit, type Actor } from './audit.js';
import { json } from './json.js';
import { LATEST_MIGRATION } from './migrations/index.js';
import type { Store } from './open-store.js';
import type { Database } from './schema.js';
import { validate } from './validate.js';

/**
 * Export and import of a centre (or the whole store) as one JSON document, engine-neutral: a
 * centre moves from the embedded store to a server with `exportStore` on one and `importStore`
 * on the other. Rows keep their ids (uuid), so references between tables survive. Not exported:
 * jobs (transient work) and, for a single centre, API keys (they may span centres; issue new ones).
 */
interface TableSpec {
  name: keyof Database;
  json: readonly string[];
  instants: readonly string[];
  /** Column holding the centre id (`id` for centres); null = store-wide (api_keys). */
  centreColumn: string | null;
  orderBy: readonly string[];
  omit?: readonly string[];
}

/** Every exported table, parents before children (import order). */
const TABLES: readonly TableSpec[] = [
  { name: 'centres', json: [], instants: ['created_at'], centreColumn: 'id', orderBy: ['code'] },
  { name: 'queues', json: ['target'], instants: ['updated_at'], centreColumn: 'centre_id', orderBy: ['name'] },
  {
    name: 'agents',
    json: ['contract', 'skills', 'availability', 'time_off'],
    instants: ['updated_at'],
    centreColumn: 'centre_id',
    orderBy: ['external_id'],
  },
  {
    name: 'history',
    json: [],
    instants: ['interval_start', 'loaded_at'],
    centreColumn: 'centre_id',
    orderBy: ['queue_id', 'interval_start'],
  },
  {
    name: 'forecasts',
    json: ['model'],
    instants: ['created_at'],
    centreColumn: 'centre_id',
    orderBy: ['created_at', 'id'],
  },
  {
    name: 'forecast_intervals',
    json: [],
    instants: ['interval_start'],
    centreColumn: 'centre_id',
    orderBy: ['forecast_id', 'interval_start'],
  },
  {
    name: 'forecast_overrides',
    json: [],
    instants: ['from_at', 'to_at', 'created_at'],
    centreColumn: 'centre_id',
    orderBy: ['forecast_id', 'seq'],
  },
  {
    name: 'scenarios',
    json: ['input', 'result'],
    instants: ['created_at'],
    centreColumn: 'centre_id',
    orderBy: ['name'],
  },
  {
    name: 'document_versions',
    json: ['document'],
    instants: ['created_at', 'published_at'],
    centreColumn: 'centre_id',
    orderBy: ['kind', 'series', 'version'],
  },
  {
    name: 'roster_shifts',
    json: ['breaks', 'activities', 'skills'],
    instants: ['start_at', 'end_at'],
    centreColumn: 'centre_id',
    orderBy: ['version_id', 'shift_key'],
  },
  {
    name: 'calendar_events',
    json: ['breaks', 'activities'],
    instants: ['start_at', 'end_at', 'updated_at'],
    centreColumn: 'centre_id',
    orderBy: ['series', 'shift_key'],
  },
  {
    name: 'calendar_tokens',
    json: [],
    instants: ['created_at', 'revoked_at'],
    centreColumn: 'centre_id',
    orderBy: ['token_hash'],
  },
  {
    name: 'api_keys',
    json: ['centre_ids'],
    instants: ['created_at', 'revoked_at'],
    centreColumn: null,
    orderBy: ['id'],
  },
  {
    name: 'audit_log',
    json: ['before', 'after'],
    instants: ['at'],
    centreColumn: 'centre_id',
    orderBy: ['seq'],
    omit: ['seq'],
  },
];

export const DUMP_FORMAT = 'wfm-store-dump';
export const DUMP_FORMAT_VERSION = 1;

type Row = Record<string, unknown>;

export interface StoreDump {
  format: typeof DUMP_FORMAT;
  formatVersion: typeof DUMP_FORMAT_VERSION;
  /** The newest migration of the exporting store. */
  schema: string;
  exportedAt: string;
  /** The centres exported; null = the whole store (with store-wide rows: API keys, unscoped audit). */
  centreIds: string[] | null;
  tables: Partial<Record<keyof Database, Row[]>>;
}

const StoreDumpSchema = z.object({
  format: z.literal(DUMP_FORMAT),
  formatVersion: z.literal(DUMP_FORMAT_VERSION),
  schema: z.string(),
  exportedAt: z.string(),
  centreIds: z.array(z.string()).nullable(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

/** A JSON-ready dump of some centres (by id) or, with no `centreIds`, of the whole store. */
export async function exportStore(store: Store, options: { centreIds?: readonly string[] } = {}): Promise<StoreDump> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = store.db as unknown as Kysely<any>;
  const centreIds = options.centreIds ? [...options.centreIds] : null;
  if (centreIds) {
    const found = await db.selectFrom('centres').select('id').where('id', 'in', centreIds).execute();
    const missing = centreIds.filter((id) => !found.some((r: Row) => r.id === id));
    if (missing.length > 0) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No centre ${missing.join(', ')}.`);
  }
  const tables: StoreDump['tables'] = {};
  for (const spec of TABLES) {
    if (centreIds && spec.centreColumn === null) continue;
    let q = db.selectFrom(spec.name).selectAll();
    if (centreIds && spec.centreColumn) q = q.where(spec.centreColumn, 'in', centreIds);
    for (const column of spec.orderBy) q = q.orderBy(column);
    const rows: Row[] = await q.execute();
    tables[spec.name] = rows.map((row) => {
      const out: Row = {};
      for (const [key, value] of Object.entries(row)) {
        if (spec.omit?.includes(key)) continue;
        out[key] = value instanceof Date ? value.toISOString() : value;
      }
      return out;
    });
  }
  return {
    format: DUMP_FORMAT,
    formatVersion: DUMP_FORMAT_VERSION,
    schema: LATEST_MIGRATION,
    exportedAt: store.now().toISOString(),
    centreIds,
    tables,
  };
}

export interface ImportReport {
  centres: { id: string; code: string }[];
  /** Rows inserted per table. */
  rows: Partial<Record<keyof Database, number>>;
}

/** Checks a parsed JSON value is a store dump this version can read; `WFM_ERR_INPUT_INVALID` otherwise. */
export function parseStoreDump(value: unknown): StoreDump {
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== DUMP_FORMAT) {
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      `Not a store dump: "format" is ${JSON.stringify(format ?? null)}, expected "${DUMP_FORMAT}" ` +
        `(written by \`wfm db export\`).`,
      { issues: [{ path: ['format'], message: `expected "${DUMP_FORMAT}"` }] },
    );
  }
  return validate(StoreDumpSchema, value, 'store dump') as StoreDump;
}

/**
 * Loads a dump into this store in one transaction. A centre (by id or code) or API key already
 * present is `WFM_ERR_STORE_IMPORT` and nothing is written. One audit row per imported centre.
 */
export async function importStore(store: Store, dump: unknown, by: Actor): Promise<ImportReport> {
  const d = parseStoreDump(dump);
  if (d.schema > LATEST_MIGRATION) {
    throw new WfmError(
      'WFM_ERR_STORE_IMPORT',
      `The dump comes from a newer schema (${d.schema}) than this store (${LATEST_MIGRATION}); upgrade first.`,
    );
  }
  return store.db.transaction().execute(async (trx) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db = trx as unknown as Kysely<any>;
    const centres = (d.tables.centres ?? []) as { id: string; code: string }[];
    for (const c of centres) {
      const clash = await db
        .selectFrom('centres')
        .select(['id', 'code'])
        .where((eb) => eb.or([eb('id', '=', c.id), eb('code', '=', c.code)]))
        .executeTakeFirst();
      if (clash) {
        throw new WfmError(
          'WFM_ERR_STORE_IMPORT',
          `Centre ${c.code} (${c.id}) is already in this store (as ${clash.code}); nothing was imported.`,
        );
      }
    }
    const report: ImportReport = { centres: centres.map((c) => ({ id: c.id, code: c.code })), rows: {} };
    for (const spec of TABLES) {
      const rows = d.tables[spec.name];
      if (!rows || rows.length === 0) continue;
      const values = rows.map((row) => {
        const out: Row = {};
        for (const [key, value] of Object.entries(row)) {
          if (spec.omit?.includes(key)) continue;
          if (spec.json.includes(key)) out[key] = value === null ? null : json(value);
          else if (spec.instants.includes(key)) out[key] = value === null ? null : new Date(String(value));
          else out[key] = value;
        }
        return out;
      });
      try {
        for (let i = 0; i < values.length; i += 500) {
          await db
            .insertInto(spec.name)
            .values(values.slice(i, i + 500))
            .execute();
        }
      } catch (cause) {
        throw new WfmError('WFM_ERR_STORE_IMPORT', `Import of ${spec.name} failed: ${(cause as Error).message}`, {
          cause,
        });
      }
      report.rows[spec.name] = values.length;
    }
    const at = store.now();
    for (const c of centres) {
      await recordAudit(trx, at, {
        actor: by.actor,
        centreId: c.id,
        entity: 'centre',
        entityId: c.id,
        action: 'import',
        before: null,
        after: { code: c.code, exportedAt: d.exportedAt, rows: report.rows },
      });
    }
    return report;
  });
}
