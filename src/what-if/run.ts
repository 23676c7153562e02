/**
 * The what-if core: each scenario's staffing of each queue over its week. Pure and
 * single-threaded; `parallel.ts` splits the scenarios over the worker pool and gets the same
 * numbers, because every scenario is computed by this same function whichever thread runs it.
 */
import { EPS } from '../erlang/constants.js';
import { evaluateErlangC } from '../erlang/erlang-c.js';
import { solveErlangCAgents } from '../erlang/erlang-c-solver.js';
import { headcountAfterShrinkage } from '../erlang/traffic.js';
import type { QueueParams, StaffingTargets } from '../erlang/types.js';
import { solveOther, evaluateOther } from './other-models.js';
import type { Scenario, WhatIfInput, WhatIfQueue, WhatIfQueueResult, WhatIfResult, WhatIfScenarioResult } from './types.js';

/** A queue's parameters under a scenario: targets, shrinkage and model replaced where it says so. */
export function scenarioParams(queue: WhatIfQueue, scenario: Scenario): QueueParams {
  const base = queue.params;
  const targets: StaffingTargets = { ...base.targets };
  if (scenario.serviceLevel !== undefined) targets.serviceLevel = scenario.serviceLevel;
  if (scenario.answerSeconds !== undefined) targets.answerSeconds = scenario.answerSeconds;
  if (scenario.maxOccupancy !== undefined) targets.maxOccupancy = scenario.maxOccupancy;
  const model = scenario.model ?? base.model;
  const params: QueueParams = { ...base, model, targets };
  if (model === 'erlang-c') {
    // Erlang C has no patience, lines or abandonment.
    delete targets.maxAbandonRate;
    delete params.patienceSeconds;
    delete params.queueCapacity;
  }
  if (scenario.shrinkage !== undefined) params.shrinkage = scenario.shrinkage;
  return params;
}

/**
 * One queue under one scenario: the minimal agents per interval meeting every target, the
 * headcount after shrinkage, agent-hours, the volume-weighted service level achieved, and the
 * fixed roster's service level if the queue has one. O(intervals x agents searched); the Erlang C
 * path uses the allocation-free solver.
 */
export function evaluateQueueScenario(queue: WhatIfQueue, scenario: Scenario, detail: WhatIfInput['detail']): WhatIfQueueResult {
  const params = scenarioParams(queue, scenario);
  const volumeFactor = scenario.volumeFactor ?? 1;
  const ahtFactor = scenario.ahtFactor ?? 1;
  const intervalSeconds = queue.intervalMinutes * 60;
  const hoursPerInterval = queue.intervalMinutes / 60;
  const shrinkage = params.shrinkage ?? 0;
  const answerSeconds = params.targets.answerSeconds ?? 0;
  const n = queue.volume.length;
  const erlangC = params.model === 'erlang-c';
  const roster = queue.rosterHeadcount;

  const headcount = detail === 'intervals' ? new Array<number | null>(n) : undefined;
  const rosterSl = roster && detail === 'intervals' ? new Array<number>(n) : undefined;
  let agentSum = 0;
  let headcountSum = 0;
  let peak = 0;
  let unmet = 0;
  let weightedSl = 0;
  let volumeSum = 0;
  let rosterWeightedSl = 0;
  let underRequirement = 0;
  let shortAgents = 0;

  for (let i = 0; i < n; i++) {
    const volume = (queue.volume[i] as number) * volumeFactor;
    const aht = (queue.ahtSeconds[i] as number) * ahtFactor;
    const erlangs = (volume * aht) / intervalSeconds;
    let agents: number;
    let sl: number;
    if (erlangC) {
      agents = solveErlangCAgents(erlangs, aht, params.targets);
      sl = agents < 0 ? 0 : evaluateErlangC(erlangs, aht, agents, answerSeconds).serviceLevel;
    } else {
      const solved = solveOther({ volume, ahtSeconds: aht, intervalMinutes: queue.intervalMinutes }, params);
      agents = solved.met ? solved.agents : -1;
      sl = solved.serviceLevel;
    }
    volumeSum += volume;
    if (agents < 0) {
      unmet++;
      if (headcount) headcount[i] = null;
    } else {
      const heads = headcountAfterShrinkage(agents, shrinkage);
      agentSum += agents;
      headcountSum += heads;
      if (heads > peak) peak = heads;
      weightedSl += volume * sl;
      if (headcount) headcount[i] = heads;
    }
    if (roster) {
      const onPhone = Math.floor((roster[i] as number) * (1 - shrinkage) + EPS);
      const rsl = erlangC
        ? evaluateErlangC(erlangs, aht, onPhone, answerSeconds).serviceLevel
        : evaluateOther({ volume, ahtSeconds: aht, intervalMinutes: queue.intervalMinutes }, params, onPhone).serviceLevel;
      rosterWeightedSl += volume * rsl;
      if (rosterSl) rosterSl[i] = rsl;
      const required = agents < 0 ? Infinity : agents;
      if (onPhone < required) {
        underRequirement++;
        shortAgents += required - onPhone;
      }
    }
  }

  const result: WhatIfQueueResult = {
    name: queue.name,
    agentHours: agentSum * hoursPerInterval,
    headcountHours: headcountSum * hoursPerInterval,
    peakHeadcount: peak,
    serviceLevel: volumeSum > 0 ? weightedSl / volumeSum : null,
    unmetIntervals: unmet,
  };
  if (headcount) result.headcount = headcount as number[];
  if (roster) {
    result.roster = {
      serviceLevel: volumeSum > 0 ? rosterWeightedSl / volumeSum : null,
      intervalsUnderRequirement: underRequirement,
      shortAgentIntervals: shortAgents,
    };
    if (rosterSl) result.roster.serviceLevelByInterval = rosterSl;
  }
  return result;
}

