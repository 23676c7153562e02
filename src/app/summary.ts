/**
 * summary.json: the key figures of a whole plan, taken from (or summed over) the step outputs, so
 * that every figure can be traced to forecast.json, staffing.json, shift-plan.json or roster.json.
 * The HTML report shows these same numbers.
 */
import type { ForecastResult } from '../forecast/types.js';
import type { StaffingResponse } from '../contracts/staffing.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import { RULE_LABELS } from '../scheduler/roster/problem.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';
import type { PlanQueuesResult } from './plan-queues.js';
import type { Verdict } from '../scheduler/shift-plan/verdict.js';

export interface PlanDaySummary {
  /** Local date, yyyy-MM-dd. */
  date: string;
  /** Forecast contacts offered (staffing.json volume). */
  volume: number;
  /** Sum over intervals of required on-phone agents x interval length, hours. */
  requiredAgentHours: number;
  /** Sum over intervals of rostered on-phone agents x interval length, hours. */
  onPhoneAgentHours: number;
  underAgentIntervals: number;
  overAgentIntervals: number;
  /** Service level re-computed on the rostered on-phone staff, volume-weighted; null without volume. */
  serviceLevel: number | null;
  /** Pool (retraining) agent-hours the shift plan placed this day. */
  poolHoursPlaced: number;
  /** Retraining and coaching agent-hours the roster assigned to named agents this day. */
  retrainingHoursRostered: number;
  coachingHoursRostered: number;
}

export interface PlanSummary {
  /** The roster's verdict, first: met or falls short, and what falls short (docs/semantics.md, "Verdict"). */
  verdict: Verdict;
  name: string;
  horizon: {
    start: string;
    end: string;
    timeZone: string;
    /** The plan's interval; finer than `dataIntervalMinutes` when the breaks needed it. */
    intervalMinutes: number;
    /** The forecast's and staffing's interval. */
    dataIntervalMinutes: number;
    days: number;
  };
  forecast: {
    method: string;
    /** The methods averaged when `method` is a pool (`pool (shape + calendar)`), else just `method`. */
    methods: string[];
    volume: number;
    volumeP10: number;
    volumeP90: number;
    backtestWape: number | null;
  };
  staffing: {
    model: string;
    serviceLevelTarget: number | null;
    answerSeconds: number | null;
    shrinkage: number;
    agentHours: number;
    headcountHours: number;
    peakAgents: number;
    serviceLevel: number;
  };
  shiftPlan: {
    status: string;
    shifts: number;
    paidHours: number;
    /** The plan's cost as the model counts it (weighted paid hours + shortage and pool penalties). */
    cost: number;
    /** LP bound on `cost`. */
    lpBound: number;
    /** Paid hours / LP bound, only when the cost is the paid hours (else null: the bound is on the cost). */
    paidOverBound: number | null;
    objectiveOverBound: number;
    mipGap: number | null;
    underAgentIntervals: number;
    overAgentIntervals: number;
    poolHoursRequested: number;
    poolHoursPlaced: number;
    serviceLevel: number | null;
    uncoverableIntervals: number;
  };
  roster: {
    agents: number;
    agentsWorking: number;
    paidHours: number;
    shiftsRequired: number;
    shiftsFilled: number;
    extraShifts: number;
    unfilledShifts: number;
    underAgentIntervals: number;
    coverageLossAgentIntervals: number;
    serviceLevel: number | null;
    worstServiceLevel: number | null;
    /** Set on a multi-queue plan: the SL figures (roster and days) are the queues' simulated ones, volume-weighted. */
    serviceLevelJudgedBy?: 'simulation';
    feasible: boolean;
    hardViolations: number;
    softPenalty: number;
    retrainingHoursNeeded: number;
    retrainingHoursAssigned: number;
    /** Rules with a violation, largest penalty first. */
    violations: {
      rule: string;
      /** The rule in words, and its amount in people's units (minutes as hours). */
      label: string;
      hard: boolean;
      amount: number;
      unit: string;
      shownAmount: number;
      shownUnit: string;
      penalty: number;
    }[];
  };
  days: PlanDaySummary[];
  /** A multi-queue plan: per queue, the roster simulated (queues.csv has every interval). */
  queues?: PlanQueueSummary[];
}

