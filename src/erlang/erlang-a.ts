import { WfmError } from '../errors.js';
import { chainMetrics, type DistributionLevel } from './chain.js';
import { MAX_CHAIN_STATES } from './constants.js';
import { erlangBInverse } from './erlang-b.js';
import { evaluateErlangC, unstableErlangC } from './erlang-c.js';
import { trafficErlangs } from './traffic.js';
import type { IntervalLoad, IntervalMetrics, QueueParams } from './types.js';

/**
 * Metrics with no traffic: nobody waits, nothing is lost. Shared by Erlang A and chat.
 */
export function idleMetrics(agents: number, ahtSeconds: number, withAbandonment: boolean): IntervalMetrics {
  const metrics: IntervalMetrics = {
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
  if (withAbandonment) {
    Object.assign(metrics, {
      abandonRate: 0,
      slAnsweredOfAnswered: 1,
      slWaitEndedWithin: 1,
      slVirtual: 1,
      asaVirtualSeconds: 0,
      asaAllSeconds: 0,
      blockRate: 0,
    });
  }
  return metrics;
}

/** An infinitely patient queue at or over capacity: it grows without bound (as in Erlang C). */
export function unstableMetrics(erlangs: number, agents: number): IntervalMetrics {
  return {
    ...unstableErlangC(erlangs, agents),
    abandonRate: 0,
    slAnsweredOfAnswered: 0,
    slWaitEndedWithin: 0,
    slVirtual: 0,
    asaVirtualSeconds: Infinity,
    asaAllSeconds: Infinity,
    blockRate: 0,
  };
}

/**
 * Erlang A (M/M/N+M) metrics at `agents`: Poisson arrivals, exponential handle time (ahtSeconds)
 * and exponential patience (params.patienceSeconds; absent = infinitely patient), optional lines
 * (params.queueCapacity = contacts in system at most; an arrival finding it full is blocked).
 *
 * The exact birth-death chain: states up to N are the Erlang loss system, summarised by the
 * forward Erlang B recursion (sum_{n<=N} w_n / w_N = 1 / B(N, A), mean n = A (1 - B)); the waiting
 * states above N are summed in log space (`chainMetrics`). Reports serviceLevel (answered
 * within t over offered), slAnsweredOfAnswered, slWaitEndedWithin, slVirtual = P(V <= t) and
 * asaVirtualSeconds = E[V] (over admitted arrivals), abandonRate, asaSeconds (answered),
 * asaAllSeconds (all arrivals, Lq / lambda), occupancy, blockRate. With a line cap below N the
 * surplus agents idle (pure loss on `queueCapacity` lines). O(N + waiting states), plus the
 * waiting-time distribution when `distribution` (default true; 'serviceLevel' for that one only).
 * `inverse`, when the caller has it, is 1 / B(min(agents, queueCapacity), A) (the solver carries it
 * from one candidate N to the next instead of recomputing it).
 * Example: 100 calls / 30 min, AHT 180 s, patience 300 s, 14 agents, t = 20 s: serviceLevel
 * 0.916792 (reference case A01).
 */
export function evaluateErlangA(
  load: IntervalLoad,
  params: QueueParams,
  agents: number,
  distribution: DistributionLevel = true,
  inverse?: number,
): IntervalMetrics {
  if (!(load.volume > 0) || !(load.ahtSeconds > 0)) return idleMetrics(agents, load.ahtSeconds, true);
  const lambda = load.volume / (load.intervalMinutes * 60);
  const mu = 1 / load.ahtSeconds;
  const erlangs = trafficErlangs(load);
  const theta = params.patienceSeconds !== undefined && params.patienceSeconds > 0 ? 1 / params.patienceSeconds : 0;
  const capacity = params.queueCapacity ?? Infinity;
  if (theta === 0 && capacity === Infinity) {
    // Infinitely patient, no lines: exactly Erlang C (closed form, any load below capacity).
    if (agents <= erlangs) return unstableMetrics(erlangs, agents);
    const c = evaluateErlangC(erlangs, load.ahtSeconds, agents, params.targets.answerSeconds ?? 0);
    return {
      ...c,
      abandonRate: 0,
      slAnsweredOfAnswered: c.serviceLevel,
      slWaitEndedWithin: c.serviceLevel,
      slVirtual: c.serviceLevel,
      asaVirtualSeconds: c.asaSeconds,
      asaAllSeconds: c.asaSeconds,
      blockRate: 0,
    };
  }
  const threshold = Math.min(agents, capacity);
  // 1 / B overflows only when B < 1e-308: then nobody waits, and MAX_VALUE says the same.
  const r = Math.min(inverse ?? erlangBInverse(threshold, erlangs), Number.MAX_VALUE);
  const lowMeanN = erlangs * (1 - 1 / r);
  const metrics = chainMetrics(
    {
      lambda,
      erlangs,
      agents,
      threshold,
      fullRate: threshold * mu,
      theta,
      maxWaiting: capacity - threshold,
      logLow: Math.log(r),
      lowMeanN,
      lowBusy: lowMeanN,
      busyAtTop: threshold,
      answerSeconds: params.targets.answerSeconds ?? 0,
    },
    distribution,
  );
  if (metrics === undefined) {
    // Reached only when the waiting room needs more than MAX_CHAIN_STATES states (no patience,
    // no lines, load within a hair of capacity): say so rather than return a wrong number.
    throw new WfmError(
      'WFM_ERR_ERLANG_NUMERIC',
      `the ${params.model} chain at ${agents} agents needs more than ${MAX_CHAIN_STATES} states`,
    );
  }
  return metrics;
}
