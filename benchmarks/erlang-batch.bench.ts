/**
 * The batch API on the worker pool: 2 threads against 1 on the same batch (Erlang C, every
 * metric, then agents only; week of 672 fifteen-minute intervals x 1,000 queues, loads up to 200 Erlangs).
 * Issue 2: speed-up reported (this machine has 2 cores shared with other work).
 */
import { availableParallelism } from 'node:os';
import { staffBatch, type StaffingBatch } from '../src/erlang/batch.js';
import { createPool } from '../src/app/parallel/pool.js';
import { staffBatchOnPool } from '../src/app/staffing-batch.js';
import { nowMs, writeResult } from './lib/report.js';
import { WEEK_INTERVALS, weekLoads } from './lib/week-loads.js';

const QUEUES = 1000;
const { erlangs, ahtSeconds } = weekLoads(QUEUES, 200, 3);
const cells = QUEUES * WEEK_INTERVALS;
const aht = new Float64Array(cells);
const volume = new Float64Array(cells);
for (let q = 0; q < QUEUES; q++) {
  for (let i = 0; i < WEEK_INTERVALS; i++) {
    const c = q * WEEK_INTERVALS + i;
    aht[c] = ahtSeconds[q] as number;
    volume[c] = ((erlangs[c] as number) * 900) / (ahtSeconds[q] as number);
  }
}
const batch: StaffingBatch = {
  intervalMinutes: 15,
  seriesCount: QUEUES,
  intervalCount: WEEK_INTERVALS,
  params: [{ model: 'erlang-c', targets: { serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.9 }, shrinkage: 0.3 }],
  volume,
  ahtSeconds: aht,
};

/** Best of `repeats` timed runs of `batch` on a warmed pool of `threads` threads. */
async function onPool(threads: number, work: StaffingBatch, repeats = 3): Promise<{ ms: number; agentSum: number }> {
  const pool = createPool({ maxThreads: threads, minThreads: threads });
  try {
    const warm = threads * 2;
    await staffBatchOnPool(pool, {
      ...work,
      seriesCount: warm,
      params: work.params,
      volume: work.volume.slice(0, warm * WEEK_INTERVALS),
      ahtSeconds: work.ahtSeconds.slice(0, warm * WEEK_INTERVALS),
    });
    let best = Infinity;
    let agentSum = 0;
    for (let k = 0; k < repeats; k++) {
      const t0 = nowMs();
      const result = await staffBatchOnPool(pool, work);
      best = Math.min(best, nowMs() - t0);
      agentSum = result.agents.reduce((s, x) => s + x, 0);
    }
    return { ms: best, agentSum };
  } finally {
    await pool.destroy();
  }
}

const t0 = nowMs();
const single = staffBatch(batch);
const singleMs = nowMs() - t0;
const one = await onPool(1, batch);
const two = await onPool(2, batch);
const identical = one.agentSum === two.agentSum && two.agentSum === single.agents.reduce((s, x) => s + x, 0);

// The same cells, agents only (the allocation-free Erlang C solver): transfer cost matters more.
const agentsOnly: StaffingBatch = { ...batch, output: 'agents' };
const oneFast = await onPool(1, agentsOnly, 5);
const twoFast = await onPool(2, agentsOnly, 5);
writeResult({
  name: 'erlang-batch',
  description:
    'Batch staffing of 1,000 queues x 672 intervals (Erlang C, every metric; then agents only): in-thread, then on a piscina pool of 1 and of 2 threads, best of 3',
  size: { queues: QUEUES, intervals: WEEK_INTERVALS, cells, cores: availableParallelism() },
  metrics: {
    speedup2vs1: +(one.ms / two.ms).toFixed(2),
    pool1Ms: +one.ms.toFixed(1),
    pool2Ms: +two.ms.toFixed(1),
    inThreadMs: +singleMs.toFixed(1),
    cellsPerSecond2: Math.round(cells / (two.ms / 1000)),
    identicalResults: identical && oneFast.agentSum === twoFast.agentSum,
    speedup2vs1AgentsOnly: +(oneFast.ms / twoFast.ms).toFixed(2),
    pool1AgentsOnlyMs: +oneFast.ms.toFixed(1),
    pool2AgentsOnlyMs: +twoFast.ms.toFixed(1),
    sharedMachine: true,
  },
  targets: { speedup: { target: 'speed-up of 2 workers over 1 reported (results identical)', met: identical } },
});
