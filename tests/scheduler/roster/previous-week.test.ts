/**
 * Rosters across week edges (docs/roster.md, "Across week edges"): the previous week's roster
 * carries rest, runs of days and weeks into the next one, in the search and in the checker.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parsePreviousRoster } from '../../../src/contracts/previous-roster.js';
import { parseRosterPlan } from '../../../src/contracts/roster.js';
import { parsePreviousRosterCsv } from '../../../src/formats/previous-roster-csv.js';
import { agentDayCsv } from '../../../src/formats/roster-output.js';
import { rosterPlan } from '../../../src/scheduler/roster/roster.js';
import type { RosterResult } from '../../../src/scheduler/roster/result-types.js';
import type { PreviousRoster, RosterAgent } from '../../../src/scheduler/roster/types.js';
import { checkRoster } from '../../../src/scheduler/rules-check/index.js';
import type { PlannedShift, ShiftPlan } from '../../../src/scheduler/shift-plan/types.js';
import { createSlotGrid, formatSlot } from '../../../src/time/slot-grid.js';
import { oneAgent, restRules } from './fixtures.js';

const options = { seed: 1, timeLimitMs: Infinity, maxIterations: 20_000, now: () => 0 };
const zone = 'Europe/Berlin';

/** A plan of `days` days from `first`, one shift a day at `hour`:00 for 8 paid hours, needing `count` agents. */
function dailyPlan(first: string, days: number, hour: number, count = 1, template = 'day'): ShiftPlan {
  const start = DateTime.fromISO(first, { zone });
  const slotCount = Math.round(start.plus({ days }).diff(start, 'minutes').minutes / 60);
  const grid = createSlotGrid(start.toMillis(), 60, slotCount, zone);
  const shifts: PlannedShift[] = [];
  for (let d = 0; d < days; d++) {
    const s = start.plus({ days: d }).set({ hour });
    const e = s.plus({ hours: 8 });
    shifts.push({
      template,
      day: s.toISODate()!,
      weekday: s.weekday,
      start: s.toISO()!,
      end: e.toISO()!,
      startSlot: Math.round((s.toMillis() - grid.originMs) / 3_600_000),
      endSlot: Math.round((e.toMillis() - grid.originMs) / 3_600_000),
      paidHours: 8,
      count,
      instances: Array.from({ length: count }, () => ({ breaks: [] })),
    });
  }
  return {
    grid: { start: formatSlot(grid, 0), intervalMinutes: 60, slotCount, timeZone: zone, cyclic: false },
    covers: 'agents',
    shifts,
    retraining: [],
    coverage: [],
    quality: {} as ShiftPlan['quality'],
    uncoverable: [],
    issues: [],
  };
}

/** A previous week (Mon 2026-06-01 .. Sun 06-07) where `ana` worked the given dates from `fromHour` for 8 h. */
function previousWeek(dates: string[], fromHour: number): PreviousRoster {
  return {
    firstDate: '2026-06-01',
    lastDate: '2026-06-07',
    agents: [
      {
        id: 'ana',
        shifts: dates.map((date) => {
          const s = DateTime.fromISO(date, { zone }).set({ hour: fromHour });
          return { date, start: s.toISO()!, end: s.plus({ hours: 8 }).toISO()!, paidHours: 8, template: 'day' };
        }),
      },
    ],
  };
}

const agents: RosterAgent[] = [oneAgent({ contract: { minHoursPerWeek: 0, maxHoursPerWeek: 48, maxDaysPerWeek: 7 } })];

describe('rest across the week edge', () => {
  // The previous week ends with Sunday 14:00-22:00; Monday's shift starts 06:00: 8 h of rest.
  const previous = previousWeek(['2026-06-07'], 14);
  const plan = dailyPlan('2026-06-08', 1, 6);
  const rules = restRules(11);

  it('does not assign a Monday 06:00 start after a Sunday shift ending 22:00 under an 11 h rest rule', () => {
    const without = rosterPlan(plan, agents, rules, options);
    expect(without.agents[0]!.days).toHaveLength(1); // nothing stops it without the previous week
    const r = rosterPlan(plan, agents, rules, { ...options, previous });
    expect(r.agents[0]!.days).toHaveLength(0);
    expect(r.unfilledShifts[0]!.blockedBy).toHaveProperty('minRest', 1);
    expect(checkRoster(r, agents, rules, previous)).toEqual([]);
  });

  it('the checker flags the forced shift: 3 h (180 min) short of 11 h', () => {
    const forced = rosterPlan(plan, agents, rules, options);
    const violations = checkRoster(forced, agents, rules, previous);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ agent: 'ana', rule: 'minRest', amount: 180 });
    expect(checkRoster(forced, agents, rules)).toEqual([]);
  });
});

