/**
 * Issue 5, contact-centre week: ~500 agents (mixed full-time, part-time and flexible contracts,
 * restricted availability, time off, preferences, 40 flagged for retraining) rostered on a shift
 * plan built by the shift-plan core for a two-peak week (Erlang C, 80 % in 20 s, AHT 300 s,
 * volume scaled so that the plan needs about 500 people). The plan's own solve time is not part of
 * the roster's. Target: zero hard violations (independent checker) in under 60 s; coverage loss
 * against the plan reported. ROSTER_CC_SECONDS overrides the roster time limit (default 50).
 */
import { parseShiftPlanRules } from '../src/contracts/shift-plan.js';
import { makeRng, randInt } from '../src/scheduler/roster/rng.js';
import { rosterPlan } from '../src/scheduler/roster/roster.js';
import type { RosterAgent, RosterRules } from '../src/scheduler/roster/types.js';
import { checkPulls, checkRoster } from '../src/scheduler/rules-check/index.js';
import { planShifts } from '../src/scheduler/shift-plan/plan.js';
import { serviceLevelFromQueue } from '../src/scheduler/shift-plan/service-level.js';
import { loadSolver } from '../src/scheduler/mip/highs.js';
import { nowMs, writeResult } from './lib/report.js';
import { lunchAndTwoBreaks, WEEK_QUEUE, weekRequirement } from './lib/contact-centre-week.js';

const SCALE = Number(process.env.ROSTER_CC_SCALE ?? 4.0);
const SECONDS = Number(process.env.ROSTER_CC_SECONDS ?? 50);
const queue = WEEK_QUEUE;
const requirement = weekRequirement(SCALE);
const brk = lunchAndTwoBreaks;
const planRules = parseShiftPlanRules({
  templates: [
    { name: 'ft8', paidMinutes: 480, starts: [{ from: '07:00', to: '14:00', stepMinutes: 30 }] },
    { name: 'pt4', paidMinutes: 240, starts: [{ from: '07:00', to: '18:00', stepMinutes: 30 }] },
  ],
  breakRules: [
    { template: 'ft8', breaks: brk(210, 300, 360, 420) },
    {
      template: 'pt4',
      breaks: [{ name: 'break-1', minutes: 15, paid: true, earliestStartMinutes: 90, latestStartMinutes: 150 }],
    },
  ],
  openingHours: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '07:00', close: '22:00' },
    { days: ['sat', 'sun'], open: '08:00', close: '20:00' },
  ],
  coverage: { mode: 'hard' },
  pool: [
    {
      name: 'retraining',
      windowStart: '09:00',
      windowEnd: '19:00',
      sessionMinutes: 60,
      seatsPerSession: 2,
      sessionsPerDay: 12,
      priority: 'must',
    },
  ],
  solver: { timeLimitSeconds: 30, relativeGap: 0.01, seed: 1 },
}).rules;

const tPlan = nowMs();
const highs = await loadSolver();
const sl = serviceLevelFromQueue(queue);
const plan = planShifts(requirement, planRules, { highs, ...(sl ? { serviceLevel: sl } : {}) });
const planMs = nowMs() - tPlan;
const shiftDays = (t: string) => plan.shifts.filter((s) => s.template === t).reduce((n, s) => n + s.count, 0);
const n8 = shiftDays('ft8');
const n4 = shiftDays('pt4');

