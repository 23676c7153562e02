/**
 * Model building and solving of the shift plan: LP relaxation (the reported lower bound), a soft
 * re-solve when full cover proves infeasible, LP-guided rounding and repair (the fallback and the
 * MIP's first incumbent), the MIP, and the cheaper of the two as the plan.
 */
import type { SlotGrid } from '../../time/slot-grid.js';
import { solveModel, type Highs, type SolveOutcome } from '../mip/solve.js';
import type { CandidateShift, TemplateOnGrid } from './candidates.js';
import { computeCoverage, type InstanceOnGrid, type SessionOnGrid } from './coverage.js';
import { decodeSolution } from './decode.js';
import { improve } from './improve.js';
import { buildShiftPlanModel, type ShiftPlanModel } from './model.js';
import { poolAccounts } from './pool-accounting.js';
import { roundAndRepair } from './repair.js';
import type { ShiftPlanRules } from './rules.js';
import { solutionVector } from './start-solution.js';
import type { PlanIssue, SolveStatus } from './types.js';
import type { SupplyTable } from './supply-groups.js';
import { fitToSupply, type SuppliedPlan } from './supply-start.js';
import { skillRepair } from './skill-start.js';
import { skillInputAt, type SkillQueues } from './skill-plan.js';
import { greedySkillValues, queueCoverOf as skillCoverOf } from './skill-model.js';
import { completeStart, startFromIntegers, type IntegerColumns } from './start-completion.js';

/** Penalty per short agent-interval when a hard plan proves infeasible and is re-solved soft. */
export const INFEASIBLE_FALLBACK_PENALTY = 1000;

/** A multi-skill model with more columns than this solves its LP relaxation by interior point. */
export const IPM_MIN_COLUMNS = 12_000;

export interface PlanSolveInput {
  grid: SlotGrid;
  rules: ShiftPlanRules;
  onGrid: TemplateOnGrid[];
  candidates: CandidateShift[];
  /** Requirement per slot as the model must meet it (0 where uncoverable). */
  required: number[];
  highs: Highs;
  /** The agents' supply (docs/shift-plan.md, "Supply"); without it the plan is for any number of agents. */
  supply?: SupplyTable | undefined;
  /** A multi-skill plan (with `supply`): the queues' requirements and the agents' skill classes. */
  skills?: SkillQueues | undefined;
  /** A plan of the same candidates (an earlier round of the same agents and rules): one more starting plan. */
  warmStart?: WarmStart | undefined;
}

/** Concrete shift instances and sessions of a plan, on the grid and the candidates of its model. */
export interface WarmStart {
  instances: InstanceOnGrid[];
  sessions: SessionOnGrid[];
  /** The plan's integer columns: a model with the same columns starts from them as they are. */
  integers?: IntegerColumns | undefined;
}

/** A multi-skill plan's coverage per queue and slot, and per class and slot which queues its agents serve. */
export interface QueueCover {
  covered: number[][];
  serves: boolean[][][];
}

/** The model and its LP relaxation, with the shortage penalty they were built with (null: hard cover). */
export interface RelaxedModel {
  built: ShiftPlanModel;
  lp: SolveOutcome;
  penalty: number | null;
}

export interface SolvedPlan extends RelaxedModel {
  mip: SolveOutcome;
  status: SolveStatus;
  /** The plan's column vector in `built` (the MIP's, or the fallback's start). */
  values: Float64Array;
  instances: InstanceOnGrid[];
  sessions: SessionOnGrid[];
  /** A multi-skill plan: from the MIP's shortage columns (or the fallback's greedy setting). */
  queueCover?: QueueCover;
}

