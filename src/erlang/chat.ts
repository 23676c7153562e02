import { WfmError } from '../errors.js';
import { chainMetrics, type DistributionLevel } from './chain.js';
import { MAX_CHAIN_STATES } from './constants.js';
import { idleMetrics, unstableMetrics } from './erlang-a.js';
import { trafficErlangs } from './traffic.js';
import type { IntervalLoad, IntervalMetrics, QueueParams } from './types.js';

/** Handle times by concurrency (AHT_1..AHT_k, seconds): params.chat, else [load.ahtSeconds]. */
function chatAhts(load: IntervalLoad, params: QueueParams): readonly number[] {
  const ahts = params.chat?.ahtSecondsByConcurrency;
  return ahts !== undefined && ahts.length > 0 ? ahts : [load.ahtSeconds];
}

/** The best completion rate of one agent, max_j j / AHT_j, chats per second. */
export function chatMaxThroughputPerAgent(load: IntervalLoad, params: QueueParams): number {
  const ahts = chatAhts(load, params);
  let best = 0;
  for (let j = 1; j <= ahts.length; j++) best = Math.max(best, j / ahts[j - 1]!);
  return best;
}

/** Completion rate with n chats spread evenly over N agents (each j-chat agent: j / AHT_j). */
function chatRate(n: number, agents: number, ahts: readonly number[]): number {
  const q = Math.floor(n / agents);
  const rem = n - q * agents;
  // No closure here: this runs once per state.
  const withExtra = rem > 0 ? (rem * (q + 1)) / ahts[q]! : 0;
  const withQ = q > 0 ? ((agents - rem) * q) / ahts[q - 1]! : 0;
  return withExtra + withQ;
}

/**
 * Chat metrics at `agents`: each agent holds up to k chats at once (k = the length of
 * params.chat.ahtSecondsByConcurrency), chats are spread evenly over the agents, and an agent
 * holding j chats completes them at rate j / AHT_j. Arrivals are Poisson, patience exponential
 * (params.patienceSeconds), lines cap the chats in system (params.queueCapacity). A chat waits
 * when all N k slots are taken. The birth-death chain over chats in system is summed from state
 * N k down with ratios and a shared log offset (log space without a log per state), and the
 * waiting part shares Erlang A's code
 * (`chainMetrics`), so the same metrics are reported. Occupancy is the mean share of agents
 * holding at least one chat. `erlangs` is volume x ahtSeconds / interval as for calls.
 * With k = 1 this is exactly Erlang A. O(N k + waiting states).
 * Example: 100 chats / 30 min, AHT 180 / 300 / 420 s at 1 / 2 / 3 chats, patience 300 s, 9 agents,
 * t = 20 s: serviceLevel about 0.95.
 */
export function evaluateChat(
  load: IntervalLoad,
  params: QueueParams,
  agents: number,
  distribution: DistributionLevel = true,
): IntervalMetrics {
  const ahts = chatAhts(load, params);
  if (!(load.volume > 0)) return idleMetrics(agents, ahts[0]!, true);
  const erlangs = trafficErlangs(load);
  const lambda = load.volume / (load.intervalMinutes * 60);
  const k = ahts.length;
  const theta = params.patienceSeconds !== undefined && params.patienceSeconds > 0 ? 1 / params.patienceSeconds : 0;
  const capacity = params.queueCapacity ?? Infinity;
  const slots = agents * k;
  const fullRate = agents > 0 ? chatRate(slots, agents, ahts) : 0;
  if (theta === 0 && capacity === Infinity && lambda >= fullRate) return unstableMetrics(erlangs, agents);
  const threshold = Math.min(slots, capacity);
  // States 0..S relative to w_S = 1, walking down: w_{n-1} = w_n rate(n) / lambda. Held as
  // stored x e^{logOffset}: when a weight passes 1e250 the running sums are scaled down by 1e-250
  // (log space with one shared exponent; entries far below the peak may underflow, harmlessly).
  let w = 1;
  let logOffset = 0;
  let sum = 1;
  let sumN = threshold;
  let sumBusy = Math.min(threshold, agents);
  for (let n = threshold; n >= 1; n--) {
    w *= chatRate(n, agents, ahts) / lambda;
    if (w > 1e250) {
      w *= 1e-250;
      sum *= 1e-250;
      sumN *= 1e-250;
      sumBusy *= 1e-250;
      logOffset += 250 * Math.LN10;
    }
    const state = n - 1;
    sum += w;
    sumN += state * w;
    sumBusy += Math.min(state, agents) * w;
  }
  const metrics = chainMetrics(
    {
      lambda,
      erlangs,
      agents,
      threshold,
      fullRate: chatRate(threshold, Math.max(agents, 1), ahts),
      theta,
      maxWaiting: capacity - threshold,
      logLow: Math.log(sum) + logOffset,
      lowMeanN: sumN / sum,
      lowBusy: sumBusy / sum,
      busyAtTop: Math.min(threshold, agents),
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
