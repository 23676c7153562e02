/**
 * `/healthz` latency while the pool is busy: the server (its own process) runs a long job (a
 * week's roster, whose search holds a pool thread for its whole time limit) and, at the same
 * time, what-if sweeps on the other thread, while autocannon measures `/healthz` from this process
 * on 127.0.0.1. Target (issue 6): p99 within 20 ms.
 */
import autocannon from 'autocannon';
import { startServerProcess, stopServerProcess, weekBody } from './api-helpers.js';
import { writeResult } from './lib/report.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

async function json(
  url: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const { url, child } = await startServerProcess();
try {
  const requirement = (await json(`${url}/v1/staffing`, 'POST', weekBody())).body;
  const rules = {
    templates: [
      { name: 'ft8', paidMinutes: 480, starts: [{ from: '06:00', to: '14:00', stepMinutes: 30 }] },
      { name: 'pt4', paidMinutes: 240, starts: [{ from: '07:00', to: '19:00', stepMinutes: 30 }] },
    ],
    solver: { timeLimitSeconds: 20, relativeGap: 0.01 },
  };
  const planJob = await json(`${url}/v1/shift-plans`, 'POST', { requirement, rules });
  if (planJob.status !== 202) throw new Error(`shift-plan job refused: ${JSON.stringify(planJob.body).slice(0, 300)}`);
  let plan: { status: string; result?: { shifts: { count: number }[] } } = { status: 'queued' };
  while (plan.status === 'queued' || plan.status === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    plan = (await json(`${url}/v1/jobs/${String(planJob.body.id)}`, 'GET')).body as typeof plan;
  }
  if (plan.status !== 'succeeded' || !plan.result) throw new Error(`shift plan ${plan.status}`);
  const shifts = plan.result.shifts.reduce((sum, x) => sum + x.count, 0);
  // Enough full-time agents for every shift; the roster search runs for its whole time limit.
  const agents = Array.from({ length: Math.ceil(shifts / 5) + 10 }, (_, i) => ({
    id: `agent-${i}`,
    contract: { maxHoursPerWeek: 40, maxDaysPerWeek: 5 },
  }));
  const job = await json(`${url}/v1/rosters`, 'POST', {
    plan: plan.result,
    agents,
    options: { timeLimitSeconds: 2 * DURATION_S + 15, maxIterations: 1e10 },
  });
  if (job.status !== 202) throw new Error(`roster job refused: ${JSON.stringify(job.body).slice(0, 300)}`);
  const jobIds = [String(job.body.id)];
  const running = async (): Promise<number> => {
    const health = (await json(`${url}/healthz`, 'GET')).body as { jobs: { running: number } };
    return health.jobs.running;
  };

  const healthz = () => autocannon({ url: `${url}/healthz`, connections: 4, duration: DURATION_S });
  await new Promise((r) => setTimeout(r, 500));

  // (a) The case: a roster job runs on the pool.
  const before = await running();
  const rosterOnly = await healthz();

  // (b) And the other pool thread busy too: large what-if sweeps back to back (mostly pool work,
  // but each request's parsing and validation runs on the event loop).
  let sweeping = true;
  let sweeps = 0;
  const factors = Array.from({ length: 50 }, (_, i) => 0.8 + i / 100);
  const whatIf = {
    queues: [{ request: weekBody() }],
    sweep: { volumeFactor: factors, serviceLevel: [0.8, 0.85, 0.9, 0.95] },
    detail: 'summary',
  };
  const sweeper = (async () => {
    while (sweeping) {
      await json(`${url}/v1/what-if`, 'POST', whatIf);
      sweeps++;
    }
  })();
  const r = await healthz();
  const after = await running();
  sweeping = false;
  await sweeper;
  for (const id of jobIds) await json(`${url}/v1/jobs/${id}`, 'DELETE');

  writeResult({
    name: 'api-healthz-busy-pool',
    description: `GET /healthz latency (a) while a roster job (a week, searching for its whole time limit) runs on the pool, (b) while 200-scenario what-if sweeps also hold the other thread; autocannon, 4 connections, ${DURATION_S} s each on 127.0.0.1 (shared 2-core machine)`,
    size: { durationSeconds: DURATION_S, connections: 4 },
    metrics: {
      rosterJobP99Ms: rosterOnly.latency.p99,
      rosterJobP50Ms: rosterOnly.latency.p50,
      rosterAndSweepsP99Ms: r.latency.p99,
      rosterAndSweepsMaxMs: r.latency.max,
      requestsPerSecond: rosterOnly.requests.average,
      jobsRunningAtStart: before,
      jobsRunningAtEnd: after,
      whatIfSweepsDuring: sweeps,
      rosterAgents: agents.length,
      rosterShifts: shifts,
      errors: r.errors + rosterOnly.errors,
    },
    targets: {
      healthzP99: {
        target: '/healthz p99 <= 20 ms while a roster job runs',
        met: rosterOnly.latency.p99 <= 20 && before > 0 && after > 0,
      },
    },
    details: { rosterOnly, rosterAndSweeps: r },
  });
} finally {
  await stopServerProcess(child);
}