/** Builds and solves the plan; appends `under-coverage` and `solver-fallback` issues as they arise. */
export function solvePlan(input: PlanSolveInput, issues: PlanIssue[]): SolvedPlan {
  const relaxed = buildAndRelax(input, issues);
  const { built, lp, penalty } = relaxed;
  const { grid, rules, onGrid, required } = input;
  const n = grid.slotCount;
  // LP-guided rounding + greedy repair: the fallback, and the MIP's first incumbent.
  const repaired = roundAndRepair({
    grid,
    rules,
    onGrid,
    candidates: built.candidates,
    windows: built.windows,
    required,
    lpCounts: lp.values ? built.shiftCols.map((col) => lp.values?.[col] ?? 0) : null,
    poolCols: built.poolCols,
    poolDemands: built.poolDemands,
  });
  const { fitted, heuristic, start } = cheaperStart(
    input,
    built,
    [repaired, skillRepair(input, built, lp), input.warmStart ?? null],
    warmVector(input, built),
  );
  const mip = lp.status === 'infeasible' ? lp : improve(input.highs, built, rules, lp, start);
  const fromMip = mip.values ? decodeSolution(built, onGrid, rules, mip.values) : null;
  const mipIsBetter = fitted
    ? mip.values !== null && vectorCost(built, mip.values) <= vectorCost(built, start) + 1e-6
    : fromMip !== null &&
      planCost(built, rules, onGrid, n, required, penalty, fromMip) <=
        planCost(built, rules, onGrid, n, required, penalty, heuristic) + 1e-6;
  if (fromMip && mipIsBetter)
    return {
      ...relaxed,
      mip,
      status: mip.status === 'optimal' ? 'optimal' : 'time-limit',
      ...fromMip,
      values: mip.values as Float64Array,
      ...queueCoverOf(input, built, mip.values as Float64Array),
    };
  issues.push({
    code: 'solver-fallback',
    message: `No better MIP solution within ${rules.solver.timeLimitSeconds} s: LP-guided rounding and greedy repair.`,
  });
  return { ...relaxed, mip, status: 'heuristic', ...heuristic, values: start, ...queueCoverOf(input, built, start) };
}

/**
 * The cheapest of the candidate starting plans (fitted to the agents' supply when given), as a column
 * vector with its skill columns' values. O(candidates x columns).
 */
function cheaperStart(
  input: PlanSolveInput,
  built: ShiftPlanModel,
  plans: ({ instances: InstanceOnGrid[]; sessions: SessionOnGrid[] } | null)[],
  warm: { heuristic: PlanOnGrid; start: Float64Array } | null,
) {
  const n = input.grid.slotCount;
  let best: { fitted: SuppliedPlan | null; heuristic: PlanOnGrid; start: Float64Array; cost: number } | null = warm
    ? {
        ...warm,
        fitted: { instances: warm.heuristic.instances, values: new Map() },
        cost: vectorCost(built, warm.start),
      }
    : null;
  for (const plan of plans) {
    if (!plan) continue;
    const fitted = input.supply ? fitToSupply(built, input.supply, input.onGrid, plan.instances) : null;
    const heuristic = fitted ? { instances: fitted.instances, sessions: plan.sessions } : plan;
    const start = solutionVector(built, input.rules, n, input.required, heuristic.instances, heuristic.sessions);
    fitted?.values.forEach((value, col) => (start[col] = value));
    const greedy = skillValues(input, built, heuristic);
    greedy?.forEach((value, col) => (start[col] = value));
    const lpDone = greedy ? completeStart(input.highs, built, start, completion(input.rules)) : null;
    const completed = lpDone && vectorCost(built, lpDone) < vectorCost(built, start) - 1e-9 ? lpDone : start;
    const cost = vectorCost(built, completed);
    if (!best || cost < best.cost - 1e-9) best = { fitted, heuristic, start: completed, cost };
  }
  return best as NonNullable<typeof best>;
}

/**
 * An earlier round's plan as it was (its integer columns, the rest by `completeStart`), where the
 * model has the same columns: the concrete plan of `warmStart` refitted to the supply loses shifts
 * the model had placed. Null otherwise.
 */
function warmVector(
  input: PlanSolveInput,
  built: ShiftPlanModel,
): { heuristic: PlanOnGrid; start: Float64Array } | null {
  const integers = input.warmStart?.integers;
  const vector = integers && built.skillCols ? startFromIntegers(built, integers) : null;
  if (!vector) return null;
  const start = completeStart(input.highs, built, vector, completion(input.rules));
  if (!start) return null; // No feasible completion: the model moved too far.
  return { heuristic: decodeSolution(built, input.onGrid, input.rules, start), start };
}

/** The time a starting plan's LP completion may take: a tenth of the plan's limit, 1-5 s. */
function completion(rules: ShiftPlanRules): { seconds: number; seed: number } {
  return { seconds: Math.min(5, Math.max(1, rules.solver.timeLimitSeconds / 10)), seed: rules.solver.seed };
}

type PlanOnGrid = { instances: InstanceOnGrid[]; sessions: SessionOnGrid[] };

/** The skill columns' values of a concrete plan (greedy allocation), or null outside a multi-skill plan. */
function skillValues(
  input: PlanSolveInput,
  built: ShiftPlanModel,
  plan: { instances: InstanceOnGrid[]; sessions: SessionOnGrid[] },
): Map<number, number> | null {
  if (!input.skills || !built.skillCols) return null;
  const n = input.grid.slotCount;
  const cyclic = input.rules.cyclic;
  const onPhoneByClass = input.skills.classes.map((_, k) => {
    const mine = plan.instances.filter((inst) => built.candidates[inst.candidate]?.skillClass === k);
    const c = computeCoverage(n, cyclic, mine, []);
    return c.onShift.map((x, s) => x - (c.onBreak[s] as number));
  });
  const retraining = computeCoverage(n, cyclic, [], plan.sessions).inRetraining;
  return greedySkillValues(skillInputAt(input.skills, 1), built.skillCols, onPhoneByClass, retraining);
}

