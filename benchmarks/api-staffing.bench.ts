/**
 * `POST /v1/staffing` for a 672-interval week under load: the server runs in its own process
 * (dist/server.js, logging off), autocannon drives it from this process on 127.0.0.1, for a fixed
 * time with a few keep-alive connections. Target (issue 6): >= 2,000 req/s and p99 < 25 ms on the
 * 2-core machine; the JSON states, per view, whether it is met.
 *
 * Two figures, always reported together (src/api/cache.ts keeps answers by body bytes):
 * - cold: every request is a different week (500 pre-generated weeks, rotated in order across
 *   all connections; the cache holds at most 256 answers, so a body comes back only after 499
 *   others and is always a miss: checked after the run). Measured for the full answer with the
 *   week staffed on the event loop and on the worker pool, and for `?view=headcount` (agents
 *   and headcount per interval: the fast path of src/api/staffing-fast-body.ts); the run also
 *   checks that the headcount answer has the full answer's agents and headcount.
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
    intervals: base.intervals.map((row) => ({
      ...row,
      start: new Date(Date.parse(row.start) + shiftMs).toISOString(),
      volume: Math.round(row.volume * (1 + k / 1000)),
    })),
  });
}

/** Where the rotation is: the next body index (shared by every connection). */
const rotation = { next: 0 };

async function run(
  url: string,
  bodies: readonly string[],
  headers: Record<string, string>,
  duration: number,
  path: string,
): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${path}`,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (req) => ({ ...req, body: bodies[rotation.next++ % bodies.length] as string }),
      },
    ],
  });
}

function figures(r: autocannon.Result): Figures {
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    mbPerS: r.throughput.average / 1e6,
  };
}

/** One server process: warm-up then a measured run; `check` runs against the same server after. */
async function measure(
  env: Record<string, string>,
  bodies: readonly string[],
  headers: Record<string, string> = HEADERS,
  check?: (url: string) => Promise<unknown>,
  path = '/v1/staffing',
) {
  const { url, child } = await startServerProcess(env);
  try {
    await run(url, bodies, headers, 2, path); // JIT, pool threads
    const result = figures(await run(url, bodies, headers, DURATION_S, path));
    return { result, checked: check ? await check(url) : undefined };
  } finally {
    await stopServerProcess(child);
  }
}

const bodies = Array.from({ length: DISTINCT_WEEKS }, (_, k) => distinctWeek(k));
const body = bodies[0] as string;
const HEADCOUNT = '/v1/staffing?view=headcount';
const cacheState = async (url: string, payload: string, path = '/v1/staffing'): Promise<string | null> =>
  (await fetch(`${url}${path}`, { method: 'POST', headers: HEADERS, body: payload })).headers.get('x-wfm-cache');
// After a cold run, the next week of the rotation (sent 500 requests ago) must be a miss.
const coldCheck = async (url: string) => cacheState(url, bodies[rotation.next % bodies.length] as string);
const coldHeadcountCheck = async (url: string) => {
  // The same miss check, and the headcount answer is the full answer's agents and headcount.
  const week = bodies[rotation.next % bodies.length] as string;
  const state = await cacheState(url, week, HEADCOUNT);
  const full = (await (await fetch(`${url}/v1/staffing`, { method: 'POST', headers: HEADERS, body: week })).json()) as {
    intervals: { agents: number; headcount: number }[];
  };
  const view = (await (await fetch(`${url}${HEADCOUNT}`, { method: 'POST', headers: HEADERS, body: week })).json()) as {
    agents: number[];
    headcount: number[];
  };
  const same =
    full.intervals.every((row, i) => row.agents === view.agents[i] && row.headcount === view.headcount[i]) &&
    view.agents.length === full.intervals.length;
  return { cacheState: state, sameAgentsAndHeadcountAsFullView: same };
};

const coldInline = await measure({ WFM_INLINE_STAFFING_UNITS: '1000000' }, bodies, HEADERS, coldCheck);
const coldPool = await measure({ WFM_INLINE_STAFFING_UNITS: '1' }, bodies, HEADERS, coldCheck);
const coldHeadcount = await measure({}, bodies, HEADERS, coldHeadcountCheck, HEADCOUNT);
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
const coldFull = coldInline.result.rps >= coldPool.result.rps ? coldInline.result : coldPool.result;
const headcountBytes = await (async () => {
  const { url, child } = await startServerProcess({});
  try {
    return (await (await fetch(`${url}${HEADCOUNT}`, { method: 'POST', headers: HEADERS, body })).text()).length;
  } finally {
    await stopServerProcess(child);
  }
})();
const met = (f: Figures) => ({ requestsPerSecond: f.rps >= 2000, p99: f.p99 < 25 });

writeResult({
  name: 'api-staffing-load',
  description:
    `POST /v1/staffing, 672-interval Erlang C week, autocannon from a separate process on 127.0.0.1, ${CONNECTIONS} connections, ${DURATION_S} s per figure ` +
    `(shared 2-core machine: other work ran at the same time). cold = ${DISTINCT_WEEKS} distinct weeks rotated (every request a cache miss); ` +
    'full = the default answer (every metric of every interval, ~300 kB); headcount = ?view=headcount (agents and headcount per interval as arrays, with totals, ~4 kB: ' +
    'the call other systems make for headcount per interval); warm = one week repeated (cache hits, full view); revalidate = the same with If-None-Match (304).',
  size: {
    intervals: WEEK_INTERVALS,
    requestBytes: body.length,
    headcountResponseBytes: headcountBytes,
    distinctWeeks: DISTINCT_WEEKS,
    connections: CONNECTIONS,
    durationSeconds: DURATION_S,
  },
  metrics: {
    coldHeadcountRequestsPerSecond: coldHeadcount.result.rps,
    coldHeadcountP50Ms: coldHeadcount.result.p50,
    coldHeadcountP99Ms: coldHeadcount.result.p99,
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
    errors:
      coldHeadcount.result.errors +
      coldInline.result.errors +
      coldPool.result.errors +
      warm.result.errors +
      revalidate.result.errors,
    non2xx: coldHeadcount.result.non2xx + coldInline.result.non2xx + coldPool.result.non2xx + warm.result.non2xx,
  },
  targets: {
    coldHeadcountRequestsPerSecond: {
      target: '>= 2,000 req/s, every request a different week, ?view=headcount',
      met: met(coldHeadcount.result).requestsPerSecond,
    },
    coldHeadcountP99: {
      target: 'p99 < 25 ms, every request a different week, ?view=headcount',
      met: met(coldHeadcount.result).p99,
    },
    coldFullRequestsPerSecond: {
      target: '>= 2,000 req/s, every request a different week, full view (best of inline and pool)',
      met: met(coldFull).requestsPerSecond,
    },
    coldFullP99: {
      target: 'p99 < 25 ms, every request a different week, full view (best of inline and pool)',
      met: met(coldFull).p99,
    },
    warmRequestsPerSecond: {
      target: '>= 2,000 req/s for a repeated week (cache hits, full view)',
      met: met(warm.result).requestsPerSecond,
    },
    warmP99: { target: 'p99 < 25 ms for a repeated week (cache hits, full view)', met: met(warm.result).p99 },
  },
  details: {
    coldHeadcount: coldHeadcount.result,
    coldInline: coldInline.result,
    coldPool: coldPool.result,
    warm: warm.result,
    revalidate: revalidate.result,
    cacheStateOfAWeekSent500RequestsEarlier: {
      inline: coldInline.checked,
      pool: coldPool.checked,
      headcount: coldHeadcount.checked,
    },
    cacheStateAfterWarmRun: warm.checked,
  },
});
