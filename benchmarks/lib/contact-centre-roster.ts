/**
 * The contact-centre roster case the roster benchmarks share: a shift plan from the shift-plan
 * core for the two-peak week (`weekRequirement(scale)`), and agents generated for it (mixed
 * full-time, part-time and flexible contracts, restricted days and windows, time off, preferences,
 * flagged for retraining), seeded so every run sees the same centre.
 */
import { parseShiftPlanRules } from '../../src/contracts/shift-plan.js';
import type { Highs } from '../../src/scheduler/mip/solve.js';
import { makeRng, randInt } from '../../src/scheduler/roster/rng.js';
import type { RosterAgent, RosterRules } from '../../src/scheduler/roster/types.js';
import { planShifts } from '../../src/scheduler/shift-plan/plan.js';
import { serviceLevelFromQueue } from '../../src/scheduler/shift-plan/service-level.js';
import { nowMs } from './report.js';
import { lunchAndTwoBreaks, WEEK_QUEUE, weekRequirement } from './contact-centre-week.js';

export interface RosterCase {
  requirement: ReturnType<typeof weekRequirement>;
  plan: ReturnType<typeof planShifts>;
  planMs: number;
  agents: RosterAgent[];
  rules: RosterRules;
  fullTime: number;
  partTime: number;
  planShiftCount: number;
  serviceLevel: ReturnType<typeof serviceLevelFromQueue>;
}

/**
 * The case at `scale` (volume multiplier), with at least `minAgents` agents and at most
 * `maxConsecutiveDays` days in a row.
 */
export function contactCentreRosterCase(
  highs: Highs,
  scale: number,
  minAgents: number,
  maxConsecutiveDays: number,
): RosterCase {
  const queue = WEEK_QUEUE;
  const requirement = weekRequirement(scale);
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
  const sl = serviceLevelFromQueue(queue);
  const plan = planShifts(requirement, planRules, { highs, ...(sl ? { serviceLevel: sl } : {}) });
  const planMs = nowMs() - tPlan;
  const shiftDays = (t: string) => plan.shifts.filter((s) => s.template === t).reduce((n, s) => n + s.count, 0);
  const n8 = shiftDays('ft8');
  const n4 = shiftDays('pt4');

  // agents: enough full-timers for the 8-hour shifts, part-timers for the 4-hour ones, the rest flexible
  const fullTime = Math.ceil(n8 / 5);
  const partTime = Math.ceil(n4 / 4);
  const agents = generateAgents(requirement, fullTime, partTime, minAgents);
  const rules: RosterRules = {
    minRestHours: 11,
    maxConsecutiveDays,
    minConsecutiveDays: 1,
    minConsecutiveDaysOff: 1,
    twoConsecutiveDaysOffPerWeek: true,
    weekendsOffEveryOtherWeek: false,
    maxWeekends: Infinity,
    maxStartSpreadMinutes: 120,
    lateShiftFromMinute: 13 * 60,
    settings: {},
  };
  return {
    requirement,
    plan,
    planMs,
    agents,
    rules,
    fullTime,
    partTime,
    planShiftCount: n8 + n4,
    serviceLevel: sl,
  };
}

/** Agents for the plan: full-timers for the 8-hour shifts, part-timers for the 4-hour ones, the rest flexible. */
function generateAgents(
  requirement: RosterCase['requirement'],
  fullTime: number,
  partTime: number,
  minAgents: number,
): RosterAgent[] {
  const rng = makeRng(2026);
  const agents: RosterAgent[] = [];
  const total = Math.max(minAgents, fullTime + partTime + 20);
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
  return agents;
}
