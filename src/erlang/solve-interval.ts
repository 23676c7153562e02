import { EPS as EPS_, MAX_EXTRA_AGENTS as MAX_EXTRA_AGENTS_ } from './constants.js';
import type { DistributionLevel } from './chain.js';
import { evaluateChat, chatMaxThroughputPerAgent } from './chat.js';
import { evaluateErlangA } from './erlang-a.js';
import { erlangBInverse } from './erlang-b.js';
import { erlangCMetricsFromInverse, evaluateErlangC } from './erlang-c.js';
import { solveErlangCAgents } from './erlang-c-solver.js';
import { fractionalRequirement, meetsTargets, missedTargets } from './targets.js';
import { headcountAfterShrinkage, trafficErlangs } from './traffic.js';
import type { IntervalLoad, IntervalMetrics, IntervalStaffing, QueueParams } from './types.js';

// Module-local copies: an imported binding can cost a getter call per use under some loaders.
const EPS = EPS_;
const MAX_EXTRA_AGENTS = MAX_EXTRA_AGENTS_;

/**
 * Queue metrics of one interval at a given number of agents, for the queue's model (Erlang C,
 * Erlang A, chat). O(N) for Erlang C; O(N + waiting states) for Erlang A, O(N k + waiting
 * states) for chat (the waiting-time distribution included). Example:
 * `evaluateInterval({ volume: 100, ahtSeconds: 180, intervalMinutes: 30 },
 *   { model: 'erlang-c', targets: { answerSeconds: 20 } }, 13).serviceLevel` is 0.7956.
 */
export function evaluateInterval(load: IntervalLoad, params: QueueParams, agents: number): IntervalMetrics {
  const erlangs = trafficErlangs(load);
  switch (params.model) {
    case 'erlang-c':
      return evaluateErlangC(erlangs, load.ahtSeconds, agents, params.targets.answerSeconds ?? 0);
    case 'erlang-a':
      return evaluateErlangA(load, params, agents);
    case 'chat':
      return evaluateChat(load, params, agents);
  }
}

/**
 * The minimal agents N for one interval meeting every active target of `params.targets` at once,
 * with the metrics at N, the fractional requirement (continuous in the load; in (N - 1, N]), the
 * headcount after shrinkage and the target that decided N.
 *
 * Erlang C: the incremental search of `solveErlangCAgents` (same N, by construction). Erlang A and
 * chat: metrics are monotone in N, so the search starts at a proven lower bound (answered
 * fraction <= N / A bounds both the service level and, without a line cap, the abandonment
 * rate), gallops up (1, 2, 4, ... agents) to a feasible N and bisects back, O(log N) chain
 * evaluations. Infeasible is data: when the search passes its cap, `met` is false with a note.
 * Example: 100 calls in 30 min, AHT 180 s, 80 % in 20 s, occupancy <= 85 % gives 14 agents.
 */
export function solveInterval(load: IntervalLoad, params: QueueParams): IntervalStaffing {
  const erlangs = trafficErlangs(load);
  const targets = params.targets;
  let agents: number;
  if (params.model === 'erlang-c') {
    agents = solveErlangCAgents(erlangs, load.ahtSeconds, targets);
  } else {
    agents = searchAgents(load, params, erlangs);
  }
  if (agents < 0) return unmet(load, params, erlangs);
  return staffingAt(load, params, agents);
}

/** Metrics at `agents`, the requirement continuous in N, headcount, binding target. */
function staffingAt(load: IntervalLoad, params: QueueParams, agents: number): IntervalStaffing {
  let at: IntervalMetrics;
  let below: IntervalMetrics | undefined;
  const erlangs = trafficErlangs(load);
  if (params.model === 'erlang-c' && agents - 1 > erlangs) {
    // One recursion for both neighbours: R(N) = 1 + N R(N - 1) / A.
    const t = params.targets.answerSeconds ?? 0;
    const r = erlangBInverse(agents - 1, erlangs);
    below = erlangCMetricsFromInverse(erlangs, load.ahtSeconds, agents - 1, t, r);
    at = erlangCMetricsFromInverse(erlangs, load.ahtSeconds, agents, t, 1 + (agents * r) / erlangs);
  } else {
    at = evaluateInterval(load, params, agents);
    below = agents > 0 ? evaluateBelow(load, params, agents - 1) : undefined;
  }
  const { agentsFractional, binding } =
    at.erlangs > 0
      ? fractionalRequirement(below, at, params.targets)
      : { agentsFractional: 0, binding: 'none' as const };
  // `at` is a fresh object: extend it in place rather than copy it (this runs once per solve).
  const row = at as IntervalStaffing;
  row.agentsFractional = agentsFractional;
  row.headcount = headcountAfterShrinkage(agents, params.shrinkage ?? 0);
  row.met = meetsTargets(at, params.targets);
  row.binding = binding;
  return withStaffingNotes(params, row);
}

/** Metrics at N - 1 for the interpolation: the waiting-time distribution only if an SL target needs it. */
function evaluateBelow(load: IntervalLoad, params: QueueParams, agents: number): IntervalMetrics {
  if (params.model === 'erlang-c') return evaluateInterval(load, params, agents);
  const evaluate = params.model === 'chat' ? evaluateChat : evaluateErlangA;
  return evaluate(load, params, agents, params.targets.serviceLevel !== undefined ? 'serviceLevel' : false);
}

