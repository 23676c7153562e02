/**
 * A simulation in the store's job table: queued through `POST /v1/centres/:centre/jobs` (kind
 * `simulation`, the body of `POST /v1/simulations`, checked before it is queued), run by the job
 * worker's default handler with the real simulation task inline, its result written once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner, type TaskHandler } from '../../src/app/parallel/runner.js';
import { handlers } from '../../src/app/parallel/tasks.js';
import type { SimulationResult } from '../../src/app/simulation.js';
import { createCentre, getJob, type Store } from '../../src/store/index.js';
import { startJobWorker } from '../../src/workers/job-worker.js';
import { twoQueueStaffing } from '../simulation/request-fixtures.js';
import { engines, testClock, type TestStore } from './engines.js';
import { apiRunner, uniqueCode } from './fixtures.js';

describe.each(engines)('simulation jobs in the store on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  let app: ZodApp;
  const key = 'legacy-key-sim';
  const headers = { authorization: `Bearer ${key}` };
  let code = '';
  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
    app = await buildApp({ store, apiKey: key, runner: apiRunner() });
    code = uniqueCode('sim');
    await createCentre(store, { code, name: 'Sim', timeZone: 'Europe/Paris' }, { actor: 't' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  it('queues a simulation job, refuses a bad one at once, and a worker writes the per-queue result', async () => {
    const url = `/v1/centres/${code}/jobs`;
    const queued = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: { kind: 'simulation', request: twoQueueStaffing() },
    });
    expect(queued.statusCode).toBe(202);
    const id = (queued.json() as { id: string }).id;
    const bad = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: { kind: 'simulation', request: { ...twoQueueStaffing(), replications: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    const worker = startJobWorker({
      store,
      runner: inlineRunner(handlers as unknown as Record<string, TaskHandler>),
      pollMs: 10,
    });
    for (let k = 0; k < 300 && (await getJob(store, id)).status !== 'done'; k++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await worker.stop();
    const job = await getJob(store, id);
    expect(job).toMatchObject({ kind: 'simulation', status: 'done', attempts: 1 });
    const result = job.result as SimulationResult;
    expect(result.queues.map((q) => q.name)).toEqual(['sales', 'service']);
    expect(result.queues[1]?.intervals[3]?.start).toBe('2026-03-02T09:30:00+01:00');
  });
});
