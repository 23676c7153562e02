import type { Kysely } from 'kysely';
import { z } from 'zod';
import { WfmError } from '../errors.js';
import { recordAudit, type Actor } from './audit.js';
import { applyPublishToCalendar, type CalendarPublishReport } from './calendar.js';
import { getCentre } from './centres.js';
import { json } from './json.js';
import { stableJson } from './stable-json.js';
import type { Store } from './open-store.js';
import { RosterDocumentSchema, type RosterDocument } from './roster-document.js';
import { diffRosters, type RosterDiff } from './roster-diff.js';
import type { Database, DocumentKind, DocumentStatus } from './schema.js';
import { normaliseRoster, type NormalisedShift } from './shift-identity.js';
import { conflictOnDuplicate } from './unique-violation.js';
import { validate } from './validate.js';

/**
 * Shift plans and rosters as versions. A series (e.g. the week "2026-W50") holds versions 1, 2, ...
 * of one kind; each is a draft until published (who, when). Publishing never deletes: earlier
 * versions stay readable, the newest published one is the current one. A roster's shifts are also
 * kept as `roster_shifts` rows (per-agent queries, diffs) and its publication updates the calendar.
 */
export interface DocumentVersion {
  id: string;
  centreId: string;
  kind: DocumentKind;
  series: string;
  version: number;
  status: DocumentStatus;
  note: string;
  createdAt: Date;
  createdBy: string;
  publishedAt: Date | null;
  publishedBy: string | null;
}

/**
 * Every column of a version but its document: listing, reading or updating a version never ships
 * the JSON document back (a week of 150 agents is ~0.4 MB; `getVersionDocument` reads it).
 */
const VERSION_COLUMNS = [
  'id',
  'centre_id',
  'kind',
  'series',
  'version',
  'status',
  'note',
  'created_at',
  'created_by',
  'published_at',
  'published_by',
] as const;

export const DraftInputSchema = z.object({
  kind: z.enum(['shift-plan', 'roster']),
  series: z.string().min(1).max(100),
  document: z.record(z.string(), z.unknown()),
  note: z.string().default(''),
});
export type DraftInput = z.input<typeof DraftInputSchema>;

/** Saves a new draft as the next version of its series. A roster document must be a `RosterDocument`. */
export async function createDraft(
  store: Store,
  centreId: string,
  input: DraftInput,
  by: Actor,
): Promise<DocumentVersion> {
  const draft = validate(DraftInputSchema, input, 'draft');
  const centre = await getCentre(store, centreId);
  const shifts = draft.kind === 'roster' ? rosterShifts(draft.document, centre.timeZone) : [];
  const clash = `Another ${draft.kind} version of ${draft.series} was saved at the same moment; save the draft again.`;
  return conflictOnDuplicate(clash, () =>
    store.db.transaction().execute(async (trx) => {
      const at = store.now();
      const last = await trx
        .selectFrom('document_versions')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('centre_id', '=', centre.id)
        .where('kind', '=', draft.kind)
        .where('series', '=', draft.series)
        .executeTakeFirst();
      const row = await trx
        .insertInto('document_versions')
        .values({
          centre_id: centre.id,
          kind: draft.kind,
          series: draft.series,
          version: (last?.version ?? 0) + 1,
          status: 'draft',
          document: json(draft.document),
          note: draft.note,
          created_at: at,
          created_by: by.actor,
          published_at: null,
          published_by: null,
        })
        .returning(VERSION_COLUMNS)
        .executeTakeFirstOrThrow();
      await insertShifts(trx, centre.id, row.id, shifts);
      await recordAudit(trx, at, {
        actor: by.actor,
        centreId: centre.id,
        entity: draft.kind,
        entityId: row.id,
        action: 'draft',
        before: null,
        after: { series: row.series, version: row.version, shifts: shifts.length, note: draft.note },
      });
      return toVersion(row);
    }),
  );
}

/**
 * Replaces a draft's document (a published version is frozen: `WFM_ERR_STORE_CONFLICT`). Only the
 * roster shifts that changed are rewritten. `options.agents`, when given, promises that only these
 * agents' shifts changed (a hand edit touches a few of hundreds): only their shifts are validated,
 * compared and rewritten. `options.details` go into the audit row's `after` (e.g. the edits and an
 * override's reason).
 */
