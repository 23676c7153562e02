/**
 * From agents required per interval to the shift plan (docs/shift-plan.md).
 */
import { createSlotGrid, formatSlot } from '../../time/slot-grid.js';
import { seatSessions } from './attendance.js';
import { candidateShifts, templatesOnGrid } from './candidates.js';
import { requiredWhileOpen } from './closed-demand.js';
import { findUncoverable } from './coverability.js';
import { computeCoverage } from './coverage.js';
import { formatSessions, formatShifts } from './output.js';
import { coverageIntervals, planQuality, poolReport } from './plan-report.js';
import { poolAccounts } from './pool-accounting.js';
import { withDefaultSteps, type PlanRequirement, type ShiftPlanRules } from './rules.js';
import { solvePlan } from './solve-plan.js';
import { trimSessions } from './trim-sessions.js';
import { planVerdict } from './verdict.js';
import type { Highs } from '../mip/solve.js';
import type { ServiceLevelFn } from './service-level.js';
import type { ShiftPlan } from './types.js';

export type { ServiceLevelFn } from './service-level.js';

export interface PlanOptions {
  /** A loaded HiGHS solver (`await loadHighs()`); one per thread. */
  highs: Highs;
  /** Re-computes the SL on the on-phone staff; without it (or without volume/AHT) SL is null. */
  serviceLevel?: ServiceLevelFn;
  /** A clock in ms for `quality.solveMs` (the core has none of its own). */
  now?: () => number;
}

/**
 * Builds the shift plan: candidates, coverability check, LP relaxation (the reported lower bound),
 * MIP with time limit, gap and seed, fallback rounding + repair (`solvePlan`), concrete breaks and
 * sessions, coverage and quality (`planQuality`). Infeasibility comes back as data (`uncoverable`,
 * `issues`, `under`).
 *
 * Complexity: model size O(days x starts x span); solve time bounded by `rules.solver.timeLimitSeconds`
 * for the MIP (the LP is solved to optimality first).
 *
 * @example planShifts({ originMs, intervalMinutes: 15, timeZone: 'UTC', required, present }, rules, { highs })
 */
export function planShifts(requirement: PlanRequirement, rulesIn: ShiftPlanRules, options: PlanOptions): ShiftPlan {
  const rules = withDefaultSteps(rulesIn, requirement.intervalMinutes);
  const clock = options.now ?? (() => 0);
  const t0 = clock();
  const n = requirement.required.length;
  const grid = createSlotGrid(requirement.originMs, requirement.intervalMinutes, n, requirement.timeZone);
  const onGrid = templatesOnGrid(rules, grid.intervalMinutes);
  // Demand in closed intervals is not staffed: reported, then dropped.
  const { required, issues } = requiredWhileOpen(grid, rules, requirement.required);
  const candidates = candidateShifts(grid, rules, onGrid);
  const { coverable, uncoverable } = findUncoverable(grid, rules, candidates, required);
  const modelRequired = required.map((r, s) => (coverable[s] ? r : 0));
  const solved = solvePlan({ grid, rules, onGrid, candidates, required: modelRequired, highs: options.highs }, issues);
  const solveMs = clock() - t0;

  const sessions = trimSessions(grid, rules.cyclic, solved.instances, solved.sessions, required);
  const counts = computeCoverage(n, rules.cyclic, solved.instances, sessions);
  const coverage = coverageIntervals(grid, requirement, required, counts, options.serviceLevel);
  const underTotal = coverage.reduce((sum, c) => sum + c.under, 0);
  if (underTotal > 0)
    issues.push({
      code: 'under-coverage',
      message: `${underTotal} agent-intervals short over ${coverage.filter((c) => c.under > 0).length} intervals.`,
    });
  const pool = poolReport(grid, poolAccounts(solved.built.poolDemands, rules, sessions), issues);
  const quality = planQuality(solved, { rules, onGrid, coverable, coverage, pool, requirement, solveMs });
  const shifts = formatShifts(grid, rules, onGrid, solved.built.candidates, solved.instances);
  const retraining = formatSessions(grid, rules, sessions);
  const seating = seatSessions(shifts, retraining);
  retraining.forEach((session, i) => (session.attendees = seating.seats[i] ?? []));
  if (seating.unseated > 0) {
    issues.push({
      code: 'session-unseated',
      message:
        `${seating.unseated} retraining seats have no single agent on shift and off break for the whole ` +
        `session (the per-interval counts still hold).`,
    });
  }
  const plan: ShiftPlan = {
    grid: {
      start: formatSlot(grid, 0),
      intervalMinutes: grid.intervalMinutes,
      slotCount: n,
      timeZone: grid.timeZone,
      cyclic: rules.cyclic,
    },
    covers: 'agents',
    templates: rules.templates.map((t) => t.name),
    shifts,
    retraining,
    coverage,
    quality,
    uncoverable,
    issues,
    ...(requirement.queue ? { queue: requirement.queue } : {}),
  };
  return { verdict: planVerdict(plan), ...plan };
}
