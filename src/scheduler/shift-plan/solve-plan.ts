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
import { fitToSupply } from './supply-start.js';

/** Penalty per short agent-interval when a hard plan proves infeasible and is re-solved soft. */
export const INFEASIBLE_FALLBACK_PENALTY = 1000;

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
  instances: InstanceOnGrid[];
  sessions: SessionOnGrid[];
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
  const fitted = input.supply ? fitToSupply(built, input.supply, onGrid, repaired.instances) : null;
  const heuristic = fitted ? { instances: fitted.instances, sessions: repaired.sessions } : repaired;
  const start = solutionVector(built, rules, n, required, heuristic.instances, heuristic.sessions);
  fitted?.values.forEach((value, col) => (start[col] = value));
  const mip = lp.status === 'infeasible' ? lp : improve(input.highs, built, rules, lp, start);
  const fromMip = mip.values ? decodeSolution(built, onGrid, rules, mip.values) : null;
  const mipIsBetter = fitted
    ? mip.values !== null && vectorCost(built, mip.values) <= vectorCost(built, start) + 1e-6
    : fromMip !== null &&
      planCost(built, rules, onGrid, n, required, penalty, fromMip) <=
        planCost(built, rules, onGrid, n, required, penalty, heuristic) + 1e-6;
  if (fromMip && mipIsBetter)
    return { ...relaxed, mip, status: mip.status === 'optimal' ? 'optimal' : 'time-limit', ...fromMip };
  issues.push({
    code: 'solver-fallback',
    message: `No better MIP solution within ${rules.solver.timeLimitSeconds} s: LP-guided rounding and greedy repair.`,
  });
  return { ...relaxed, mip, status: 'heuristic', ...heuristic };
}

/** The model and its LP; when full cover is infeasible, rebuilt with a penalty per short agent-interval. */
function buildAndRelax(input: PlanSolveInput, issues: PlanIssue[]): RelaxedModel {
  const { grid, rules, onGrid, candidates, required, supply } = input;
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
    });
  const lpOptions = {
    integer: false,
    timeLimitSeconds: Math.max(1, rules.solver.timeLimitSeconds * 3),
    relativeGap: 0,
    seed: rules.solver.seed,
  };
  // With agents, a short interval is data (the shortfall), never an infeasible model.
  const penalty = soft ? rules.coverage.underPenaltyPerAgentInterval : supply ? INFEASIBLE_FALLBACK_PENALTY : null;
  const built = build(penalty);
  const lp = solveModel(input.highs, built.model, lpOptions);
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
    lp: solveModel(input.highs, rebuilt.model, lpOptions),
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