export interface PlanQueueSummary {
  name: string;
  model: string;
  priority: number;
  serviceLevelTarget: number | null;
  /** Simulated SL of the roster over the horizon, with its 95 % interval; null when not simulated. */
  serviceLevel: { mean: number | null; low: number | null; high: number | null } | null;
  abandonRate: number | null;
  met: boolean;
  /** Sum over intervals of the queue's own requirement x interval length, hours. */
  requiredAgentHours: number;
  /** Sum over intervals of the agents on the phones with the skill x interval length, hours; null when not simulated. */
  coveredAgentHours: number | null;
  /** Intervals whose simulated 95 % interval lies wholly below the target. */
  shortIntervals: number;
  /** Agent-hours the shift plan leaves the queue short of its requirement; null when not planned per queue. */
  plannedShortAgentHours: number | null;
}

export interface SummaryInput {
  name: string;
  forecast: ForecastResult;
  staffing: StaffingResponse;
  shiftPlan: ShiftPlan;
  roster: RosterResult;
  queues?: PlanQueuesResult | undefined;
}

/** Builds the summary. O(intervals + agents x days). Rounds hours to 0.01 and rates to 1e-4. */
export function buildSummary(input: SummaryInput): PlanSummary {
  const whole = wholeSummary(input);
  return input.queues && input.roster.verdict.serviceLevel.judgedBy === 'simulation'
    ? perQueueFigures(whole, input.queues)
    : whole;
}

function wholeSummary(input: SummaryInput): PlanSummary {
  const { forecast, staffing, shiftPlan, roster } = input;
  const lastSlotMs = Date.parse(roster.grid.start) + roster.grid.slotCount * roster.grid.intervalMinutes * 60_000;
  const days = daySummaries(input);
  return {
    verdict: roster.verdict,
    name: input.name,
    horizon: {
      start: roster.grid.start,
      end: new Date(lastSlotMs).toISOString(),
      timeZone: roster.grid.timeZone,
      intervalMinutes: roster.grid.intervalMinutes,
      dataIntervalMinutes: staffing.intervalMinutes,
      days: days.length,
    },
    forecast: forecastFigures(forecast),
    staffing: staffingFigures(staffing),
    shiftPlan: shiftPlanFigures(shiftPlan),
    roster: rosterFigures(roster),
    days,
    ...(input.queues ? { queues: queueFigures(input.queues, roster.grid.intervalMinutes / 60) } : {}),
  };
}

/**
 * A multi-queue plan judged per queue by simulation: the figures that would otherwise be those of the
 * summed load at one queue's target say so instead. Staffing: the queues' models, no single target,
 * the volume-weighted formula SL of each queue at its own requirement; the plan's SL (a formula on
 * the summed load) is not given; the roster's and each day's SL are the simulated queues',
 * volume-weighted (as the verdict judges them).
 */
function perQueueFigures(summary: PlanSummary, result: PlanQueuesResult): PlanSummary {
  const formula = { sum: 0, volume: 0 };
  const byDay = new Map<string, { sum: number; volume: number }>();
  for (const q of result.queues)
    for (const iv of q.intervals) {
      if (!(iv.volume > 0)) continue;
      formula.sum += iv.volume * iv.serviceLevelFormula;
      formula.volume += iv.volume;
      const sim = iv.serviceLevelSimulated?.mean;
      if (!q.simulated || sim === null || sim === undefined) continue;
      const day = byDay.get(iv.start.slice(0, 10)) ?? { sum: 0, volume: 0 };
      day.sum += iv.volume * sim;
      day.volume += iv.volume;
      byDay.set(iv.start.slice(0, 10), day);
    }
  const sl = summary.verdict.serviceLevel;
  const models = [...new Set(result.queues.map((q) => q.model))].join(', ');
  return {
    ...summary,
    staffing: {
      ...summary.staffing,
      model: `${models} (per queue)`,
      serviceLevelTarget: null,
      answerSeconds: null,
      serviceLevel: formula.volume > 0 ? r4(formula.sum / formula.volume) : summary.staffing.serviceLevel,
    },
    shiftPlan: { ...summary.shiftPlan, serviceLevel: null },
    roster: {
      ...summary.roster,
      serviceLevel: sl.volumeWeighted === null ? null : r4(sl.volumeWeighted),
      worstServiceLevel: sl.worst === null ? null : r4(sl.worst),
      serviceLevelJudgedBy: 'simulation',
    },
    days: summary.days.map((d) => {
      const day = byDay.get(d.date);
      return { ...d, serviceLevel: day && day.volume > 0 ? r4(day.sum / day.volume) : null };
    }),
  };
}

