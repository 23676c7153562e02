import type { ShiftPlan } from '../shift-plan/types.js';
import { AgentEvaluator, type AgentScore } from './evaluate-agent.js';
import type { PlanProblem } from './from-plan.js';
import { RULE_COUNT, RULE_KEYS, RULE_UNITS } from './problem.js';
import type { PullResult } from './pulls.js';
import type { FlexibleTeamDay, RosterAgentResult, RosterDay, RosterResult, RosterViolation } from './result-types.js';
import type { RosteredShift } from './roster-shifts.js';
import type { RosterAgent } from './types.js';

/**
 * Per-agent output: days with shift, breaks and sessions; weekly hours against the contract;
 * preferences met; violations by rule (per-agent rules only; cover and fairness are global).
 * Also the sessions with who sits in them and the per-day flexible team. O(agents x days + pulls).
 */
export function agentResults(
  pp: PlanProblem,
  agents: RosterAgent[],
  assign: Int32Array,
  shifts: RosteredShift[],
  pulls: PullResult,
  plan: ShiftPlan,
): { agentList: RosterAgentResult[]; sessions: RosterResult['retraining']['sessions']; days: FlexibleTeamDay[] } {
  const ctx: ResultContext = {
    pp,
    agents,
    assign,
    plan,
    pulls,
    evaluator: new AgentEvaluator(pp.problem),
    pullsByAgent: new Map(),
    shiftByAgentCell: new Map(),
  };
  for (const pl of pulls.pulls) ctx.pullsByAgent.set(pl.agent, [...(ctx.pullsByAgent.get(pl.agent) ?? []), pl]);
  for (const s of shifts) ctx.shiftByAgentCell.set(`${s.agent}:${s.cell}`, s);
  const agentList = agents.map((agent, e): RosterAgentResult => {
    const { days, retrainingHoursAssigned } = agentDays(ctx, e);
    return {
      id: agent.id,
      name: agent.name,
      team: agent.team,
      days,
      weeks: agentWeeks(ctx, e),
      preferences: preferencesMet(agent, pp, assign, e),
      retrainingHoursNeeded: agent.retrainingHoursNeeded,
      retrainingHoursAssigned,
      violations: agentViolations(ctx, e),
    };
  });
  return { agentList, sessions: sessionSeats(ctx), days: flexibleTeamDays(ctx) };
}

/** What the per-agent steps read: the problem, the roster, the plan, the pulls and lookups over them. */
interface ResultContext {
  pp: PlanProblem;
  agents: RosterAgent[];
  assign: Int32Array;
  plan: ShiftPlan;
  pulls: PullResult;
  evaluator: AgentEvaluator;
  pullsByAgent: Map<number, PullResult['pulls']>;
  shiftByAgentCell: Map<string, RosteredShift>;
}

function sessionHours(ctx: ResultContext, session: number): number {
  const s = ctx.plan.retraining[session]!;
  return ((s.endSlot - s.startSlot) * ctx.pp.grid.intervalMinutes) / 60;
}

/** The agent's worked days: shift, its instance's breaks, the sessions inside it; and the retraining hours it got. */
function agentDays(ctx: ResultContext, e: number): { days: RosterDay[]; retrainingHoursAssigned: number } {
  const { pp, assign, plan } = ctx;
  const dayCount = pp.problem.days;
  const days: RosterDay[] = [];
  const myPulls = ctx.pullsByAgent.get(e) ?? [];
  let assigned = 0;
  for (let d = 0; d < dayCount; d++) {
    const c = assign[e * dayCount + d]!;
    if (c < 0) continue;
    const s = pp.shiftOfCell[c]!;
    const mine = ctx.shiftByAgentCell.get(`${e}:${c}`)!;
    const inst = s.instances.length > 0 ? s.instances[mine.instance % s.instances.length]! : { breaks: [] };
    const retraining = myPulls
      .filter((pl) => {
        const ses = plan.retraining[pl.session]!;
        return ses.startSlot >= s.startSlot && ses.endSlot <= s.endSlot;
      })
      .map((pl) => {
        const ses = plan.retraining[pl.session]!;
        const hours = sessionHours(ctx, pl.session);
        if (pl.kind === 'retraining') assigned += hours;
        return { pool: ses.pool, start: ses.start, end: ses.end, hours, kind: pl.kind };
      });
    days.push({
      date: pp.grid.days[d]!.date,
      template: s.template,
      start: s.start,
      end: s.end,
      paidHours: s.paidHours,
      breaks: inst.breaks.map((b) => ({ name: b.name, paid: b.paid, start: b.start, end: b.end })),
      retraining,
      extra: mine.instance >= s.count,
      ...(s.skills ? { skills: [...s.skills] } : {}),
    });
  }
  return { days, retrainingHoursAssigned: assigned };
}

