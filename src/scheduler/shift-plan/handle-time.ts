/**
 * The agents' speed in a shift plan (docs/shift-plan.md, "Proficiency"). An agent serving a queue at
 * handle-time factor f (its proficiency for the skill, 1 when none, times the learning curve by tenure
 * at the plan's start) gives 1/f of an agent's capacity, so a queue's agents together serve as if
 * each had the harmonic mean H = n / sum(1/f) of their factors: the plan sizes the queue for AHT x H.
 *
 * A queue with its load (Erlang C or A: volume, AHT, target) gets its requirement raised (or lowered)
 * by what AHT x H adds under its target, `required + N(AHT x H) - N(AHT)` per interval (N the minimal
 * agents), so whatever else the given requirement holds (other targets, the simulation's raises)
 * stays; its load's AHT becomes AHT x H, which the pooled subsets of a multi-skill plan then use. A
 * requirement without a load (chat, deferred work, agents per interval alone) is scaled: ceil(r x H).
 * Intervals without contacts keep their requirement. Pure; the learning curve's clock is the plan's
 * start (`originMs`).
 */
import { solveInterval } from '../../erlang/solve-interval.js';
import type { QueueParams } from '../../erlang/types.js';
import { learningCurveFactor, tenureMonthsAt, type LearningCurve } from '../../multiskill/proficiency.js';
import { epochDayOfDate } from '../../time/local-time.js';
import type { PlanQueueLoad, PlanQueueRequirement, PlanRequirement } from './rules.js';
import { agentQueues } from './skill-plan.js';
import type { SupplyAgent } from './supply-agents.js';

/** A factor this close to 1 is 1 (no resizing, no note). */
const UNIT_EPS = 1e-9;

/** The handle-time factor a queue was sized at, over its `agents` agents (only where it is not 1). */
export interface QueueHandleTime {
  name: string;
  factor: number;
  agents: number;
  /** 'erlang': sized at AHT x factor under its target; 'scaled': its requirement times the factor. */
  sizing: 'erlang' | 'scaled';
}

/** n / sum(1/f): the common factor at which n agents serve as much as they do at their own (1 when none). */
export function harmonicMean(factors: readonly number[]): number {
  if (factors.length === 0) return 1;
  return factors.length / factors.reduce((sum, f) => sum + 1 / f, 0);
}

/** The learning curve's factor for an agent at `atMs` (1 without a curve or a readable hire date). */
export function tenureFactor(agent: SupplyAgent, curve: LearningCurve | undefined, atMs: number): number {
  const day = curve && agent.hireDate !== undefined ? epochDayOfDate(agent.hireDate) : undefined;
  if (!curve || day === undefined) return 1;
  return learningCurveFactor(tenureMonthsAt(day * 86_400_000, atMs), curve);
}

/**
 * An agent's handle-time factor on `skill` (proficiency x learning curve). Without a skill name (a
 * single queue that has none), the harmonic mean of its proficiency over its skills.
 */
export function agentFactor(
  agent: SupplyAgent,
  skill: string | undefined,
  curve: LearningCurve | undefined,
  atMs: number,
): number {
  const own =
    skill !== undefined
      ? (agent.proficiency?.[skill] ?? 1)
      : harmonicMean((agent.skills ?? []).map((s) => agent.proficiency?.[s] ?? 1));
  return own * tenureFactor(agent, curve, atMs);
}

/** Per queue of `names`: the harmonic mean factor of the agents holding its skill, and how many hold it. */
export function queueFactors(
  names: readonly string[],
  agents: readonly SupplyAgent[],
  curve: LearningCurve | undefined,
  atMs: number,
): { factor: number; agents: number }[] {
  const held = agents.map((a) => agentQueues(a, names));
  return names.map((name, q) => {
    const factors = agents.filter((_, i) => held[i]?.includes(q)).map((a) => agentFactor(a, name, curve, atMs));
    return { factor: harmonicMean(factors), agents: factors.length };
  });
}

/**
 * Per skill class (queue indices into `names`): per skill, the harmonic mean factor of the class's
 * agents (those whose skills among `names` are exactly the class's); undefined where all are 1.
 */
export function classFactors(
  classes: readonly (readonly number[])[],
  names: readonly string[],
  agents: readonly SupplyAgent[],
  curve: LearningCurve | undefined,
  atMs: number,
): (Record<string, number> | undefined)[] {
  const keys = agents.map((a) => agentQueues(a, names).join(','));
  return classes.map((cls) => {
    const mine = agents.filter((_, i) => keys[i] === cls.join(','));
    const entries = cls.map((q) => {
      const name = names[q] as string;
      return [name, harmonicMean(mine.map((a) => agentFactor(a, name, curve, atMs)))] as const;
    });
    return entries.some(([, f]) => Math.abs(f - 1) > UNIT_EPS) ? Object.fromEntries(entries) : undefined;
  });
}

/** Erlang C, or Erlang A with a patience, at a queue load's target. */
function loadParams(load: PlanQueueLoad): QueueParams {
  const targets = { serviceLevel: load.serviceLevel, answerSeconds: load.answerSeconds };
  return load.patienceSeconds === undefined
    ? { model: 'erlang-c', targets }
    : { model: 'erlang-a', targets, patienceSeconds: load.patienceSeconds };
}

