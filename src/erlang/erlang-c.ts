import { erlangBInverse } from './erlang-b.js';
import type { IntervalMetrics } from './types.js';

/**
 * Erlang C: probability that an arrival waits in an M/M/N queue with offered load A Erlangs,
 * from Erlang B: C = N B / (N - A (1 - B)) = N / (R (N - A) + A) with R = 1 / B. N <= A (A > 0) is unstable and gives
 * 1; A = 0 gives 0.
 * O(N). Example: `erlangC(14, 10)` is 0.174131933595 (reference case C01).
 */
export function erlangC(servers: number, erlangs: number): number {
  if (erlangs <= 0) return 0;
  if (servers <= erlangs) return 1;
  // Same recursion on 1/B (unrolled): C = N / (R (N - A) + A) with R = 1 / B(N, A).
  const r = erlangBInverse(servers, erlangs);
  return servers / (r * (servers - erlangs) + erlangs);
}

/**
 * Erlang C metrics at `agents` for A Erlangs of traffic with mean handle time `ahtSeconds`:
 * P(wait) = C, SL(t) = 1 - C e^{-(N-A) t / AHT}, ASA = C AHT / (N - A), occupancy A / N,
 * queue length Lq = C A / (N - A), in system Lq + A, sojourn ASA + AHT.
 * N <= A with A > 0: P(wait) 1, SL 0, ASA Infinity, occupancy 1, `unstable: true`.
 * `answerSeconds` absent is taken as 0 (SL = answered at once). O(N).
 * Example: `evaluateErlangC(10, 180, 13, 20).serviceLevel` is 0.795594788418 (reference C04).
 */
export function evaluateErlangC(
  erlangs: number,
  ahtSeconds: number,
  agents: number,
  answerSeconds = 0,
): IntervalMetrics {
  const inverse = erlangs > 0 && agents > erlangs ? erlangBInverse(agents, erlangs) : 0;
  return erlangCMetricsFromInverse(erlangs, ahtSeconds, agents, answerSeconds, inverse);
}

/**
 * `evaluateErlangC` given R = 1 / B(agents, erlangs) already computed (the solver's neighbours
 * N - 1 and N share one recursion: R(N) = 1 + N R(N - 1) / A). O(1).
 */
export function erlangCMetricsFromInverse(
  erlangs: number,
  ahtSeconds: number,
  agents: number,
  answerSeconds: number,
  inverse: number,
): IntervalMetrics {
  if (erlangs <= 0) {
    return {
      erlangs: 0,
      agents,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
      probWait: 0,
      queueLength: 0,
      unstable: false,
      inSystem: 0,
      sojournSeconds: ahtSeconds,
    };
  }
  if (agents <= erlangs) return unstableErlangC(erlangs, agents);
  const spare = agents - erlangs;
  const c = agents / (inverse * spare + erlangs);
  const asaSeconds = (c * ahtSeconds) / spare;
  const queueLength = (c * erlangs) / spare;
  return {
    erlangs,
    agents,
    serviceLevel: 1 - c * Math.exp((-spare * answerSeconds) / ahtSeconds),
    asaSeconds,
    occupancy: erlangs / agents,
    probWait: c,
    queueLength,
    unstable: false,
    inSystem: queueLength + erlangs,
    sojournSeconds: asaSeconds + ahtSeconds,
  };
}

/** N <= A with no abandonment: the queue grows without bound (Pw 1, SL 0, ASA Infinity, flagged). */
export function unstableErlangC(erlangs: number, agents: number): IntervalMetrics {
  return {
    erlangs,
    agents,
    serviceLevel: 0,
    asaSeconds: Infinity,
    occupancy: 1,
    probWait: 1,
    queueLength: Infinity,
    unstable: true,
    inSystem: Infinity,
    sojournSeconds: Infinity,
  };
}
