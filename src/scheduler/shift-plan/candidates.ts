import { WfmError, type WfmIssue } from '../../errors.js';
import { isIntervalMinutes } from '../../time/instant.js';
import { localTimeToSlot, type SlotGrid } from '../../time/slot-grid.js';
import type { OpeningHours, ShiftPlanRules, ShiftTemplate } from './rules.js';

/** One candidate shift: template `template` starting at `startSlot`, spanning `spanSlots`. */
export interface CandidateShift {
  template: number;
  startSlot: number;
  spanSlots: number;
  /** Index into grid.days of the start's local date. */
  day: number;
  /** A multi-skill plan: the skill set (index into the model's skill classes) the shift is planned for. */
  skillClass?: number;
}

/** A template's break rule on the grid: window offsets and length in slots. */
export interface BreakOnGrid {
  template: number;
  rule: number;
  lengthSlots: number;
  earliestOffsetSlots: number;
  latestOffsetSlots: number;
  stepMinutes: number;
}

export interface TemplateOnGrid {
  spanSlots: number;
  paidHours: number;
  breaks: BreakOnGrid[];
}

/** A duration or clock time of the rules that must sit on the grid's lattice, with its field. */
interface LatticeValue {
  value: number;
  path: (string | number)[];
  what: string;
}

/** Every duration and clock time of the rules that the grid's interval must divide. */
function latticeValues(rules: ShiftPlanRules, intervalMinutes: number): LatticeValue[] {
  const out: LatticeValue[] = [];
  const add = (value: number, path: (string | number)[], what: string) => out.push({ value, path, what });
  rules.templates.forEach((t, ti) => {
    add(t.paidMinutes, ['templates', ti, 'paidMinutes'], 'paid length');
    t.starts.forEach((w, wi) => {
      add(w.fromMinute, ['templates', ti, 'starts', wi, 'from'], 'window start');
      add(w.stepMinutes ?? intervalMinutes, ['templates', ti, 'starts', wi, 'stepMinutes'], 'start step');
    });
    t.breaks.forEach((b, bi) => {
      const path = ['breakRules', t.name, bi];
      add(b.minutes, [...path, 'minutes'], 'break length');
      add(b.earliestStartMinutes, [...path, 'earliestStartMinutes'], 'break window start');
      add(b.latestStartMinutes, [...path, 'latestStartMinutes'], 'break window end');
      add(b.stepMinutes ?? intervalMinutes, [...path, 'stepMinutes'], 'break step');
    });
  });
  rules.pool.forEach((p, pi) => {
    add(p.sessionMinutes, ['pool', pi, 'sessionMinutes'], 'session length');
    add(p.stepMinutes ?? intervalMinutes, ['pool', pi, 'stepMinutes'], 'session step');
    add(p.windowStartMinute, ['pool', pi, 'windowStart'], 'window start');
    add(p.windowEndMinute, ['pool', pi, 'windowEnd'], 'window end');
  });
  return out;
}

/**
 * The grid the plan needs: the requirement's interval, or a finer one that divides it when the
 * rules ask for it (15-minute breaks over 30-minute data: a 15-minute grid), the coarsest such
 * grid of the engine's interval lengths. Give rules with their steps filled (`withDefaultSteps`).
 * Rules no engine grid fits keep the requirement's interval (and `templatesOnGrid` names the field).
 *
 * @example ruleGridMinutes(rulesWith15MinuteBreaks, 30) // 15
 */
export function ruleGridMinutes(rules: ShiftPlanRules, intervalMinutes: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = latticeValues(rules, intervalMinutes).reduce((acc, v) => gcd(acc, v.value), intervalMinutes);
  return isIntervalMinutes(g) ? g : intervalMinutes;
}

/**
 * Checks that every duration and clock time of the rules sits on the grid's interval lattice, and
 * converts templates to slots. Throws `WFM_ERR_SCHEDULER_RULES` naming each offending field.
 */
