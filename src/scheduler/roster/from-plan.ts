import { createSlotGrid, localTimeToMs, type SlotGrid } from '../../time/slot-grid.js';
import type { PlannedShift, ShiftPlan } from '../shift-plan/types.js';
import {
  defaultRuleSettings,
  RULE_KEYS,
  type CoreAgent,
  type CoreCell,
  type CoreProblem,
  type CoreWindow,
} from './problem.js';
import type { RosterAgent, RosterRules } from './types.js';

/** The core problem built from a plan, with what the report needs to map it back. */
export interface PlanProblem {
  problem: CoreProblem;
  grid: SlotGrid;
  /** The planned shift behind each cell. */
  shiftOfCell: PlannedShift[];
  templates: string[];
}

const MINUTE_MS = 60_000;

/**
 * Turns a shift plan into roster demand: each planned shift (template, day, start) is one cell
 * requiring `count` agents; an agent short costs the shift's paid hours x the coverUnder weight,
 * an agent over it (an extra shift for someone on minimum hours) costs less where the plan's
 * coverage is tightest, so extra shifts go where they help coverage most. Days are the plan
 * grid's local days (23 or 25 hours on DST days); times are absolute minutes from slot 0.
 * O(cells x agents) for the availability masks.
 */
export function problemFromPlan(plan: ShiftPlan, agents: RosterAgent[], rules: RosterRules): PlanProblem {
  const g = plan.grid;
  const grid = createSlotGrid(Date.parse(g.start), g.intervalMinutes, g.slotCount, g.timeZone);
  const dayIndex = new Map(grid.days.map((d, i) => [d.date, i]));
  const templates = [...new Set(plan.shifts.map((s) => s.template))];
  const typeOf = new Map(templates.map((t, i) => [t, i]));
  const surplus = surplusBySlot(plan);
  const cells: CoreCell[] = [];
  const shiftOfCell: PlannedShift[] = [];
  const cellsByDay: number[][] = grid.days.map(() => []);
  for (const s of plan.shifts) {
    const d = dayIndex.get(s.day);
    if (d === undefined || s.count <= 0) continue;
    const startMs = Date.parse(s.start);
    const endMs = Date.parse(s.end);
    const startMinute = Math.round((startMs - grid.originMs) / MINUTE_MS);
    const startOfDayMinute = localMinuteOfDay(grid, s.startSlot, startMs);
    // mean surplus fraction over the shift's slots: 0 = tight (an extra agent helps most)
    let tight = 0;
    let n = 0;
    for (let slot = Math.max(0, s.startSlot); slot < Math.min(grid.slotCount, s.endSlot); slot++) {
      tight += surplus[slot]!;
      n++;
    }
    const surplusFraction = n > 0 ? tight / n : 1;
    cellsByDay[d]!.push(cells.length);
    shiftOfCell.push(s);
    cells.push({
      key: `${s.template}@${s.start}`,
      day: d,
      type: typeOf.get(s.template)!,
      required: s.count,
      underWeight: s.paidHours,
      overWeight: s.paidHours * (0.5 + Math.min(1, surplusFraction)),
      startMinute,
      endMinute: startMinute + Math.round((endMs - startMs) / MINUTE_MS),
      paidMinutes: Math.round(s.paidHours * 60),
      startOfDayMinute,
      isLate: startOfDayMinute >= rules.lateShiftFromMinute,
    });
  }
  const D = grid.days.length;
  const weekendOfDay = new Int32Array(D).fill(-1);
  let weekend = -1;
  grid.days.forEach((day, d) => {
    if (day.weekday >= 6) {
      if (d === 0 || grid.days[d - 1]!.weekday < 6) weekend++;
      weekendOfDay[d] = weekend;
    }
  });
  const weekStarts: number[] = [];
  for (let d = 0; d < D; d += 7) weekStarts.push(d);
  const settings = defaultRuleSettings();
  for (const k of RULE_KEYS) {
    const s = rules.settings[k];
    if (s) settings[k] = { hard: s.hard ?? settings[k].hard, weight: s.weight ?? settings[k].weight };
  }
  const problem: CoreProblem = {
    days: D,
    weekendOfDay,
    weekStarts,
    types: templates.length,
    cells,
    cellsByDay,
    agents: agents.map((a) => coreAgent(a, rules, grid, cells, shiftOfCell, weekStarts)),
    forbiddenFollow: null,
    minRestMinutes: Math.round(rules.minRestHours * 60),
    maxStartSpreadMinutes: rules.maxStartSpreadMinutes,
    twoConsecutiveDaysOffPerWeek: rules.twoConsecutiveDaysOffPerWeek,
    weekendsOffEveryOtherWeek: rules.weekendsOffEveryOtherWeek,
    rules: settings,
  };
  return { problem, grid, shiftOfCell, templates };
}

/** Local wall-clock minute of a shift start: from the grid when on it, else from the day's first slot. */
function localMinuteOfDay(grid: SlotGrid, slot: number, startMs: number): number {
  if (slot >= 0 && slot < grid.slotCount) return grid.minuteOfDay[slot]!;
  const ref = Math.max(0, Math.min(grid.slotCount - 1, slot));
  const refMs = grid.originMs + ref * grid.intervalMinutes * MINUTE_MS;
  return (((grid.minuteOfDay[ref]! + Math.round((startMs - refMs) / MINUTE_MS)) % 1440) + 1440) % 1440;
}

