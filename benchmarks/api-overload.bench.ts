/**
 * `/healthz` under overload (issue 17): the service in its own process (default limits) on
 * 127.0.0.1, and `/healthz` probed back to back on one keep-alive connection from this process
 * while (a) one, then 12 concurrent what-ifs at the limits run (the old documented limit, 5,000
 * scenarios x 4,000 intervals, is refused at once; the new one, 500 x 4,000 = 2 million
 * scenario-intervals and a ~17 MB answer, is computed), (b) 40 shift-plan jobs are submitted at
 * once (a week's requirement each, ~300 kB), (c) a flood of refused 2 MB roster bodies arrives while
 * the job queue is full (of roster jobs that search for their whole time limit). Targets: p99 <= 20 ms and max <= 100 ms in each phase. Also: the server's
 * peak resident memory (VmHWM) and the load average (the machine is shared).
 */
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { gcSummary, startServerProcess, stopServerProcess, weekBody } from './api-helpers.js';
import { writeResult } from './lib/report.js';

interface Answer {
  status: number;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function call(url: string, method: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, agent, headers: body === undefined ? {} : { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Probes `/healthz` back to back on its own keep-alive connection, from a worker thread (its own
 * event loop, so the load this process generates does not delay the probe), until `done` settles.
 */
async function probe(url: string, done: Promise<unknown>): Promise<number[]> {
  const worker = new Worker(PROBE_CODE, { eval: true, workerData: { url } });
  await done;
  worker.postMessage('stop');
  const [times] = (await once(worker, 'message')) as [number[]];
  await worker.terminate();
  return times;
}

const PROBE_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const times = [];
let stop = false;
parentPort.on('message', () => (stop = true));
(async () => {
  while (!stop) {
    const t0 = performance.now();
    await new Promise((resolve, reject) => {
      request(workerData.url + '/healthz', { agent }, (res) => { res.resume(); res.on('end', resolve); })
        .on('error', reject).end();
    });
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 2));
  }
  agent.destroy();
  parentPort.postMessage(times);
})();
`;

function stats(times: number[]): { samples: number; p50Ms: number; p99Ms: number; maxMs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { samples: sorted.length, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted.at(-1) ?? NaN) };
}

function count(statuses: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

/** A queue of `n` 15-minute intervals. */
function whatIfBody(intervals: number, volumeFactors: number, ahtFactors: number): string {
  const start = Date.UTC(2026, 0, 1);
  const factors = (k: number) => Array.from({ length: k }, (_, i) => 0.5 + i / 100);
  return JSON.stringify({
    queues: [
      {
        request: {
          intervalMinutes: 15,
          target: { serviceLevel: 0.8, answerSeconds: 20 },
          shrinkage: 0.3,
          intervals: Array.from({ length: intervals }, (_, i) => ({
            start: new Date(start + i * 900_000).toISOString(),
            volume: 20 + (i % 60),
            ahtSeconds: 240,
          })),
        },
      },
    ],
    sweep: { volumeFactor: factors(volumeFactors), ahtFactor: factors(ahtFactors) },
  });
}

async function phase(url: string, work: () => Promise<number[]>) {
  const load = loadavg()[0] ?? 0;
  const fromMs = Date.now();
  const done = work();
  const [times, statuses] = await Promise.all([probe(url, done), done]);
  // The service reports its GCs on stdout as they end: give the last one time to arrive.
  const toMs = Date.now();
  windows.push({ fromMs, toMs });
  await new Promise((r) => setTimeout(r, 100));
  return {
    healthz: stats(times),
    statuses: count(statuses),
    gc: gcSummary(gc, fromMs, toMs),
    loadAverageAtStart: Math.round(load * 100) / 100,
  };
}

const loadBefore = loadavg();
// E.g. WFM_BENCH_SERVER_FLAGS=--trace-gc: the service's own output during each phase is printed at the end.
const serverFlags = (process.env.WFM_BENCH_SERVER_FLAGS ?? '').split(' ').filter((f) => f !== '');
const windows: { fromMs: number; toMs: number }[] = [];
const { url, child, gc, output } = await startServerProcess({}, { observeGc: true, nodeFlags: serverFlags });
try {
  const requirement = (await call(`${url}/v1/staffing`, 'POST', JSON.stringify(weekBody()))).body;
  const rules = {
    templates: [
      { name: 'ft8', paidMinutes: 480, starts: [{ from: '06:00', to: '14:00', stepMinutes: 30 }] },
      { name: 'pt4', paidMinutes: 240, starts: [{ from: '07:00', to: '19:00', stepMinutes: 30 }] },
    ],
    solver: { timeLimitSeconds: 20, relativeGap: 0.01 },
  };
  const planBody = `{"requirement":${requirement},"rules":${JSON.stringify(rules)}}`;
  const oldLimit = whatIfBody(4000, 50, 100);
  const newLimit = whatIfBody(4000, 25, 20);
  await new Promise((r) => setTimeout(r, 500));

  const whatIfs = (body: string, n: number) => async () =>
    (await Promise.all(Array.from({ length: n }, () => call(`${url}/v1/what-if`, 'POST', body)))).map((a) => a.status);
  const refusedOldLimit = await phase(url, whatIfs(oldLimit, 1));
  const oneAtLimit = await phase(url, whatIfs(newLimit, 1));
  const twelveAtLimit = await phase(url, whatIfs(newLimit, 12));

  const jobIds: string[] = [];
  const submissions = await phase(url, async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => call(`${url}/v1/shift-plans`, 'POST', planBody)),
    );
    for (const a of answers) if (a.status === 202) jobIds.push((JSON.parse(a.body) as { id: string }).id);
    return answers.map((a) => a.status);
  });

  // Fill the queue with roster jobs that search for their whole time limit (a plan from above),
  // so that every body below is refused.
  let plan: { status: string; result?: { shifts: { count: number }[] } } = { status: 'queued' };
  while (plan.status === 'queued' || plan.status === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    plan = JSON.parse((await call(`${url}/v1/jobs/${jobIds[0]}`, 'GET')).body) as typeof plan;
  }
  for (const id of jobIds) await call(`${url}/v1/jobs/${id}`, 'DELETE');
  jobIds.length = 0;
  const shifts = plan.result?.shifts.reduce((sum, x) => sum + x.count, 0) ?? 0;
  const rosterBody = JSON.stringify({
    plan: plan.result,
    agents: Array.from({ length: Math.ceil(shifts / 5) + 10 }, (_, i) => ({
      id: `agent-${i}`,
      contract: { maxHoursPerWeek: 40, maxDaysPerWeek: 5 },
    })),
    options: { timeLimitSeconds: 300, maxIterations: 1e10 },
  });
  for (let i = 0; i < 40; i++) {
    const a = await call(`${url}/v1/rosters`, 'POST', rosterBody);
    if (a.status !== 202) break;
    jobIds.push((JSON.parse(a.body) as { id: string }).id);
  }
  const big = `${rosterBody.slice(0, -1)},"pad":"${'x'.repeat(2_000_000)}"}`;
  const flood = await phase(url, async () => {
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 25; i++) statuses.push((await call(`${url}/v1/rosters`, 'POST', big)).status);
      }),
    );
    return statuses;
  });
  for (const id of jobIds) await call(`${url}/v1/jobs/${id}`, 'DELETE');

  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const peakRssMb = Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024);
  const phases = { refusedOldLimit, oneAtLimit, twelveAtLimit, submissions, flood };
  const met = (p: { healthz: { p99Ms: number; maxMs: number } }) => p.healthz.p99Ms <= 20 && p.healthz.maxMs <= 100;
  const metrics: Record<string, number> = { peakRssMb };
  for (const [name, p] of Object.entries(phases)) {
    metrics[`${name}P50Ms`] = p.healthz.p50Ms;
    metrics[`${name}P99Ms`] = p.healthz.p99Ms;
    metrics[`${name}MaxMs`] = p.healthz.maxMs;
    metrics[`${name}MarkCompacts`] = p.gc.major?.count ?? 0;
    metrics[`${name}MarkCompactMaxMs`] = p.gc.major?.maxMs ?? 0;
    metrics[`${name}ScavengeMaxMs`] = p.gc.minor?.maxMs ?? 0;
  }
  writeResult({
    name: 'api-overload',
    description:
      'GET /healthz latency (one keep-alive connection, back to back) while the service (own process, default limits, ' +
      '127.0.0.1) takes: the old-limit what-if (5,000 x 4,000, refused), one and 12 what-ifs at the new limit ' +
      '(500 x 4,000), 40 shift-plan submissions at once, 200 refused 2 MB roster bodies (8 at a time) while the queue is full of roster jobs',
    size: {
      whatIfIntervals: 4000,
      whatIfScenarios: 500,
      submissions: 40,
      floodBodies: 200,
      floodBodyBytes: big.length,
    },
    metrics: {
      ...metrics,
      loadAverageBefore1m: Math.round((loadBefore[0] ?? 0) * 100) / 100,
      loadAverageAfter1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    },
    targets: Object.fromEntries(
      Object.entries(phases).map(([name, p]) => [
        name,
        { target: `/healthz p99 <= 20 ms and max <= 100 ms (${name})`, met: met(p) },
      ]),
    ),
    details: phases,
  });
  console.log(JSON.stringify({ metrics, phases }, null, 1));
  Object.keys(phases).forEach((name, i) => {
    const w = windows[i] as { fromMs: number; toMs: number };
    for (const o of output) if (o.atMs >= w.fromMs && o.atMs < w.toMs + 100) console.error(`${name}: ${o.line}`);
  });
} finally {
  agent.destroy();
  await stopServerProcess(child);
}
