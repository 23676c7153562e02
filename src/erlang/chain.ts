import { MAX_CHAIN_STATES } from './constants.js';
import { absorbedWithin } from './death-process.js';
import type { IntervalMetrics } from './types.js';

/**
 * A birth-death queue with abandonment, described around its queueing threshold S (the state from
 * which arrivals wait: N agents for Erlang A, N x k chat slots for chat):
 * - below and at S, the caller summarises the chain: `logLow` = log sum_{n<=S} w_n / w_S,
 *   `lowMeanN` and `lowBusy` = mean contacts in system and mean busy agents over those states;
 * - above S, state S + j has departure rate `fullRate` + j theta (service at full capacity plus
 *   abandonment of the j waiting), arrivals at `lambda` per second, at most `maxWaiting` waiting
 *   (lines: an arrival finding S + maxWaiting in system is blocked; 0 = pure loss at S).
 */
export interface QueueChain {
  lambda: number;
  erlangs: number;
  agents: number;
  threshold: number;
  fullRate: number;
  theta: number;
  maxWaiting: number;
  logLow: number;
  lowMeanN: number;
  lowBusy: number;
  /** Busy agents in states >= S. */
  busyAtTop: number;
  answerSeconds: number;
}

let tail = new Float64Array(1024);
let positionMass = new Float64Array(1024);
let answeredMass = new Float64Array(1024);

function ensure(size: number): void {
  if (tail.length < size) {
    const grown = Math.max(size, tail.length * 2);
    tail = new Float64Array(grown);
    positionMass = new Float64Array(grown);
    answeredMass = new Float64Array(grown);
  }
}

/**
 * Stationary metrics of the chain (`QueueChain`), computed in log space: the weights of the
 * waiting states, log w_{S+j} / w_S = sum_{i<=j} log(lambda / (fullRate + i theta)), are summed
 * with the low part by log-sum-exp, so nothing overflows for thousands of agents. An infinite
 * waiting room is cut where the remaining geometric tail is below 1e-20 of the total.
 *
 * Waiting times come from the state an arrival sees (PASTA): in position r it is answered with
 * probability prod_{i=1..r} (c + (i-1) theta) / (c + i theta), c = fullRate, after a mean wait of
 * sum_{i=1..r} 1 / (c + i theta) if answered; its virtual wait V_r has stages c + (i-1) theta. The
 * distributions come from `absorbedWithin` (uniformization), when `distribution` is true;
 * otherwise the service-level fields are NaN (the solver's fast path for non-SL targets).
 * Returns `undefined` when theta = 0, no line cap and lambda >= fullRate (unstable), or the
 * chain needs more than MAX_CHAIN_STATES states.
 */