/** Surplus of the plan's on-phone coverage over the requirement per slot, as a fraction in [0, 1]. */
function surplusBySlot(plan: ShiftPlan): Float64Array {
  const out = new Float64Array(plan.grid.slotCount).fill(1);
  for (const c of plan.coverage) {
    if (c.slot < 0 || c.slot >= out.length) continue;
    out[c.slot] = c.required > 0 ? Math.min(1, Math.max(0, c.onPhone - c.required) / c.required) : 1;
  }
  return out;
}

function coreAgent(
  a: RosterAgent,
  rules: RosterRules,
  grid: SlotGrid,
  cells: CoreCell[],
  shifts: PlannedShift[],
  weekStarts: number[],
): CoreAgent {
  const allowed = new Uint8Array(cells.length);
  const workCost = new Float64Array(cells.length);
  const offCost = new Float64Array(grid.days.length);
  const templates = a.contract.templates ? new Set(a.contract.templates) : null;
  cells.forEach((cell, c) => {
    const s = shifts[c]!;
    const weekday = grid.days[cell.day]!.weekday;
    const startMs = Date.parse(s.start);
    const endMs = Date.parse(s.end);
    const spanMinutes = Math.round((endMs - startMs) / MINUTE_MS);
    let ok = !templates || templates.has(s.template);
    if (ok && a.availability.days && !a.availability.days.includes(weekday)) ok = false;
    if (ok && a.availability.windows) {
      ok = a.availability.windows.some(
        (w) =>
          (!w.days || w.days.includes(weekday)) &&
          cell.startOfDayMinute >= w.fromMinute &&
          cell.startOfDayMinute + spanMinutes <= w.toMinute,
      );
    }
    if (ok) ok = !a.availability.timeOff.some((t) => t.startMs < endMs && startMs < t.endMs);
    allowed[c] = ok ? 1 : 0;
    for (const p of a.preferences) {
      const dayMatch = !p.days || p.days.includes(weekday);
      const inWindow = cell.startOfDayMinute >= (p.fromMinute ?? 0) && cell.startOfDayMinute <= (p.toMinute ?? 1440);
      if (p.kind === 'unwanted-day' && dayMatch) workCost[c]! += p.weight;
      else if (p.kind === 'preferred-start' && dayMatch && !inWindow) workCost[c]! += p.weight;
      else if (p.kind === 'unwanted-start' && dayMatch && inWindow) workCost[c]! += p.weight;
    }
  });
  grid.days.forEach((day, d) => {
    for (const p of a.preferences)
      if (p.kind === 'preferred-day' && (!p.days || p.days.includes(day.weekday))) offCost[d]! += p.weight;
  });
  const D = grid.days.length;
  const windows: CoreWindow[] = weekStarts.map((ws) => {
    const len = Math.min(7, D - ws);
    return {
      fromDay: ws,
      toDay: ws + len,
      // a partial week gets a pro-rata minimum (never a pro-rata maximum beyond the contract); approved
      // time off counts towards it
      minMinutes: Math.max(
        0,
        Math.round((a.contract.minHoursPerWeek * 60 * len) / 7 - timeOffCreditMinutes(a, grid, ws, ws + len)),
      ),
      maxMinutes: Math.round(a.contract.maxHoursPerWeek * 60),
      maxDays: a.contract.maxDaysPerWeek,
    };
  });
  return {
    id: a.id,
    allowed,
    workCost,
    offCost,
    windows,
    maxPerType: [],
    maxConsecutiveDays: rules.maxConsecutiveDays,
    minConsecutiveDays: rules.minConsecutiveDays,
    minConsecutiveDaysOff: rules.minConsecutiveDaysOff,
    maxWeekends: rules.maxWeekends,
    workedPreviousWeekend: a.workedPreviousWeekend,
    inFairness: true,
  };
}

/**
 * Approved time off credited against the contract minimum of days `[fromDay, toDay)`: per local day,
 * the minutes off that day, at most the contract's average working day (minimum hours / maximum days).
 * docs/roster.md, "Time off".
 */
export function timeOffCreditMinutes(a: RosterAgent, grid: SlotGrid, fromDay: number, toDay: number): number {
  if (a.availability.timeOff.length === 0 || a.contract.minHoursPerWeek <= 0) return 0;
  const dayCap = (a.contract.minHoursPerWeek * 60) / Math.max(1, a.contract.maxDaysPerWeek);
  let credit = 0;
  for (let d = fromDay; d < toDay; d++) {
    const date = grid.days[d]!.date;
    const start = localTimeToMs(date, 0, grid.timeZone);
    const end = localTimeToMs(date, 1440, grid.timeZone);
    if (start === null || end === null) continue;
    const off = a.availability.timeOff.reduce(
      (t, o) => t + Math.max(0, Math.min(end, o.endMs) - Math.max(start, o.startMs)) / MINUTE_MS,
      0,
    );
    credit += Math.min(dayCap, off);
  }
  return credit;
}