/** Volume under a scenario, for weighting the totals. */
function scenarioVolume(queue: WhatIfQueue, scenario: Scenario): number {
  let sum = 0;
  for (let i = 0; i < queue.volume.length; i++) sum += queue.volume[i] as number;
  return sum * (scenario.volumeFactor ?? 1);
}

/** One scenario over every queue, with totals. */
export function evaluateScenario(input: WhatIfInput, index: number): WhatIfScenarioResult {
  const scenario = input.scenarios[index];
  if (!scenario) throw new RangeError(`evaluateScenario: no scenario ${index}`);
  const queues = input.queues.map((q) => evaluateQueueScenario(q, scenario, input.detail));
  let agentHours = 0;
  let headcountHours = 0;
  let unmetIntervals = 0;
  let slWeighted = 0;
  let slVolume = 0;
  let rosterWeighted = 0;
  let rosterVolume = 0;
  input.queues.forEach((q, k) => {
    const r = queues[k] as WhatIfQueueResult;
    agentHours += r.agentHours;
    headcountHours += r.headcountHours;
    unmetIntervals += r.unmetIntervals;
    const volume = scenarioVolume(q, scenario);
    if (r.serviceLevel !== null) {
      slWeighted += volume * r.serviceLevel;
      slVolume += volume;
    }
    if (r.roster && r.roster.serviceLevel !== null) {
      rosterWeighted += volume * r.roster.serviceLevel;
      rosterVolume += volume;
    }
  });
  const { name, ...changes } = scenario;
  return {
    index,
    name,
    changes,
    totals: {
      agentHours,
      headcountHours,
      serviceLevel: slVolume > 0 ? slWeighted / slVolume : null,
      unmetIntervals,
      rosterServiceLevel: rosterVolume > 0 ? rosterWeighted / rosterVolume : null,
    },
    queues,
  };
}

/**
 * Runs scenarios `from` (inclusive) to `to` (exclusive) of the input, in order.
 * O(scenarios x queues x intervals x agents searched).
 *
 * @example
 * runWhatIf({ queues: [week], scenarios: [{ name: '+15 %', volumeFactor: 1.15 }], detail: 'summary' })
 *   .scenarios[0].totals.headcountHours
 */
export function runWhatIf(input: WhatIfInput, from = 0, to = input.scenarios.length): WhatIfResult {
  const scenarios: WhatIfScenarioResult[] = [];
  for (let s = from; s < to; s++) scenarios.push(evaluateScenario(input, s));
  let intervalCount = 0;
  for (const q of input.queues) intervalCount += q.volume.length;
  return { scenarioCount: input.scenarios.length, intervalCount, scenarios };
}
