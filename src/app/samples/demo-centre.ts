/**
 * The built-in demo contact centre of `wfm demo` and the plan tests: weeks of 15-minute history
 * (two daily peaks, a weekly pattern, holidays marked as special days), a team of named agents
 * with mixed contracts (full-time 40 h, part-time 20-30 h, weekend workers 18 h), availability, time
 * off, preferences, teams, some flagged for retraining, shift templates with lunch and breaks,
 * and a daily retraining pool. The result is a `wfm plan` configuration with everything inline.
 *
 * Pure and deterministic: the same options give the same centre (seeded mulberry32).
 */
import { DateTime } from 'luxon';
import { generateSampleWeek, mulberry32, type SampleInterval } from './sample-week.js';

export interface DemoCentreOptions {
  /** Agents in the centre. Default 150. */
  agents?: number;
  /** Contacts offered on an average weekday. Default: 36 per agent (5,400 for 150 agents). */
  weekdayVolume?: number;
  /** Weeks of history before the planned week (4..52). Default 10. */
  historyWeeks?: number;
  /** Seed of every generator. Default 20260601. */
  seed?: number;
  /** The Monday of the planned week, local date. Default 2026-06-01. */
  weekStart?: string;
  /** Time limit of the shift-plan MIP, seconds. Default 10. */
  shiftPlanSeconds?: number;
  /** Time limit of the roster search, seconds. Default 10. */
  rosterSeconds?: number;
}

/** A holiday of the demo's history: its volume is scaled by `factor`, and it is marked special. */
export interface DemoHoliday {
  date: string;
  factor: number;
  label: string;
}

const TIME_ZONE = 'America/New_York';
const TEAMS = ['Billing', 'Technical', 'Sales', 'Care'] as const;
const FIRST = [
  'Ada',
  'Ben',
  'Cleo',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kai',
  'Lea',
  'Max',
  'Nia',
  'Oli',
  'Pia',
  'Raj',
  'Sol',
  'Tia',
  'Uma',
  'Vic',
  'Wes',
  'Xia',
  'Yan',
  'Zoe',
];
const LAST = [
  'Adams',
  'Baker',
  'Costa',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Khan',
  'Lopez',
  'Moreau',
  'Novak',
  'Okafor',
  'Park',
];

/** US holidays that fall in the default history (before the planned week of 2026-06-01). */
const HOLIDAYS: readonly DemoHoliday[] = [
  { date: '2026-04-03', factor: 0.6, label: 'Good Friday' },
  { date: '2026-05-25', factor: 0.25, label: 'Memorial Day' },
];

/**
 * Builds the demo centre as a `wfm plan` configuration (inline history, rules and agents).
 * O(historyWeeks x intervals + agents).
 *
 * @example buildDemoCentre({ agents: 40 }).agents.length // 40
 */
export function buildDemoCentre(options: DemoCentreOptions = {}): DemoCentreConfig {
  const agentCount = options.agents ?? 150;
  const weekdayVolume = options.weekdayVolume ?? agentCount * 36;
  const historyWeeks = options.historyWeeks ?? 10;
  const seed = options.seed ?? 20260601;
  const weekStart = options.weekStart ?? '2026-06-01';
  const planned = DateTime.fromISO(weekStart, { zone: TIME_ZONE });
  const kinds = Array.from({ length: agentCount }, (_, i) => agentKind(i));
  const history: SampleInterval[] = [];
  for (let k = historyWeeks; k >= 1; k--) {
    const monday = planned.minus({ weeks: k }).toISODate() ?? weekStart;
    history.push(
      ...generateSampleWeek({ seed: seed + k, weekStart: monday, timeZone: TIME_ZONE, weekdayVolume }).intervals,
    );
  }
  const firstDay = history[0]?.start.slice(0, 10) ?? weekStart;
  const holidays = HOLIDAYS.filter((h) => h.date >= firstDay && h.date < weekStart);
  const factorOf = new Map(holidays.map((h) => [h.date, h.factor]));
  const scaled = history.map((row) => {
    const factor = factorOf.get(row.start.slice(0, 10));
    return factor === undefined ? row : { ...row, volume: Math.round(row.volume * factor) };
  });
  return {
    name: `Demo centre: ${agentCount} agents, ${weekdayVolume.toLocaleString('en-US')} contacts per weekday`,
    history: scaled,
    forecast: {
      timeZone: TIME_ZONE,
      intervalMinutes: 15,
      weeks: 1,
      start: weekStart,
      method: 'auto',
      openingHours: 'Mon-Fri 08:00-20:00; Sat-Sun 09:00-17:00',
      specialDays: holidays.map((h) => ({ date: h.date, label: h.label })),
    },
    staffing: {
      model: 'erlang-c',
      target: { serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.9 },
      shrinkage: 0.3,
    },
    shiftPlan: demoShiftRules(agentCount, kinds),
    agents: demoAgents(kinds, seed, planned),
    roster: { rules: { minRestHours: 11, maxConsecutiveDays: 6, twoConsecutiveDaysOffPerWeek: true } },
    limits: { shiftPlanSeconds: options.shiftPlanSeconds ?? 10, rosterSeconds: options.rosterSeconds ?? 10 },
    seed: 1,
  };
}

