import { formatClockMinutes, formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import type { CandidateShift } from './candidates.js';
import { coveredSlots } from './model.js';
import type { ShiftPlanRules } from './rules.js';
import type { UncoverableInterval } from './types.js';

/**
 * Which slots some candidate shift covers. An interval with demand that none covers is reported
 * by name, with the templates' start windows of that weekday, instead of an opaque "infeasible".
 * O(candidates x span).
 */
export function findUncoverable(
  grid: SlotGrid,
  rules: ShiftPlanRules,
  candidates: readonly CandidateShift[],
  required: readonly number[],
): { coverable: boolean[]; uncoverable: UncoverableInterval[] } {
  const n = grid.slotCount;
  const coverable = new Array<boolean>(n).fill(false);
  for (const c of candidates)
    for (const s of coveredSlots(c.startSlot, c.spanSlots, n, rules.cyclic)) coverable[s] = true;
  const uncoverable: UncoverableInterval[] = [];
  for (let s = 0; s < n; s++) {
    if (coverable[s] || (required[s] ?? 0) <= 0) continue;
    const day = grid.days[grid.dayOfSlot[s] as number] as { weekday: number; date: string };
    const windows = rules.templates
      .map((t) => {
        const w = t.starts.filter((x) => x.weekdays.includes(day.weekday));
        if (w.length === 0) return `'${t.name}' does not start on ${day.date}`;
        const text = w.map((x) => `${formatClockMinutes(x.fromMinute)}-${formatClockMinutes(x.toMinute)}`).join(', ');
        return `'${t.name}' starts ${text} (${(t.paidMinutes / 60).toFixed(2).replace(/\.?0+$/, '')} h paid)`;
      })
      .join('; ');
    const openNote = rules.openingHours ? ' within the opening hours' : '';
    uncoverable.push({
      slot: s,
      start: formatSlot(grid, s),
      required: required[s] as number,
      reason:
        `no candidate shift${openNote} covers ${formatClockMinutes(grid.minuteOfDay[s] as number)}` +
        ` on ${day.date}: ${windows}`,
    });
  }
  return { coverable, uncoverable };
}
