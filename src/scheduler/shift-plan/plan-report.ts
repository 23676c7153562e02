import { formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import type { TemplateOnGrid } from './candidates.js';
import type { computeCoverage } from './coverage.js';
import { POOL_TIE_COST } from './model.js';
import { serviceLevelSummary, type ServiceLevelFn } from './service-level.js';
import type { PoolAccount } from './pool-accounting.js';
import type { PlanRequirement, ShiftPlanRules } from './rules.js';
import { candidateTemplate, type SolvedPlan } from './solve-plan.js';
import type { CoverageInterval, PlanIssue, PlanQuality } from './types.js';

/** Coverage per interval, with the SL at the on-phone agents where the requirement has volume and AHT. */
export function coverageIntervals(
  grid: SlotGrid,
  requirement: PlanRequirement,
  required: number[],
  counts: ReturnType<typeof computeCoverage>,
  slFn: ServiceLevelFn | undefined,
): CoverageInterval[] {
  return required.map((r, s) => {
    const onShift = counts.onShift[s] as number;
    const onBreak = counts.onBreak[s] as number;
    const inRetraining = counts.inRetraining[s] as number;
    const phone = onShift - onBreak - inRetraining;
    const volume = requirement.volume?.[s];
    const aht = requirement.ahtSeconds?.[s];
    let serviceLevel: number | null = null;
    if (slFn && volume !== undefined && aht !== undefined && requirement.present[s]) {
      serviceLevel = volume > 0 ? slFn(volume, aht, grid.intervalMinutes, phone) : 1;
    }
    const load = volume !== undefined && aht !== undefined ? { volume, ahtSeconds: aht } : {};
    return {
      slot: s,
      start: formatSlot(grid, s),
      required: r,
      onShift,
      onPhone: phone,
      onBreak,
      inRetraining,
      over: Math.max(0, phone - r),
      under: Math.max(0, r - phone),
      serviceLevel,
      ...load,
    };
  });
}

/** Pool hours asked and placed over every (pool, day) request; a `pool-short` issue per shortfall, and its penalty. */
export function poolReport(
  grid: SlotGrid,
  accounts: readonly PoolAccount[],
  issues: PlanIssue[],
): { requestedHours: number; placedHours: number; penalty: number } {
  let requestedHours = 0;
  let placedHours = 0;
  let penalty = 0;
  for (const { demand, pool, placedHours: placed, shortHours } of accounts) {
    requestedHours += demand.requestedHours;
    placedHours += Math.min(placed, demand.requestedHours);
    if (shortHours > 1e-9) {
      const date = (grid.days[demand.day] as { date: string }).date;
      issues.push({
        code: 'pool-short',
        day: date,
        message:
          `${pool.name} on ${date}: ${shortHours} of ${demand.requestedHours} agent-hours not placed ` +
          `(${pool.priority}).`,
      });
      if (pool.priority !== 'must') penalty += shortHours * pool.shortfallPenaltyPerHour;
    }
  }
  return { requestedHours, placedHours, penalty };
}

/**
 * The plan's quality figures: paid hours, the objective as the model counts it (weighted paid
 * hours, shortage on coverable intervals, pool penalties) against the LP bound (without the pool
 * columns' tie-breaking cost), gaps, coverage totals and SL.
 */
export function planQuality(
  solved: SolvedPlan,
  input: {
    rules: ShiftPlanRules;
    onGrid: TemplateOnGrid[];
    coverable: boolean[];
    coverage: CoverageInterval[];
    pool: { requestedHours: number; placedHours: number; penalty: number };
    requirement: PlanRequirement;
    /** A multi-skill plan: the queues' weighted short agent-intervals (`weightedQueueShortage`). */
    shortage?: number | undefined;
  },
): PlanQuality {
  const { built, lp, mip, penalty, status, instances } = solved;
  const { rules, onGrid, coverage } = input;
  const paidHours = instances.reduce(
    (sum, inst) => sum + (onGrid[candidateTemplate(built, inst)] as TemplateOnGrid).paidHours,
    0,
  );
  const weighted = instances.reduce((sum, inst) => {
    const t = candidateTemplate(built, inst);
    return sum + (rules.templates[t]?.costWeight ?? 1) * (onGrid[t] as TemplateOnGrid).paidHours;
  }, 0);
  const objective =
    weighted +
    (penalty ?? 0) * (input.shortage ?? coverage.reduce((sum, c) => sum + (input.coverable[c.slot] ? c.under : 0), 0)) +
    input.pool.penalty;
  // The pool columns' tie-breaking cost is not part of the plan's cost.
  const tieCost = built.poolCols.reduce(
    (sum, p) => sum + POOL_TIE_COST * p.agentsPerUnit * (lp.values?.[p.col] ?? 0),
    0,
  );
  const lpBound = lp.status === 'infeasible' ? NaN : lp.objective - tieCost;
  const ratio = (value: number) => (lpBound > 1e-9 ? value / lpBound : value <= 1e-9 ? 1 : Infinity);
  return {
    paidHours,
    objective,
    lpBound,
    objectiveOverBound: ratio(objective),
    // The LP bound bounds the cost; it bounds paid hours only when the cost is the paid hours.
    paidOverBound: Math.abs(objective - paidHours) <= 1e-6 * Math.max(1, paidHours) ? ratio(paidHours) : null,
    mipGap: status === 'heuristic' ? null : mip.gap,
    underCoverageAgentIntervals: coverage.reduce((sum, c) => sum + c.under, 0),
    overCoverageAgentIntervals: coverage.reduce((sum, c) => sum + c.over, 0),
    poolHoursRequested: input.pool.requestedHours,
    poolHoursPlaced: input.pool.placedHours,
    serviceLevel: serviceLevelSummary(coverage, (slot) => input.requirement.volume?.[slot] ?? 0),
    status,
    columns: built.model.numCols,
    rows: built.model.numRows,
  };
}