export async function updateDraft(
  store: Store,
  versionId: string,
  document: Record<string, unknown>,
  by: Actor,
  options: { details?: Record<string, unknown>; agents?: readonly string[] } = {},
): Promise<DocumentVersion> {
  const current = await getVersion(store, versionId);
  const centre = await getCentre(store, current.centreId);
  const only = options.agents ? new Set(options.agents) : undefined;
  const scoped =
    only && Array.isArray(document.agents)
      ? { ...document, agents: (document.agents as { id?: unknown }[]).filter((a) => only.has(String(a.id))) }
      : document;
  const shifts = current.kind === 'roster' ? rosterShifts(scoped, centre.timeZone) : [];
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('document_versions')
      .set({ document: json(document) })
      .where('id', '=', versionId)
      .where('status', '=', 'draft')
      .returning(VERSION_COLUMNS)
      .executeTakeFirst();
    if (!row) throw notDraft(current);
    const before = await loadShifts(trx, versionId, only ? [...only] : undefined);
    const same = (a: NormalisedShift, b: NormalisedShift): boolean =>
      a.startMs === b.startMs &&
      a.endMs === b.endMs &&
      a.template === b.template &&
      stableJson(a.breaks) === stableJson(b.breaks) &&
      stableJson(a.activities) === stableJson(b.activities);
    const keyOf = (x: NormalisedShift): string => `${x.agentId}\u0000${x.shiftKey}`;
    const old = new Map(before.map((x) => [keyOf(x), x]));
    const fresh = new Map(shifts.map((x) => [keyOf(x), x]));
    const gone = before.filter((x) => {
      const now = fresh.get(keyOf(x));
      return !now || !same(x, now);
    });
    const added = shifts.filter((x) => {
      const was = old.get(keyOf(x));
      return !was || !same(was, x);
    });
    if (gone.length > 0) {
      await trx
        .deleteFrom('roster_shifts')
        .where('version_id', '=', versionId)
        .where(
          'shift_key',
          'in',
          gone.map((x) => x.shiftKey),
        )
        .execute();
    }
    await insertShifts(trx, centre.id, versionId, added);
    const diff = diffRosters(before, shifts);
    await recordAudit(trx, store.now(), {
      actor: by.actor,
      centreId: centre.id,
      entity: current.kind,
      entityId: versionId,
      action: 'edit',
      before: { shifts: before.length, ...(only ? { agents: [...only] } : {}) },
      after: { shifts: shifts.length, ...diff.totals, ...options.details },
    });
    return toVersion(row);
  });
}

export interface PublishResult {
  version: DocumentVersion;
  /** Against the previously published version of the series (everything is added when none). */
  diff: RosterDiff;
  calendar: CalendarPublishReport;
}

/**
 * Publishes a draft: status, who and when are set, the calendar events of the series follow the
 * new roster (new UIDs, SEQUENCE + 1 for moved shifts, CANCEL for removed ones). Publishing a
 * version that is not a draft is `WFM_ERR_STORE_CONFLICT`.
 */
export async function publishVersion(store: Store, versionId: string, by: Actor): Promise<PublishResult> {
  const current = await getVersion(store, versionId);
  return store.db.transaction().execute(async (trx) => {
    const at = store.now();
    const row = await trx
      .updateTable('document_versions')
      .set({ status: 'published', published_at: at, published_by: by.actor })
      .where('id', '=', versionId)
      .where('status', '=', 'draft')
      .returning(VERSION_COLUMNS)
      .executeTakeFirst();
    if (!row) throw notDraft(current);
    const previous = await trx
      .selectFrom('document_versions')
      .select('id')
      .where('centre_id', '=', row.centre_id)
      .where('kind', '=', row.kind)
      .where('series', '=', row.series)
      .where('status', '=', 'published')
      .where('id', '!=', row.id)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const shifts = await loadShifts(trx, versionId);
    const diff = diffRosters(previous ? await loadShifts(trx, previous.id) : [], shifts);
    const calendar =
      row.kind === 'roster'
        ? await applyPublishToCalendar(trx, { centreId: row.centre_id, series: row.series, versionId, at }, shifts)
        : { created: 0, updated: 0, cancelled: 0, unchanged: 0 };
    await recordAudit(trx, at, {
      actor: by.actor,
      centreId: row.centre_id,
      entity: row.kind,
      entityId: versionId,
      action: 'publish',
      before: { status: 'draft', previousPublishedId: previous?.id ?? null },
      after: { status: 'published', series: row.series, version: row.version, ...diff.totals, calendar },
    });
    return { version: toVersion(row), diff, calendar };
  });
}

export async function getVersion(store: Store, versionId: string): Promise<DocumentVersion> {
  const row = await store.db
    .selectFrom('document_versions')
    .select(VERSION_COLUMNS)
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No plan or roster version ${versionId}.`);
  return toVersion(row);
}

/** The stored JSON document of a version, as saved. */
export async function getVersionDocument(store: Store, versionId: string): Promise<unknown> {
  const row = await store.db
    .selectFrom('document_versions')
    .select('document')
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No plan or roster version ${versionId}.`);
  return row.document;
}

/** Versions of a centre, newest first, optionally of one kind and series. */
export async function listVersions(
  store: Store,
  centreId: string,
  filter: { kind?: DocumentKind; series?: string } = {},
): Promise<DocumentVersion[]> {
  let q = store.db.selectFrom('document_versions').select(VERSION_COLUMNS).where('centre_id', '=', centreId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.series) q = q.where('series', '=', filter.series);
  const rows = await q.orderBy('series').orderBy('version', 'desc').execute();
  return rows.map(toVersion);
}

