/**
 * `POST /v1/staffing` for a 672-interval week under load: the server runs in its own process
 * (dist/server.js, logging off), autocannon drives it from this process on 127.0.0.1, for a fixed
 * time with a few keep-alive connections. Target (issue 6): >= 2,000 req/s and p99 < 25 ms on the
 * 2-core machine.
 *
 * Two figures, always reported together (src/api/cache.ts keeps answers by body bytes):
 * - cold: every request is a different week (500 pre-generated weeks, rotated in order across
 *   all connections; the cache holds at most 256 answers, so a body comes back only after 499
 *   others and is always a miss: checked after the run). Measured with the week staffed on the
 *   event loop and on the worker pool.
 * - warm: the same week again and again (a poller re-reading one forecast): cache hits. Also
 *   with `If-None-Match` (304 without a body), the cheapest way to poll.
 */
import autocannon from 'autocannon';
import { startServerProcess, stopServerProcess, weekBody } from './api-helpers.js';
import { WEEK_INTERVALS } from './lib/week-loads.js';
import { writeResult } from './lib/report.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const DISTINCT_WEEKS = 500;
const HEADERS = { 'content-type': 'application/json' };

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  mbPerS: number;
}

/** Week k: the benchmark week moved k weeks later, its volumes scaled by 1 + k/1000 (all distinct). */
function distinctWeek(k: number): string {
  const base = weekBody() as { intervals: { start: string; volume: number; ahtSeconds: number }[] };
  const shiftMs = k * 7 * 86_400_000;
  return JSON.stringify({
    ...base,
    intervals: base.intervals.map((row) => ({ ...row, start: new Date(Date.parse(row.start) + shiftMs).toISOString(), volume: Math.round(row.volume * (1 + k / 1000)) })),
  });
}

/** Where the rotation is: the next body index (shared by every connection). */
const rotation = { next: 0 };

async function run(url: string, bodies: readonly string[], headers: Record<string, string>, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/v1/staffing`,
    connections: CONNECTIONS,
    duration,
    requests: [{ method: 'POST', headers, setupRequest: (req) => ({ ...req, body: bodies[rotation.next++ % bodies.length] as string }) }],
  });
}

function figures(r: autocannon.Result): Figures {
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, mbPerS: r.throughput.average / 1e6 };
}

/** One server process: warm-up then a measured run; `check` runs against the same server after. */
async function measure(env: Record<string, string>, bodies: readonly string[], headers: Record<string, string> = HEADERS, check?: (url: string) => Promise<unknown>) {
  const { url, child } = await startServerProcess(env);
  try {
    await run(url, bodies, headers, 2); // JIT, pool threads
    const result = figures(await run(url, bodies, headers, DURATION_S));
    return { result, checked: check ? await check(url) : undefined };
  } finally {
    await stopServerProcess(child);
  }
}

const bodies = Array.from({ length: DISTINCT_WEEKS }, (_, k) => distinctWeek(k));
const body = bodies[0] as string;
const cacheState = async (url: string, payload: string): Promise<string | null> =>
  (await fetch(`${url}/v1/staffing`, { method: 'POST', headers: HEADERS, body: payload })).headers.get('x-wfm-cache');
// After a cold run, the next week of the rotation (sent 500 requests ago) must be a miss.
const coldCheck = async (url: string) => cacheState(url, bodies[rotation.next % bodies.length] as string);

const coldInline = await measure({ WFM_INLINE_STAFFING_UNITS: '1000000' }, bodies, HEADERS, coldCheck);
const coldPool = await measure({ WFM_INLINE_STAFFING_UNITS: '1' }, bodies, HEADERS, coldCheck);
const warm = await measure({}, [body], HEADERS, async (url) => cacheState(url, body));
const etag = await (async () => {
  const { url, child } = await startServerProcess({});
  try {
    return (await fetch(`${url}/v1/staffing`, { method: 'POST', headers: HEADERS, body })).headers.get('etag') ?? '';
  } finally {
    await stopServerProcess(child);
  }
})();
const revalidate = await measure({}, [body], { ...HEADERS, 'if-none-match': etag });
const cold = coldInline.result.rps >= coldPool.result.rps ? coldInline.result : coldPool.result;

writeResult({
  name: 'api-staffing-load',
  description:
    `POST /v1/staffing, 672-interval Erlang C week, autocannon from a separate process on 127.0.0.1, ${CONNECTIONS} connections, ${DURATION_S} s per figure ` +
    `(shared 2-core machine: other work ran at the same time). cold = ${DISTINCT_WEEKS} distinct weeks rotated (every request a cache miss); ` +
    'warm = one week repeated (cache hits); revalidate = the same with If-None-Match (304).',
  size: { intervals: WEEK_INTERVALS, requestBytes: body.length, distinctWeeks: DISTINCT_WEEKS, connections: CONNECTIONS, durationSeconds: DURATION_S },
  metrics: {
    coldInlineRequestsPerSecond: coldInline.result.rps,
    coldInlineP50Ms: coldInline.result.p50,
    coldInlineP99Ms: coldInline.result.p99,
    coldPoolRequestsPerSecond: coldPool.result.rps,
    coldPoolP50Ms: coldPool.result.p50,
    coldPoolP99Ms: coldPool.result.p99,
    warmRequestsPerSecond: warm.result.rps,
    warmP50Ms: warm.result.p50,
    warmP99Ms: warm.result.p99,
    revalidateRequestsPerSecond: revalidate.result.rps,
    revalidateP99Ms: revalidate.result.p99,
    errors: coldInline.result.errors + coldPool.result.errors + warm.result.errors + revalidate.result.errors,
    non2xx: coldInline.result.non2xx + coldPool.result.non2xx + warm.result.non2xx,
  },
  targets: {
    coldRequestsPerSecond: { target: '>= 2,000 req/s with every request a different week (cache misses)', met: cold.rps >= 2000 },
    coldP99: { target: 'p99 < 25 ms with every request a different week', met: cold.p99 < 25 },
    warmRequestsPerSecond: { target: '>= 2,000 req/s for a repeated week (cache hits)', met: warm.result.rps >= 2000 },
    warmP99: { target: 'p99 < 25 ms for a repeated week (cache hits)', met: warm.result.p99 < 25 },
  },
  details: {
    coldInline: coldInline.result,
    coldPool: coldPool.result,
    warm: warm.result,
    revalidate: revalidate.result,
    cacheStateOfAWeekSent500RequestsEarlier: { inline: coldInline.checked, pool: coldPool.checked },
    cacheStateAfterWarmRun: warm.checked,
  },
});
