/**
 * The supply table of a shift plan with agents (docs/shift-plan.md, "Supply"): agents grouped by
 * identical constraints (templates, days, windows, contract hours and days), and per group how many
 * may work each candidate shift, the day patterns they may work each week (pattern classes: the
 * group's agents who may work the same days of it), and their weekly day and hour budgets. Grouping keeps
 * the model's size set by the kinds of contract, not the head count (500 agents on 6 contracts are
 * 6 groups); time off is counted agent by agent inside a group.
 */
import { slotStartMs, type SlotGrid } from '../../time/slot-grid.js';
import type { CandidateShift, TemplateOnGrid } from './candidates.js';
import { maximalPatterns, NO_DAY_RULES, type DayPatternRules } from './day-patterns.js';
import type { ShiftPlanRules } from './rules.js';
import { refusal, type ShiftOnClock, type SupplyAgent } from './supply-agents.js';

export interface SupplyGroup {
  key: string;
  /** For messages: the agents' common team, else their templates. */
  label: string;
  agents: SupplyAgent[];
}

/**
 * Agents of one group who may work the same days of one week, and the day patterns they may work
 * there (masks over the week's days, bit i = day `fromDay + i`; maximal ones only, see day-patterns.ts).
 */
export interface PatternClass {
  group: number;
  week: number;
  agents: number;
  patterns: number[];
}

/** A run of grid days with weekly contract limits (the roster's weeks: 7 days from day 0). */
export interface SupplyWeek {
  fromDay: number;
  /** Exclusive. */
  toDay: number;
}

export interface SupplyTable {
  agentCount: number;
  groups: SupplyGroup[];
  /** Per candidate (by identity), per group: agents who may work it. Absent: nobody may. */
  able: Map<CandidateShift, Int32Array>;
  weeks: SupplyWeek[];
  /** Per group and week: agent-days at most, and paid hours at least / at most. */
  weekDays: number[][];
  weekMinHours: number[][];
  weekMaxHours: number[][];
  /** Per group, week and set of days the agents may work: their day patterns (tour scheduling). */
  patternClasses: PatternClass[];
}

const MINUTE_MS = 60_000;

/** A candidate shift on the local clock, as `refusal` reads it. */
export function shiftOnClock(grid: SlotGrid, rules: ShiftPlanRules, c: CandidateShift): ShiftOnClock {
  const startMs = slotStartMs(grid, c.startSlot);
  const spanMinutes = c.spanSlots * grid.intervalMinutes;
  return {
    template: (rules.templates[c.template] as { name: string }).name,
    weekday: (grid.days[c.day] as { weekday: number }).weekday,
    startOfDayMinute: grid.minuteOfDay[c.startSlot] as number,
    spanMinutes,
    startMs,
    endMs: startMs + spanMinutes * MINUTE_MS,
  };
}

/**
 * Groups agents by their constraints, and by their skill set when `skillKey` is given (a multi-skill
 * plan). O(agents).
 */
export function groupAgents(agents: readonly SupplyAgent[], skillKey?: (a: SupplyAgent) => string): SupplyGroup[] {
  const byKey = new Map<string, SupplyAgent[]>();
  for (const a of agents) {
    const key = JSON.stringify([
      ...(skillKey ? [skillKey(a)] : []),
      a.contract.templates ? [...a.contract.templates].sort() : null,
      a.availability.days ? [...a.availability.days].sort() : null,
      a.availability.windows ?? null,
      a.contract.minHoursPerWeek,
      a.contract.maxHoursPerWeek,
      a.contract.maxDaysPerWeek,
    ]);
    const list = byKey.get(key) ?? [];
    list.push(a);
    byKey.set(key, list);
  }
  return [...byKey].map(([key, list]) => {
    const first = list[0] as SupplyAgent;
    const team = first.team && list.every((a) => a.team === first.team) ? first.team : null;
    const label = team ?? (first.contract.templates ? `on ${first.contract.templates.join('/')}` : 'any template');
    return { key, label, agents: list };
  });
}

