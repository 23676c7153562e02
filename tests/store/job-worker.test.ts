import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineRunner } from '../../src/app/parallel/runner.js';
import {
  claimJob,
  completeJob,
  enqueueJob,
  getJob,
  listJobs,
  openStore,
  type Job,
  type Store,
} from '../../src/store/index.js';
import { startJobWorker } from '../../src/workers/job-worker.js';
import { SERVER_URL, dropSchema, engines, testClock, whileNoSchemaDrops, type TestStore } from './engines.js';
import { demoDraftInput, type DemoDraft } from './roster-fixture.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(engines)('the job worker loop on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
  });
  afterAll(async () => t?.dispose());

  it('two workers share the queue; every job runs once and its result is written once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push((await enqueueJob(store, { kind: 'roster', payload: { i } }, { actor: 't' })).id);
    const ran: string[] = [];
    const handlers = {
      roster: async (job: Job) => {
        ran.push(job.id);
        await sleep(30);
        return { square: (job.payload as { i: number }).i ** 2 };
      },
    };
    const runner = inlineRunner({});
    const other = await t.openSibling({ now: clock.now });
    const a = startJobWorker({ store, runner, workerId: 'a', handlers, pollMs: 10 });
    const b = startJobWorker({ store: other, runner, workerId: 'b', handlers, pollMs: 10 });
    for (let k = 0; k < 200; k++) {
      const jobs = await Promise.all(ids.map((id) => getJob(store, id)));
      if (jobs.every((j) => j.status === 'done')) break;
      await sleep(25);
    }
    await Promise.all([a.stop(), b.stop()]);
    const jobs = await Promise.all(ids.map((id) => getJob(store, id)));
    expect(jobs.map((j) => j.status)).toEqual(ids.map(() => 'done'));
    expect(new Set(ran).size).toBe(10);
    expect(ran.length).toBe(10);
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    expect(new Set(jobs.map((j) => j.workerId))).toEqual(new Set(['a', 'b']));
    expect(jobs.map((j) => (j.result as { square: number }).square)).toEqual(ids.map((_, i) => i * i));
  });

  it("retries a dead worker's job once after its lease; the dead worker's late result is refused", async () => {
    const { id } = await enqueueJob(store, { kind: 'roster', payload: { n: 7 } }, { actor: 't' });
    const claimed = await claimJob(store, { workerId: 'dead', leaseSeconds: 5 });
    expect(claimed?.id).toBe(id);
    clock.advance(6); // the dead worker never heartbeats: its lease runs out
    const worker = startJobWorker({
      store,
      runner: inlineRunner({}),
      workerId: 'alive',
      pollMs: 10,
      handlers: { roster: async () => ({ by: 'alive' }) },
    });
    for (let k = 0; k < 200 && (await getJob(store, id)).status !== 'done'; k++) await sleep(20);
    await worker.stop();
    const job = await getJob(store, id);
    expect(job).toMatchObject({ status: 'done', attempts: 2, workerId: 'alive', result: { by: 'alive' } });
    await expect(completeJob(store, id, 'dead', { by: 'dead' })).rejects.toMatchObject({
      code: 'WFM_ERR_STORE_JOB_STATE',
    });
    expect((await getJob(store, id)).result).toEqual({ by: 'alive' });
  });

  it('stop() waits for the job in hand and claims nothing more', async () => {
    const first = await enqueueJob(store, { kind: 'roster', payload: {} }, { actor: 't' });
    let started = false;
    const worker = startJobWorker({
      store,
      runner: inlineRunner({}),
      workerId: 'graceful',
      pollMs: 10,
      handlers: {
        roster: async () => {
          started = true;
          await sleep(150);
          return { ok: true };
        },
      },
    });
    while (!started) await sleep(5);
    const second = await enqueueJob(store, { kind: 'roster', payload: {} }, { actor: 't' });
    await worker.stop();
    expect((await getJob(store, first.id)).status).toBe('done');
    expect((await getJob(store, second.id)).status).toBe('queued');
  });
});

/**
 * `wfm worker` processes against the server: PGlite serves one process (its folder lock refuses a
 * second opener), so two worker processes need PostgreSQL (WFM_TEST_DATABASE_URL, set by
 * .ci/postgres.sh). Without it this block is skipped, saying so.
 */
describe.skipIf(!SERVER_URL)('wfm worker processes on the server (kill -9 mid-solve)', () => {
  let url = '';
  let schema = '';
  let store: Store;
  let draft: DemoDraft;
  const children: ChildProcess[] = [];
  const startWorker = (): ChildProcess => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/store/worker-main.ts',
        'worker',
        '--threads',
        '1',
        '--lease-seconds',
        '3',
        '--poll-ms',
        '100',
      ],
      { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    return child;
  };
  beforeAll(async () => {
    draft = await demoDraftInput(20);
    schema = `w_${randomBytes(6).toString('hex')}`;
    await admin(`create schema ${schema}`);
    const u = new URL(SERVER_URL as string);
    u.searchParams.set('options', `-c search_path=${schema}`);
    url = u.toString();
    store = await whileNoSchemaDrops(url, () => openStore({ databaseUrl: url }));
  }, 120_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await store?.close();
    await dropSchema(SERVER_URL as string, schema);
  });

  it('a worker killed mid-solve loses nothing: the job is retried once by another and written once', async () => {
    const request = {
      ...draft.request,
      options: { seed: 1, timeLimitSeconds: 6, maxIterations: 1e9, answerSeconds: 20 },
    };
    const { id } = await enqueueJob(store, { kind: 'roster', payload: request }, { actor: 't' });
    const a = startWorker();
    let running: Job | undefined;
    for (let k = 0; k < 300 && !running; k++) {
      const job = await getJob(store, id);
      if (job.status === 'running') running = job;
      else await sleep(100);
    }
    expect(running?.attempts).toBe(1);
    await sleep(1000); // mid-solve
    a.kill('SIGKILL');
    const b = startWorker();
    let done: Job | undefined;
    for (let k = 0; k < 400 && !done; k++) {
      const job = await getJob(store, id);
      if (job.status === 'done' || job.status === 'failed') done = job;
      else await sleep(100);
    }
    expect(done).toMatchObject({ status: 'done', attempts: 2 });
    expect(done?.workerId).not.toBe(running?.workerId);
    expect((done?.result as { agents: unknown[] }).agents.length).toBe(20);
    b.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => b.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect((await listJobs(store, {})).length).toBe(1);
  }, 120_000);

  it('two worker processes share 6 roster jobs', async () => {
    const request = {
      ...draft.request,
      options: { seed: 1, timeLimitSeconds: 1, maxIterations: 1e9, answerSeconds: 20 },
    };
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await enqueueJob(store, { kind: 'roster', payload: request }, { actor: 't' })).id);
    const ws = [startWorker(), startWorker()];
    let jobs: Job[] = [];
    for (let k = 0; k < 600; k++) {
      jobs = await Promise.all(ids.map((id) => getJob(store, id)));
      if (jobs.every((j) => j.status === 'done')) break;
      await sleep(100);
    }
    for (const w of ws) w.kill('SIGTERM');
    await Promise.all(ws.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    expect(new Set(jobs.map((j) => j.workerId)).size).toBe(2);
  }, 180_000);
});

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
