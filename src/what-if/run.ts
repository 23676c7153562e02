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
import type {
  Scenario,
  WhatIfInput,
  WhatIfQueue,
  WhatIfQueueResult,
  WhatIfResult,
  WhatIfScenarioResult,
} from './types.js';

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
export function evaluateQueueScenario(
  queue: WhatIfQueue,
  scenario: Scenario,
  detail: WhatIfInput['detail'],
  out: { headcount?: Float64Array; rosterServiceLevel?: Float64Array } = {},
): WhatIfQueueResult {
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

  const headcount = detail === 'intervals' ? (out.headcount ?? new Float64Array(n)) : undefined;
  const rosterSl = roster && detail === 'intervals' ? (out.rosterServiceLevel ?? new Float64Array(n)) : undefined;
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
      if (headcount) headcount[i] = NaN;
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
        : evaluateOther({ volume, ahtSeconds: aht, intervalMinutes: queue.intervalMinutes }, params, onPhone)
            .serviceLevel;
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
  if (headcount) result.headcount = headcount;
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
export function evaluateScenario(input: WhatIfInput, index: number, buffers?: ScenarioBuffers): WhatIfScenarioResult {
  const scenario = input.scenarios[index];
  if (!scenario) throw new RangeError(`evaluateScenario: no scenario ${index}`);
  let offset = 0;
  const queues = input.queues.map((q) => {
    const n = q.volume.length;
    const out = buffers
      ? {
          headcount: buffers.headcount.subarray(offset, offset + n),
          ...(q.rosterHeadcount ? { rosterServiceLevel: buffers.rosterServiceLevel.subarray(offset, offset + n) } : {}),
        }
      : {};
    offset += n;
    return evaluateQueueScenario(q, scenario, input.detail, out);
  });
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
  let intervalCount = 0;
  for (const q of input.queues) intervalCount += q.volume.length;
  // One buffer per column for the whole range, each result a view into it: a worker moves the
  // range back as two buffers instead of cloning thousands of arrays.
  const cells = input.detail === 'intervals' ? (to - from) * intervalCount : 0;
  const headcount = new Float64Array(cells);
  const rosterServiceLevel = new Float64Array(input.queues.some((q) => q.rosterHeadcount) ? cells : 0);
  const scenarios: WhatIfScenarioResult[] = [];
  for (let s = from; s < to; s++) {
    const at = (s - from) * intervalCount;
    const buffers =
      cells > 0
        ? {
            headcount: headcount.subarray(at, at + intervalCount),
            rosterServiceLevel:
              rosterServiceLevel.length > 0 ? rosterServiceLevel.subarray(at, at + intervalCount) : rosterServiceLevel,
          }
        : undefined;
    scenarios.push(evaluateScenario(input, s, buffers));
  }
  return { scenarioCount: input.scenarios.length, intervalCount, scenarios };
}

/** Where one scenario writes its per-interval columns (views of the range's buffers). */
interface ScenarioBuffers {
  headcount: Float64Array;
  rosterServiceLevel: Float64Array;
}
