import { isWfmError } from '../errors.js';
import { claimJob, completeJob, failJob, getJob, heartbeatJob, type Job } from './jobs.js';
import type { Store } from './open-store.js';
import type { JobKind } from './schema.js';

/** Does one job's work; `signal` aborts when the job is cancelled or the claim is lost. */
export type JobHandler = (job: Job, signal: AbortSignal) => Promise<unknown>;

export interface RunOneJobOptions {
  workerId: string;
  /** Only kinds with a handler are claimed. */
  handlers: Partial<Record<JobKind, JobHandler>>;
  /** Default 60. */
  leaseSeconds?: number;
  /** How often to heartbeat, ms. Default a third of the lease. */
  heartbeatMs?: number;
}

/**
 * Claims one job this worker can do, runs its handler while heartbeating, then writes the result
 * or the error. Returns the job as it ended (done, failed, cancelled, or running under another
 * worker when the claim was lost), or null when nothing was claimable. A `WfmError` thrown by the
 * handler fails the job with its code; anything else with `WFM_ERR_INTERNAL`. A worker process
 * that dies mid-run leaves the job to be retried once after its lease (see jobs.ts).
 */
export async function runOneJob(store: Store, options: RunOneJobOptions): Promise<Job | null> {
  const kinds = Object.keys(options.handlers) as JobKind[];
  if (kinds.length === 0) return null;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const job = await claimJob(store, { workerId: options.workerId, leaseSeconds, kinds });
  if (!job) return null;
  const handler = options.handlers[job.kind] as JobHandler;
  const controller = new AbortController();
  let beating = Promise.resolve();
  const timer = setInterval(
    () => {
      beating = beating.then(async () => {
        if (controller.signal.aborted) return;
        try {
          if ((await heartbeatJob(store, job.id, options.workerId, leaseSeconds)) === 'cancelled') controller.abort();
        } catch {
          controller.abort(); // the claim is lost: another worker has the job now
        }
      });
    },
    options.heartbeatMs ?? (leaseSeconds * 1000) / 3,
  );
  let outcome: { ok: true; result: unknown } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, result: await handler(job, controller.signal) };
  } catch (error) {
    outcome = { ok: false, error };
  } finally {
    clearInterval(timer);
    await beating;
  }
  if (controller.signal.aborted) return getJob(store, job.id);
  try {
    if (outcome.ok) return await completeJob(store, job.id, options.workerId, outcome.result);
    const e = outcome.error;
    const error = isWfmError(e)
      ? { code: e.code, message: e.message }
      : { code: 'WFM_ERR_INTERNAL', message: e instanceof Error ? e.message : String(e) };
    return await failJob(store, job.id, options.workerId, error);
  } catch (error) {
    // Cancelled or re-claimed between the last heartbeat and now: the store keeps the other outcome.
    if (isWfmError(error) && (error.code === 'WFM_ERR_STORE_JOB_STATE' || error.code === 'WFM_ERR_JOB_CANCELLED')) {
      return getJob(store, job.id);
    }
    throw error;
  }
}
