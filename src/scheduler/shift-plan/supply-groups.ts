/**
 * The supply table of a shift plan with agents (docs/shift-plan.md, "Supply"): agents grouped by
 * identical constraints (templates, days, windows, contract hours and days), and per group how many
 * may work each candidate shift, each day, and their weekly day and hour budgets. Grouping keeps
 * the model's size set by the kinds of contract, not the head count (500 agents on 6 contracts are
 * 6 groups); time off is counted agent by agent inside a group.
 */
import { slotStartMs, type SlotGrid } from '../../time/slot-grid.js';
import type { CandidateShift, TemplateOnGrid } from './candidates.js';
import type { ShiftPlanRules } from './rules.js';
import { refusal, type ShiftOnClock, type SupplyAgent } from './supply-agents.js';

export interface SupplyGroup {
  key: string;
  /** For messages: the agents' common team, else their templates. */
  label: string;
  agents: SupplyAgent[];
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
  /** dayCap[g][d]: agents of group g who may work some shift on day d. */
  dayCap: Int32Array[];
  weeks: SupplyWeek[];
  /** Per group and week: agent-days at most, and paid hours at least / at most. */
  weekDays: number[][];
  weekMinHours: number[][];
  weekMaxHours: number[][];
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
): SupplyTable {
  const groups = groupAgents(agents, skillKey);
  const D = grid.days.length;
  const able = new Map<CandidateShift, Int32Array>();
  const dayCap = groups.map(() => new Int32Array(D));
  const weeks: SupplyWeek[] = [];
  for (let d = 0; d < D; d += 7) weeks.push({ fromDay: d, toDay: Math.min(D, d + 7) });
  const weekDays = groups.map(() => weeks.map(() => 0));
  const weekMinHours = groups.map(() => weeks.map(() => 0));
  const weekMaxHours = groups.map(() => weeks.map(() => 0));
  const clocks = candidates.map((c) => shiftOnClock(grid, rules, c));
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
    for (let d = 0; d < D; d++) for (const w of works) dayCap[g]![d]! += w[d] as number;
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
    });
  });
  return { agentCount: agents.length, groups, able, dayCap, weeks, weekDays, weekMinHours, weekMaxHours };
}
