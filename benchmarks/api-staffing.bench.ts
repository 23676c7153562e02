/**
 * `POST /v1/staffing` for a 672-interval week under load: the server runs in its own process
 * (dist/server.js, logging off), autocannon drives it from this process on 127.0.0.1, for a fixed
 * time with a few keep-alive connections. Measured twice: staffing on the event loop (the
 * default for an Erlang C week) and on the worker pool. Target (issue 6): >= 2,000 req/s and
 * p99 < 25 ms on the 2-core machine.
 */
import autocannon from 'autocannon';
import { startServerProcess, stopServerProcess, weekBody } from './api-helpers.js';
import { WEEK_INTERVALS } from './lib/week-loads.js';
import { writeResult } from './lib/report.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);

async function load(url: string, body: string): Promise<autocannon.Result> {
  // Warm up (JIT, pool threads), then measure.
  await autocannon({ url: `${url}/v1/staffing`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: 2 });
  return autocannon({ url: `${url}/v1/staffing`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: DURATION_S });
}

async function measure(mode: 'inline' | 'pool', body: string): Promise<{ rps: number; p50: number; p99: number; errors: number; non2xx: number; mbPerS: number }> {
  const env: Record<string, string> = { WFM_INLINE_STAFFING_UNITS: mode === 'pool' ? '1' : '1000000' };
  const { url, child } = await startServerProcess(env);
  try {
    const r = await load(url, body);
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, mbPerS: r.throughput.average / 1e6 };
  } finally {
    await stopServerProcess(child);
  }
}

const body = JSON.stringify(weekBody());
const inline = await measure('inline', body);
const pool = await measure('pool', body);
const best = inline.rps >= pool.rps ? inline : pool;
writeResult({
  name: 'api-staffing-load',
  description: `POST /v1/staffing, 672-interval Erlang C week, autocannon from a separate process on 127.0.0.1, ${CONNECTIONS} connections, ${DURATION_S} s (shared 2-core machine: other work ran at the same time)`,
  size: { intervals: WEEK_INTERVALS, requestBytes: body.length, connections: CONNECTIONS, durationSeconds: DURATION_S },
  metrics: {
    inlineRequestsPerSecond: inline.rps,
    inlineP50Ms: inline.p50,
    inlineP99Ms: inline.p99,
    poolRequestsPerSecond: pool.rps,
    poolP50Ms: pool.p50,
    poolP99Ms: pool.p99,
    inlineResponseMBPerSecond: inline.mbPerS,
    errors: inline.errors + pool.errors,
    non2xx: inline.non2xx + pool.non2xx,
  },
  targets: {
    requestsPerSecond: { target: '>= 2,000 req/s', met: best.rps >= 2000 },
    p99: { target: 'p99 < 25 ms', met: best.p99 < 25 },
  },
  details: { inline, pool },
});
