/**
 * `/healthz` latency while the pool is busy: the server (its own process) runs a long job (a
 * week's shift plan on HiGHS, which holds a pool thread for its whole time limit) and, at the
 * same time, what-if sweeps on the pool, while autocannon measures `/healthz` from this process
 * on 127.0.0.1. Target (issue 6): p99 within 20 ms.
 */
import autocannon from 'autocannon';
import { startServerProcess, stopServerProcess, weekBody } from './api-helpers.js';
import { writeResult } from './lib/report.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

async function json(url: string, method: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const JOBS = 40;
const { url, child } = await startServerProcess({ WFM_MAX_QUEUED_JOBS: String(JOBS) });
try {
  const requirement = (await json(`${url}/v1/staffing`, 'POST', weekBody())).body;
  const rules = {
    templates: [
      { name: 'ft8', paidMinutes: 480, starts: [{ from: '06:00', to: '14:00', stepMinutes: 15 }] },
      { name: 'pt4', paidMinutes: 240, starts: [{ from: '07:00', to: '19:00', stepMinutes: 15 }] },
    ],
    breakRules: [{ template: 'ft8', breaks: [{ name: 'lunch', minutes: 30, paid: false, earliestStartMinutes: 180, latestStartMinutes: 300 }] }],
    solver: { timeLimitSeconds: DURATION_S + 20, relativeGap: 0 },
  };
  // Several jobs back to back, so that one is running for the whole measurement.
  const jobIds: string[] = [];
  for (let k = 0; k < JOBS; k++) {
    const job = await json(`${url}/v1/shift-plans`, 'POST', { requirement, rules: { ...rules, solver: { ...rules.solver, seed: k + 1 } } });
    if (job.status !== 202) throw new Error(`shift-plan job refused: ${JSON.stringify(job.body).slice(0, 300)}`);
    jobIds.push(String(job.body.id));
  }
  const running = async (): Promise<number> => {
    const health = (await json(`${url}/healthz`, 'GET')).body as { jobs: { running: number } };
    return health.jobs.running;
  };

  // Keep the other pool thread busy too: what-if sweeps back to back.
  let sweeping = true;
  let sweeps = 0;
  // Large sweeps: mostly pool work, little event-loop work per request.
  const factors = Array.from({ length: 50 }, (_, i) => 0.8 + i / 100);
  const whatIf = { queues: [{ request: weekBody() }], sweep: { volumeFactor: factors, serviceLevel: [0.8, 0.85, 0.9, 0.95] }, detail: 'summary' };
  const sweeper = (async () => {
    while (sweeping) {
      await json(`${url}/v1/what-if`, 'POST', whatIf);
      sweeps++;
    }
  })();

  await new Promise((r) => setTimeout(r, 500));
  const before = await running();
  const r = await autocannon({ url: `${url}/healthz`, connections: 4, duration: DURATION_S });
  const after = await running();
  sweeping = false;
  await sweeper;
  let finished = 0;
  for (const id of jobIds) {
    const view = (await json(`${url}/v1/jobs/${id}`, 'DELETE')).body as { status: string };
    if (view.status === 'succeeded') finished++;
  }

  writeResult({
    name: 'api-healthz-busy-pool',
    description: `GET /healthz latency while week shift-plan jobs (HiGHS, queued back to back) and 200-scenario what-if sweeps hold both pool threads; autocannon, 4 connections, ${DURATION_S} s on 127.0.0.1 (shared 2-core machine)`,
    size: { durationSeconds: DURATION_S, connections: 4 },
    metrics: {
      healthzP50Ms: r.latency.p50,
      healthzP99Ms: r.latency.p99,
      healthzMaxMs: r.latency.max,
      requestsPerSecond: r.requests.average,
      jobsRunningAtStart: before,
      jobsRunningAtEnd: after,
      whatIfSweepsDuring: sweeps,
      shiftPlanJobsFinished: finished,
      errors: r.errors,
    },
    targets: { healthzP99: { target: '/healthz p99 <= 20 ms while the pool is busy', met: r.latency.p99 <= 20 && before > 0 && after > 0 } },
  });
} finally {
  await stopServerProcess(child);
}
