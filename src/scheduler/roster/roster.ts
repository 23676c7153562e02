import type { ServiceLevelFn } from '../shift-plan/plan.js';
import type { ShiftPlan } from '../shift-plan/types.js';
import { blockersOf } from './blockers.js';
import { problemFromPlan } from './from-plan.js';
import { agentResults } from './agent-results.js';
import { assignPulls, type ShiftOnGrid } from './pulls.js';
import { rosterCoverage } from './coverage.js';
import type { RosterResult, UnfilledShift } from './result-types.js';
import { scoreByRule } from './score-report.js';
import { searchRoster } from './search.js';
import type { RosterAgent, RosterRules, RosterSearchOptions } from './types.js';

export interface RosterOptions extends RosterSearchOptions {
  /** Re-computes the SL on the rostered on-phone staff (the staffing core, injected). */
  serviceLevel?: ServiceLevelFn;
  /** Offered volume and AHT per plan slot, when known (for the SL). */
  load?: { volume: (number | null)[]; ahtSeconds: (number | null)[] };
}

/**
 * Rosters named agents on a shift plan (design.md, "Scheduling semantics" 2 and 3): search
 * (`searchRoster`), then breaks per instance, retraining pulls (`assignPulls`), coverage and SL
 * after rostering, unfilled shifts with the rules that blocked them, and the score by rule.
 * Infeasible is data: an unstaffable plan still returns a roster with `unfilledShifts`.
 * Deterministic for a seed when `maxIterations` binds before the time limit.
 *
 * @example rosterPlan(plan, agents, rules, { seed: 1, timeLimitMs: 5000, maxIterations: 2e6, now: () => performance.now() })
 */
export function rosterPlan(
  plan: ShiftPlan,
  agents: RosterAgent[],
  rules: RosterRules,
  options: RosterOptions,
): RosterResult {
  const pp = problemFromPlan(plan, agents, rules);
  const { problem: p, grid, shiftOfCell } = pp;
  const found = searchRoster(p, {
    seed: options.seed,
    maxIterations: options.maxIterations,
    timeLimitMs: options.timeLimitMs,
    now: options.now,
  });
  const A = found.assign;
  const D = p.days;
  // instances: the k-th agent (by input order) on a cell takes the plan instance k's breaks
  const onCell: number[][] = p.cells.map(() => []);
  for (let e = 0; e < p.agents.length; e++) {
    for (let d = 0; d < D; d++) {
      const c = A[e * D + d]!;
      if (c >= 0) onCell[c]!.push(e);
    }
  }
  const shifts: (ShiftOnGrid & { cell: number; instance: number })[] = [];
  onCell.forEach((list, c) => {
    const s = shiftOfCell[c]!;
    list.forEach((e, k) => {
      const inst = s.instances.length > 0 ? s.instances[k % s.instances.length]! : { breaks: [] };
      shifts.push({
        agent: e,
        cell: c,
        instance: k,
        startSlot: s.startSlot,
        endSlot: s.endSlot,
        breaks: inst.breaks.map((b) => ({ startSlot: b.startSlot, endSlot: b.endSlot })),
      });
    });
  });
  const n = grid.slotCount;
  const required = new Float64Array(n);
  const planOnPhone = new Int32Array(n);
  for (const c of plan.coverage) {
    if (c.slot >= 0 && c.slot < n) {
      required[c.slot] = c.required;
      planOnPhone[c.slot] = c.onPhone;
    }
  }
  const onShift = new Int32Array(n);
  const onBreak = new Int32Array(n);
  for (const s of shifts) {
    for (let slot = Math.max(0, s.startSlot); slot < Math.min(n, s.endSlot); slot++) onShift[slot]!++;
    for (const b of s.breaks)
      for (let slot = Math.max(0, b.startSlot); slot < Math.min(n, b.endSlot); slot++) onBreak[slot]!++;
  }
  const phoneBefore = new Int32Array(n);
  for (let slot = 0; slot < n; slot++) phoneBefore[slot] = onShift[slot]! - onBreak[slot]!;
  const pulls = assignPulls(
    plan.retraining,
    shifts,
    agents.map((a) => ({ id: a.id, hoursNeeded: a.retrainingHoursNeeded })),
    required,
    phoneBefore,
    grid.intervalMinutes,
  );
  const { coverage, serviceLevel } = rosterCoverage({
    grid,
    required,
    planOnPhone,
    counts: { onShift, onBreak, onPhone: pulls.onPhone },
    serviceLevel: options.serviceLevel,
    load: options.load,
  });
  const unfilledShifts: UnfilledShift[] = [];
  let shiftsRequired = 0;
  let shiftsFilled = 0;
  let extraShifts = 0;
  p.cells.forEach((cell, c) => {
    const got = onCell[c]!.length;
    shiftsRequired += cell.required;
    shiftsFilled += Math.min(got, cell.required);
    extraShifts += Math.max(0, got - cell.required);
    if (got < cell.required) {
      const s = shiftOfCell[c]!;
      unfilledShifts.push({
        template: s.template,
        day: s.day,
        start: s.start,
        end: s.end,
        required: cell.required,
        filled: got,
        blockedBy: blockersOf(p, A, c),
      });
    }
  });
  const planUnder = plan.coverage.reduce((t, c) => t + c.under, 0);
  const rosterUnder = coverage.reduce((t, c) => t + c.under, 0);
  const score = scoreByRule(p, A);
  const { agentList, sessions, days } = agentResults(pp, agents, A, shifts, pulls, plan);
  return {
    grid: { start: plan.grid.start, intervalMinutes: grid.intervalMinutes, slotCount: n, timeZone: grid.timeZone },
    agents: agentList,
    unfilledShifts,
    coverage,
    retraining: { sessions, days },
    score,
    quality: {
      shiftsRequired,
      shiftsFilled,
      extraShifts,
      planUnderAgentIntervals: planUnder,
      rosterUnderAgentIntervals: rosterUnder,
      coverageLossAgentIntervals: rosterUnder - planUnder,
      serviceLevel,
      paidHours: agentList.reduce((t, a) => t + a.days.reduce((u, d) => u + d.paidHours, 0), 0),
    },
    search: { seed: options.seed, iterations: found.iterations, restarts: found.restarts, stoppedBy: found.stoppedBy },
  };
}