// agents: enough full-timers for the 8-hour shifts, part-timers for the 4-hour ones, the rest flexible
const rng = makeRng(2026);
const agents: RosterAgent[] = [];
const fullTime = Math.ceil(n8 / 5);
const partTime = Math.ceil(n4 / 4);
const total = Math.max(500, fullTime + partTime + 20);
for (let i = 0; i < total; i++) {
  const kind = i < fullTime ? 'ft' : i < fullTime + partTime ? 'pt' : 'flex';
  const restricted = rng() < 0.2;
  const off1 = 1 + randInt(rng, 7);
  agents.push({
    id: `ag${String(i).padStart(3, '0')}`,
    name: `Agent ${i}`,
    team: `team-${i % 12}`,
    contract:
      kind === 'ft'
        ? { minHoursPerWeek: 32, maxHoursPerWeek: 40, maxDaysPerWeek: 5, templates: ['ft8'] }
        : kind === 'pt'
          ? { minHoursPerWeek: 12, maxHoursPerWeek: 20, maxDaysPerWeek: 5, templates: ['pt4'] }
          : { minHoursPerWeek: 0, maxHoursPerWeek: 32, maxDaysPerWeek: 4 },
    availability: {
      ...(restricted ? { days: [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== off1) } : {}),
      ...(rng() < 0.1 ? { windows: [{ fromMinute: 7 * 60, toMinute: 19 * 60 }] } : {}),
      timeOff:
        rng() < 0.05
          ? [{ startMs: requirement.originMs + randInt(rng, 7) * 86_400_000, endMs: 0 }].map((t) => ({
              ...t,
              endMs: t.startMs + 86_400_000,
            }))
          : [],
    },
    preferences:
      rng() < 0.5
        ? [
            { kind: 'unwanted-day', days: [6 + randInt(rng, 2)], weight: 2 },
            { kind: 'preferred-start', fromMinute: 7 * 60, toMinute: 11 * 60, weight: 1 },
          ]
        : [],
    seniority: randInt(rng, 20),
    retrainingHoursNeeded:
      i % Math.floor(total / 40) === 0 && agents.filter((a) => a.retrainingHoursNeeded > 0).length < 40
        ? 2 + randInt(rng, 3)
        : 0,
    workedPreviousWeekend: rng() < 0.5,
  });
}
const rules: RosterRules = {
  minRestHours: 11,
  maxConsecutiveDays: 6,
  minConsecutiveDays: 1,
  minConsecutiveDaysOff: 1,
  twoConsecutiveDaysOffPerWeek: true,
  weekendsOffEveryOtherWeek: false,
  maxWeekends: Infinity,
  maxStartSpreadMinutes: 120,
  lateShiftFromMinute: 13 * 60,
  settings: {},
};
const t0 = nowMs();
const roster = rosterPlan(plan, agents, rules, {
  seed: 1,
  timeLimitMs: SECONDS * 1000,
  maxIterations: Number.MAX_SAFE_INTEGER,
  now: nowMs,
  load: { volume: requirement.volume ?? [], ahtSeconds: requirement.ahtSeconds ?? [] },
  ...(sl ? { serviceLevel: sl } : {}),
});
const rosterMs = nowMs() - t0;
const violations = checkRoster(roster, agents, rules);
const pullViolations = checkPulls(roster, agents);
const flagged = agents.filter((a) => a.retrainingHoursNeeded > 0);
writeResult({
  name: 'roster-contact-centre',
  description: `Contact-centre week, ${agents.length} agents (${fullTime} full-time, ${partTime} part-time, rest flexible; ${flagged.length} flagged), on a shift-plan-core plan; roster time limit ${SECONDS} s`,
  size: {
    agents: agents.length,
    planShifts: n8 + n4,
    slots: requirement.required.length,
    sessions: plan.retraining.length,
    flagged: flagged.length,
  },
  metrics: {
    rosterSeconds: Math.round(rosterMs) / 1000,
    planSeconds: Math.round(planMs) / 1000,
    hardViolations: violations.length,
    pullViolations: pullViolations.length,
    solverHardScore: roster.score.hard,
    shiftsRequired: roster.quality.shiftsRequired,
    shiftsFilled: roster.quality.shiftsFilled,
    extraShifts: roster.quality.extraShifts,
    unfilledShifts: roster.unfilledShifts.length,
    planUnderAgentIntervals: roster.quality.planUnderAgentIntervals,
    rosterUnderAgentIntervals: roster.quality.rosterUnderAgentIntervals,
    coverageLossAgentIntervals: roster.quality.coverageLossAgentIntervals,
    planServiceLevel: plan.quality.serviceLevel?.volumeWeighted ?? null,
    rosterServiceLevel: roster.quality.serviceLevel?.volumeWeighted ?? null,
    retrainingSeatsFilled: roster.retraining.sessions.reduce((t, s) => t + s.retraining.length, 0),
    coachingSeatsFilled: roster.retraining.sessions.reduce((t, s) => t + s.coaching.length, 0),
    flaggedHoursOutstandingEndOfWeek: roster.retraining.days.at(-1)?.flaggedHoursOutstanding ?? null,
    iterations: roster.search.iterations,
  },
  targets: {
    zeroHardViolationsUnder60s: {
      target: 'zero hard violations (independent checker) in under 60 s',
      met: violations.length === 0 && rosterMs < 60_000,
    },
  },
  details: {
    unfilled: roster.unfilledShifts.slice(0, 20),
    violations: violations.slice(0, 20),
    scoreByRule: roster.score.byRule,
  },
});
