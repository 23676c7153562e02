/**
 * Speed benchmark (issue 3): fit, backtest (4 weekly origins, every method) and forecast one
 * year of 15-minute history (35,040 points) with `auto`, target < 1 s; then 100 such series
 * (queues) with `forecastMany` on the worker pool, one thread vs all threads, and the speed-up.
 * `FORECAST_BENCH_SERIES=20 npm run bench -- forecast-speed` runs fewer series.
 */
import { availableParallelism, loadavg } from 'node:os';
import { forecast } from '../src/forecast/forecast.js';
import type { IntervalHistoryRow } from '../src/forecast/types.js';
import { forecastMany } from '../src/app/forecast-many.js';
import type { ForecastSeries } from '../src/app/parallel/handlers/forecast.js';
import { createPool } from '../src/app/parallel/pool.js';
import { nowMs, writeResult } from './lib/report.js';

const SLOTS = 96;
const DAYS = 365;
const first = Date.UTC(2025, 0, 6); // a Monday

/** Seeded series: weekly pattern x level, plus Poisson-like noise (normal approximation). */
function series(seed: number): { startMs: Float64Array; volume: Float64Array; ahtSeconds: Float64Array } {
  let s = seed >>> 0 || 1;
  const rand = (): number => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const n = DAYS * SLOTS;
  const startMs = new Float64Array(n);
  const volume = new Float64Array(n);
  const ahtSeconds = new Float64Array(n);
  const level = 20 + 60 * rand();
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / SLOTS);
    const slot = i % SLOTS;
    const weekday = day % 7;
    const open = slot >= 28 && slot < 84;
    const mean = open ? level * (weekday >= 5 ? 0.4 : 1) * (1 + 0.6 * Math.sin(((slot - 28) / 56) * Math.PI)) : 0;
    const z = Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
    startMs[i] = first + i * 900_000;
    volume[i] = open ? Math.max(0, Math.round(mean + z * Math.sqrt(mean))) : 0;
    ahtSeconds[i] = open ? 240 + 60 * rand() : Number.NaN;
  }
  return { startMs, volume, ahtSeconds };
}

// One series, end to end from ISO text rows (parsing included).
const one = series(1);
const rows: IntervalHistoryRow[] = Array.from(one.startMs, (ms, i) => ({
  start: new Date(ms).toISOString(),
  volume: one.volume[i] as number,
  ahtSeconds: Number.isNaN(one.ahtSeconds[i] as number) ? undefined : (one.ahtSeconds[i] as number),
}));
forecast(rows, { method: 'auto' }); // warm-up (JIT)
const times: number[] = [];
const cpuTimes: number[] = [];
let chosen = '';
for (let r = 0; r < 5; r++) {
  const c0 = process.cpuUsage();
  const t0 = nowMs();
  chosen = forecast(rows, { method: 'auto' }).method;
  times.push(nowMs() - t0);
  const c = process.cpuUsage(c0);
  cpuTimes.push((c.user + c.system) / 1000);
}
cpuTimes.sort((a, b) => a - b);
// Six weeks ahead: 11 backtest origins instead of 6, every week scored and chosen separately.
const c6 = process.cpuUsage();
const t6 = nowMs();
forecast(rows, { method: 'auto', weeks: 6 });
const sixWeeksMs = nowMs() - t6;
const sixWeeksCpu = process.cpuUsage(c6);
times.sort((a, b) => a - b);
const singleMs = times[2] as number;

const count = Number(process.env.FORECAST_BENCH_SERIES ?? 100);
const make = (): ForecastSeries[] =>
  Array.from({ length: count }, (_, k) => ({ ...series(k + 1), options: { method: 'auto' } }));
/** Wall time of the batch, and process CPU time (all threads) / wall time: the parallelism obtained. */
async function onPool(threads: number): Promise<{ ms: number; cpuPerWall: number }> {
  const pool = createPool({ maxThreads: threads, minThreads: threads });
  try {
    await forecastMany(pool, make().slice(0, threads)); // start and warm the threads
    const batch = make();
    const cpu0 = process.cpuUsage();
    const t0 = nowMs();
    const results = await forecastMany(pool, batch);
    const ms = nowMs() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (results.length !== count) throw new Error('missing results');
    return { ms, cpuPerWall: Math.round(((cpu.user + cpu.system) / 1000 / ms) * 100) / 100 };
  } finally {
    await pool.destroy();
  }
}
const threads = availableParallelism();
const oneThread = await onPool(1);
const allThreads = await onPool(threads);
const oneThreadMs = oneThread.ms;
const allThreadsMs = allThreads.ms;
const r1 = (x: number): number => Math.round(x * 10) / 10;
writeResult({
  name: 'forecast-speed',
  description:
    'auto forecast of one year of 15-min history (fit + 6-origin backtest of 10 methods, the per-week choice + forecast; and 6 weeks ahead); 100 series on the worker pool',
  size: { pointsPerSeries: DAYS * SLOTS, series: count, threads },
  metrics: {
    singleSeriesMedianMs: r1(singleMs),
    singleSeriesMinMs: r1(times[0] as number),
    singleSeriesMedianCpuMs: r1(cpuTimes[2] as number),
    sixWeeksMs: r1(sixWeeksMs),
    sixWeeksCpuMs: r1((sixWeeksCpu.user + sixWeeksCpu.system) / 1000),
    chosenMethod: chosen,
    poolOneThreadMs: r1(oneThreadMs),
    poolAllThreadsMs: r1(allThreadsMs),
    speedUp: Math.round((oneThreadMs / allThreadsMs) * 100) / 100,
    seriesPerSecond: r1((count * 1000) / allThreadsMs),
    cpuPerWallOneThread: oneThread.cpuPerWall,
    cpuPerWallAllThreads: allThreads.cpuPerWall,
  },
  targets: {
    singleSeriesMedianMs: { target: '< 1000 ms for 35,040 points (fit, backtest, forecast)', met: singleMs < 1000 },
  },
  details: {
    singleSeriesRunsMs: times.map(r1),
    loadAverage1m: loadavg()[0],
    note: 'measured on a shared 2-core machine while other work was running; cpuPerWall = process CPU time (all threads) / wall time',
  },
});