/** Coverage per queue from a column vector's shortages (a multi-skill plan only). */
function queueCoverOf(input: PlanSolveInput, built: ShiftPlanModel, values: Float64Array): { queueCover?: QueueCover } {
  if (!input.skills || !built.skillCols) return {};
  return { queueCover: skillCoverOf(skillInputAt(input.skills, 1), built.skillCols, values) };
}

/** The model and its LP; when full cover is infeasible, rebuilt with a penalty per short agent-interval. */
function buildAndRelax(input: PlanSolveInput, issues: PlanIssue[]): RelaxedModel {
  const { grid, rules, onGrid, candidates, required, supply, skills } = input;
  const soft = rules.coverage.mode === 'soft';
  const build = (penalty: number | null) =>
    buildShiftPlanModel({
      grid,
      rules,
      onGrid,
      candidates,
      required,
      shortPenalty: required.map(() => penalty),
      supply,
      ...(skills ? { skills: skillInputAt(skills, penalty ?? INFEASIBLE_FALLBACK_PENALTY) } : {}),
    });
  const lpOptions = {
    integer: false,
    timeLimitSeconds: Math.max(1, rules.solver.timeLimitSeconds * 3),
    relativeGap: 0,
    seed: rules.solver.seed,
  };
  // The skill model makes a large LP highly degenerate: interior point there
  // (a 6-queue, 8-class week: 94 s of dual simplex against 17 s; small models stay on the simplex).
  const lpOf = (model: ShiftPlanModel) =>
    solveModel(input.highs, model.model, {
      ...lpOptions,
      ...(skills && model.model.numCols > IPM_MIN_COLUMNS ? { lpSolver: 'ipm' as const } : {}),
    });
  // With agents, a short interval is data (the shortfall), never an infeasible model.
  const penalty = soft ? rules.coverage.underPenaltyPerAgentInterval : supply ? INFEASIBLE_FALLBACK_PENALTY : null;
  const built = build(penalty);
  const lp = lpOf(built);
  if (lp.status !== 'infeasible' || soft) return { built, lp, penalty };
  issues.push({
    code: 'under-coverage',
    message:
      'Full cover is infeasible under the rules (template limits or "must" pool); re-solved with a ' +
      'penalty per short agent-interval.',
  });
  const rebuilt = build(INFEASIBLE_FALLBACK_PENALTY);
  return {
    built: rebuilt,
    lp: lpOf(rebuilt),
    penalty: INFEASIBLE_FALLBACK_PENALTY,
  };
}

/** Cost of a concrete plan as the model counts it: weighted paid hours + shortage + pool penalties. */
function planCost(
  built: ShiftPlanModel,
  rules: ShiftPlanRules,
  onGrid: TemplateOnGrid[],
  n: number,
  required: number[],
  penalty: number | null,
  plan: { instances: InstanceOnGrid[]; sessions: SessionOnGrid[] },
): number {
  let cost = 0;
  for (const inst of plan.instances) {
    const t = candidateTemplate(built, inst);
    cost += (rules.templates[t]?.costWeight ?? 1) * (onGrid[t] as TemplateOnGrid).paidHours;
  }
  const c = computeCoverage(n, rules.cyclic, plan.instances, plan.sessions);
  for (let s = 0; s < n; s++) {
    const short =
      (required[s] as number) - ((c.onShift[s] as number) - (c.onBreak[s] as number) - (c.inRetraining[s] as number));
    if (short > 0) cost += (penalty ?? INFEASIBLE_FALLBACK_PENALTY * 10) * short;
  }
  for (const { pool, shortHours } of poolAccounts(built.poolDemands, rules, plan.sessions))
    cost += shortHours * (pool.priority === 'must' ? INFEASIBLE_FALLBACK_PENALTY * 10 : pool.shortfallPenaltyPerHour);
  return cost;
}

/** The model's objective at a column vector. O(columns). */
function vectorCost(built: ShiftPlanModel, values: Float64Array): number {
  let cost = 0;
  built.model.colCost.forEach((c, j) => (cost += c * (values[j] as number)));
  return cost;
}

/** The template index of an instance's candidate shift. */
export function candidateTemplate(built: ShiftPlanModel, inst: InstanceOnGrid): number {
  return (built.candidates[inst.candidate] as { template: number }).template;
}