export function templatesOnGrid(rules: ShiftPlanRules, intervalMinutes: number): TemplateOnGrid[] {
  const issues: WfmIssue[] = latticeValues(rules, intervalMinutes)
    .filter((v) => v.value % intervalMinutes !== 0)
    .map((v) => ({
      path: v.path,
      message: `${v.what} (${v.value} min) is not a multiple of the ${intervalMinutes}-minute interval`,
    }));
  const out = rules.templates.map((t, ti) => {
    const unpaid = t.breaks.filter((b) => !b.paid).reduce((sum, b) => sum + b.minutes, 0);
    const spanMinutes = t.paidMinutes + unpaid;
    const breaks = t.breaks.map((b, bi): BreakOnGrid => ({
      template: ti,
      rule: bi,
      lengthSlots: b.minutes / intervalMinutes,
      earliestOffsetSlots: b.earliestStartMinutes / intervalMinutes,
      latestOffsetSlots: b.latestStartMinutes / intervalMinutes,
      stepMinutes: b.stepMinutes ?? intervalMinutes,
    }));
    return { spanSlots: spanMinutes / intervalMinutes, paidHours: t.paidMinutes / 60, breaks };
  });
  if (issues.length > 0) {
    const first = issues[0] as WfmIssue;
    throw new WfmError(
      'WFM_ERR_SCHEDULER_RULES',
      `Rules do not fit the ${intervalMinutes}-minute grid: ${first.path.join('.')}: ${first.message}`,
      { issues },
    );
  }
  return out;
}

/** Local minute of day of any slot, also past the grid (extrapolated) or wrapped (cyclic). */
export function minuteOfDayAt(grid: SlotGrid, slot: number, cyclic: boolean): number {
  const n = grid.slotCount;
  if (slot >= 0 && slot < n) return grid.minuteOfDay[slot] as number;
  if (cyclic) return grid.minuteOfDay[((slot % n) + n) % n] as number;
  const last = grid.minuteOfDay[n - 1] as number;
  return (((last + (slot - n + 1) * grid.intervalMinutes) % 1440) + 1440) % 1440;
}

/** Weekday (1..7) of any slot, also past the grid. */
function weekdayAt(grid: SlotGrid, slot: number, cyclic: boolean): number {
  const n = grid.slotCount;
  if (slot >= 0 && slot < n) return (grid.days[grid.dayOfSlot[slot] as number] as { weekday: number }).weekday;
  if (cyclic) return weekdayAt(grid, ((slot % n) + n) % n, false);
  const lastDay = grid.days[grid.days.length - 1] as { weekday: number; endSlot: number };
  const minutesPast = (slot - n) * grid.intervalMinutes + (grid.minuteOfDay[n - 1] as number) + grid.intervalMinutes;
  return ((lastDay.weekday - 1 + Math.floor(minutesPast / 1440)) % 7) + 1;
}

/** True when the slot is inside the opening hours (always true without opening hours). */
export function isOpen(grid: SlotGrid, slot: number, cyclic: boolean, hours: OpeningHours[] | undefined): boolean {
  if (!hours) return true;
  const minute = minuteOfDayAt(grid, slot, cyclic);
  const weekday = weekdayAt(grid, slot, cyclic);
  return hours.some(
    (h) => h.weekdays.includes(weekday) && minute >= h.openMinute && minute + grid.intervalMinutes <= h.closeMinute,
  );
}

/**
 * Expands the templates into candidate shifts: every allowed start on every local day of the grid
 * whose whole span lies in the opening hours. O(days x starts x span).
 */
export function candidateShifts(grid: SlotGrid, rules: ShiftPlanRules, onGrid: TemplateOnGrid[]): CandidateShift[] {
  const out: CandidateShift[] = [];
  rules.templates.forEach((template: ShiftTemplate, ti) => {
    const span = (onGrid[ti] as TemplateOnGrid).spanSlots;
    const seen = new Set<number>();
    grid.days.forEach((day, di) => {
      for (const window of template.starts) {
        if (!window.weekdays.includes(day.weekday)) continue;
        for (
          let minute = window.fromMinute;
          minute <= window.toMinute;
          minute += window.stepMinutes ?? grid.intervalMinutes
        ) {
          const slot = localTimeToSlot(grid, day.date, minute);
          if (slot === null || slot < 0 || slot >= grid.slotCount || seen.has(slot)) continue;
          let open = true;
          for (let k = 0; k < span && open; k++) open = isOpen(grid, slot + k, rules.cyclic, rules.openingHours);
          if (!open) continue;
          seen.add(slot);
          out.push({ template: ti, startSlot: slot, spanSlots: span, day: di });
        }
      }
    });
  });
  return out;
}

/** Allowed break start slots of `rule` for a shift starting at `startSlot`, ascending. */
export function breakStarts(grid: SlotGrid, rule: BreakOnGrid, startSlot: number, cyclic: boolean): number[] {
  const out: number[] = [];
  for (let off = rule.earliestOffsetSlots; off <= rule.latestOffsetSlots; off++) {
    const u = startSlot + off;
    if (minuteOfDayAt(grid, u, cyclic) % rule.stepMinutes === 0) out.push(u);
  }
  return out;
}
