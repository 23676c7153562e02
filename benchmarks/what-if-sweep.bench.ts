/**
 * The what-if target (issue 6): 1,000 scenarios over a 672-interval week in under 1 s. A sweep of
 * 10 volume factors x 5 AHT factors x 4 service-level targets x 5 shrinkages = 1,000 Erlang C
 * scenarios with per-interval headcount, timed on the worker pool (2 threads, warm) and on one
 * thread, plus the same request end to end through `POST /v1/what-if` (app.inject, no socket).
 */
import { availableParallelism } from 'node:os';
import { buildService as buildApp } from '../src/service.js';
import { createPoolRunner } from '../src/app/parallel/pool-runner.js';
import { parseWhatIfRequest } from '../src/contracts/what-if.js';
import { runWhatIfParallel } from '../src/app/what-if-parallel.js';
import { runWhatIf } from '../src/what-if/run.js';
import { weekBody } from './api-helpers.js';
import { nowMs, writeResult } from './lib/report.js';

const range = (from: number, step: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => +(from + i * step).toFixed(4));
const request = {
  queues: [{ name: 'main', request: weekBody(), rosterHeadcount: Array.from({ length: 672 }, () => 80) }],
  sweep: {
    volumeFactor: range(0.8, 0.05, 10),
    ahtFactor: range(0.9, 0.05, 5),
    serviceLevel: [0.7, 0.8, 0.85, 0.9],
    shrinkage: range(0.2, 0.05, 5),
  },
  detail: 'intervals' as const,
};

function best(times: number[]): number {
  return Math.min(...times);
}

const input = parseWhatIfRequest(request);
if (input.scenarios.length !== 1000) throw new Error(`expected 1,000 scenarios, got ${input.scenarios.length}`);

const threads = Math.min(2, availableParallelism());
const runner = createPoolRunner({ maxThreads: threads });
const poolTimes: number[] = [];
try {
  await runWhatIfParallel(runner, input); // warm the threads
  for (let k = 0; k < 5; k++) {
    const t0 = nowMs();
    await runWhatIfParallel(runner, input);
    poolTimes.push(nowMs() - t0);
  }
} finally {
  await runner.close();
}

const singleTimes: number[] = [];
for (let k = 0; k < 3; k++) {
  const t0 = nowMs();
  runWhatIf(input);
  singleTimes.push(nowMs() - t0);
}

const app = await buildApp({ limits: { maxScenarios: 1000 } });
const httpTimes: number[] = [];
let responseBytes = 0;
try {
  const payload = JSON.stringify(request);
  await app.inject({ method: 'POST', url: '/v1/what-if', headers: { 'content-type': 'application/json' }, payload });
  for (let k = 0; k < 3; k++) {
    const t0 = nowMs();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/what-if',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    httpTimes.push(nowMs() - t0);
    if (res.statusCode !== 200) throw new Error(`POST /v1/what-if: ${res.statusCode} ${res.body.slice(0, 200)}`);
    responseBytes = res.body.length;
  }
} finally {
  await app.close();
}

const poolMs = best(poolTimes);
writeResult({
  name: 'what-if-1000-scenarios',
  description: `1,000 Erlang C scenarios (volume x AHT x SL target x shrinkage) over a 672-interval week with a fixed roster, per-interval headcount; best of runs (shared 2-core machine)`,
  size: { scenarios: 1000, intervals: 672, cells: 672_000, threads },
  metrics: {
    poolMs,
    singleThreadMs: best(singleTimes),
    httpEndToEndMs: best(httpTimes),
    scenarioIntervalsPerSecondPool: 672_000 / (poolMs / 1000),
    responseMB: responseBytes / 1e6,
  },
  targets: { time: { target: '1,000 scenarios x 672 intervals < 1 s on the pool', met: poolMs < 1000 } },
  details: { poolTimes, singleTimes, httpTimes },
});
