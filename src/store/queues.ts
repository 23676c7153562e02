import { z } from 'zod';
import { WfmError } from '../errors.js';
import { recordAudit, type Actor } from './audit.js';
import { json } from './json.js';
import type { Store } from './open-store.js';
import { validate } from './validate.js';

export interface Queue {
  id: string;
  centreId: string;
  name: string;
  channel: string;
  model: string;
  /** The staffing target as the staffing request takes it, e.g. `{ serviceLevel: 0.8, answerSeconds: 20 }`. */
  target: Record<string, unknown>;
  /** 1 = served first. */
  priority: number;
}

export const QueueInputSchema = z.object({
  name: z.string().min(1),
  channel: z.enum(['voice', 'chat', 'email', 'other']),
  model: z.enum(['erlang-c', 'erlang-a', 'chat', 'deferred']),
  target: z.record(z.string(), z.unknown()),
  priority: z.number().int().min(1).default(1),
});
export type QueueInput = z.input<typeof QueueInputSchema>;

/** Creates or updates the queue of this name in the centre; the audit row keeps before and after. */
export async function upsertQueue(store: Store, centreId: string, input: QueueInput, by: Actor): Promise<Queue> {
  const queue = validate(QueueInputSchema, input, 'queue');
  return store.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('queues')
      .selectAll()
      .where('centre_id', '=', centreId)
      .where('name', '=', queue.name)
      .executeTakeFirst();
    const at = store.now();
    const values = {
      channel: queue.channel,
      model: queue.model,
      target: json(queue.target),
      priority: queue.priority,
      updated_at: at,
    };
    const row = before
      ? await trx.updateTable('queues').set(values).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
      : await trx
          .insertInto('queues')
          .values({ centre_id: centreId, name: queue.name, ...values })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(trx, at, {
      actor: by.actor,
      centreId,
      entity: 'queue',
      entityId: row.id,
      action: before ? 'update' : 'create',
      before: before ? toQueue(before) : null,
      after: toQueue(row),
    });
    return toQueue(row);
  });
}

export async function listQueues(store: Store, centreId: string): Promise<Queue[]> {
  const rows = await store.db
    .selectFrom('queues')
    .selectAll()
    .where('centre_id', '=', centreId)
    .orderBy('priority')
    .orderBy('name')
    .execute();
  return rows.map(toQueue);
}

/** The queue with this name in the centre; `WFM_ERR_STORE_NOT_FOUND` when there is none. */
export async function getQueueByName(store: Store, centreId: string, name: string): Promise<Queue> {
  const row = await store.db
    .selectFrom('queues')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No queue "${name}" in centre ${centreId}.`);
  return toQueue(row);
}

function toQueue(row: {
  id: string;
  centre_id: string;
  name: string;
  channel: string;
  model: string;
  target: Record<string, unknown>;
  priority: number;
}): Queue {
  return {
    id: row.id,
    centreId: row.centre_id,
    name: row.name,
    channel: row.channel,
    model: row.model,
    target: row.target,
    priority: row.priority,
  };
}
