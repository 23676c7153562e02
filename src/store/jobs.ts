import type { Selectable } from 'kysely';
import { z } from 'zod';
import { WfmError } from '../errors.js';
import { recordAudit, type Actor } from './audit.js';
import { json } from './json.js';
import type { Store } from './open-store.js';
import type { JobKind, JobStatus, JobsTable } from './schema.js';
import { validate } from './validate.js';

/**
 * Long work (plans, rosters, forecasts, simulations) as rows in the `jobs` table, taken by workers:
 *
 * queued -> running (claimed: one worker, a lease) -> done | failed | cancelled.
 *
 * A claim takes the oldest queued row with `FOR UPDATE SKIP LOCKED`, so two workers never take the
 * same job. A running worker extends its lease with `heartbeatJob`; a worker that dies stops doing
 * so, and once its lease has run out the job is claimable again, once (`max_attempts` = 2 by
 * default): a job whose lease expires on its last attempt is failed instead. Completion is accepted
 * only from the worker holding the claim, so a result is written exactly once.
 */
export interface Job {
  id: string;
  centreId: string | null;
  kind: JobKind;
  status: JobStatus;
  payload: unknown;
  result: unknown;
  error: unknown;
  attempts: number;
  maxAttempts: number;
  workerId: string | null;
  leaseUntil: Date | null;
  createdAt: Date;
  createdBy: string;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export const EnqueueInputSchema = z.object({
  kind: z.enum(['plan', 'roster', 'forecast', 'simulation']),
  centreId: z.string().uuid().nullable().default(null),
  payload: z.unknown().refine((v) => v !== undefined, 'payload is required'),
  /** Attempts in all, counting the first; 2 = retried once after a worker died. */
  maxAttempts: z.number().int().min(1).max(10).default(2),
});
export type EnqueueInput = z.input<typeof EnqueueInputSchema>;

export async function enqueueJob(store: Store, input: EnqueueInput, by: Actor): Promise<Job> {
  const job = validate(EnqueueInputSchema, input, 'job');
  return store.db.transaction().execute(async (trx) => {
    const at = store.now();
    const row = await trx
      .insertInto('jobs')
      .values({
        centre_id: job.centreId,
        kind: job.kind,
        status: 'queued',
        payload: json(job.payload),
        result: null,
        error: null,
        max_attempts: job.maxAttempts,
        worker_id: null,
        lease_until: null,
        created_at: at,
        created_by: by.actor,
        started_at: null,
        finished_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, at, {
      actor: by.actor,
      centreId: job.centreId,
      entity: 'job',
      entityId: row.id,
      action: 'enqueue',
      before: null,
      after: { kind: job.kind },
    });
    return toJob(row);
  });
}

export interface ClaimOptions {
  workerId: string;
  /** Lease length in seconds; the worker heartbeats well within it. Default 60. */
  leaseSeconds?: number;
  /** Only these kinds (default: any). */
  kinds?: readonly JobKind[];
}

/**
 * Claims the oldest claimable job for `workerId` (queued, or running with an expired lease and
 * attempts left), or returns null. Jobs whose lease expired on their last attempt are failed first.
 */
export async function claimJob(store: Store, options: ClaimOptions): Promise<Job | null> {
  const now = store.now();
  const leaseUntil = new Date(now.getTime() + (options.leaseSeconds ?? 60) * 1000);
  await store.db
    .updateTable('jobs')
    .set({
      status: 'failed',
      finished_at: now,
      lease_until: null,
      error: json({
        code: 'WFM_ERR_JOB_LEASE_EXPIRED',
        message: 'The worker stopped heartbeating on the last attempt.',
      }),
    })
    .where('status', '=', 'running')
    .where('lease_until', '<', now)
    .whereRef('attempts', '>=', 'max_attempts')
    .execute();
  const row = await store.db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      worker_id: options.workerId,
      lease_until: leaseUntil,
      started_at: now,
    }))
    .where('id', '=', (eb) => {
      let q = eb
        .selectFrom('jobs as j')
        .select('j.id')
        .where((w) =>
          w.or([
            w('j.status', '=', 'queued'),
            w.and([
              w('j.status', '=', 'running'),
              w('j.lease_until', '<', now),
              w('j.attempts', '<', w.ref('j.max_attempts')),
            ]),
          ]),
        );
      if (options.kinds && options.kinds.length > 0) q = q.where('j.kind', 'in', [...options.kinds]);
      return q.orderBy('j.seq').limit(1).forUpdate().skipLocked();
    })
    .returningAll()
    .executeTakeFirst();
  return row ? toJob(row) : null;
}