describe('consecutive days across the week edge', () => {
  // Wednesday to Sunday of the previous week worked: 5 days in a row at the edge.
  const previous = previousWeek(['2026-06-03', '2026-06-04', '2026-06-05', '2026-06-06', '2026-06-07'], 9);
  const plan = dailyPlan('2026-06-08', 7, 9);
  const rules = { ...restRules(11), maxConsecutiveDays: 5 };

  it('gives Monday off after 5 days worked with at most 5 in a row', () => {
    const r = rosterPlan(plan, agents, rules, { ...options, previous });
    const dates = r.agents[0]!.days.map((d) => d.date);
    expect(dates).not.toContain('2026-06-08');
    expect(r.score.feasible).toBe(true);
    expect(checkRoster(r, agents, rules, previous)).toEqual([]);
  });

  it('the checker flags a Monday worked as 1 day over the maximum', () => {
    const forced = rosterPlan(dailyPlan('2026-06-08', 1, 9), agents, rules, options);
    expect(forced.agents[0]!.days.map((d) => d.date)).toEqual(['2026-06-08']);
    const violations = checkRoster(forced, agents, rules, previous);
    expect(violations).toEqual([expect.objectContaining({ rule: 'maxConsecutiveDays', amount: 1 })]);
  });
});

describe('the previous roster read back from what the roster wrote', () => {
  const week1 = rosterPlan(dailyPlan('2026-06-01', 7, 14, 1), agents, restRules(11), options);

  it('reads roster.json and roster-agent-days.csv as the same previous roster', () => {
    const fromJson = parsePreviousRoster(JSON.parse(JSON.stringify(week1)) as unknown);
    const fromCsv = parsePreviousRosterCsv(agentDayCsv(week1));
    expect(fromJson.timeZone).toBe(zone);
    expect(fromJson.previous.firstDate).toBe('2026-06-01');
    expect(fromJson.previous.lastDate).toBe('2026-06-07');
    expect(fromCsv.previous).toEqual(fromJson.previous);
    const worked = week1.agents[0]!.days.length;
    expect(worked).toBeGreaterThan(0);
    expect(fromCsv.previous.agents[0]!.shifts).toHaveLength(worked);
  });

  it('names the CSV line of a bad row', () => {
    const csv = agentDayCsv(week1).replace(/,work,/, ',maybe,');
    expect(() => parsePreviousRosterCsv(csv)).toThrow(/line 2.*status "maybe"/);
  });
});

/** Two rosters as one: week 2's days appended to week 1's, on a 14-day grid. */
function joined(week1: RosterResult, week2: RosterResult): RosterResult {
  return {
    ...week1,
    grid: { ...week1.grid, slotCount: week1.grid.slotCount + week2.grid.slotCount },
    agents: week1.agents.map((a, i) => ({ ...a, days: [...a.days, ...week2.agents[i]!.days] })),
  };
}