/**
 * `required` at handle-time factor `factor`: where the interval has contacts and `params` is given,
 * plus N(AHT x factor) - N(AHT); without `params`, ceil(required x factor). O(slots) Erlang solves.
 */
function resized(
  required: readonly number[],
  load: { volume?: readonly number[] | undefined; ahtSeconds?: readonly number[] | undefined },
  factor: number,
  params: QueueParams | null,
  intervalMinutes: number,
): number[] {
  const agentsAt = (volume: number, ahtSeconds: number) =>
    solveInterval({ volume, ahtSeconds, intervalMinutes }, params as QueueParams).agents;
  return required.map((r, s) => {
    if (!(r > 0)) return r;
    if (!params) return Math.ceil(r * factor - UNIT_EPS);
    const v = load.volume?.[s] ?? 0;
    const aht = load.ahtSeconds?.[s] ?? 0;
    if (!(v > 0) || !(aht > 0)) return r;
    return Math.max(0, r + agentsAt(v, aht * factor) - agentsAt(v, aht));
  });
}

/** One queue of a multi-skill plan at its factor: its requirement resized, its load's AHT scaled. */
function queueAt(q: PlanQueueRequirement, factor: number, intervalMinutes: number): PlanQueueRequirement {
  const required = resized(q.required, q.load ?? {}, factor, q.load ? loadParams(q.load) : null, intervalMinutes);
  if (!q.load) return { ...q, required };
  return { ...q, required, load: { ...q.load, ahtSeconds: q.load.ahtSeconds.map((a) => a * factor) } };
}

/** A single-queue requirement's Erlang parameters (Erlang A with its patience), when it has a load to size (null: scaled). */
function singleParams(r: PlanRequirement): QueueParams | null {
  const q = r.queue;
  const erlang = q?.model === 'erlang-c' || (q?.model === 'erlang-a' && q.patienceSeconds !== undefined);
  return q && erlang && r.volume && r.ahtSeconds ? q : null;
}

/**
 * The requirement the plan sizes for its agents' speed (see the file's comment), and the factor of
 * every queue that is not 1. Several queues (with agents): per queue, over the agents holding its
 * skill; the summed requirement changes by the queues' changes. One queue: over every agent (a
 * single-queue plan ignores skills), at the queue's name when the requirement gives one.
 * Without agents, unchanged. O(queues x agents + resized slots x Erlang solve).
 */
export function sizedForAgents(
  requirement: PlanRequirement,
  agents: readonly SupplyAgent[] | undefined,
  curve: LearningCurve | undefined,
): { requirement: PlanRequirement; factors: QueueHandleTime[] } {
  if (!agents || agents.length === 0) return { requirement, factors: [] };
  const at = requirement.originMs;
  const minutes = requirement.intervalMinutes;
  const queues = requirement.queues;
  if (queues && queues.length >= 2) {
    const found = queueFactors(
      queues.map((q) => q.name),
      agents,
      curve,
      at,
    );
    const factors: QueueHandleTime[] = [];
    const required = [...requirement.required];
    const sized = queues.map((q, k) => {
      const { factor, agents: n } = found[k] as { factor: number; agents: number };
      if (Math.abs(factor - 1) <= UNIT_EPS) return q;
      factors.push({ name: q.name, factor, agents: n, sizing: q.load ? 'erlang' : 'scaled' });
      const next = queueAt(q, factor, minutes);
      // A queue off the plan's length is refused later (planShiftsSolved), naming it.
      next.required.forEach((r, s) => {
        if (s < required.length) required[s] = (required[s] as number) + r - (q.required[s] ?? 0);
      });
      return next;
    });
    return { requirement: { ...requirement, required, queues: sized }, factors };
  }
  const name = queues?.length === 1 ? queues[0]?.name : undefined;
  const factor = harmonicMean(agents.map((a) => agentFactor(a, name, curve, at)));
  if (Math.abs(factor - 1) <= UNIT_EPS) return { requirement, factors: [] };
  const params = singleParams(requirement);
  const required = resized(requirement.required, requirement, factor, params, minutes);
  const ahtSeconds = requirement.ahtSeconds?.map((a) => a * factor);
  const sizing = params ? 'erlang' : 'scaled';
  return {
    requirement: { ...requirement, required, ...(ahtSeconds ? { ahtSeconds } : {}) },
    factors: [{ name: name ?? 'the queue', factor, agents: agents.length, sizing }],
  };
}

/** One sentence per resized queue, e.g. "vip sized at AHT x 1.18 for its 12 agents' proficiency ...". */
export function handleTimeNotes(factors: readonly QueueHandleTime[]): string[] {
  return factors.map((f) => {
    const x = Math.round(f.factor * 100) / 100;
    const who = `its ${f.agents} agent${f.agents === 1 ? '' : 's'}' proficiency (harmonic mean)`;
    return f.sizing === 'erlang'
      ? `${f.name} sized at AHT x ${x} for ${who}`
      : `${f.name}: requirement x ${x} for ${who}, no load to size by Erlang`;
  });
}