/**
 * Extends the lease of a job this worker holds. Returns the job's status: `cancelled` tells the
 * worker to stop. A claim the worker no longer holds is `WFM_ERR_STORE_JOB_STATE`.
 */
export async function heartbeatJob(
  store: Store,
  jobId: string,
  workerId: string,
  leaseSeconds = 60,
): Promise<'running' | 'cancelled'> {
  const now = store.now();
  const row = await store.db
    .updateTable('jobs')
    .set({ lease_until: new Date(now.getTime() + leaseSeconds * 1000) })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .where('worker_id', '=', workerId)
    .returning('status')
    .executeTakeFirst();
  if (row) return 'running';
  const job = await getJob(store, jobId);
  if (job.status === 'cancelled') return 'cancelled';
  throw lostClaim(job, workerId);
}

/** Writes the result of a job this worker holds; a second completion, or one after losing the claim, throws. */
export async function completeJob(store: Store, jobId: string, workerId: string, result: unknown): Promise<Job> {
  const row = await store.db
    .updateTable('jobs')
    .set({ status: 'done', result: json(result), finished_at: store.now(), lease_until: null })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .where('worker_id', '=', workerId)
    .returningAll()
    .executeTakeFirst();
  if (row) return toJob(row);
  throw lostClaim(await getJob(store, jobId), workerId);
}

/** Fails a job this worker holds (bad input, infeasible, a crash it caught): final, never retried. */
export async function failJob(
  store: Store,
  jobId: string,
  workerId: string,
  error: { code: string; message: string },
): Promise<Job> {
  const row = await store.db
    .updateTable('jobs')
    .set({ status: 'failed', error: json(error), finished_at: store.now(), lease_until: null })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .where('worker_id', '=', workerId)
    .returningAll()
    .executeTakeFirst();
  if (row) return toJob(row);
  throw lostClaim(await getJob(store, jobId), workerId);
}

/** Cancels a queued or running job; its worker learns it at the next heartbeat and cannot complete it. */
export async function cancelJob(store: Store, jobId: string, by: Actor): Promise<Job> {
  return store.db.transaction().execute(async (trx) => {
    const at = store.now();
    const row = await trx
      .updateTable('jobs')
      .set({ status: 'cancelled', finished_at: at, lease_until: null })
      .where('id', '=', jobId)
      .where('status', 'in', ['queued', 'running'])
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const job = await trx.selectFrom('jobs').select('status').where('id', '=', jobId).executeTakeFirst();
      if (!job) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No job ${jobId}.`);
      throw new WfmError(
        'WFM_ERR_STORE_JOB_STATE',
        `Job ${jobId} is ${job.status}; only queued or running jobs cancel.`,
      );
    }
    await recordAudit(trx, at, {
      actor: by.actor,
      centreId: row.centre_id,
      entity: 'job',
      entityId: jobId,
      action: 'cancel',
      before: null,
      after: { kind: row.kind, attempts: row.attempts },
    });
    return toJob(row);
  });
}

export async function getJob(store: Store, jobId: string): Promise<Job> {
  const row = await store.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (!row) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No job ${jobId}.`);
  return toJob(row);
}

/** Jobs, oldest first, optionally of one status or centre. */
export async function listJobs(
  store: Store,
  filter: { status?: JobStatus; centreId?: string; limit?: number } = {},
): Promise<Job[]> {
  let q = store.db.selectFrom('jobs').selectAll();
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.centreId) q = q.where('centre_id', '=', filter.centreId);
  const rows = await q
    .orderBy('seq')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(toJob);
}

function lostClaim(job: Job, workerId: string): WfmError {
  if (job.status === 'cancelled') return new WfmError('WFM_ERR_JOB_CANCELLED', `Job ${job.id} was cancelled.`);
  return new WfmError(
    'WFM_ERR_STORE_JOB_STATE',
    `Job ${job.id} is ${job.status}${job.workerId ? ` (worker ${job.workerId})` : ''}; worker ${workerId} does not hold it.`,
  );
}

type JobRow = Selectable<JobsTable>;

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    centreId: row.centre_id,
    kind: row.kind,
    status: row.status,
    payload: row.payload,
    result: row.result ?? null,
    error: row.error ?? null,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    workerId: row.worker_id,
    leaseUntil: row.lease_until,
    createdAt: row.created_at,
    createdBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
