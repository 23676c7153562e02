/**
 * The planner page's demo centre: weeks of history from the built-in sample generator
 * (`generateSampleWeek`, one seed per week), a team of named agents with mixed contracts (some
 * flagged for retraining), and the shift and roster rules, all as the JSON bodies the HTTP API
 * takes. Deterministic: the same options give the same demo.
 */
import { DateTime } from 'luxon';
import { generateSampleWeek, mulberry32 } from '../samples/sample-week.js';

export interface WebDemoOptions {
  /** Agents in the centre. Default 150. */
  agents?: number;
  /** Contacts offered on an average weekday. Default 2,800. */
  weekdayVolume?: number;
  /** Weeks of history before the planned week. Default 8. */
  historyWeeks?: number;
  /** Seed of the generators. Default 20260601. */
  seed?: number;
}

export interface WebDemo {
  name: string;
  timeZone: string;
  intervalMinutes: number;
  /** The Monday of the planned week (local date). */
  weekStart: string;
  /** Opening hours in the forecast's text form. */
  openingHours: string;
  history: { start: string; volume: number; ahtSeconds: number }[];
  staffing: { model: 'erlang-c'; target: { serviceLevel: number; answerSeconds: number; maxOccupancy: number }; shrinkage: number };
  shiftRules: Record<string, unknown>;
  rosterRules: Record<string, unknown>;
  agents: Record<string, unknown>[];
}

const PLANNED_WEEK = '2026-06-01';
const TEAMS = ['North', 'South', 'East'] as const;
const FIRST_NAMES = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea', 'Max', 'Nia', 'Oli', 'Pia', 'Raj', 'Sol', 'Tia', 'Uma', 'Vic', 'Wes', 'Xia', 'Yan', 'Zoe'];

/**
 * Builds the demo. O(historyWeeks x intervals + agents).
 *
 * @example buildWebDemo({ agents: 40, weekdayVolume: 800 }).history.length // 8 x 304 rows
 */
export function buildWebDemo(options: WebDemoOptions = {}): WebDemo {
  const agentCount = options.agents ?? 150;
  const weekdayVolume = options.weekdayVolume ?? 2800;
  const historyWeeks = options.historyWeeks ?? 8;
  const seed = options.seed ?? 20260601;
  const timeZone = 'America/New_York';
  const planned = DateTime.fromISO(PLANNED_WEEK, { zone: timeZone });
  const history: WebDemo['history'] = [];
  for (let k = historyWeeks; k >= 1; k--) {
    const weekStart = planned.minus({ weeks: k }).toISODate() ?? PLANNED_WEEK;
    history.push(...generateSampleWeek({ seed: seed + k, weekStart, timeZone, weekdayVolume }).intervals);
  }
  return {
    name: `Demo centre (${agentCount} agents, ${weekdayVolume} contacts per weekday)`,
    timeZone,
    intervalMinutes: 15,
    weekStart: PLANNED_WEEK,
    openingHours: 'Mon-Fri 08:00-20:00; Sat-Sun 09:00-17:00',
    history,
    staffing: { model: 'erlang-c', target: { serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.9 }, shrinkage: 0.3 },
    shiftRules: demoShiftRules(),
    rosterRules: { minRestHours: 11, maxConsecutiveDays: 6, twoConsecutiveDaysOffPerWeek: true },
    agents: demoAgents(agentCount, seed),
  };
}

/** Full-time 8 h (lunch and two breaks) and part-time 4 h (one break); a daily retraining pool. */
function demoShiftRules(): Record<string, unknown> {
  return {
    templates: [
      { name: 'ft8', paidMinutes: 480, starts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '11:30' }, { days: ['sat', 'sun'], from: '09:00', to: '09:00' }] },
      { name: 'pt4', paidMinutes: 240, costWeight: 1.1, starts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '15:45' }, { days: ['sat', 'sun'], from: '09:00', to: '12:45' }] },
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
      { template: 'pt4', breaks: [{ name: 'break', minutes: 15, paid: true, earliestStartMinutes: 90, latestStartMinutes: 150 }] },
    ],
    openingHours: [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:00', close: '20:00' },
      { days: ['sat', 'sun'], open: '09:00', close: '17:00' },
    ],
    coverage: { mode: 'soft', underPenaltyPerAgentInterval: 4 },
    pool: [{ name: 'retraining', days: ['mon', 'tue', 'wed', 'thu', 'fri'], windowStart: '08:00', windowEnd: '20:00', sessionMinutes: 60, seatsPerSession: 2, sessionsPerDay: 2, priority: 'as-much-as-possible' }],
    solver: { timeLimitSeconds: 10, relativeGap: 0.01, seed: 1 },
  };
}

/** Two thirds full-time (ft8, 5 days), a third part-time (pt4, 3-5 days); one in eight flagged for retraining. */
function demoAgents(count: number, seed: number): Record<string, unknown>[] {
  const random = mulberry32(seed ^ 0x5eed);
  const agents: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const fullTime = i % 3 !== 2;
    const partDays = 3 + Math.floor(random() * 3);
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Agent'} ${String.fromCharCode(65 + Math.floor(i / FIRST_NAMES.length) % 26)}.`;
    agents.push({
      id: `A${String(i + 1).padStart(3, '0')}`,
      name,
      team: TEAMS[i % TEAMS.length],
      contract: fullTime
        ? { minHoursPerWeek: 0, maxHoursPerWeek: 40, maxDaysPerWeek: 5, templates: ['ft8'] }
        : { minHoursPerWeek: 0, maxHoursPerWeek: 4 * partDays, maxDaysPerWeek: partDays, templates: ['pt4'] },
      ...(i % 8 === 3 ? { retraining: { hoursNeeded: 2 + Math.floor(random() * 3) } } : {}),
      ...(random() < 0.3 ? { preferences: [{ type: 'unwanted-day', days: [random() < 0.5 ? 'sat' : 'sun'] }] } : {}),
      seniority: Math.floor(random() * 10),
    });
  }
  return agents;
}
