/**
 * From agents required per interval to the shift plan (docs/shift-plan.md).
 */
import { createSlotGrid, formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import { WfmError } from '../../errors.js';
import { seatSessions } from './attendance.js';
import { candidateShifts, templatesOnGrid, type CandidateShift, type TemplateOnGrid } from './candidates.js';
import { requiredWhileOpen } from './closed-demand.js';
import { findUncoverable } from './coverability.js';
import { computeCoverage } from './coverage.js';
import { formatSessions, formatShifts } from './output.js';
import { coverageIntervals, planQuality, poolReport } from './plan-report.js';
import { poolAccounts } from './pool-accounting.js';
import { withDefaultSteps, type PlanRequirement, type ShiftPlanRules } from './rules.js';
import { solvePlan, type WarmStart } from './solve-plan.js';
import { trimSessions } from './trim-sessions.js';
import { planVerdict } from './verdict.js';
import type { Highs } from '../mip/solve.js';
import type { ServiceLevelFn } from './service-level.js';
import { findShortfall } from './shortfall.js';
import { queueShortfall } from './skill-shortfall.js';
import { supplyBound } from './supply-bound.js';
import type { SupplyAgent } from './supply-agents.js';
import type { DayPatternRules } from './day-patterns.js';
import { supplyTable, type SupplyTable } from './supply-groups.js';
import { pooledTotal, skillKeyOf, skillSetup } from './skill-plan.js';
import { classFactors, handleTimeNotes, sizedForAgents } from './handle-time.js';
import { planQueueCoverage, queueIssues, weightedQueueShortage } from './skill-report.js';
import type { PlanIssue, ShiftPlan, ShortfallInterval, SupplyReport } from './types.js';
import { integerColumns } from './start-completion.js';

export type { ServiceLevelFn } from './service-level.js';

export interface PlanOptions {
  /** A loaded HiGHS solver (`await loadHighs()`); one per thread. */
  highs: Highs;
  /** Re-computes the SL on the on-phone staff; without it (or without volume/AHT) SL is null. */
  serviceLevel?: ServiceLevelFn;
  /**
   * The centre's agents (a roster agent is one): the plan then holds only shifts they can work,
   * within their weekly days and hours, and names its shortfall (docs/shift-plan.md, "Supply").
   * Without them the plan is for the requirement alone and says supply was not checked.
   */
  agents?: readonly SupplyAgent[] | undefined;
  /**
   * With `agents`: the roster's hard day rules (two consecutive days off, runs of days), kept by each
   * agent's day pattern in the supply model; absent, only the contracts' maximum days.
   */
  dayRules?: DayPatternRules | undefined;
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
  return planShiftsSolved(requirement, rulesIn, options).plan;
}

/**
 * `planShifts`, with the plan's concrete shift instances and sessions on the grid: a re-plan of the
 * same agents and rules (the simulation cuts of `planWithSkillCuts`) starts from them (`warmStart`).
 */
export function planShiftsSolved(
  requirementIn: PlanRequirement,
  rulesIn: ShiftPlanRules,
  options: PlanOptions & { warmStart?: WarmStart | undefined },
): { plan: ShiftPlan; solved: WarmStart; solverSeconds: number } {
  // The agents' proficiency sizes the queues (docs/shift-plan.md, "Proficiency").
  const sized = sizedForAgents(requirementIn, options.agents, rulesIn.learningCurve);
  const requirement = sized.requirement;
  const rules = withDefaultSteps(rulesIn, requirement.intervalMinutes);
  const n = requirement.required.length;
  const grid = createSlotGrid(requirement.originMs, requirement.intervalMinutes, n, requirement.timeZone);
  const onGrid = templatesOnGrid(rules, grid.intervalMinutes);
  // Demand in closed intervals is not staffed: reported, then dropped.
  const open = requiredWhileOpen(grid, rules, requirement.required);
  const issues = open.issues;
  for (const message of handleTimeNotes(sized.factors)) issues.push({ code: 'proficiency', message });
  const allCandidates = candidateShifts(grid, rules, onGrid);
  const { coverable, uncoverable } = findUncoverable(grid, rules, allCandidates, open.required);
  const { supply, candidates, setup, multi } = supplyAndSkills(
    requirement,
    options,
    grid,
    rules,
    onGrid,
    allCandidates,
    coverable,
  );
  // A multi-skill plan's total requirement is that of its linked queues' pooled loads.
  const required = setup ? pooledTotal(setup.skills, open.required, coverable) : open.required;
  const modelRequired = required.map((r, s) => (coverable[s] ? r : 0));
  const solveInput = { grid, rules, onGrid, candidates, required: modelRequired, highs: options.highs, supply };
  const withStart = options.warmStart ? { ...solveInput, warmStart: options.warmStart } : solveInput;
  const solved = solvePlan(setup ? { ...withStart, skills: setup.skills } : withStart, issues);

  const sessions = trimSessions(grid, rules.cyclic, solved.instances, solved.sessions, required);
  const counts = computeCoverage(n, rules.cyclic, solved.instances, sessions);
  const coverage = coverageIntervals(grid, requirement, required, counts, options.serviceLevel);
  const bound = supplyBound(options.highs, solved.built, Math.max(1, rules.solver.timeLimitSeconds), rules.solver.seed);
  const names = multi?.map((q) => q.name) ?? [];
  const speeds = setup && {
    factors: sized.factors,
    classes: classFactors(setup.skills.classes, names, options.agents ?? [], rules.learningCurve, requirement.originMs),
  };
  const queueCoverage =
    setup && solved.queueCover ? planQueueCoverage(setup.skills, solved.queueCover, speeds ?? undefined) : undefined;
  const shortfall = supply ? findShortfall(grid, rules, allCandidates, supply, coverage, bound) : [];
  if (supply && queueCoverage)
    skillShortfall(shortfall, queueShortfall(grid, rules, allCandidates, supply, queueCoverage));
  const underTotal = coverage.reduce((sum, c) => sum + c.under, 0);
  if (underTotal > 0)
    issues.push({
      code: 'under-coverage',
      message: `${underTotal} agent-intervals short over ${coverage.filter((c) => c.under > 0).length} intervals.`,
    });
  const pool = poolReport(grid, poolAccounts(solved.built.poolDemands, rules, sessions), issues);
  // A multi-skill plan's shortage is per queue, weighted by priority, as its model counts it.
  const shortage = setup && solved.queueCover ? weightedQueueShortage(setup.skills, solved.queueCover) : undefined;
  const quality = planQuality(solved, { rules, onGrid, coverable, coverage, pool, requirement, shortage });
  const skillNames = setup?.skills.classes.map((cls) => cls.map((q) => multi?.[q]?.name as string));
  const shifts = formatShifts(grid, rules, onGrid, solved.built.candidates, solved.instances, skillNames);
  if (queueCoverage) queueIssues(queueCoverage, issues);
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
    ...templateNamesOf(rules.templates),
    shifts,
    retraining,
    coverage,
    quality,
    uncoverable,
    supply: supplyReport(supply, shortfall, issues),
    shortfall,
    issues,
    ...(queueCoverage ? { queueCoverage } : {}),
    ...(requirement.queue ? { queue: requirement.queue } : {}),
  };
  return {
    plan: { verdict: planVerdict(plan), ...plan },
    solved: {
      instances: solved.instances,
      sessions: solved.sessions,
      integers: integerColumns(solved.built, solved.values),
    },
    solverSeconds: solved.mip.seconds ?? solved.lp.seconds ?? 0,
  };
}

