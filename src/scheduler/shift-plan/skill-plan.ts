/**
 * The set-up of a multi-skill plan (docs/shift-plan.md, "Skills"): the agents' skill classes, the
 * candidate shifts copied per class that has agents able to work them, and the queues' requirements.
 */
import type { CandidateShift } from './candidates.js';
import type { SkillInput } from './model-parts.js';
import type { SupplyAgent } from './supply-agents.js';
import type { SupplyTable } from './supply-groups.js';
import type { PlanQueueRequirement } from './rules.js';
import { queueSubsets, subsetRequirements } from './skill-subsets.js';

export type { PlanQueueRequirement } from './rules.js';

/** The skill classes and queues of a plan, each queue with its shortage weight (`priorityWeights`). */
export type SkillQueues = Omit<SkillInput, 'queues'> & { queues: (PlanQueueRequirement & { weight: number })[] };

/** The model's skill input at a shortage penalty per agent-interval (weighted per queue). */
export function skillInputAt(skills: SkillQueues, penalty: number): SkillInput {
  return {
    classes: skills.classes,
    classOfGroup: skills.classOfGroup,
    subsets: skills.subsets,
    queues: skills.queues.map((q) => ({
      name: q.name,
      priority: q.priority,
      required: q.required,
      penalty: penalty * q.weight,
    })),
  };
}

/** The queues an agent may serve, as indices into `names`, ascending: all when the agent lists no skills. */
export function agentQueues(agent: SupplyAgent, names: readonly string[]): number[] {
  if (!agent.skills) return names.map((_, q) => q);
  return names.map((_, q) => q).filter((q) => agent.skills?.includes(names[q] as string));
}

/** The grouping key of an agent's skill set. */
export function skillKeyOf(names: readonly string[]): (a: SupplyAgent) => string {
  return (a) => agentQueues(a, names).join(',');
}

/**
 * Shortage weight per queue: 1 for the lowest priority, plus 0.25 per step up the distinct
 * priorities (so a shortage in a higher-priority queue costs more, within the same order of cost).
 */
export function priorityWeights(priorities: readonly number[]): number[] {
  const distinct = [...new Set(priorities)].sort((a, b) => a - b);
  return priorities.map((p) => 1 + 0.25 * distinct.indexOf(p));
}

/**
 * The skill classes of the supply's groups, and the candidates copied per class (a copy exists
 * where some agent of the class may work the shift; its `able` row keeps only that class's groups).
 * `coverable[s]` false zeroes every queue's requirement there (as the single cover row does). The
 * subsets of queues covered and their pooled requirements: `queueSubsets`, `subsetRequirements`.
 */
export function skillSetup(
  queues: readonly PlanQueueRequirement[],
  supply: SupplyTable,
  candidates: readonly CandidateShift[],
  coverable: readonly boolean[],
  intervalMinutes: number,
): { skills: SkillQueues; candidates: CandidateShift[] } {
  const names = queues.map((q) => q.name);
  const classKeys: string[] = [];
  const classOfGroup = supply.groups.map((g) => {
    const key = agentQueues(g.agents[0] as SupplyAgent, names).join(',');
    if (!classKeys.includes(key)) classKeys.push(key);
    return classKeys.indexOf(key);
  });
  const classes = classKeys.map((key) => (key === '' ? [] : key.split(',').map(Number)));
  const copies: CandidateShift[] = [];
  for (const c of candidates) {
    const row = supply.able.get(c);
    if (!row) continue;
    classes.forEach((_, k) => {
      const masked = row.map((count, g) => (classOfGroup[g] === k ? count : 0));
      if (!masked.some((count) => count > 0)) return;
      const copy: CandidateShift = { ...c, skillClass: k };
      supply.able.set(copy, masked);
      copies.push(copy);
    });
  }
  const weights = priorityWeights(queues.map((q) => q.priority));
  const subsets = subsetRequirements(queues, queueSubsets(queues.length, classes), intervalMinutes, coverable);
  return {
    skills: {
      classes,
      classOfGroup,
      subsets,
      queues: queues.map((q, qi) => ({
        ...q,
        required: q.required.map((r, s) => (coverable[s] ? r : 0)),
        weight: weights[qi] as number,
      })),
    },
    candidates: copies,
  };
}

/**
 * The plan's total requirement per slot: the sum, over the largest subsets of queues covered (the
 * linked components), of their pooled requirements, at most `open` (the summed requirement while
 * open), which stays where no shift can cover. Without the queues' load, the sum of their requirements.
 */
export function pooledTotal(
  skills: Pick<SkillQueues, 'subsets'>,
  open: readonly number[],
  coverable: readonly boolean[],
): number[] {
  const largest = skills.subsets.filter(
    (a) =>
      !skills.subsets.some((b) => b.queues.length > a.queues.length && a.queues.every((q) => b.queues.includes(q))),
  );
  return open.map((r, s) => {
    const total = largest.reduce((sum, sub) => sum + (sub.required[s] ?? 0), 0);
    return coverable[s] ? Math.min(r, total) : r;
  });
}