export function chainMetrics(chain: QueueChain, distribution: boolean): IntervalMetrics | undefined {
  const { lambda, theta, fullRate, maxWaiting } = chain;
  const logLambda = Math.log(lambda);
  // Waiting states j = 1..J: log weight relative to state S.
  let j = 0;
  let lw = 0;
  let maxLog = chain.logLow;
  let truncated = false;
  const finite = Number.isFinite(maxWaiting);
  if (!finite && theta === 0 && lambda >= fullRate) return undefined;
  for (;;) {
    if (finite && j >= maxWaiting) break;
    const rate = fullRate + (j + 1) * theta;
    const logRatio = logLambda - Math.log(rate);
    if (logRatio < 0) {
      // Remaining tail <= w_j r / (1 - r) with r the (non-increasing) ratio: stop when negligible.
      const r = Math.exp(logRatio);
      if (lw + Math.log(r / (1 - r)) < maxLog - 46) {
        truncated = true;
        break;
      }
    }
    if (j + 1 > MAX_CHAIN_STATES) return undefined;
    lw += logRatio;
    ensure(j + 2);
    tail[j] = lw; // state S + j + 1
    j++;
    if (lw > maxLog) maxLog = lw;
  }
  const waitingStates = j;
  // Normalise: Z = e^{logLow} + sum_j e^{tail_j}, scaled by e^{-maxLog}.
  let z = Math.exp(chain.logLow - maxLog);
  let lqSum = 0;
  for (let k = 0; k < waitingStates; k++) {
    const w = Math.exp(tail[k]! - maxLog);
    tail[k] = w; // now scaled weight
    z += w;
    lqSum += (k + 1) * w;
  }
  const pLow = Math.exp(chain.logLow - maxLog) / z;
  const pTop = Math.exp(-maxLog) / z; // state S
  const pWaitingStates = 1 - pLow; // states above S
  const queueLength = lqSum / z;
  // Blocked: the arrival sees the cap (negligible, and 0, when the tail was cut before it).
  const blockRate = finite && !truncated ? (maxWaiting === 0 ? pTop : (tail[waitingStates - 1] ?? 0) / z) : 0;
  const pBelow = Math.max(0, pLow - pTop);
  const probWait = Math.max(0, 1 - pBelow - blockRate);
  const inSystem = chain.lowMeanN * pLow + chain.threshold * pWaitingStates + queueLength;
  const busy = chain.lowBusy * pLow + chain.busyAtTop * pWaitingStates;
  const abandonRate = (theta * queueLength) / lambda;
  const admitted = 1 - blockRate;

  // Arrivals that wait: state S + r - 1 seen, r = 1..R (a state equal to the cap is blocked).
  const positions = finite && !truncated ? maxWaiting : waitingStates + 1;
  ensure(positions + 1);
  let answeredWaiting = 0;
  let waitAnswered = 0;
  let waitVirtual = 0;
  let pAns = 1;
  let meanAnswered = 0;
  let meanVirtual = 0;
  for (let r = 1; r <= positions; r++) {
    const q = r === 1 ? pTop : tail[r - 2]! / z;
    const c = fullRate + (r - 1) * theta;
    pAns *= c / (c + theta);
    meanAnswered += 1 / (c + theta);
    meanVirtual += 1 / c;
    positionMass[r - 1] = q;
    answeredMass[r - 1] = q * pAns;
    answeredWaiting += q * pAns;
    waitAnswered += q * pAns * meanAnswered;
    if (q > 0) waitVirtual += q * meanVirtual; // meanVirtual is Infinity with no agents
  }
  const answered = pBelow + answeredWaiting;
  const t = chain.answerSeconds;
  let serviceLevel = NaN;
  let slAnsweredOfAnswered = NaN;
  let slWaitEndedWithin = NaN;
  let slVirtual = NaN;
  if (distribution) {
    const answeredWithin = absorbedWithin(answeredMass, positions, fullRate, theta, 1, t);
    const virtualWithin = absorbedWithin(positionMass, positions, fullRate, theta, 0, t);
    serviceLevel = pBelow + answeredWithin;
    slAnsweredOfAnswered = answered > 0 ? serviceLevel / answered : 1;
    // Wait ends (answer or abandon) after min(V, patience): P(> t) = P(V > t) e^{-theta t}.
    const waitingMass = probWait;
    slWaitEndedWithin = pBelow + waitingMass - (waitingMass - virtualWithin) * Math.exp(-theta * t);
    slVirtual = admitted > 0 ? (pBelow + virtualWithin) / admitted : 1;
  }
  const asaSeconds = answered > 0 ? waitAnswered / answered : 0;
  return {
    erlangs: chain.erlangs,
    agents: chain.agents,
    serviceLevel,
    asaSeconds,
    occupancy: chain.agents > 0 ? busy / chain.agents : 0,
    probWait,
    queueLength,
    unstable: false,
    inSystem,
    sojournSeconds: admitted > 0 ? inSystem / (lambda * admitted) : 0,
    abandonRate,
    slAnsweredOfAnswered,
    slWaitEndedWithin,
    slVirtual,
    asaVirtualSeconds: admitted > 0 ? waitVirtual / admitted : 0,
    asaAllSeconds: queueLength / lambda,
    blockRate,
  };
}