/** The demo as plain JSON (the shape `PlanConfigSchema` accepts). */
export interface DemoCentreConfig {
  name: string;
  history: SampleInterval[];
  forecast: Record<string, unknown> & { timeZone: string; specialDays: { date: string; label: string }[] };
  staffing: Record<string, unknown>;
  shiftPlan: Record<string, unknown>;
  agents: Record<string, unknown>[];
  roster: { rules: Record<string, unknown> };
  limits: { shiftPlanSeconds: number; rosterSeconds: number };
  seed: number;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEKEND = ['sat', 'sun'];

type AgentKind = 'full-time' | 'part-time' | 'weekend';

/** 60 % full-time, 25 % part-time, 15 % weekend: a low-discrepancy spread keeps the mix for any count. */
function agentKind(i: number): AgentKind {
  const u = (i * 0.6180339887) % 1;
  return u < 0.6 ? 'full-time' : u < 0.85 ? 'part-time' : 'weekend';
}

/**
 * Full-time 8 h on weekdays and 7 h at the weekend (two paid 15-minute breaks and an unpaid
 * 30-minute lunch), part-time 5 h and 6 h
 * (one paid break), and a retraining pool every day: three 60-minute sessions of a seat per 25
 * agents on weekdays, one at the weekend, placed where the requirement is lowest.
 */
function demoShiftRules(agentCount: number, kinds: readonly AgentKind[]): Record<string, unknown> {
  const seats = Math.max(1, Math.round(agentCount / 25));
  // Short shifts are cheaper to fit to the curve; cap them per day at what the part-time and
  // weekend staff can work, so that the plan's template mix matches the workforce.
  const partTime = kinds.filter((k) => k === 'part-time').length;
  const weekend = kinds.filter((k) => k === 'weekend').length;
  return {
    timeZone: TIME_ZONE,
    templates: [
      { name: 'ft8', paidMinutes: 480, starts: [{ days: WEEKDAYS, from: '08:00', to: '11:30' }] },
      { name: 'we7', paidMinutes: 420, starts: [{ days: WEEKEND, from: '09:00', to: '09:30' }] },
      {
        name: 'pt6',
        paidMinutes: 360,
        maxAgentsPerDay: Math.round(0.25 * partTime + 0.3 * weekend),
        starts: [
          { days: WEEKDAYS, from: '08:00', to: '14:00' },
          { days: WEEKEND, from: '09:00', to: '11:00' },
        ],
      },
      {
        name: 'pt5',
        paidMinutes: 300,
        maxAgentsPerDay: Math.round(0.25 * partTime + 0.15 * weekend),
        starts: [
          { days: WEEKDAYS, from: '08:00', to: '15:00' },
          { days: WEEKEND, from: '09:00', to: '12:00' },
        ],
      },
    ],
    breakRules: [
      {
        template: 'ft8',
        breaks: [
          { name: 'break', minutes: 15, paid: true, earliestStartMinutes: 60, latestStartMinutes: 150 },
          { name: 'lunch', minutes: 30, paid: false, earliestStartMinutes: 210, latestStartMinutes: 300 },
          { name: 'break', minutes: 15, paid: true, earliestStartMinutes: 360, latestStartMinutes: 420 },
        ],
      },
      {
        template: 'we7',
        breaks: [
          { name: 'break', minutes: 15, paid: true, earliestStartMinutes: 60, latestStartMinutes: 150 },
          { name: 'lunch', minutes: 30, paid: false, earliestStartMinutes: 180, latestStartMinutes: 270 },
          { name: 'break', minutes: 15, paid: true, earliestStartMinutes: 300, latestStartMinutes: 360 },
        ],
      },
      {
        template: 'pt6',
        breaks: [{ name: 'break', minutes: 15, paid: true, earliestStartMinutes: 120, latestStartMinutes: 210 }],
      },
      {
        template: 'pt5',
        breaks: [{ name: 'break', minutes: 15, paid: true, earliestStartMinutes: 90, latestStartMinutes: 180 }],
      },
    ],
    openingHours: [
      { days: WEEKDAYS, open: '08:00', close: '20:00' },
      { days: WEEKEND, open: '09:00', close: '17:00' },
    ],
    coverage: { mode: 'soft', underPenaltyPerAgentInterval: 4 },
    pool: [
      {
        name: 'retraining',
        days: WEEKDAYS,
        windowStart: '08:00',
        windowEnd: '20:00',
        sessionMinutes: 60,
        seatsPerSession: seats,
        sessionsPerDay: 3,
        priority: 'as-much-as-possible',
      },
      {
        name: 'retraining-weekend',
        days: WEEKEND,
        windowStart: '09:00',
        windowEnd: '17:00',
        sessionMinutes: 60,
        seatsPerSession: seats,
        sessionsPerDay: 1,
        priority: 'as-much-as-possible',
      },
    ],
    solver: { timeLimitSeconds: 10, relativeGap: 0.01, seed: 1 },
  };
}

/**
 * Agents: 60 % full-time (ft8/we7, 32-40 h, 5 days), 25 % part-time (pt5/pt6, 20, 25 or 30 h), 15 %
 * weekend workers (Fri-Sun only, pt5/pt6, 10-18 h). About one in eight is flagged for retraining
 * (2-4 h); some have a day off in the planned week, evening or morning windows, and preferences.
 */
function demoAgents(kinds: readonly AgentKind[], seed: number, planned: DateTime): Record<string, unknown>[] {
  const count = kinds.length;
  const random = mulberry32(seed ^ 0x5eed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const agents: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i] as AgentKind;
    const name =
      `${FIRST[i % FIRST.length] ?? 'Agent'} ${LAST[Math.floor(i / FIRST.length) % LAST.length] ?? ''}`.trim();
    const agent: Record<string, unknown> = {
      id: `A${String(i + 1).padStart(3, '0')}`,
      name,
      team: TEAMS[i % TEAMS.length],
      seniority: Math.floor(random() * 12),
    };
    const availability: Record<string, unknown> = { timeOff: [] as unknown[] };
    const preferences: unknown[] = [];
    if (kind === 'full-time') {
      agent.contract = { minHoursPerWeek: 24, maxHoursPerWeek: 40, maxDaysPerWeek: 5, templates: ['ft8', 'we7'] };
      if (random() < 0.3) preferences.push({ type: 'unwanted-day', days: [pick(WEEKEND)], weight: 2 });
      if (random() < 0.25) preferences.push({ type: 'preferred-start', from: '08:00', to: '09:30', weight: 1 });
    } else if (kind === 'part-time') {
      const hours = pick([20, 25, 30] as const);
      agent.contract = {
        minHoursPerWeek: hours - 15,
        maxHoursPerWeek: hours,
        maxDaysPerWeek: hours === 20 ? 4 : 5,
        templates: hours === 30 ? ['pt6', 'pt5'] : ['pt5', 'pt6'],
      };
      const shape = random();
      // Evening-only agents get few late starts from the plan: keep them on the short contract.
      if (shape < 0.3 && hours === 20) availability.windows = [{ from: '13:00', to: '20:00' }];
      else if (shape < 0.55) availability.windows = [{ from: '08:00', to: '15:00' }];
      if (random() < 0.3) preferences.push({ type: 'preferred-day', days: [pick(WEEKDAYS)], weight: 1 });
    } else {
      agent.contract = { minHoursPerWeek: 5, maxHoursPerWeek: 18, maxDaysPerWeek: 3, templates: ['pt6', 'pt5'] };
      availability.days = ['fri', 'sat', 'sun'];
    }
    if (random() < 0.06) {
      const date = planned.plus({ days: Math.floor(random() * 5) }).toISODate();
      (availability.timeOff as unknown[]).push({ date });
    }
    agent.availability = availability;
    if (preferences.length > 0) agent.preferences = preferences;
    if (kind !== 'weekend' && i % 8 === 3) agent.retraining = { hoursNeeded: 2 + Math.floor(random() * 3) };
    agents.push(agent);
  }
  return agents;
}
