/**
 * From agents required per interval to the shift plan (design.md, "Scheduling semantics" 1, 3).
 */
import { createSlotGrid, formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import { seatSessions } from './attendance.js';
import { placeBreaks } from './breaks.js';
import { candidateShifts, isOpen, templatesOnGrid, type TemplateOnGrid } from './candidates.js';
import { findUncoverable } from './coverability.js';
import { computeCoverage, type InstanceOnGrid, type SessionOnGrid } from './coverage.js';
import { POOL_TIE_COST, buildShiftPlanModel, type ShiftPlanModel } from './model.js';
import { formatSessions, formatShifts } from './output.js';
import { improve } from './improve.js';
import { roundAndRepair } from './repair.js';
import { solutionVector } from './start-solution.js';
import { withDefaultSteps, type PlanRequirement, type PoolRule, type ShiftPlanRules } from './rules.js';
import { solveModel, type Highs } from '../mip/solve.js';
import type { CoverageInterval, PlanIssue, PlanQuality, ShiftPlan, SolveStatus } from './types.js';

/** Service level of one interval at `agents` on the phones (injected: the staffing core). */
export type ServiceLevelFn = (volume: number, ahtSeconds: number, intervalMinutes: number, agents: number) => number;

export interface PlanOptions {
  /** A loaded HiGHS solver (`await loadHighs()`); one per thread. */
  highs: Highs;
  /** Re-computes the SL on the on-phone staff; without it (or without volume/AHT) SL is null. */
  serviceLevel?: ServiceLevelFn;
  /** A clock in ms for `quality.solveMs` (the core has none of its own). */
  now?: () => number;
}

/** Penalty per short agent-interval when a hard plan proves infeasible and is re-solved soft. */
const INFEASIBLE_FALLBACK_PENALTY = 1000;

/**
 * Builds the shift plan: candidates, coverability check, LP relaxation (the reported lower bound),
 * MIP with time limit, gap and seed, fallback rounding + repair, concrete breaks and sessions,
 * coverage and quality. Infeasibility comes back as data (`uncoverable`, `issues`, `under`).
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
  const issues: PlanIssue[] = [];

  // Demand in closed intervals is not staffed (design.md): reported, then dropped.
  const closedByDay = new Map<number, { first: number; count: number; agentIntervals: number }>();
  const required = requirement.required.map((r, s) => {
    if (r > 0 && !isOpen(grid, s, rules.cyclic, rules.openingHours)) {
      const day = grid.dayOfSlot[s] as number;
      const entry = closedByDay.get(day) ?? { first: s, count: 0, agentIntervals: 0 };
      entry.count++;
      entry.agentIntervals += r;
      closedByDay.set(day, entry);
      return 0;
    }
    return Math.max(0, Math.ceil(r - 1e-9));
  });
  for (const [day, e] of closedByDay) {
    const date = (grid.days[day] as { date: string }).date;
    issues.push({
      code: 'closed-demand',
      slot: e.first,
      day: date,
      message: `${date}: ${e.count} intervals from ${formatSlot(grid, e.first)} require agents outside the opening hours (${e.agentIntervals} agent-intervals, ignored)`,
    });
  }

  const candidates = candidateShifts(grid, rules, onGrid);
  const { coverable, uncoverable } = findUncoverable(grid, rules, candidates, required);
  const modelRequired = required.map((r, s) => (coverable[s] ? r : 0));

  const soft = rules.coverage.mode === 'soft';
  let penalty = soft ? rules.coverage.underPenaltyPerAgentInterval : null;
  let built = buildShiftPlanModel({
    grid,
    rules,
    onGrid,
    candidates,
    required: modelRequired,
    shortPenalty: modelRequired.map(() => penalty),
  });
  const lpOptions = {
    integer: false,
    timeLimitSeconds: Math.max(1, rules.solver.timeLimitSeconds * 3),
    relativeGap: 0,
    seed: rules.solver.seed,
  };
  let lp = solveModel(options.highs, built.model, lpOptions);
  if (lp.status === 'infeasible' && !soft) {
    issues.push({
      code: 'under-coverage',
      message:
        'Full cover is infeasible under the rules (template limits or "must" pool); re-solved with a penalty per short agent-interval.',
    });
    penalty = INFEASIBLE_FALLBACK_PENALTY;
    built = buildShiftPlanModel({
      grid,
      rules,
      onGrid,
      candidates,
      required: modelRequired,
      shortPenalty: modelRequired.map(() => penalty),
    });
    lp = solveModel(options.highs, built.model, lpOptions);
  }
  // LP-guided rounding + greedy repair: the fallback, and the MIP's first incumbent.
  const heuristic = roundAndRepair({
    grid,
    rules,
    onGrid,
    candidates: built.candidates,
    windows: built.windows,
    required: modelRequired,
    lpCounts: lp.values ? built.shiftCols.map((col) => lp.values?.[col] ?? 0) : null,
    poolCols: built.poolCols,
    poolDemands: built.poolDemands,
  });
  const mip =
    lp.status === 'infeasible'
      ? lp
      : improve(
          options.highs,
          built,
          rules,
          lp,
          solutionVector(built, rules, n, modelRequired, heuristic.instances, heuristic.sessions),
        );

  let status: SolveStatus;
  let instances: InstanceOnGrid[];
  let sessions: SessionOnGrid[];
  const costOf = (plan: { instances: InstanceOnGrid[]; sessions: SessionOnGrid[] }) =>
    planCost(built, rules, onGrid, n, modelRequired, penalty, plan);
  const fromMip = mip.values ? decode(built, onGrid, rules, mip.values) : null;
  if (fromMip && costOf(fromMip) <= costOf(heuristic) + 1e-6) {
    status = mip.status === 'optimal' ? 'optimal' : 'time-limit';
    ({ instances, sessions } = fromMip);
  } else {
    status = 'heuristic';
    issues.push({
      code: 'solver-fallback',
      message: `No better MIP solution within ${rules.solver.timeLimitSeconds} s: LP-guided rounding and greedy repair.`,
    });
    ({ instances, sessions } = heuristic);
  }
  const solveMs = clock() - t0;

  sessions = trimSessions(grid, rules.cyclic, instances, sessions, required);
  const counts = computeCoverage(n, rules.cyclic, instances, sessions);
  const coverage = coverageIntervals(grid, requirement, required, counts, options.serviceLevel);
  const underTotal = coverage.reduce((sum, c) => sum + c.under, 0);
  const overTotal = coverage.reduce((sum, c) => sum + c.over, 0);
  if (underTotal > 0)
    issues.push({
      code: 'under-coverage',
      message: `${underTotal} agent-intervals short over ${coverage.filter((c) => c.under > 0).length} intervals.`,
    });

  // Pool accounting per (pool, day).
  let poolRequested = 0;
  let poolPlaced = 0;
  let poolPenalty = 0;
  for (const demand of built.poolDemands) {
    const pool = rules.pool[demand.pool] as PoolRule;
    const placed = sessions
      .filter((s) => s.pool === demand.pool && s.day === demand.day)
      .reduce((sum, s) => sum + (s.seats * pool.sessionMinutes) / 60, 0);
    poolRequested += demand.requestedHours;
    poolPlaced += Math.min(placed, demand.requestedHours);
    const shortHours = Math.max(0, demand.requestedHours - placed);
    if (shortHours > 1e-9) {
      const date = (grid.days[demand.day] as { date: string }).date;
      issues.push({
        code: 'pool-short',
        day: date,
        message: `${pool.name} on ${date}: ${shortHours} of ${demand.requestedHours} agent-hours not placed (${pool.priority}).`,
      });
      if (pool.priority !== 'must') poolPenalty += shortHours * pool.shortfallPenaltyPerHour;
    }
  }

  const paidHours = instances.reduce(
    (sum, inst) => sum + (onGrid[candidateTemplate(built, inst)] as TemplateOnGrid).paidHours,
    0,
  );
  const weighted = instances.reduce((sum, inst) => {
    const t = candidateTemplate(built, inst);
    return sum + (rules.templates[t]?.costWeight ?? 1) * (onGrid[t] as TemplateOnGrid).paidHours;
  }, 0);
  const objective =
    weighted + (penalty ?? 0) * coverage.reduce((sum, c) => sum + (coverable[c.slot] ? c.under : 0), 0) + poolPenalty;
  // The pool columns' tie-breaking cost is not part of the plan's cost.
  const tieCost = built.poolCols.reduce(
    (sum, p) => sum + POOL_TIE_COST * p.agentsPerUnit * (lp.values?.[p.col] ?? 0),
    0,
  );
  const lpBound = lp.status === 'infeasible' ? NaN : lp.objective - tieCost;
  const ratio = (value: number) => (lpBound > 1e-9 ? value / lpBound : value <= 1e-9 ? 1 : Infinity);
  const quality: PlanQuality = {
    paidHours,
    objective,
    lpBound,
    objectiveOverBound: ratio(objective),
    paidOverBound: ratio(paidHours),
    mipGap: status === 'heuristic' ? null : mip.gap,
    underCoverageAgentIntervals: underTotal,
    overCoverageAgentIntervals: overTotal,
    poolHoursRequested: poolRequested,
    poolHoursPlaced: poolPlaced,
    serviceLevel: serviceLevelSummary(coverage, requirement),
    status,
    solveMs,
    columns: built.model.numCols,
    rows: built.model.numRows,
  };
  const shifts = formatShifts(grid, rules, onGrid, built.candidates, instances);
  const retraining = formatSessions(grid, rules, sessions);
  const seating = seatSessions(shifts, retraining);
  retraining.forEach((session, i) => (session.attendees = seating.seats[i] ?? []));
  if (seating.unseated > 0) {
    issues.push({
      code: 'session-unseated',
      message: `${seating.unseated} retraining seats have no single agent on shift and off break for the whole session (the per-interval counts still hold).`,
    });
  }
  return {
    grid: {
      start: formatSlot(grid, 0),
      intervalMinutes: grid.intervalMinutes,
      slotCount: n,
      timeZone: grid.timeZone,
      cyclic: rules.cyclic,
    },
    covers: 'agents',
    shifts,
    retraining,
    coverage,
    quality,
    uncoverable,
    issues,
    ...(requirement.queue ? { queue: requirement.queue } : {}),
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
  for (const demand of built.poolDemands) {
    const pool = rules.pool[demand.pool] as PoolRule;
    const placed = plan.sessions
      .filter((x) => x.pool === demand.pool && x.day === demand.day)
      .reduce((sum, x) => sum + (x.seats * pool.sessionMinutes) / 60, 0);
    const short = Math.max(0, demand.requestedHours - placed);
    cost += short * (pool.priority === 'must' ? INFEASIBLE_FALLBACK_PENALTY * 10 : pool.shortfallPenaltyPerHour);
  }
  return cost;
}

function candidateTemplate(built: ShiftPlanModel, inst: InstanceOnGrid): number {
  return (built.candidates[inst.candidate] as { template: number }).template;
}

/** Integer solution -> concrete instances (breaks matched) and sessions. */
function decode(built: ShiftPlanModel, onGrid: TemplateOnGrid[], rules: ShiftPlanRules, values: Float64Array) {
  const at = (col: number) => Math.max(0, Math.round(values[col] ?? 0));
  const counts = built.shiftCols.map(at);
  const breakCounts = new Map<string, Map<number, number>>();
  for (const b of built.breakCols) {
    const key = `${b.template}:${b.rule}`;
    const map = breakCounts.get(key) ?? new Map<number, number>();
    map.set(b.slot, (map.get(b.slot) ?? 0) + at(b.col));
    breakCounts.set(key, map);
  }
  const instances = placeBreaks(built.candidates, built.windows, onGrid, counts, breakCounts, null, null);
  const sessions: SessionOnGrid[] = [];
  for (const p of built.poolCols) {
    const units = at(p.col);
    if (units === 0) continue;
    const pool = rules.pool[p.pool] as PoolRule;
    if (pool.sessionsPerDay !== undefined) {
      for (let k = 0; k < units; k++)
        sessions.push({
          pool: p.pool,
          day: p.day,
          startSlot: p.startSlot,
          lengthSlots: p.lengthSlots,
          seats: p.agentsPerUnit,
        });
    } else {
      for (let left = units; left > 0; left -= pool.seatsPerSession) {
        sessions.push({
          pool: p.pool,
          day: p.day,
          startSlot: p.startSlot,
          lengthSlots: p.lengthSlots,
          seats: Math.min(left, pool.seatsPerSession),
        });
      }
    }
  }
  return { instances, sessions };
}

/** Takes seats out of any session overlapping an under-covered interval: retraining never causes a shortage. */
function trimSessions(
  grid: SlotGrid,
  cyclic: boolean,
  instances: InstanceOnGrid[],
  sessions: SessionOnGrid[],
  required: number[],
): SessionOnGrid[] {
  const n = grid.slotCount;
  const c = computeCoverage(n, cyclic, instances, sessions);
  const phone = Array.from(
    { length: n },
    (_x, s) => (c.onShift[s] as number) - (c.onBreak[s] as number) - (c.inRetraining[s] as number),
  );
  const out: SessionOnGrid[] = [];
  for (const session of sessions) {
    const slots: number[] = [];
    for (let k = 0; k < session.lengthSlots; k++) {
      const s = cyclic ? (session.startSlot + k) % n : session.startSlot + k;
      if (s < n) slots.push(s);
    }
    const deficit = Math.max(0, ...slots.map((s) => (required[s] as number) - (phone[s] as number)));
    const cut = Math.min(session.seats, deficit);
    for (const s of slots) phone[s] = (phone[s] as number) + cut;
    if (session.seats - cut > 0) out.push({ ...session, seats: session.seats - cut });
  }
  return out;
}

function coverageIntervals(
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

function serviceLevelSummary(coverage: CoverageInterval[], requirement: PlanRequirement): PlanQuality['serviceLevel'] {
  let weighted = 0;
  let volumeSum = 0;
  let worst = Infinity;
  let worstStart = '';
  for (const c of coverage) {
    const volume = requirement.volume?.[c.slot] ?? 0;
    if (c.serviceLevel === null || volume <= 0) continue;
    weighted += volume * c.serviceLevel;
    volumeSum += volume;
    if (c.serviceLevel < worst) {
      worst = c.serviceLevel;
      worstStart = c.start;
    }
  }
  if (volumeSum <= 0) return null;
  return { volumeWeighted: weighted / volumeSum, worst, worstStart };
}