/** The agent's per-agent rule violations (cover, preference and fairness are reported elsewhere). */
function agentViolations(ctx: ResultContext, e: number): RosterViolation[] {
  const p = ctx.pp.problem;
  const amounts = new Float64Array(RULE_COUNT);
  const score: AgentScore = { hard: 0, soft: 0, weekendDays: 0, lateShifts: 0 };
  ctx.evaluator.evaluate(p.agents[e]!, ctx.assign, e * p.days, score, amounts);
  const violations: RosterViolation[] = [];
  RULE_KEYS.forEach((rule, r) => {
    if (r < 3 || amounts[r]! <= 1e-9 || rule === 'fairnessLate' || rule === 'fairnessWeekend') return;
    violations.push({ rule, hard: p.rules[rule].hard, amount: amounts[r]!, unit: RULE_UNITS[rule] });
  });
  return violations;
}

/** Paid hours and days per contract window against its limits. */
function agentWeeks(ctx: ResultContext, e: number): RosterAgentResult['weeks'] {
  const { problem: p, grid } = ctx.pp;
  return p.agents[e]!.windows.map((w) => {
    let minutes = 0;
    let n = 0;
    for (let d = w.fromDay; d < w.toDay; d++) {
      const c = ctx.assign[e * p.days + d]!;
      if (c >= 0) {
        minutes += p.cells[c]!.paidMinutes;
        n++;
      }
    }
    return {
      firstDate: grid.days[w.fromDay]!.date,
      paidHours: minutes / 60,
      minHours: w.minMinutes / 60,
      maxHours: w.maxMinutes / 60,
      days: n,
      maxDays: w.maxDays,
      ...(w.carriedMinutes !== undefined
        ? { carriedHours: w.carriedMinutes / 60, carriedDays: w.carriedDays ?? 0 }
        : {}),
    };
  });
}

/** Each plan session with who sits in it (retraining, coaching) and the seats left empty. */
function sessionSeats(ctx: ResultContext): RosterResult['retraining']['sessions'] {
  const { plan, pulls, agents } = ctx;
  return plan.retraining.map((ses, si) => ({
    pool: ses.pool,
    day: ses.day,
    start: ses.start,
    end: ses.end,
    seats: ses.seats,
    retraining: pulls.pulls
      .filter((pl) => pl.session === si && pl.kind === 'retraining')
      .map((pl) => agents[pl.agent]!.id),
    coaching: pulls.pulls.filter((pl) => pl.session === si && pl.kind === 'coaching').map((pl) => agents[pl.agent]!.id),
    emptySeats: pulls.emptySeats[si] ?? ses.seats,
  }));
}

/** Flexible team per day, and flagged hours outstanding after each day's sessions. */
function flexibleTeamDays(ctx: ResultContext): FlexibleTeamDay[] {
  const { plan, pulls, agents } = ctx;
  const left = agents.map((a) => a.retrainingHoursNeeded);
  return ctx.pp.grid.days.map((day) => {
    const team: FlexibleTeamDay['team'] = [];
    for (const pl of pulls.pulls) {
      const ses = plan.retraining[pl.session]!;
      if (ses.day !== day.date) continue;
      const hours = sessionHours(ctx, pl.session);
      team.push({ agent: agents[pl.agent]!.id, pool: ses.pool, start: ses.start, end: ses.end, hours, kind: pl.kind });
      if (pl.kind === 'retraining') left[pl.agent] = Math.max(0, left[pl.agent]! - hours);
    }
    team.sort((a, b) => a.start.localeCompare(b.start) || a.agent.localeCompare(b.agent));
    return { date: day.date, team, flaggedHoursOutstanding: left.reduce((t, h) => t + h, 0) };
  });
}

function preferencesMet(
  agent: RosterAgent,
  pp: PlanProblem,
  assign: Int32Array,
  e: number,
): { met: number; total: number } {
  const { problem: p, grid } = pp;
  let met = 0;
  let total = 0;
  for (const pref of agent.preferences) {
    for (let d = 0; d < p.days; d++) {
      const weekday = grid.days[d]!.weekday;
      if (pref.days && !pref.days.includes(weekday)) continue;
      const c = assign[e * p.days + d]!;
      if (pref.kind === 'preferred-day' || pref.kind === 'unwanted-day') {
        total++;
        if (c >= 0 === (pref.kind === 'preferred-day')) met++;
      } else if (c >= 0) {
        total++;
        const m = p.cells[c]!.startOfDayMinute;
        const inside = m >= (pref.fromMinute ?? 0) && m <= (pref.toMinute ?? 1440);
        if (inside === (pref.kind === 'preferred-start')) met++;
      }
    }
  }
  return { met, total };
}