/** The newest published version of a series, or null. */
export async function currentPublished(
  store: Store,
  centreId: string,
  kind: DocumentKind,
  series: string,
): Promise<DocumentVersion | null> {
  const row = await store.db
    .selectFrom('document_versions')
    .select(VERSION_COLUMNS)
    .where('centre_id', '=', centreId)
    .where('kind', '=', kind)
    .where('series', '=', series)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

/**
 * The current published roster (newest published version) of each series of a centre, the most
 * recently published first, with their documents; at most `limit` series (the weeks a next roster
 * may follow).
 */
export async function publishedRosters(
  store: Store,
  centreId: string,
  limit = 8,
): Promise<{ version: DocumentVersion; document: unknown }[]> {
  const rows = await store.db
    .selectFrom('document_versions')
    .select(VERSION_COLUMNS)
    .where('centre_id', '=', centreId)
    .where('kind', '=', 'roster')
    .where('status', '=', 'published')
    .orderBy('series')
    .orderBy('version', 'desc')
    .execute();
  const current = new Map<string, DocumentVersion>();
  for (const row of rows) if (!current.has(row.series)) current.set(row.series, toVersion(row));
  const newest = [...current.values()]
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
    .slice(0, limit);
  return Promise.all(
    newest.map(async (version) => ({ version, document: await getVersionDocument(store, version.id) })),
  );
}

/** Shifts added, removed, moved and changed per agent from one roster version to another. */
export async function diffVersions(store: Store, fromVersionId: string, toVersionId: string): Promise<RosterDiff> {
  await getVersion(store, fromVersionId);
  await getVersion(store, toVersionId);
  return diffRosters(await loadShifts(store.db, fromVersionId), await loadShifts(store.db, toVersionId));
}

/** One agent's shifts across the centre's versions in `[from, to)`; by default only published ones. */
export async function agentShifts(
  store: Store,
  centreId: string,
  agentId: string,
  range: { from: Date; to: Date; versionId?: string },
): Promise<(NormalisedShift & { versionId: string })[]> {
  let q = store.db
    .selectFrom('roster_shifts')
    .innerJoin('document_versions', 'document_versions.id', 'roster_shifts.version_id')
    .selectAll('roster_shifts')
    .where('roster_shifts.centre_id', '=', centreId)
    .where('roster_shifts.agent_id', '=', agentId)
    .where('roster_shifts.start_at', '<', range.to)
    .where('roster_shifts.end_at', '>', range.from);
  q = range.versionId
    ? q.where('roster_shifts.version_id', '=', range.versionId)
    : q.where('document_versions.status', '=', 'published');
  const rows = await q.orderBy('roster_shifts.start_at').execute();
  return rows.map((r) => ({ ...toShift(r), versionId: r.version_id }));
}

function rosterShifts(document: unknown, timeZone: string): NormalisedShift[] {
  return normaliseRoster(validate(RosterDocumentSchema, document, 'roster') as RosterDocument, timeZone);
}

async function insertShifts(
  db: Kysely<Database>,
  centreId: string,
  versionId: string,
  shifts: readonly NormalisedShift[],
): Promise<void> {
  const rows = shifts.map((s) => ({
    centre_id: centreId,
    version_id: versionId,
    agent_id: s.agentId,
    shift_key: s.shiftKey,
    start_at: new Date(s.startMs),
    end_at: new Date(s.endMs),
    template: s.template,
    breaks: json(s.breaks),
    activities: json(s.activities),
    skills: json(s.skills ?? []),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('roster_shifts')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

async function loadShifts(
  db: Kysely<Database>,
  versionId: string,
  agents?: readonly string[],
): Promise<NormalisedShift[]> {
  if (agents && agents.length === 0) return [];
  let q = db.selectFrom('roster_shifts').selectAll().where('version_id', '=', versionId);
  if (agents) q = q.where('agent_id', 'in', agents);
  const rows = await q.orderBy('agent_id').orderBy('start_at').execute();
  return rows.map(toShift);
}

function toShift(r: {
  agent_id: string;
  shift_key: string;
  start_at: Date;
  end_at: Date;
  template: string;
  breaks: unknown[];
  activities: unknown[];
  skills?: unknown[];
}): NormalisedShift {
  return {
    agentId: r.agent_id,
    shiftKey: r.shift_key,
    startMs: r.start_at.getTime(),
    endMs: r.end_at.getTime(),
    template: r.template,
    breaks: r.breaks as NormalisedShift['breaks'],
    activities: r.activities as NormalisedShift['activities'],
    ...(Array.isArray(r.skills) && r.skills.length > 0 ? { skills: r.skills as string[] } : {}),
  };
}

function notDraft(v: DocumentVersion): WfmError {
  return new WfmError(
    'WFM_ERR_STORE_CONFLICT',
    `${v.kind} ${v.series} v${v.version} is ${v.status}, not a draft; save a new draft instead.`,
  );
}

function toVersion(row: {
  id: string;
  centre_id: string;
  kind: DocumentKind;
  series: string;
  version: number;
  status: DocumentStatus;
  note: string;
  created_at: Date;
  created_by: string;
  published_at: Date | null;
  published_by: string | null;
}): DocumentVersion {
  return {
    id: row.id,
    centreId: row.centre_id,
    kind: row.kind,
    series: row.series,
    version: row.version,
    status: row.status,
    note: row.note,
    createdAt: row.created_at,
    createdBy: row.created_by,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
  };
}
