/**
 * Simulated contacts per second per thread on a 3-queue, 5-group centre (a week of 15-minute
 * intervals, about 460,000 contacts per replication), and the speed-up of 2 threads over 1 on
 * piscina (each thread runs its own replications: the split changes nothing in the results).
 * Issue 14: >= 1.5 million contacts/s per thread; 2 threads >= 1.8 x 1 thread.
 */
import { loadavg } from 'node:os';
import { Piscina } from 'piscina';
import { simulateReplication, summariseReplications, type ReplicationResult } from '../src/simulation/index.js';
import { nowMs, writeResult } from './lib/report.js';
import { benchmarkCentre } from './lib/simulation-centre.js';
import type { SimulationTask, SimulationTaskResult } from './lib/simulation-worker.js';

const SEED = 20261203;
const model = benchmarkCentre();

// Single thread, in this process: one warm-up replication, then the timed ones.
simulateReplication(model, SEED, 99);
// The machine is shared: CPU time (process.cpuUsage, this thread plus a little GC) is measured
// beside wall time, so the per-thread figure does not count time spent waiting for a core.
const single: { ms: number; cpuMs: number; contacts: number }[] = [];
const kept: ReplicationResult[] = [];
const load = loadavg()[0] as number;
for (let r = 0; r < 5; r++) {
  const t0 = nowMs();
  const c0 = process.cpuUsage();
  const result = simulateReplication(model, SEED, r);
  const c = process.cpuUsage(c0);
  single.push({ ms: nowMs() - t0, cpuMs: (c.user + c.system) / 1000, contacts: result.contacts });
  kept.push(result);
}
const cpuRates = single.map((s) => s.contacts / (s.cpuMs / 1000)).sort((a, b) => a - b);
const rates = single.map((s) => s.contacts / (s.ms / 1000)).sort((a, b) => a - b);
const bestRate = rates[rates.length - 1] as number;
const medianRate = rates[Math.floor(rates.length / 2)] as number;
const summary = summariseReplications(kept);

/** Replications 0..n-1 on a pool of `threads` threads, one task of n / threads replications each. */
async function onPool(threads: number, n: number): Promise<{ ms: number; contacts: number; checksum: number[] }> {
  const pool = new Piscina<SimulationTask, SimulationTaskResult>({
    filename: new URL('./lib/simulation-worker.ts', import.meta.url).href,
    execArgv: ['--import', 'tsx'],
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    // Warm each thread (module load, JIT) on a short grid.
    const warm = benchmarkCentre(96);
    await Promise.all(
      Array.from({ length: threads }, (_, k) =>
        pool.run({ model: warm, seed: SEED, firstReplication: 100 + k, replications: 1 }),
      ),
    );
    const per = n / threads;
    const t0 = nowMs();
    const parts = await Promise.all(
      Array.from({ length: threads }, (_, k) =>
        pool.run({ model, seed: SEED, firstReplication: k * per, replications: per }),
      ),
    );
    const ms = nowMs() - t0;
    return {
      ms,
      contacts: parts.reduce((s, p) => s + p.contacts, 0),
      checksum: parts.flatMap((p) => p.answeredWithin),
    };
  } finally {
    await pool.destroy();
  }
}

const N = 6;
const one = await onPool(1, N);
const two = await onPool(2, N);
const speedUp = one.ms / two.ms;
const identical = JSON.stringify(one.checksum) === JSON.stringify(two.checksum);

const round = (x: number, d = 3) => +x.toFixed(d);
writeResult({
  name: 'simulation-speed',
  description:
    'Discrete-event simulation of a 3-queue, 5-group centre over a week of 672 fifteen-minute intervals: contacts simulated per second per thread, and 2 piscina threads against 1 on 6 replications',
  size: {
    queues: model.queues.length,
    groups: model.groups.length,
    intervals: model.intervals,
    contactsPerReplication: single[0]?.contacts ?? 0,
    poolReplications: N,
  },
  metrics: {
    contactsPerCpuSecondMedian: Math.round(cpuRates[Math.floor(cpuRates.length / 2)] as number),
    contactsPerSecondMedian: Math.round(medianRate),
    contactsPerSecondBest: Math.round(bestRate),
    speedUp2Threads: round(speedUp, 2),
    oneThreadMs: round(one.ms, 1),
    twoThreadsMs: round(two.ms, 1),
    onPoolContactsPerSecondOneThread: Math.round(one.contacts / (one.ms / 1000)),
    splitGivesIdenticalResults: identical,
    replicationMs: single.map((s) => s.ms.toFixed(1)).join(' '),
    loadAverage1m: round(load, 2),
    sharedMachine: true,
  },
  targets: {
    contactsPerSecond: {
      target: '>= 1,500,000 simulated contacts/s per thread (median CPU-time rate)',
      met: (cpuRates[Math.floor(cpuRates.length / 2)] as number) >= 1.5e6,
    },
    speedUp: { target: '2 threads >= 1.8 x 1 thread', met: speedUp >= 1.8 },
    identical: { target: 'replications split 3 + 3 on 2 threads equal 6 on 1', met: identical },
  },
  details: {
    serviceLevel: summary.queues.map((q) => ({
      queue: model.queues[q.queue]?.name,
      serviceLevel: round(q.serviceLevel.mean, 4),
      halfWidth: round(q.serviceLevel.halfWidth, 4),
      asaSeconds: round(q.asaSeconds.mean, 2),
      abandonRate: round(q.abandonRate.mean, 4),
    })),
    occupancy: summary.groupOccupancy.map((o, g) => ({ group: model.groups[g]?.name, occupancy: round(o.mean, 4) })),
  },
});
