import { WfmError } from '../errors.js';
import { chainMetrics } from './chain.js';
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
  const rateAt = (j: number) => (j === 0 ? 0 : j / ahts[j - 1]!);
  return (rem > 0 ? rem * rateAt(q + 1) : 0) + (agents - rem) * rateAt(q);
}

let logWeights = new Float64Array(1024);

/**
 * Chat metrics at `agents`: each agent holds up to k chats at once (k = the length of
 * params.chat.ahtSecondsByConcurrency), chats are spread evenly over the agents, and an agent
 * holding j chats completes them at rate j / AHT_j. Arrivals are Poisson, patience exponential
 * (params.patienceSeconds), lines cap the chats in system (params.queueCapacity). A chat waits
 * when all N k slots are taken. The birth-death chain over chats in system is built in log space
 * (log w_n = sum log(lambda / rate(i))) and the waiting part shares Erlang A's code
 * (`chainMetrics`), so the same metrics are reported. Occupancy is the mean share of agents
 * holding at least one chat. `erlangs` is volume x ahtSeconds / interval as for calls.
 * With k = 1 this is exactly Erlang A. O(N k + waiting states).
 */
export function evaluateChat(
  load: IntervalLoad,
  params: QueueParams,
  agents: number,
  distribution = true,
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
  if (logWeights.length < threshold + 1) logWeights = new Float64Array(Math.max(threshold + 1, logWeights.length * 2));
  const logLambda = Math.log(lambda);
  logWeights[0] = 0;
  for (let n = 1; n <= threshold; n++) logWeights[n] = logWeights[n - 1]! + logLambda - Math.log(chatRate(n, agents, ahts));
  const top = logWeights[threshold]!;
  let max = -Infinity;
  for (let n = 0; n <= threshold; n++) max = Math.max(max, logWeights[n]! - top);
  let sum = 0;
  let sumN = 0;
  let sumBusy = 0;
  for (let n = 0; n <= threshold; n++) {
    const w = Math.exp(logWeights[n]! - top - max);
    sum += w;
    sumN += n * w;
    sumBusy += Math.min(n, agents) * w;
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
      logLow: Math.log(sum) + max,
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
    throw new WfmError('WFM_ERR_ERLANG_NUMERIC', `the ${params.model} chain at ${agents} agents needs more than ${MAX_CHAIN_STATES} states`);
  }
  return metrics;
}
