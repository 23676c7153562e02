/** One 5,000-Erlang interval (80 % in 20 s, AHT 180 s): time per solve. Issue 2: < 50 us. */
import { solveErlangCAgents, solveInterval } from '../src/erlang/index.js';
import { nowMs, writeResult } from './lib/report.js';

const ERLANGS = 5000;
const AHT = 180;
const targets = { serviceLevel: 0.8, answerSeconds: 20 };
const load = { volume: (ERLANGS * 15 * 60) / AHT, ahtSeconds: AHT, intervalMinutes: 15 };

function timeEach(repeats: number, fn: () => number): { medianUs: number; p90Us: number; value: number } {
  const times: number[] = [];
  let value = 0;
  for (let k = 0; k < repeats; k++) {
    const t0 = nowMs();
    value = fn();
    times.push((nowMs() - t0) * 1000);
  }
  times.sort((a, b) => a - b);
  return {
    medianUs: times[Math.floor(repeats / 2)] as number,
    p90Us: times[Math.floor(repeats * 0.9)] as number,
    value,
  };
}

timeEach(500, () => solveErlangCAgents(ERLANGS, AHT, targets)); // warm-up
const agentsOnly = timeEach(5000, () => solveErlangCAgents(ERLANGS, AHT, targets));
timeEach(200, () => solveInterval(load, { model: 'erlang-c', targets }).agents);
const withMetrics = timeEach(2000, () => solveInterval(load, { model: 'erlang-c', targets }).agents);

writeResult({
  name: 'erlang-c-large',
  description:
    'One 5,000-Erlang interval, Erlang C, 80 % in 20 s: solveErlangCAgents and solveInterval (with all metrics), median of repeated solves',
  size: { erlangs: ERLANGS, ahtSeconds: AHT },
  metrics: {
    solveMedianUs: +agentsOnly.medianUs.toFixed(2),
    solveP90Us: +agentsOnly.p90Us.toFixed(2),
    solveIntervalMedianUs: +withMetrics.medianUs.toFixed(2),
    agents: agentsOnly.value,
    sharedMachine: true,
  },
  targets: {
    solveUs: { target: 'one 5,000-Erlang interval solved in < 50 us (median)', met: agentsOnly.medianUs < 50 },
  },
});
