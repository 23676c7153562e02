/**
 * A multi-skill plan checked by simulation and corrected (docs/shift-plan.md, "Skills"): the
 * cutting-plane loop of Cezik & L'Ecuyer (2008, Management Science 54(2):310-323) on the plan's
 * pooled subset model. The plan is made, the caller's `verify` (a simulation of the plan's agents
 * per skill set) names the queues and slots below target, each named queue's requirement there is
 * raised by one agent (so is every subset holding it: `PlanQueueRequirement.raise`), and the plan
 * is made again (starting from the last plan's shifts, still a plan of the raised model, with the
 * raised intervals short), until none is named, `maxRounds` re-plans are done or `timeBudgetMs` has passed
 * (no new round starts after it, and a re-plan is given the time left less its check's). The plan returned is the last one made; its LP bound is the bound
 * of the model it solved (with the raises).
 */
import { planShiftsSolved, type PlanOptions } from './plan.js';
import type { WarmStart } from './solve-plan.js';
import type { PlanRequirement, ShiftPlanRules } from './rules.js';
import type { ShiftPlan } from './types.js';

/** A queue (index into `requirement.queues`) below its target in a slot, by the simulation. */
export interface SkillMiss {
  queue: number;
  slot: number;
}

export interface SkillCutOptions {
  verify: (plan: ShiftPlan) => SkillMiss[];
  /** Re-plans at most (0: the first plan is only verified). */
  maxRounds: number;
  /** No new round starts once this much has passed since the first plan began, ms. */
  timeBudgetMs: number;
  /** The clock (the core keeps none): milliseconds. */
  now: () => number;
}

export interface SkillCutRound {
  /** (queue, slot) pairs below target in this round's plan. */
  misses: number;
  paidHours: number;
  objective: number;
  lpBound: number;
  ms: number;
}

export interface SkillCutResult {
  plan: ShiftPlan;
  rounds: SkillCutRound[];
  /** Agent-intervals added to the queues' requirements over all rounds. */
  raised: number;
}

/** Plans, verifies and re-plans with raised requirements (see the file's comment). */
export function planWithSkillCuts(
  requirement: PlanRequirement,
  rules: ShiftPlanRules,
  options: PlanOptions,
  cuts: SkillCutOptions,
): SkillCutResult {
  const start = cuts.now();
  const rounds: SkillCutRound[] = [];
  let current = requirement;
  let raised = 0;
  let warmStart: WarmStart | undefined;
  let verifyMs = 0;
  let overrunMs = 0;
  for (let round = 0; ; round++) {
    const t0 = cuts.now();
    // A re-plan gets at most the budget left less its own check (as long as the last one took) and
    // a plan's time outside the solver (set-up, decoding, shortfall: the longest so far); the first
    // plan its whole limit.
    const left = (cuts.timeBudgetMs - (t0 - start) - verifyMs - overrunMs) / 1000;
    const limit =
      round === 0 ? rules.solver.timeLimitSeconds : Math.max(1, Math.min(rules.solver.timeLimitSeconds, left));
    const roundRules =
      limit === rules.solver.timeLimitSeconds
        ? rules
        : { ...rules, solver: { ...rules.solver, timeLimitSeconds: limit } };
    const made = planShiftsSolved(current, roundRules, { ...options, warmStart });
    // The plan's time outside the solver (the largest a round has taken).
    overrunMs = Math.max(overrunMs, cuts.now() - t0 - made.solverSeconds * 1000);
    const plan = made.plan;
    warmStart = made.solved;
    const t1 = cuts.now();
    const misses = current.queues && current.queues.length >= 2 ? cuts.verify(plan) : [];
    verifyMs = cuts.now() - t1;
    const q = plan.quality;
    rounds.push({
      misses: misses.length,
      paidHours: q.paidHours,
      objective: q.objective,
      lpBound: q.lpBound,
      ms: cuts.now() - t0,
    });
    // A re-plan needs a second of solver time at least, besides its check.
    if (
      misses.length === 0 ||
      round >= cuts.maxRounds ||
      cuts.now() - start >= cuts.timeBudgetMs - 1000 - verifyMs - overrunMs
    )
      return { plan, rounds, raised };
    current = raiseRequirement(current, misses);
    raised += misses.length;
  }
}

/** The requirement with one more agent for each named queue and slot (its `raise` counts them). */
export function raiseRequirement(requirement: PlanRequirement, misses: readonly SkillMiss[]): PlanRequirement {
  const queues = (requirement.queues ?? []).map((q) => ({
    ...q,
    required: [...q.required],
    raise: q.raise ? [...q.raise] : q.required.map(() => 0),
  }));
  const required = [...requirement.required];
  for (const { queue, slot } of misses) {
    const q = queues[queue];
    if (!q || slot < 0 || slot >= q.required.length) continue;
    q.required[slot] = (q.required[slot] as number) + 1;
    q.raise[slot] = (q.raise[slot] as number) + 1;
    required[slot] = (required[slot] as number) + 1;
  }
  return { ...requirement, required, queues };
}