/**
 * The supply table for the candidates. O(groups x candidates + agents with time off x candidates).
 */
export function supplyTable(
  grid: SlotGrid,
  rules: ShiftPlanRules,
  onGrid: readonly TemplateOnGrid[],
  candidates: readonly CandidateShift[],
  agents: readonly SupplyAgent[],
  skillKey?: (a: SupplyAgent) => string,
  dayRules: DayPatternRules = NO_DAY_RULES,
): SupplyTable {
  const groups = groupAgents(agents, skillKey);
  const D = grid.days.length;
  const able = new Map<CandidateShift, Int32Array>();
  const weeks: SupplyWeek[] = [];
  for (let d = 0; d < D; d += 7) weeks.push({ fromDay: d, toDay: Math.min(D, d + 7) });
  const weekDays = groups.map(() => weeks.map(() => 0));
  const weekMinHours = groups.map(() => weeks.map(() => 0));
  const weekMaxHours = groups.map(() => weeks.map(() => 0));
  const clocks = candidates.map((c) => shiftOnClock(grid, rules, c));
  const patternClasses: PatternClass[] = [];
  groups.forEach((group, g) => {
    // Per agent: the days they may work and the longest shift they may work (for a reachable minimum).
    const works = group.agents.map(() => new Uint8Array(D));
    const longest = group.agents.map(() => 0);
    candidates.forEach((c, ci) => {
      group.agents.forEach((a, ai) => {
        if (refusal(a, clocks[ci] as ShiftOnClock) !== null) return;
        let row = able.get(c);
        if (!row) able.set(c, (row = new Int32Array(groups.length)));
        row[g]!++;
        (works[ai] as Uint8Array)[c.day] = 1;
        longest[ai] = Math.max(longest[ai] as number, (onGrid[c.template] as TemplateOnGrid).paidHours);
      });
    });
    weeks.forEach((week, wi) => {
      group.agents.forEach((a, ai) => {
        let days = 0;
        for (let d = week.fromDay; d < week.toDay; d++) days += (works[ai] as Uint8Array)[d] as number;
        const maxDays = Math.min(a.contract.maxDaysPerWeek, days);
        const reachable = maxDays * (longest[ai] as number);
        const proRata = (a.contract.minHoursPerWeek * (week.toDay - week.fromDay)) / 7;
        weekDays[g]![wi]! += maxDays;
        weekMaxHours[g]![wi]! += Math.min(a.contract.maxHoursPerWeek, reachable);
        weekMinHours[g]![wi]! += Math.min(proRata, reachable, a.contract.maxHoursPerWeek);
      });
      patternClasses.push(...classesOf(group, g, wi, week, works, dayRules));
    });
  });
  return {
    agentCount: agents.length,
    groups,
    able,
    weeks,
    weekDays,
    weekMinHours,
    weekMaxHours,
    patternClasses,
  };
}

/** The pattern classes of one group and week: its agents split by the days of the week they may work. */
function classesOf(
  group: SupplyGroup,
  g: number,
  wi: number,
  week: SupplyWeek,
  works: readonly Uint8Array[],
  dayRules: DayPatternRules,
): PatternClass[] {
  const byMask = new Map<number, number>();
  for (const w of works) {
    let mask = 0;
    for (let d = week.fromDay; d < week.toDay; d++) if (w[d]) mask |= 1 << (d - week.fromDay);
    if (mask !== 0) byMask.set(mask, (byMask.get(mask) ?? 0) + 1);
  }
  const maxDays = (group.agents[0] as SupplyAgent).contract.maxDaysPerWeek;
  const length = week.toDay - week.fromDay;
  return [...byMask]
    .sort((a, b) => a[0] - b[0])
    .map(([mask, agents]) => ({
      group: g,
      week: wi,
      agents,
      patterns: maximalPatterns(mask, length, maxDays, dayRules),
    }))
    .filter((c) => c.patterns.some((p) => p !== 0));
}
