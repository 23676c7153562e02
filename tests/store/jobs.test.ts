import { afterEach, describe, expect, it } from 'vitest';
import {
  cancelJob,
  claimJob,
  completeJob,
  enqueueJob,
  failJob,
  getJob,
  heartbeatJob,
  listJobs,
  runOneJob,
  type Job,
  type Store,
} from '../../src/store/index.js';
import { WfmError } from '../../src/errors.js';
import { engines, testClock, type TestStore } from './engines.js';

describe.each(engines)('jobs on $name', (engine) => {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.dispose();
    t = undefined;
  });
  const by = { actor: 'maria' };

  it('two workers claiming at once never take the same job', async () => {
    const clock = testClock();
    t = await engine.open({ now: clock.now });
    const other = await t.openSibling({ now: clock.now });
    for (let i = 0; i < 12; i++) await enqueueJob(t.store, { kind: i % 2 ? 'roster' : 'plan', payload: { i } }, by);
    const drain = async (store: Store, workerId: string): Promise<Job[]> => {
      const taken: Job[] = [];
      for (;;) {
        const job = await claimJob(store, { workerId, leaseSeconds: 30 });
        if (!job) return taken;
        taken.push(job);
        await completeJob(store, job.id, workerId, { by: workerId });
      }
    };
    const [a, b, c] = await Promise.all([drain(t.store, 'w1'), drain(other, 'w2'), drain(t.store, 'w3')]);
    const ids = [...a, ...b, ...c].map((j) => j.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    const done = await listJobs(t.store, { status: 'done' });
    expect(done).toHaveLength(12);
    expect(done.every((j) => j.attempts === 1)).toBe(true);
    expect(done.map((j) => (j.payload as { i: number }).i)).toEqual([...Array(12).keys()]);
  });

  it('retries a job once when its worker stops heartbeating, and writes the result exactly once', async () => {
    const clock = testClock();
    t = await engine.open({ now: clock.now });
    const store = t.store;
    const job = await enqueueJob(store, { kind: 'simulation', payload: { seed: 7 } }, by);
    const first = await claimJob(store, { workerId: 'dies', leaseSeconds: 30 });
    expect(first).toMatchObject({ id: job.id, attempts: 1, workerId: 'dies', status: 'running' });

    // Within the lease, nobody else can take it; a heartbeat extends it.
    clock.advance(20);
    expect(await claimJob(store, { workerId: 'w2', leaseSeconds: 30 })).toBeNull();
    expect(await heartbeatJob(store, job.id, 'dies', 30)).toBe('running');
    clock.advance(20);
    expect(await claimJob(store, { workerId: 'w2', leaseSeconds: 30 })).toBeNull();

    // The worker dies: the lease runs out and the job is claimed again, attempt 2.
    clock.advance(31);
    const retry = await claimJob(store, { workerId: 'w2', leaseSeconds: 30 });
    expect(retry).toMatchObject({ id: job.id, attempts: 2, workerId: 'w2' });
    await expect(completeJob(store, job.id, 'dies', { late: true })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_JOB_STATE',
    });
    await expect(heartbeatJob(store, job.id, 'dies')).rejects.toMatchObject({ code: 'WFM_ERR_STORE_JOB_STATE' });
    const done = await completeJob(store, job.id, 'w2', { heads: 42 });
    expect(done).toMatchObject({ status: 'done', result: { heads: 42 } });
    await expect(completeJob(store, job.id, 'w2', { heads: 43 })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_JOB_STATE',
    });
    expect((await getJob(store, job.id)).result).toEqual({ heads: 42 });

    // A job whose second worker dies too is failed, not retried a third time.
    const twice = await enqueueJob(store, { kind: 'plan', payload: {} }, by);
    await claimJob(store, { workerId: 'a', leaseSeconds: 10 });
    clock.advance(11);
    await claimJob(store, { workerId: 'b', leaseSeconds: 10 });
    clock.advance(11);
    expect(await claimJob(store, { workerId: 'c', leaseSeconds: 10 })).toBeNull();
    expect(await getJob(store, twice.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: { code: 'WFM_ERR_JOB_LEASE_EXPIRED' },
    });
  });

  it('fails and cancels: a cancelled job tells its worker at the heartbeat and cannot complete', async () => {
    const clock = testClock();
    t = await engine.open({ now: clock.now });
    const store = t.store;
    const bad = await enqueueJob(store, { kind: 'forecast', payload: {} }, by);
    await claimJob(store, { workerId: 'w', kinds: ['forecast'] });
    const failed = await failJob(store, bad.id, 'w', { code: 'WFM_ERR_FORECAST_HISTORY_SHORT', message: 'too short' });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'WFM_ERR_FORECAST_HISTORY_SHORT' } });

    const long = await enqueueJob(store, { kind: 'roster', payload: {} }, by);
    expect(await claimJob(store, { workerId: 'w', kinds: ['plan'] })).toBeNull();
    await claimJob(store, { workerId: 'w', kinds: ['roster'] });
    await cancelJob(store, long.id, { actor: 'joao' });
    expect(await heartbeatJob(store, long.id, 'w')).toBe('cancelled');
    await expect(completeJob(store, long.id, 'w', {})).rejects.toMatchObject({ code: 'WFM_ERR_JOB_CANCELLED' });
    await expect(cancelJob(store, long.id, by)).rejects.toMatchObject({ code: 'WFM_ERR_STORE_JOB_STATE' });

    const queued = await enqueueJob(store, { kind: 'plan', payload: {} }, by);
    await cancelJob(store, queued.id, by);
    expect(await claimJob(store, { workerId: 'w' })).toBeNull();
  });

  it('runOneJob runs the handler, records a coded failure, and stops a cancelled job', async () => {
    t = await engine.open({ now: testClock().now });
    const store = t.store;
    const ok = await enqueueJob(store, { kind: 'plan', payload: { n: 2 } }, by);
    const bad = await enqueueJob(store, { kind: 'plan', payload: { n: -1 } }, by);
    const handlers = {
      plan: async (job: Job) => {
        const n = (job.payload as { n: number }).n;
        if (n < 0) throw new WfmError('WFM_ERR_INPUT_INVALID', 'n must be >= 0');
        return { doubled: n * 2 };
      },
    };
    expect(await runOneJob(store, { workerId: 'w', handlers })).toMatchObject({
      id: ok.id,
      status: 'done',
      result: { doubled: 4 },
    });
    expect(await runOneJob(store, { workerId: 'w', handlers })).toMatchObject({
      id: bad.id,
      status: 'failed',
      error: { code: 'WFM_ERR_INPUT_INVALID', message: 'n must be >= 0' },
    });
    expect(await runOneJob(store, { workerId: 'w', handlers })).toBeNull();

    const slow = await enqueueJob(store, { kind: 'simulation', payload: {} }, by);
    let sawAbort = false;
    const running = runOneJob(store, {
      workerId: 'w',
      heartbeatMs: 20,
      handlers: {
        simulation: (_job, signal) =>
          new Promise((resolve) => {
            signal.addEventListener('abort', () => {
              sawAbort = true;
              resolve('stopped');
            });
          }),
      },
    });
    await new Promise((r) => setTimeout(r, 50));
    await cancelJob(store, slow.id, by);
    expect(await running).toMatchObject({ id: slow.id, status: 'cancelled', result: null });
    expect(sawAbort).toBe(true);
  });
});
