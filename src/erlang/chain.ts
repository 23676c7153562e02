import { MAX_CHAIN_STATES as MAX_CHAIN_STATES_ } from './constants.js';
import { absorbedWithin } from './death-process.js';
import type { IntervalMetrics } from './types.js';

// Module-local copies: an imported binding can cost a getter call per use under some loaders.
const MAX_CHAIN_STATES = MAX_CHAIN_STATES_;

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

// Per-thread scratch columns, reused across calls instead of allocated per call (a hot loop). They
// grow to the largest number of states seen (doubling) and never shrink; nothing is read across calls.
let tail = new Float64Array(1024);
let positionMass = new Float64Array(1024);
let answeredMass = new Float64Array(1024);

function ensure(size: number): void {
  if (tail.length < size) {
    const grown = Math.max(size, tail.length * 2);
    const kept = tail;
    tail = new Float64Array(grown);
    tail.set(kept); // the weights written so far
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
 * distributions come from `absorbedWithin` (negative-binomial closed form): all of them when
 * `distribution` is true, only `serviceLevel` when it is 'serviceLevel' (the solver's SL check);
 * otherwise the service-level fields are NaN (the solver's fast path for non-SL targets).
 * Returns `undefined` when theta = 0, no line cap and lambda >= fullRate (unstable; callers
 * check this first), or when the chain needs more than MAX_CHAIN_STATES states.
 */
/** Which waiting-time distributions to compute: all, only the service level, or none. */
export type DistributionLevel = boolean | 'serviceLevel';

export function chainMetrics(chain: QueueChain, distribution: DistributionLevel): IntervalMetrics | undefined {
  const { lambda, theta, fullRate, maxWaiting } = chain;
  const finite = Number.isFinite(maxWaiting);
  if (!finite && theta === 0 && lambda >= fullRate) return undefined;
  // Waiting states S + 1 .. S + J. Their weights relative to state S are held in log-scaled form,
  // w_j = tail[j - 1] x e^{logScale}: the ratios lambda / rate are multiplied in float64 and the
  // shared exponent moves by 200 ln 10 whenever a weight passes 1e200, so nothing overflows or
  // loses range however many states (it is log space with one shared exponent per block).
  let j = 0;
  let w = 1; // state S in the current scale
  let logScale = 0;
  let low = Math.exp(Math.min(chain.logLow, 700)); // the low part in the current scale (clamped; rescaled below)
  const lowLog = chain.logLow;
  let peak = Math.max(1, low);
  let truncated = false;
  for (;;) {
    if (finite && j >= maxWaiting) break;
    const ratio = lambda / (fullRate + (j + 1) * theta);
    // Remaining tail <= w r / (1 - r), the ratios being non-increasing: stop when negligible.
    if (ratio < 1 && (w * ratio) / (1 - ratio) < 1e-20 * peak) {
      truncated = true;
      break;
    }
    if (j + 1 > MAX_CHAIN_STATES) return undefined;
    w *= ratio;
    if (w > 1e200) {
      for (let k = 0; k < j; k++) tail[k] = tail[k]! * 1e-200;
      w *= 1e-200;
      peak *= 1e-200;
      logScale += 200 * Math.LN10;
      low = Math.exp(Math.min(lowLog - logScale, 700));
    }
    ensure(j + 2);
    tail[j] = w; // state S + j + 1
    j++;
    if (w > peak) peak = w;
    if (low > peak) peak = low;
  }
  const waitingStates = j;
  // Normalise: Z = e^{logLow} + sum_j w_j, scaled by e^{-maxLog}.
  let stored = 0;
  let lqSum = 0;
  for (let k = 0; k < waitingStates; k++) {
    stored += tail[k]!;
    lqSum += (k + 1) * tail[k]!;
  }
  const maxLog = Math.max(lowLog, stored > 0 ? logScale + Math.log(stored) : -Infinity);
  const tailFactor = Math.exp(logScale - maxLog);
  for (let k = 0; k < waitingStates; k++) tail[k] = tail[k]! * tailFactor;
  const z = Math.exp(lowLog - maxLog) + stored * tailFactor;
  lqSum *= tailFactor;
  const pLow = Math.exp(lowLog - maxLog) / z;
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
  // The distribution ignores the far positions holding under 1e-18 of the waiting mass.
  let used = positions;
  while (used > 1 && positionMass[used - 1]! < 1e-18 * probWait) used--;
  const t = chain.answerSeconds;
  let serviceLevel = NaN;
  let slAnsweredOfAnswered = NaN;
  let slWaitEndedWithin = NaN;
  let slVirtual = NaN;
  if (distribution === 'serviceLevel') {
    serviceLevel = pBelow + absorbedWithin(answeredMass, used, fullRate, theta, 1, t);
  } else if (distribution) {
    const answeredWithin = absorbedWithin(answeredMass, used, fullRate, theta, 1, t);
    const virtualWithin = absorbedWithin(positionMass, used, fullRate, theta, 0, t);
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
