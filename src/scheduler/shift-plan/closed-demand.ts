import { formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import { isOpen } from './candidates.js';
import type { ShiftPlanRules } from './rules.js';
import type { PlanIssue } from './types.js';

/**
 * The requirement as the plan staffs it: whole agents (rounded up) in open intervals, 0 where the
 * centre is closed. Demand in closed intervals is not staffed: one `closed-demand` issue per day
 * reports it (first interval, count, agent-intervals dropped).
 */
export function requiredWhileOpen(
  grid: SlotGrid,
  rules: ShiftPlanRules,
  requested: readonly number[],
): { required: number[]; issues: PlanIssue[] } {
  const closedByDay = new Map<number, { first: number; count: number; agentIntervals: number }>();
  const required = requested.map((r, s) => {
    if (r > 0 && !isOpen(grid, s, rules.cyclic, rules.openingHours)) {
      const day = grid.dayOfSlot[s] as number;
      const entry = closedByDay.get(day) ?? { first: s, count: 0, agentIntervals: 0 };
      entry.count++;
      entry.agentIntervals += r;
      closedByDay.set(day, entry);
      return 0;
    }
    return Math.max(0, Math.ceil(r - 1e-9));
  });
  const issues: PlanIssue[] = [];
  for (const [day, e] of closedByDay) {
    const date = (grid.days[day] as { date: string }).date;
    issues.push({
      code: 'closed-demand',
      slot: e.first,
      day: date,
      message:
        `${date}: ${e.count} intervals from ${formatSlot(grid, e.first)} require agents outside the opening hours ` +
        `(${e.agentIntervals} agent-intervals, ignored)`,
    });
  }
  return { required, issues };
}
