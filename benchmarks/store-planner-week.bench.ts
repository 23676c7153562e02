/**
 * A planner's week through the store, on PGlite (a new data folder) and on the PostgreSQL server
 * when WFM_TEST_DATABASE_URL (or DATABASE_URL) is set: import 10 weeks of history and the agents,
 * forecast, plan and roster (the built-in demo centre, 150 agents), save the roster as a draft,
 * 20 hand edits (latency of each, including the independent re-check and coverage/SL), publish.
 * Then, on the server only, 20 queued roster jobs run by 1 worker loop and by 2 (each on its own
 * one-thread piscina pool): the speed-up.
 *
 *   npx tsx benchmarks/store-planner-week.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPoolRunner } from '../src/app/parallel/pool-runner.js';
import { draftInputOfPlan } from '../src/app/roster-drafts/from-plan.js';
import { editRosterDraft, loadDraft, publishRoster, saveRosterDraft } from '../src/app/roster-drafts/store-drafts.js';
import { buildDemoCentre } from '../src/app/samples/demo-centre.js';
import { runPlan, type PlanArtifacts, type PlanInput } from '../src/app/whole-plan.js';
import { parsePlanConfig } from '../src/contracts/plan-config.js';
import { parseRosterEditRequest, type RosterEditRequestInput } from '../src/contracts/roster-edits.js';
import { planInputFromConfig } from '../src/io/plan-config.js';
import { loadSolver } from '../src/scheduler/mip/highs.js';
import {
  appendHistory,
  createCentre,
  enqueueJob,
  getJob,
  importAgents,
  openStore,
  upsertQueue,
  type StoreTarget,
} from '../src/store/index.js';
import { startJobWorker } from '../src/workers/job-worker.js';
import { writeResult } from './lib/report.js';

const AGENTS = 150;
const EDITS = 20;
const JOBS = 20;
const SERVER = process.env.WFM_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const by = { actor: 'bench' };

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function planOnce(): Promise<{ input: PlanInput; artifacts: PlanArtifacts; planMs: number }> {
  const demo = buildDemoCentre({ agents: AGENTS });
  const input = planInputFromConfig(parsePlanConfig(demo), process.cwd());
  const t0 = performance.now();
  const artifacts = runPlan(input, { highs: await loadSolver(), now: () => performance.now() });
  return { input, artifacts, planMs: ms(t0) };
}

function editsFor(doc: Awaited<ReturnType<typeof loadDraft>>['document']): RosterEditRequestInput[] {
  const withShifts = doc.agents.filter((a) => a.shifts.length >= 2);
  const out: RosterEditRequestInput[] = [];
  for (let i = 0; out.length < EDITS; i++) {
    const a = withShifts[i % withShifts.length]!;
    const b = withShifts[(i + 7) % withShifts.length]!;
    const s = a.shifts[i % a.shifts.length]!;
    const force = { force: true, reason: 'benchmark' };
    const kind = i % 4;
    if (kind === 0) {
      const start = new Date(Date.parse(s.start) + 30 * 60_000).toISOString();
      out.push({ edits: [{ op: 'move-shift', agent: a.id, date: s.date, start }], ...force });
    } else if (kind === 1 && s.breaks.length > 0) {
      const start = new Date(Date.parse(s.breaks[0]!.start) + 15 * 60_000).toISOString();
      out.push({ edits: [{ op: 'move-break', agent: a.id, date: s.date, index: 0, start }], ...force });
    } else if (kind === 2 && b.shifts.some((x) => x.date === s.date)) {
      out.push({ edits: [{ op: 'swap-shifts', agents: [a.id, b.id], date: s.date }], ...force });
    } else {
      out.push({ edits: [{ op: 'remove-shift', agent: a.id, date: s.date }], ...force });
      if (out.length < EDITS) {
        const breaks = s.breaks.map(({ name, paid, start, end }) => ({ name, paid, start, end }));
        out.push({
          edits: [{ op: 'add-shift', agent: a.id, start: s.start, end: s.end, template: s.template, breaks }],
          ...force,
        });
      }
    }
  }
  return out;
}

async function planner(
  engine: string,
  target: StoreTarget,
  run: { input: PlanInput; artifacts: PlanArtifacts },
): Promise<Record<string, number | string | null>> {
  let t0 = performance.now();
  const store = await openStore(target);
  const openMs = ms(t0);
  try {
    const demo = buildDemoCentre({ agents: AGENTS });
    const centre = await createCentre(
      store,
      { code: `bench-${randomBytes(3).toString('hex')}`, name: 'Bench', timeZone: demo.forecast.timeZone },
      by,
    );
    const queue = await upsertQueue(
      store,
      centre.id,
      { name: 'voice', channel: 'voice', model: 'erlang-c', target: { serviceLevel: 0.8, answerSeconds: 20 } },
      by,
    );
    t0 = performance.now();
    const history = await appendHistory(store, queue.id, demo.history, { ...by, intervalMinutes: 15 });
    const historyMs = ms(t0);
    t0 = performance.now();
    // The store keeps agents' contract, availability and time off as given (one object each here).
    const agents = demo.agents.map((a) => ({
      id: String(a.id),
      name: String(a.name ?? a.id),
      contract: (a.contract ?? {}) as Record<string, unknown>,
      availability: a.availability ? [a.availability] : [],
    }));
    const imported = await importAgents(store, centre.id, agents, by);
    const agentsMs = ms(t0);
    t0 = performance.now();
    const saved = await saveRosterDraft(store, centre.id, draftInputOfPlan(run.input, run.artifacts), by);
    const draftMs = ms(t0);
    const { document } = await loadDraft(store, saved.version.id);
    const latencies: number[] = [];
    for (const request of editsFor(document)) {
      t0 = performance.now();
      await editRosterDraft(store, saved.version.id, parseRosterEditRequest(request), by);
      latencies.push(ms(t0));
    }
    t0 = performance.now();
    const published = await publishRoster(store, saved.version.id, by);
    const publishMs = ms(t0);
    return {
      engine,
      openMs,
      historyRows: history.inserted + history.replaced,
      historyMs,
      agents: imported.added.length,
      agentsMs,
      saveDraftMs: draftMs,
      editMedianMs: quantile(latencies, 0.5),
      editP95Ms: quantile(latencies, 0.95),
      editMaxMs: Math.max(...latencies),
      edits: latencies.join(' '),
      publishMs,
      calendarEvents: published.calendar.created,
    };
  } finally {
    await store.close();
  }
}

async function jobsSpeedup(url: string, run: { input: PlanInput; artifacts: PlanArtifacts }) {
  const request = {
    plan: run.artifacts.shiftPlan,
    agents: run.input.agents.json,
    rules: run.input.rosterRules ?? {},
    options: { seed: 1, timeLimitSeconds: 1, maxIterations: 1e9, answerSeconds: 20 },
  };
  const timed = async (workers: number) => {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    await admin(url, `create schema ${schema}`);
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    const stores = [await openStore({ databaseUrl: u.toString() })];
    try {
      const ids: string[] = [];
      for (let i = 0; i < JOBS; i++)
        ids.push((await enqueueJob(stores[0]!, { kind: 'roster', payload: request }, by)).id);
      const runners = Array.from({ length: workers }, () => createPoolRunner({ maxThreads: 1 }));
      for (let w = 1; w < workers; w++) stores.push(await openStore({ databaseUrl: u.toString() }));
      const t0 = performance.now();
      const loops = runners.map((runner, w) => startJobWorker({ store: stores[w]!, runner, pollMs: 50 }));
      for (;;) {
        const jobs = await Promise.all(ids.map((id) => getJob(stores[0]!, id)));
        if (jobs.every((j) => j.status === 'done' || j.status === 'failed')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const wall = ms(t0);
      await Promise.all(loops.map((l) => l.stop()));
      await Promise.all(runners.map((r) => r.close()));
      return wall;
    } finally {
      for (const s of stores) await s.close();
      await admin(url, `drop schema ${schema} cascade`);
    }
  };
  const one = await timed(1);
  const two = await timed(2);
  return { jobs: JOBS, oneWorkerMs: one, twoWorkersMs: two, speedup: Math.round((one / two) * 100) / 100 };
}

async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const run = await planOnce();
const dir = mkdtempSync(join(tmpdir(), 'wfm-bench-store-'));
const rows = [await planner('pglite', { dataDir: join(dir, 'data') }, run)];
if (SERVER) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await admin(SERVER, `create schema ${schema}`);
  const u = new URL(SERVER);
  u.searchParams.set('options', `-c search_path=${schema}`);
  try {
    rows.push(await planner('postgres', { databaseUrl: u.toString() }, run));
  } finally {
    await admin(SERVER, `drop schema ${schema} cascade`);
  }
}
rmSync(dir, { recursive: true, force: true });
// BENCH_STORE_JOBS=0 skips the job part (about a minute).
const jobs = SERVER && process.env.BENCH_STORE_JOBS !== '0' ? await jobsSpeedup(SERVER, run) : null;
const worstEdit = Math.max(...rows.map((r) => Number(r.editP95Ms)));
writeResult({
  name: 'store-planner-week',
  description:
    'Planner week through the store: history + agents import, forecast/plan/roster (demo centre), draft, ' +
    `${EDITS} hand edits with re-check, publish; ${JOBS} roster jobs with 1 vs 2 workers on the server.`,
  size: { agents: AGENTS, edits: EDITS, jobs: SERVER ? JOBS : 0, slots: run.artifacts.roster.grid.slotCount },
  metrics: {
    planMs: run.planMs,
    forecastMs: Math.round(run.artifacts.stepMs.forecast),
    shiftPlanMs: Math.round(run.artifacts.stepMs['shift-plan']),
    rosterMs: Math.round(run.artifacts.stepMs.roster),
    ...Object.fromEntries(rows.flatMap((r) => Object.entries(r).map(([k, v]) => [`${r.engine}.${k}`, v]))),
    ...(jobs
      ? { jobsOneWorkerMs: jobs.oneWorkerMs, jobsTwoWorkersMs: jobs.twoWorkersMs, jobsSpeedup: jobs.speedup }
      : {}),
    serverMeasured: Boolean(SERVER),
  },
  targets: { editP95: { target: `< 100 ms per edit incl. re-check, ${AGENTS} agents (p95)`, met: worstEdit < 100 } },
});
process.exit(0);
