/**
 * Exact Erlang A solves per second (patience 120 s, abandonment at most 5 %), single thread, over
 * week-shaped loads up to 200 Erlangs. Issue 2: >= 20,000 solves/s.
 */
import { solveInterval } from '../src/erlang/index.js';
import type { QueueParams } from '../src/erlang/types.js';
import { nowMs, writeResult } from './lib/report.js';
import { WEEK_INTERVALS, weekLoads } from './lib/week-loads.js';

const QUEUES = 30;
const MAX_ERLANGS = 200;
const params: QueueParams = {
  model: 'erlang-a',
  targets: { answerSeconds: 20, maxAbandonRate: 0.05 },
  patienceSeconds: 120,
};
const { erlangs, ahtSeconds } = weekLoads(QUEUES, MAX_ERLANGS, 2);

function pass(queues: number): { ms: number; agentSum: number; unmet: number } {
  const t0 = nowMs();
  let agentSum = 0;
  let unmet = 0;
  for (let q = 0; q < queues; q++) {
    const aht = ahtSeconds[q] as number;
    for (let i = 0; i < WEEK_INTERVALS; i++) {
      const a = erlangs[q * WEEK_INTERVALS + i] as number;
      const x = solveInterval({ volume: (a * 900) / aht, ahtSeconds: aht, intervalMinutes: 15 }, params);
      agentSum += x.agents;
      if (!x.met) unmet++;
    }
  }
  return { ms: nowMs() - t0, agentSum, unmet };
}

pass(2); // warm-up
const run = pass(QUEUES);
const solves = QUEUES * WEEK_INTERVALS;
const solvesPerSecond = solves / (run.ms / 1000);
writeResult({
  name: 'erlang-a-throughput',
  description:
    'Exact Erlang A (M/M/N+M) minimal agents, patience 120 s, abandonment <= 5 %, single thread, week-shaped loads up to 200 Erlangs',
  size: { queues: QUEUES, intervals: WEEK_INTERVALS, solves, maxErlangs: MAX_ERLANGS },
  metrics: {
    solvesPerSecond: Math.round(solvesPerSecond),
    totalMs: +run.ms.toFixed(1),
    agentSum: run.agentSum,
    unmet: run.unmet,
    sharedMachine: true,
  },
  targets: { solvesPerSecond: { target: '>= 20,000 exact Erlang A solves/s', met: solvesPerSecond >= 20_000 } },
});
