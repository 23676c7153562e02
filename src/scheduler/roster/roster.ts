import type { Highs } from 'highs';
import type { StaffingTargets } from '../../erlang/types.js';
import { solvePlanRoster } from './plan-search.js';
import type { ServiceLevelFn } from '../shift-plan/service-level.js';
import type { ShiftPlan } from '../shift-plan/types.js';
import { problemFromPlan } from './from-plan.js';
import { agentResults } from './agent-results.js';
import { assignPulls } from './pulls.js';
import type { RosterResult } from './result-types.js';
import { planCountsBySlot, rosterCoverage, rosteredCountsBySlot, type SlotLoad } from './roster-coverage.js';
import { rosteredShifts, shiftFill } from './roster-shifts.js';
import { scoreByRule } from './score-report.js';
import { rosterVerdict } from './verdict.js';
import type { PreviousRoster, RosterAgent, RosterRules, RosterSearchOptions } from './types.js';

/**
 * Share of the time limit kept for what follows the assignment (breaks, pulls, coverage and SL
 * after rostering): on mixed-500 (benchmarks/roster-supply.bench.ts) they took 2.7 s on a loaded
 * machine, and the whole roster must end inside the limit.
 */
export const REPORT_SHARE = 0.1;

export interface RosterOptions extends RosterSearchOptions {
  /** Re-computes the SL on the rostered on-phone staff (the staffing core, injected). */
  serviceLevel?: ServiceLevelFn;
  /** Offered volume and AHT per plan slot, when known (for the SL). */
  load?: SlotLoad;
  /** HiGHS: with it the shifts are assigned exactly first where the problem allows (`solvePlanRoster`). */
  highs?: Highs;
  /** The roster before the horizon: its rules carry across the edge (docs/roster.md, "Across week edges"). */
  previous?: PreviousRoster;
  /** The service target the verdict judges each interval by (default: the plan's queue targets). */
  targets?: StaffingTargets;
}

/**
 * Rosters named agents on a shift plan (docs/roster.md, "Method"): hard rules, then filled shifts,
 * then soft rules (`solvePlanRoster`: exact assignment on HiGHS when `highs` is given and the problem
 * fits, else local search), then breaks per instance, retraining pulls (`assignPulls`), coverage and SL
 * after rostering, unfilled shifts with the rules that blocked them, and the score by rule.
 * Infeasible is data: an unstaffable plan still returns a roster with `unfilledShifts`.
 * Without HiGHS, deterministic for a seed when `maxIterations` binds before the time limit; with it,
 * the filled count is the proven optimum when HiGHS finishes inside its share of the time.
 *
 * @example rosterPlan(plan, agents, rules, { seed: 1, timeLimitMs: 5000, maxIterations: 2e6, now: () => performance.now() })
 */
export function rosterPlan(
  plan: ShiftPlan,
  agents: RosterAgent[],
  rules: RosterRules,
  options: RosterOptions,
): RosterResult {
  const planProblem = problemFromPlan(plan, agents, rules, options.previous);
  const { problem, grid, shiftOfCell } = planProblem;
  const found = solvePlanRoster(problem, {
    seed: options.seed,
    maxIterations: options.maxIterations,
    timeLimitMs: (1 - REPORT_SHARE) * options.timeLimitMs,
    now: options.now,
    ...(options.highs ? { highs: options.highs } : {}),
  });
  const assign = found.assign;
  const slotCount = grid.slotCount;
  const { onCell, shifts } = rosteredShifts(problem, assign, shiftOfCell);
  const counts = { ...planCountsBySlot(plan, slotCount), ...rosteredCountsBySlot(shifts, slotCount) };
  const pulls = assignPulls(
    plan.retraining,
    shifts,
    agents.map((a) => ({ id: a.id, hoursNeeded: a.retrainingHoursNeeded })),
    counts.required,
    counts.phoneBefore,
    grid.intervalMinutes,
  );
  const { coverage, serviceLevel } = rosterCoverage({
    grid,
    required: counts.required,
    planOnPhone: counts.planOnPhone,
    counts: { onShift: counts.onShift, onBreak: counts.onBreak, onPhone: pulls.onPhone },
    serviceLevel: options.serviceLevel,
    load: options.load,
  });
  const { unfilledShifts, ...fill } = shiftFill(problem, assign, onCell, shiftOfCell, agents);
  const planUnder = plan.coverage.reduce((t, c) => t + c.under, 0);
  const rosterUnder = coverage.reduce((t, c) => t + c.under, 0);
  const score = scoreByRule(problem, assign);
  const { agentList, sessions, days } = agentResults(planProblem, agents, assign, shifts, pulls, plan);
  const result: Omit<RosterResult, 'verdict'> = {
    grid: { start: plan.grid.start, intervalMinutes: grid.intervalMinutes, slotCount, timeZone: grid.timeZone },
    ...(plan.templateNames ? { templateNames: plan.templateNames } : {}),
    agents: agentList,
    unfilledShifts,
    coverage,
    retraining: { sessions, days },
    score,
    quality: {
      ...fill,
      planUnderAgentIntervals: planUnder,
      rosterUnderAgentIntervals: rosterUnder,
      coverageLossAgentIntervals: rosterUnder - planUnder,
      serviceLevel,
      paidHours: agentList.reduce((t, a) => t + a.days.reduce((u, d) => u + d.paidHours, 0), 0),
    },
    search: {
      seed: options.seed,
      method: found.method,
      iterations: found.iterations,
      restarts: found.restarts,
      stoppedBy: found.stoppedBy,
    },
  };
  const verdict = rosterVerdict(result, options.targets ?? plan.queue?.targets, (slot) => options.load?.volume[slot]);
  return { verdict, ...result };
}
