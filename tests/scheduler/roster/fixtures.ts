/** Small hand-built plans and agents for unit tests. */
import { DateTime } from 'luxon';
import { createSlotGrid, formatSlot } from '../../../src/time/slot-grid.js';
import type { RosterAgent, RosterRules } from '../../../src/scheduler/roster/types.js';
import type { PlannedShift, ShiftPlan } from '../../../src/scheduler/shift-plan/types.js';

/** A two-day plan (Saturday `sat` and the Sunday after) with one late and one early shift, 15-min grid. */
export function twoShiftPlan(zone: string, sat: string): ShiftPlan {
  const first = DateTime.fromISO(sat, { zone }).startOf('day');
  const end = first.plus({ days: 2 });
  const slotCount = Math.round(end.diff(first, 'minutes').minutes / 15);
  const grid = createSlotGrid(first.toMillis(), 15, slotCount, zone);
  const slotOf = (dt: DateTime): number => Math.round((dt.toMillis() - grid.originMs) / 900_000);
  const mk = (date: string, h: number, m: number, weekday: number, template: string): PlannedShift => {
    const s = DateTime.fromISO(date, { zone }).set({ hour: h, minute: m });
    const e = s.plus({ hours: 8, minutes: 30 });
    return {
      template,
      day: date,
      weekday,
      start: s.toISO()!,
      end: e.toISO()!,
      startSlot: slotOf(s),
      endSlot: slotOf(e),
      paidHours: 8.5,
      count: 1,
      instances: [{ breaks: [] }],
    };
  };
  const sun = first.plus({ days: 1 }).toISODate()!;
  const shifts = [mk(sat, 13, 30, 6, 'late'), mk(sun, 7, 30, 7, 'early')];
  return {
    grid: { start: formatSlot(grid, 0), intervalMinutes: 15, slotCount, timeZone: zone, cyclic: false },
    covers: 'agents',
    shifts,
    retraining: [],
    coverage: [],
    quality: {} as ShiftPlan['quality'],
    uncoverable: [],
    issues: [],
  };
}

export function oneAgent(overrides: Partial<RosterAgent> = {}): RosterAgent {
  return {
    id: 'ana',
    name: 'Ana',
    team: 't',
    contract: { minHoursPerWeek: 0, maxHoursPerWeek: 40, maxDaysPerWeek: 5 },
    availability: { timeOff: [] },
    preferences: [],
    seniority: 0,
    retrainingHoursNeeded: 0,
    workedPreviousWeekend: false,
    ...overrides,
  };
}

export function restRules(minRestHours: number): RosterRules {
  return {
    minRestHours,
    maxConsecutiveDays: 6,
    minConsecutiveDays: 1,
    minConsecutiveDaysOff: 1,
    twoConsecutiveDaysOffPerWeek: false,
    weekendsOffEveryOtherWeek: false,
    maxWeekends: Infinity,
    maxStartSpreadMinutes: Infinity,
    lateShiftFromMinute: 14 * 60,
    settings: {},
  };
}