function queueFigures(result: PlanQueuesResult, hours: number): PlanQueueSummary[] {
  const r = (x: number | null) => (x === null ? null : r4(x));
  return result.queues.map((q) => ({
    name: q.name,
    model: q.model,
    priority: q.priority,
    serviceLevelTarget: q.targetServiceLevel,
    serviceLevel: q.serviceLevel
      ? { mean: r(q.serviceLevel.mean), low: r(q.serviceLevel.low), high: r(q.serviceLevel.high) }
      : null,
    abandonRate: q.abandonRate ? r(q.abandonRate.mean) : null,
    met: q.met,
    requiredAgentHours: r2(q.intervals.reduce((s, i) => s + i.requirement, 0) * hours),
    coveredAgentHours: q.simulated ? r2(q.intervals.reduce((s, i) => s + (i.covered ?? 0), 0) * hours) : null,
    plannedShortAgentHours: q.plannedShortAgentIntervals === null ? null : r2(q.plannedShortAgentIntervals * hours),
    shortIntervals: q.intervals.filter(
      (i) =>
        i.volume > 0 &&
        typeof i.serviceLevelSimulated?.high === 'number' &&
        i.serviceLevelSimulated.high < (q.targetServiceLevel ?? 0),
    ).length,
  }));
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

function forecastFigures(forecast: ForecastResult): PlanSummary['forecast'] {
  return {
    method: forecast.method === 'pool' ? `pool (${forecast.methods.join(' + ')})` : forecast.method,
    methods: forecast.method === 'pool' ? [...forecast.methods] : [forecast.method],
    volume: r2(sum(forecast.intervals.map((r) => r.volume))),
    volumeP10: r2(sum(forecast.intervals.map((r) => r.volumeP10))),
    volumeP90: r2(sum(forecast.intervals.map((r) => r.volumeP90))),
    backtestWape: forecast.backtestWape,
  };
}

function staffingFigures(staffing: StaffingResponse): PlanSummary['staffing'] {
  return {
    model: staffing.model,
    serviceLevelTarget: staffing.target.serviceLevel ?? null,
    answerSeconds: staffing.target.answerSeconds ?? null,
    shrinkage: staffing.shrinkage,
    agentHours: r2(staffing.totals.agentHours),
    headcountHours: r2(staffing.totals.headcountHours),
    peakAgents: staffing.totals.peakAgents,
    serviceLevel: r4(staffing.totals.serviceLevel),
  };
}

function shiftPlanFigures(shiftPlan: ShiftPlan): PlanSummary['shiftPlan'] {
  const q = shiftPlan.quality;
  return {
    status: q.status,
    shifts: sum(shiftPlan.shifts.map((s) => s.count)),
    paidHours: r2(q.paidHours),
    cost: r2(q.objective),
    lpBound: r2(q.lpBound),
    paidOverBound: q.paidOverBound === null ? null : r4(q.paidOverBound),
    objectiveOverBound: r4(q.objectiveOverBound),
    mipGap: q.mipGap === null ? null : r4(q.mipGap),
    underAgentIntervals: q.underCoverageAgentIntervals,
    overAgentIntervals: q.overCoverageAgentIntervals,
    poolHoursRequested: r2(q.poolHoursRequested),
    poolHoursPlaced: r2(q.poolHoursPlaced),
    serviceLevel: q.serviceLevel ? r4(q.serviceLevel.volumeWeighted) : null,
    uncoverableIntervals: shiftPlan.uncoverable.length,
  };
}

function rosterFigures(roster: RosterResult): PlanSummary['roster'] {
  const rq = roster.quality;
  const violations = roster.score.byRule
    .filter((r) => r.amount > 0)
    .map((r) => ({
      rule: r.rule,
      label: RULE_LABELS[r.rule].label,
      hard: r.hard,
      amount: r4(r.amount),
      unit: r.unit,
      shownAmount: Math.round(r.amount * RULE_LABELS[r.rule].scale * 10) / 10,
      shownUnit: RULE_LABELS[r.rule].unit,
      penalty: r4(r.penalty),
    }))
    .sort((a, b) => b.penalty - a.penalty || a.rule.localeCompare(b.rule));
  return {
    agents: roster.agents.length,
    agentsWorking: roster.agents.filter((a) => a.days.length > 0).length,
    paidHours: r2(rq.paidHours),
    shiftsRequired: rq.shiftsRequired,
    shiftsFilled: rq.shiftsFilled,
    extraShifts: rq.extraShifts,
    unfilledShifts: sum(roster.unfilledShifts.map((u) => u.required - u.filled)),
    underAgentIntervals: rq.rosterUnderAgentIntervals,
    coverageLossAgentIntervals: rq.coverageLossAgentIntervals,
    serviceLevel: rq.serviceLevel ? r4(rq.serviceLevel.volumeWeighted) : null,
    worstServiceLevel: rq.serviceLevel ? r4(rq.serviceLevel.worst) : null,
    feasible: roster.score.feasible,
    hardViolations: r4(roster.score.hard),
    softPenalty: r4(roster.score.soft),
    retrainingHoursNeeded: r2(sum(roster.agents.map((a) => a.retrainingHoursNeeded))),
    retrainingHoursAssigned: r2(sum(roster.agents.map((a) => a.retrainingHoursAssigned))),
    violations,
  };
}

/** Per day: contacts, required and on-phone agent-hours, under/over, SL, pool and retraining hours. */
function daySummaries(input: SummaryInput): PlanDaySummary[] {
  const { staffing, shiftPlan, roster } = input;
  const hoursPerInterval = roster.grid.intervalMinutes / 60;
  const volumeByMs = new Map(staffing.intervals.map((r) => [Date.parse(r.start ?? ''), r.volume]));

  const days = new Map<string, PlanDaySummary & { slWeight: number; slSum: number }>();
  const dayOf = (date: string) => {
    let d = days.get(date);
    if (!d) {
      d = {
        date,
        volume: 0,
        requiredAgentHours: 0,
        onPhoneAgentHours: 0,
        underAgentIntervals: 0,
        overAgentIntervals: 0,
        serviceLevel: null,
        poolHoursPlaced: 0,
        retrainingHoursRostered: 0,
        coachingHoursRostered: 0,
        slWeight: 0,
        slSum: 0,
      };
      days.set(date, d);
    }
    return d;
  };
  for (const c of roster.coverage) {
    const d = dayOf(c.start.slice(0, 10));
    const volume = volumeByMs.get(Date.parse(c.start)) ?? 0;
    d.volume += volume;
    d.requiredAgentHours += c.required * hoursPerInterval;
    d.onPhoneAgentHours += c.onPhone * hoursPerInterval;
    d.underAgentIntervals += c.under;
    d.overAgentIntervals += c.over;
    if (c.serviceLevel !== null && volume > 0) {
      d.slWeight += volume;
      d.slSum += volume * c.serviceLevel;
    }
  }
  for (const s of shiftPlan.retraining)
    dayOf(s.day).poolHoursPlaced += (s.seats * (s.endSlot - s.startSlot) * shiftPlan.grid.intervalMinutes) / 60;
  for (const day of roster.retraining.days) {
    const d = dayOf(day.date);
    for (const t of day.team) {
      if (t.kind === 'retraining') d.retrainingHoursRostered += t.hours;
      else d.coachingHoursRostered += t.hours;
    }
  }
  return [...days.values()]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ slWeight, slSum, ...d }) => ({
      ...d,
      volume: r2(d.volume),
      requiredAgentHours: r2(d.requiredAgentHours),
      onPhoneAgentHours: r2(d.onPhoneAgentHours),
      underAgentIntervals: r2(d.underAgentIntervals),
      overAgentIntervals: r2(d.overAgentIntervals),
      serviceLevel: slWeight > 0 ? r4(slSum / slWeight) : null,
      poolHoursPlaced: r2(d.poolHoursPlaced),
      retrainingHoursRostered: r2(d.retrainingHoursRostered),
      coachingHoursRostered: r2(d.coachingHoursRostered),
    }));
}

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

function r4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
