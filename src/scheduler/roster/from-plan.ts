import { createSlotGrid, localTimeToMs, type SlotGrid } from '../../time/slot-grid.js';
import { mayWorkShift } from '../shift-plan/supply-agents.js';
import type { PlannedShift, ShiftPlan } from '../shift-plan/types.js';
import {
  defaultRuleSettings,
  RULE_KEYS,
  type CoreAgent,
  type CoreCell,
  type CoreProblem,
  type CoreWindow,
} from './problem.js';
import { edgeOf, type Edge, type EdgeTail } from './edge.js';
import type { PreviousRoster, RosterAgent, RosterRules } from './types.js';

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
 * O(cells x agents) for the availability masks. With `previous`, the rules carry across the
 * horizon's start edge (`edgeOf`).
 */
export function problemFromPlan(
  plan: ShiftPlan,
  agents: RosterAgent[],
  rules: RosterRules,
  previous?: PreviousRoster,
): PlanProblem {
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
      key: s.skills ? `${s.template}@${s.start}#${s.skills.join(',')}` : `${s.template}@${s.start}`,
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
  const edge: Edge = previous ? edgeOf(previous, grid) : { carryDays: 0, tails: new Map() };
  const weekStarts: number[] = [0];
  for (let d = 7 - edge.carryDays; d < D; d += 7) if (d > 0) weekStarts.push(d);
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
    agents: agents.map((a) =>
      coreAgent(a, rules, { grid, cells, shifts: shiftOfCell, weekStarts, tail: edge.tails.get(a.id) ?? null }),
    ),
    forbiddenFollow: null,
    minRestMinutes: Math.round(rules.minRestHours * 60),
    maxStartSpreadMinutes: rules.maxStartSpreadMinutes,
    twoConsecutiveDaysOffPerWeek: rules.twoConsecutiveDaysOffPerWeek,
    weekendsOffEveryOtherWeek: rules.weekendsOffEveryOtherWeek,
    rules: settings,
    carryDays: edge.carryDays,
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

/** What every agent's core model is built from. */
interface AgentContext {
  grid: SlotGrid;
  cells: CoreCell[];
  shifts: PlannedShift[];
  weekStarts: number[];
  /** The agent's previous-roster tail, when the previous roster lists the agent. */
  tail: EdgeTail | null;
}

function coreAgent(a: RosterAgent, rules: RosterRules, ctx: AgentContext): CoreAgent {
  const { grid, cells, weekStarts, tail } = ctx;
  const allowed = new Uint8Array(cells.length);
  const workCost = new Float64Array(cells.length);
  const offCost = new Float64Array(grid.days.length);
  const weekOfDay = weekIndexOfDays(weekStarts, grid.days.length);
  const rotation = a.contract.rotation;
  cells.forEach((cell, c) => {
    const weekday = grid.days[cell.day]!.weekday;
    let ok = mayWork(a, cell, ctx.shifts[c]!, weekday);
    if (ok && rotation?.kind === 'early-late') ok = cell.isLate === isLateWeek(rotation, weekOfDay[cell.day]!);
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
  return {
    id: a.id,
    allowed,
    workCost,
    offCost,
    windows: contractWindows(a, weekStarts, grid, tail),
    maxPerType: [],
    maxConsecutiveDays: rules.maxConsecutiveDays,
    minConsecutiveDays: rules.minConsecutiveDays,
    minConsecutiveDaysOff: rules.minConsecutiveDaysOff,
    maxWeekends: rules.maxWeekends,
    workedPreviousWeekend: a.workedPreviousWeekend || (tail?.workedWeekendBefore ?? false),
    inFairness: true,
    tail,
    sameStartWeeks: rotation?.kind === 'same-start' ? rotation.weeks : 0,
  };
}

/**
 * Templates, availability days and windows, time off (the plan's test), and on a multi-skill plan's
 * shift every skill it was planned for: whether the agent may work the cell at all.
 */
function mayWork(a: RosterAgent, cell: CoreCell, s: PlannedShift, weekday: number): boolean {
  if (!hasSkills(a, s.skills)) return false;
  const startMs = Date.parse(s.start);
  const endMs = Date.parse(s.end);
  const shift = { template: s.template, weekday, startOfDayMinute: cell.startOfDayMinute, startMs, endMs };
  return mayWorkShift(a, { ...shift, spanMinutes: Math.round((endMs - startMs) / MINUTE_MS) });
}

/**
 * The contract per week. A partial week gets a pro-rata minimum (never a pro-rata maximum beyond
 * the contract), and approved time off in the horizon counts towards it; a week the edge splits
 * counts the previous roster's hours and days of it.
 */
function contractWindows(a: RosterAgent, weekStarts: number[], grid: SlotGrid, tail: EdgeTail | null): CoreWindow[] {
  return weekStarts.map((ws, w) => {
    const toDay = weekStarts[w + 1] ?? Math.min(grid.days.length, ws + 7);
    const carried = w === 0 && tail ? tail.carriedOff.length : 0;
    const len = toDay - ws + carried;
    return {
      fromDay: ws,
      toDay,
      minMinutes: Math.max(
        0,
        Math.round((a.contract.minHoursPerWeek * 60 * Math.min(7, len)) / 7 - timeOffCreditMinutes(a, grid, ws, toDay)),
      ),
      maxMinutes: Math.round(a.contract.maxHoursPerWeek * 60),
      maxDays: a.contract.maxDaysPerWeek,
      ...(carried > 0 ? { carriedMinutes: tail!.carriedMinutes, carriedDays: tail!.carriedDays } : {}),
    };
  });
}

/** The week index (into `weekStarts`) of each day. */
export function weekIndexOfDays(weekStarts: number[], dayCount: number): Int32Array {
  const out = new Int32Array(dayCount);
  weekStarts.forEach((ws, w) => out.fill(w, ws, weekStarts[w + 1] ?? dayCount));
  return out;
}

/** Early/late rotation: week w is late in the second half of its cycle position (w + phase) mod weeks. */
export function isLateWeek(rotation: { weeks: number; phase: number }, week: number): boolean {
  const position = (week + rotation.phase) % rotation.weeks;
  return position >= rotation.weeks / 2;
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

/** True when the agent has every skill a shift was planned for (an agent listing no skills has every skill). */
export function hasSkills(a: { skills?: readonly string[] }, skills: readonly string[] | undefined): boolean {
  return !skills || !a.skills || skills.every((q) => a.skills?.includes(q));
}