describe('a 2-week horizon and its inner edge', () => {
  const rules = { ...restRules(11), maxConsecutiveDays: 5, twoConsecutiveDaysOffPerWeek: true };

  it('week 2 rostered after week 1 keeps the rules of one 2-week roster across the inner edge', () => {
    // Monday and Tuesday of week 1 off (time off), so week 1 ends with Wednesday-Sunday worked
    const offMs = (date: string) => DateTime.fromISO(date, { zone }).toMillis();
    const away = [
      { ...agents[0]!, availability: { timeOff: [{ startMs: offMs('2026-06-01'), endMs: offMs('2026-06-03') }] } },
    ];
    const week1 = rosterPlan(dailyPlan('2026-06-01', 7, 9), away, rules, options);
    expect(week1.agents[0]!.days.map((d) => d.date)).toEqual([
      '2026-06-03',
      '2026-06-04',
      '2026-06-05',
      '2026-06-06',
      '2026-06-07',
    ]);
    const previous = parsePreviousRoster(JSON.parse(JSON.stringify(week1)) as unknown).previous;
    const week2 = rosterPlan(dailyPlan('2026-06-08', 7, 9), agents, rules, { ...options, previous });
    expect(week2.agents[0]!.days).toHaveLength(5);
    // the 14 days checked as one horizon: runs, weeks and rest across day 7
    expect(checkRoster(joined(week1, week2), agents, rules)).toEqual([]);
    expect(checkRoster(week2, agents, rules, previous)).toEqual([]);
  });

  it('rotates early and late weeks over a 2-week horizon (rotation of 2 weeks)', () => {
    const early = dailyPlan('2026-06-01', 14, 7, 1, 'early');
    const late = dailyPlan('2026-06-01', 14, 15, 1, 'late');
    const plan = { ...early, shifts: [...early.shifts, ...late.shifts] };
    const rotating = [
      oneAgent({
        contract: {
          minHoursPerWeek: 0,
          maxHoursPerWeek: 48,
          maxDaysPerWeek: 5,
          rotation: { kind: 'early-late', weeks: 2, phase: 0 },
        },
      }),
    ];
    const r = rosterPlan(plan, rotating, rules, options);
    const templates = r.agents[0]!.days.map((d) => `${d.date < '2026-06-08' ? 1 : 2}:${d.template}`);
    expect(new Set(templates)).toEqual(new Set(['1:early', '2:late']));
    expect(checkRoster(r, rotating, rules)).toEqual([]);
    // the checker reads the rotation itself: the same days with the weeks swapped break it
    const swapped = rosterPlan(
      plan,
      [
        {
          ...rotating[0]!,
          contract: { ...rotating[0]!.contract, rotation: { kind: 'early-late', weeks: 2, phase: 1 } },
        },
      ],
      rules,
      options,
    );
    expect(checkRoster(swapped, rotating, rules).every((v) => v.rule === 'rotation')).toBe(true);
    expect(checkRoster(swapped, rotating, rules).length).toBeGreaterThan(0);
  });
});

describe('same-start rotation', () => {
  const rules = { ...restRules(11), maxConsecutiveDays: 5 };
  const early = dailyPlan('2026-06-01', 14, 7, 1, 'seven');
  const mid = dailyPlan('2026-06-01', 14, 9, 1, 'nine');
  const plan = { ...early, shifts: [...early.shifts, ...mid.shifts] };
  const withRotation = (weeks: number): RosterAgent[] =>
    [0, 1].map((i) =>
      oneAgent({
        id: `a${i}`,
        contract: {
          minHoursPerWeek: 0,
          maxHoursPerWeek: 40,
          maxDaysPerWeek: 5,
          rotation: { kind: 'same-start', weeks, phase: 0 },
        },
        // a0 would rather start at 09:00 on Mondays and Tuesdays, at 07:00 otherwise: a rotation overrides it
        preferences:
          i === 0 ? [{ kind: 'preferred-start', days: [1, 2], fromMinute: 540, toMinute: 540, weight: 5 }] : [],
      }),
    );

  it('keeps one start per agent over the horizon with a 1-week rotation, and the checker agrees', () => {
    const agentsWithRotation = withRotation(1);
    const r = rosterPlan(plan, agentsWithRotation, rules, options);
    for (const a of r.agents) expect(new Set(a.days.map((d) => d.start.slice(11, 16))).size).toBeLessThanOrEqual(1);
    expect(r.score.feasible).toBe(true);
    expect(checkRoster(r, agentsWithRotation, rules)).toEqual([]);
    // moved two hours later on its first day, the agent's starts differ by 120 minutes
    const first = r.agents.find((a) => a.days.length > 0)!;
    const moved = (iso: string) => DateTime.fromISO(iso, { setZone: true }).plus({ hours: 2 }).toISO()!;
    const day0 = first.days[0]!;
    const forced = {
      ...r,
      agents: r.agents.map((a) =>
        a === first
          ? { ...a, days: [{ ...day0, start: moved(day0.start), end: moved(day0.end) }, ...a.days.slice(1)] }
          : a,
      ),
    };
    expect(checkRoster(forced, agentsWithRotation, rules)).toEqual([
      expect.objectContaining({ agent: first.id, rule: 'rotation', amount: 120 }),
    ]);
  });
});

describe('the horizon: 1 to 6 weeks', () => {
  it('accepts a 6-week plan and refuses 43 days before any work, naming the grid', () => {
    expect(parseRosterPlan(dailyPlan('2026-06-01', 42, 9)).plan.shifts).toHaveLength(42);
    expect(() => parseRosterPlan(dailyPlan('2026-06-01', 43, 9))).toThrow(
      /grid: the roster horizon is 43 days; at most 42 \(6 weeks\)/,
    );
  });
});
