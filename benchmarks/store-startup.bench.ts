/**
 * The planning store's start-up costs (docs/store.md): PGlite's fresh initdb in a data folder, the
 * one-off template build (initdb + migrations + image), a new store copied from the template,
 * re-opening a data folder, the rejected alternative of loading a dumpDataDir image into a new
 * folder (gzip and plain tar), an in-memory store from the image, and a server (when
 * WFM_TEST_DATABASE_URL is set). Then the job table's claim + complete rate and a 10-week history
 * append (6,720 rows, then the same rows again: all replaced) on each engine.
 * Wall-clock medians; the machine is shared, so the load average is recorded beside them.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  appendHistory,
  claimJob,
  completeJob,
  createCentre,
  enqueueJob,
  openStore,
  templateImage,
  upsertQueue,
  type Store,
} from '../src/store/index.js';
import { writeResult } from './lib/report.js';

const root = mkdtempSync(join(tmpdir(), 'wfm-store-bench-'));
const cacheDir = join(root, 'cache');
let n = 0;
const fresh = () => join(root, `d${n++}`);

async function timed(runs: number, f: () => Promise<void>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(Math.round(performance.now() - t));
  }
  return ms;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const load = () => loadavg()[0]?.toFixed(1) ?? '?';

async function openClose(target: Parameters<typeof openStore>[0]): Promise<void> {
  const store = await openStore(target, { cacheDir });
  await store.db.selectFrom('centres').select('id').execute();
  await store.close();
}

async function jobRate(store: Store, jobs: number): Promise<number> {
  for (let i = 0; i < jobs; i++) await enqueueJob(store, { kind: 'plan', payload: { i } }, { actor: 'bench' });
  const t = performance.now();
  for (;;) {
    const job = await claimJob(store, { workerId: 'bench' });
    if (!job) break;
    await completeJob(store, job.id, 'bench', { ok: true });
  }
  return Math.round((jobs / (performance.now() - t)) * 1000);
}

/** Ten weeks of 15-minute history for one queue (6,720 rows) appended, then appended again (all replaced). */
async function historyAppend(store: Store): Promise<{ firstMs: number; againMs: number }> {
  const by = { actor: 'bench' };
  const centre = await createCentre(store, { code: `bench-${n++}`, name: 'Bench', timeZone: 'Europe/Lisbon' }, by);
  const queue = await upsertQueue(store, centre.id, { name: 'q', channel: 'voice', model: 'erlang-c', target: {} }, by);
  const start = Date.parse('2026-09-28T00:00:00Z');
  const rows = Array.from({ length: 6720 }, (_, i) => ({
    start: new Date(start + i * 900_000).toISOString(),
    volume: i % 37,
    ahtSeconds: 300,
  }));
  let t = performance.now();
  await appendHistory(store, queue.id, rows, { ...by, intervalMinutes: 15 });
  const firstMs = Math.round(performance.now() - t);
  t = performance.now();
  await appendHistory(store, queue.id, rows, { ...by, intervalMinutes: 15 });
  return { firstMs, againMs: Math.round(performance.now() - t) };
}

try {
  const loadBefore = load();
  const initdb = await timed(2, async () => {
    const dir = fresh();
    mkdirSync(dir);
    const db = await PGlite.create({ dataDir: dir });
    await db.query('select 1');
    await db.close();
  });
  let template!: Awaited<ReturnType<typeof templateImage>>;
  const build = await timed(1, async () => {
    template = await templateImage(cacheDir);
  });
  const fromTemplate = await timed(5, () => openClose({ dataDir: fresh() }));
  const reopenDir = fresh();
  await openClose({ dataDir: reopenDir });
  const reopen = await timed(5, () => openClose({ dataDir: reopenDir }));
  const memory = await timed(3, () => openClose({ dataDir: 'memory://' }));
  const gz = readFileSync(template.imagePath);
  const imageGzip = await timed(3, async () => {
    const dir = fresh();
    mkdirSync(dir);
    const db = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([gz]) });
    await db.close();
  });
  const plainDb = await PGlite.create({ loadDataDir: new Blob([gz]) });
  const plain = Buffer.from(await (await plainDb.dumpDataDir('none')).arrayBuffer());
  await plainDb.close();
  const imagePlain = await timed(3, async () => {
    const dir = fresh();
    mkdirSync(dir);
    const db = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([plain]) });
    await db.close();
  });
  const copyOnly = await timed(3, async () => {
    cpSync(template.folder, fresh(), { recursive: true });
  });

  const jobStore = await openStore({ dataDir: fresh() }, { cacheDir });
  const pgliteJobsPerSecond = await jobRate(jobStore, 200);
  const pgliteHistory = await historyAppend(jobStore);
  await jobStore.close();

  const url = process.env.WFM_TEST_DATABASE_URL;
  let server: number[] | null = null;
  let serverJobsPerSecond: number | null = null;
  let serverHistory: { firstMs: number; againMs: number } | null = null;
  if (url) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    server = await timed(3, async () => {
      await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
      await openClose({ databaseUrl: u.toString() });
    });
    const s = await openStore({ databaseUrl: u.toString() });
    serverJobsPerSecond = await jobRate(s, 200);
    serverHistory = await historyAppend(s);
    await s.close();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }

  writeResult({
    name: 'store-startup',
    description:
      'Planning store start-up (ms, medians) and job claim+complete rate (jobs/s, one worker); PGlite 0.5 on a shared 2-core machine',
    size: { templateImageBytes: gz.length, plainImageBytes: plain.length },
    metrics: {
      initdbFreshFolderMs: median(initdb),
      templateBuildOnceMs: median(build),
      newStoreFromTemplateMs: median(fromTemplate),
      reopenDataFolderMs: median(reopen),
      memoryStoreFromImageMs: median(memory),
      loadGzipImageIntoFolderMs: median(imageGzip),
      loadPlainImageIntoFolderMs: median(imagePlain),
      copyTemplateFolderMs: median(copyOnly),
      serverOpenAndMigrateMs: server ? median(server) : null,
      pgliteJobsPerSecond,
      serverJobsPerSecond,
      pgliteHistory6720RowsMs: pgliteHistory.firstMs,
      pgliteHistory6720RowsReplacedMs: pgliteHistory.againMs,
      serverHistory6720RowsMs: serverHistory?.firstMs ?? null,
      serverHistory6720RowsReplacedMs: serverHistory?.againMs ?? null,
      loadAverageBefore: loadBefore,
      loadAverageAfter: load(),
    },
    details: { initdb, build, fromTemplate, reopen, memory, imageGzip, imagePlain, copyOnly, server },
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