/**
 * Metrics at a given agent count presented as a staffing row (an interval that carries its own
 * `agents` is evaluated, not solved): agentsFractional = agents, binding 'given', `met` says
 * whether the targets hold at that staffing.
 */
export function evaluatedStaffing(load: IntervalLoad, params: QueueParams, agents: number): IntervalStaffing {
  const at = evaluateInterval(load, params, agents);
  const missed = missedTargets(at, params.targets);
  return withStaffingNotes(params, {
    ...at,
    agentsFractional: agents,
    headcount: headcountAfterShrinkage(agents, params.shrinkage ?? 0),
    met: missed.length === 0,
    binding: 'given',
    ...(missed.length > 0 ? { note: `targets missed at ${agents} agents: ${missed.join(', ')}` } : {}),
  });
}

function withStaffingNotes(params: QueueParams, row: IntervalStaffing): IntervalStaffing {
  if (params.model === 'erlang-c') return row;
  const capped = params.targets.maxAbandonRate !== undefined;
  row.abandonmentCapped = capped;
  if (!capped && row.note === undefined) row.note = 'abandonment not capped (no maxAbandonRate target)';
  return row;
}

function unmet(load: IntervalLoad, params: QueueParams, erlangs: number): IntervalStaffing {
  const agents = Math.floor(erlangs) + 1;
  const at = evaluateInterval(load, params, agents);
  return withStaffingNotes(params, {
    ...at,
    agentsFractional: agents,
    headcount: headcountAfterShrinkage(agents, params.shrinkage ?? 0),
    met: false,
    binding: 'none',
    note: `no agent count up to ${agents + MAX_EXTRA_AGENTS} meets the targets (or a target is out of range)`,
  });
}

/**
 * Lower bound for Erlang A / chat: answered contacts carry at most N agents' worth of work, so
 * the answered fraction is <= N x (throughput per agent) / (arrival rate). Then SL <= that
 * fraction, and without a line cap abandonment >= 1 - that fraction.
 */
function lowerBound(load: IntervalLoad, params: QueueParams, erlangs: number): number {
  if (!(erlangs > 0)) return 0;
  // Agent-equivalents of offered work: arrival rate / best per-agent throughput.
  const perAgent = params.model === 'chat' ? chatMaxThroughputPerAgent(load, params) : 1 / load.ahtSeconds;
  const demand = load.volume / (load.intervalMinutes * 60) / perAgent;
  const { serviceLevel, maxAbandonRate } = params.targets;
  let bound = 0;
  if (serviceLevel !== undefined) bound = Math.max(bound, Math.floor(demand * (serviceLevel - EPS)) - 1);
  if (maxAbandonRate !== undefined && params.queueCapacity === undefined) {
    bound = Math.max(bound, Math.floor(demand * (1 - maxAbandonRate - EPS)) - 1);
  }
  return Math.max(0, bound);
}

// A bounded per-thread cache (two numbers), reset by every new search: it changes cost, never a result.
// The solver's running 1 / B(n, A) for Erlang A: the last infeasible candidate's, so that the next,
// larger candidate costs only the steps between them (R(n) = 1 + n R(n - 1) / A).
let carriedN = 0;
let carriedR = 1;

function feasible(load: IntervalLoad, params: QueueParams, agents: number, distribution: DistributionLevel): boolean {
  if (params.model === 'chat') return meetsTargets(evaluateChat(load, params, agents, distribution), params.targets);
  const erlangs = trafficErlangs(load);
  const threshold = Math.min(agents, params.queueCapacity ?? Infinity);
  let r: number;
  if (carriedN > 0 && carriedN <= threshold) {
    r = carriedR;
    for (let n = carriedN + 1; n <= threshold; n++) r = 1 + (n * r) / erlangs;
  } else {
    r = erlangBInverse(threshold, erlangs);
  }
  const ok = meetsTargets(evaluateErlangA(load, params, agents, distribution, r), params.targets);
  if (!ok) {
    carriedN = threshold;
    carriedR = r;
  }
  return ok;
}

/**
 * Minimal N by gallop + bisection over a monotone feasibility; -1 past the cap. Candidates above
 * the last infeasible one reuse its Erlang B recursion (Erlang A), so the loss part costs O(N)
 * once per solve rather than once per candidate.
 */
function searchAgents(load: IntervalLoad, params: QueueParams, erlangs: number): number {
  if (!(load.volume > 0)) return 0;
  const start = lowerBound(load, params, erlangs);
  // The waiting-time distribution is only needed when a service-level target is active.
  const distribution = params.targets.serviceLevel !== undefined ? 'serviceLevel' : false;
  const cap = start + MAX_EXTRA_AGENTS;
  carriedN = 0;
  carriedR = 1;
  let lo = start - 1; // known or assumed infeasible (the bound is proven)
  let hi = start;
  let step = 1;
  while (!feasible(load, params, hi, distribution)) {
    lo = hi;
    if (hi >= cap) return -1;
    hi = Math.min(cap, hi + step);
    step *= 2;
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (feasible(load, params, mid, distribution)) hi = mid;
    else lo = mid;
  }
  return hi;
}
