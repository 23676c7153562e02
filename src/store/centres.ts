import { z } from 'zod';
import { WfmError } from '../errors.js';
import { assertTimeZone } from '../time/instant.js';
import { recordAudit, type Actor } from './audit.js';
import type { Store } from './open-store.js';
import { conflictOnDuplicate } from './unique-violation.js';
import { validate } from './validate.js';

export interface Centre {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  createdAt: Date;
}

export const CentreInputSchema = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, e.g. "lisbon-1"'),
  name: z.string().min(1),
  timeZone: z.string().min(1),
});
export type CentreInput = z.input<typeof CentreInputSchema>;

/** Creates a centre; its `code` is unique in the store (`WFM_ERR_STORE_CONFLICT` otherwise). */
export async function createCentre(store: Store, input: CentreInput, by: Actor): Promise<Centre> {
  const centre = validate(CentreInputSchema, input, 'centre');
  assertTimeZone(centre.timeZone);
  const duplicate = `A centre with code "${centre.code}" already exists.`;
  return conflictOnDuplicate(duplicate, () =>
    store.db.transaction().execute(async (trx) => {
      const clash = await trx.selectFrom('centres').select('id').where('code', '=', centre.code).executeTakeFirst();
      if (clash) throw new WfmError('WFM_ERR_STORE_CONFLICT', duplicate);
      const at = store.now();
      const row = await trx
        .insertInto('centres')
        .values({ code: centre.code, name: centre.name, time_zone: centre.timeZone, created_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, at, {
        actor: by.actor,
        centreId: row.id,
        entity: 'centre',
        entityId: row.id,
        action: 'create',
        before: null,
        after: centre,
      });
      return toCentre(row);
    }),
  );
}

/** The centre with this id or code; `WFM_ERR_STORE_NOT_FOUND` when there is none. */
export async function getCentre(store: Store, idOrCode: string): Promise<Centre> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  const row = await store.db
    .selectFrom('centres')
    .selectAll()
    .where(byId ? 'id' : 'code', '=', idOrCode)
    .executeTakeFirst();
  if (!row) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No centre "${idOrCode}".`);
  return toCentre(row);
}

export async function listCentres(store: Store): Promise<Centre[]> {
  const rows = await store.db.selectFrom('centres').selectAll().orderBy('code').execute();
  return rows.map(toCentre);
}

function toCentre(row: { id: string; code: string; name: string; time_zone: string; created_at: Date }): Centre {
  return { id: row.id, code: row.code, name: row.name, timeZone: row.time_zone, createdAt: row.created_at };
}
