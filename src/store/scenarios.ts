import { z } from 'zod';
import { WfmError } from '../errors.js';
import { recordAudit, type Actor } from './audit.js';
import { json } from './json.js';
import { jsonDiff, type JsonChange } from './json-diff.js';
import type { Store } from './open-store.js';
import { conflictOnDuplicate } from './unique-violation.js';
import { validate } from './validate.js';

/** A named what-if: its input (the what-if request) and, once run, its result. */
export interface Scenario {
  id: string;
  centreId: string;
  name: string;
  input: unknown;
  result: unknown;
  createdAt: Date;
  createdBy: string;
}

export type ScenarioListItem = Omit<Scenario, 'input' | 'result'> & { hasResult: boolean };

export const ScenarioInputSchema = z.object({
  name: z.string().min(1).max(200),
  input: z.unknown().refine((v) => v !== undefined, 'input is required'),
  result: z.unknown().optional(),
});
export type ScenarioInput = z.input<typeof ScenarioInputSchema>;

/**
 * Saves a named scenario. A name already used in the centre is `WFM_ERR_STORE_CONFLICT` unless
 * `replace` is set, in which case input and result are replaced (the audit keeps the old result).
 */
export async function saveScenario(
  store: Store,
  centreId: string,
  input: ScenarioInput,
  options: Actor & { replace?: boolean },
): Promise<Scenario> {
  const s = validate(ScenarioInputSchema, input, 'scenario');
  const clash = `A scenario named "${s.name}" was saved at the same moment; save again with replace to overwrite it.`;
  return conflictOnDuplicate(clash, () =>
    store.db.transaction().execute(async (trx) => {
      const at = store.now();
      const old = await trx
        .selectFrom('scenarios')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('name', '=', s.name)
        .executeTakeFirst();
      if (old && !options.replace) {
        throw new WfmError(
          'WFM_ERR_STORE_CONFLICT',
          `A scenario named "${s.name}" exists; pass replace to overwrite it.`,
        );
      }
      const values = { input: json(s.input), result: s.result === undefined ? null : json(s.result) };
      const row = old
        ? await trx
            .updateTable('scenarios')
            .set(values)
            .where('id', '=', old.id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto('scenarios')
            .values({ centre_id: centreId, name: s.name, ...values, created_at: at, created_by: options.actor })
            .returningAll()
            .executeTakeFirstOrThrow();
      await recordAudit(trx, at, {
        actor: options.actor,
        centreId,
        entity: 'scenario',
        entityId: row.id,
        action: old ? 'replace' : 'create',
        before: old ? { name: old.name, result: old.result } : null,
        after: { name: s.name, result: s.result ?? null },
      });
      return toScenario(row);
    }),
  );
}

export async function listScenarios(store: Store, centreId: string): Promise<ScenarioListItem[]> {
  const rows = await store.db
    .selectFrom('scenarios')
    .select(['id', 'centre_id', 'name', 'created_at', 'created_by'])
    .select((eb) => eb('result', 'is not', null).as('has_result'))
    .where('centre_id', '=', centreId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    centreId: r.centre_id,
    name: r.name,
    createdAt: r.created_at,
    createdBy: r.created_by,
    hasResult: Boolean(r.has_result),
  }));
}

export async function getScenario(store: Store, centreId: string, name: string): Promise<Scenario> {
  const row = await store.db
    .selectFrom('scenarios')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No scenario "${name}".`);
  return toScenario(row);
}

export interface ScenarioComparison {
  a: Scenario;
  b: Scenario;
  /** Leaves of the input that differ (e.g. `volumeFactor` 1 -> 1.15). */
  input: JsonChange[];
  /** Leaves of the result that differ, with `delta` = b - a for numbers. */
  result: JsonChange[];
}

/** Two named scenarios side by side with the leaves that differ in input and result. */
export async function compareScenarios(
  store: Store,
  centreId: string,
  nameA: string,
  nameB: string,
): Promise<ScenarioComparison> {
  const a = await getScenario(store, centreId, nameA);
  const b = await getScenario(store, centreId, nameB);
  return { a, b, input: jsonDiff(a.input, b.input), result: jsonDiff(a.result, b.result) };
}

function toScenario(row: {
  id: string;
  centre_id: string;
  name: string;
  input: unknown;
  result: unknown;
  created_at: Date;
  created_by: string;
}): Scenario {
  return {
    id: row.id,
    centreId: row.centre_id,
    name: row.name,
    input: row.input,
    result: row.result ?? null,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