/**
 * The agents' supply (with agents) and, for several queues, the skill set-up: supply groups keyed
 * also by skill set and candidates copied per skill class (docs/shift-plan.md, "Skills").
 */
function supplyAndSkills(
  requirement: PlanRequirement,
  options: PlanOptions,
  grid: SlotGrid,
  rules: ShiftPlanRules,
  onGrid: TemplateOnGrid[],
  allCandidates: CandidateShift[],
  coverable: boolean[],
) {
  const n = grid.slotCount;
  const multi = requirement.queues && requirement.queues.length >= 2 && options.agents ? requirement.queues : null;
  multi?.forEach((q, k) => {
    if (q.required.length !== n)
      throw new WfmError(
        'WFM_ERR_INPUT_INVALID',
        `Queue "${q.name}" has ${q.required.length} intervals, the plan ${n}.`,
        {
          issues: [{ path: ['queues', k, 'required'], message: `${q.required.length} intervals, expected ${n}` }],
        },
      );
  });
  const skillKey = multi ? skillKeyOf(multi.map((q) => q.name)) : undefined;
  const supply = options.agents
    ? supplyTable(grid, rules, onGrid, allCandidates, options.agents, skillKey, options.dayRules)
    : undefined;
  // A shift nobody may work is never a candidate.
  const kept = supply ? allCandidates.filter((c) => supply.able.has(c)) : allCandidates;
  const open = multi?.map((q) => ({ ...q, required: requiredWhileOpen(grid, rules, q.required).required }));
  const setup = open && supply ? skillSetup(open, supply, kept, coverable, grid.intervalMinutes) : null;
  const candidates = setup ? setup.candidates : kept;
  return { supply, candidates, setup, multi };
}

/**
 * A multi-skill plan's shortfall: the runs of its queues (the agents holding each skill), and of the
 * whole centre only where too few agents at all can work or the templates' daily limits bind (the
 * rest of the centre's shortage is its queues'), the queues' first on the same slot.
 */
function skillShortfall(shortfall: ShortfallInterval[], queues: ShortfallInterval[]): void {
  const kept = shortfall.filter((s) => s.cause === 'too-few-agents' || s.cause === 'template-limits');
  const all = [...queues, ...kept].sort((a, b) => a.startSlot - b.startSlot);
  shortfall.splice(0, shortfall.length, ...all);
}

/** The plan's supply note, and the issue naming the shortfall or the unchecked supply. */
function supplyReport(
  supply: SupplyTable | undefined,
  shortfall: readonly ShortfallInterval[],
  issues: PlanIssue[],
): SupplyReport {
  if (!supply) {
    const message =
      'Supply not checked: no agents given, so the plan assumes any number of agents can work any template ' +
      'at any time (give the agents to plan what they can work).';
    issues.push({ code: 'supply-unchecked', message });
    return { checked: false, agents: 0, groups: 0, message };
  }
  const short = shortfall.filter((s) => s.cause === 'too-few-agents');
  const message =
    shortfall.length === 0
      ? `Planned for ${supply.agentCount} agents (${supply.groups.length} groups): they can work every planned shift.`
      : `Planned for ${supply.agentCount} agents (${supply.groups.length} groups): ${shortfall.length} short ` +
        `runs of intervals, ${short.length} of them with fewer agents able to work than required.`;
  for (const s of shortfall) issues.push({ code: 'supply-short', message: s.message, slot: s.startSlot, day: s.day });
  return { checked: true, agents: supply.agentCount, groups: supply.groups.length, message };
}

/** `{ templateNames }` for the templates with a display name, or nothing when none has one. */
function templateNamesOf(templates: readonly { name: string; displayName?: string }[]): {
  templateNames?: Record<string, string>;
} {
  const named = templates.flatMap((t) => (t.displayName === undefined ? [] : [[t.name, t.displayName] as const]));
  return named.length === 0 ? {} : { templateNames: Object.fromEntries(named) };
}
