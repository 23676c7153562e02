import { DateTime } from 'luxon';
import { formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import type { CandidateShift, TemplateOnGrid } from './candidates.js';
import type { InstanceOnGrid, SessionOnGrid } from './coverage.js';
import type { ShiftPlanRules } from './rules.js';
import type { PlannedShift, RetrainingSession } from './types.js';

/** Groups concrete instances by (template, start) into `PlannedShift`s, in time order. */
export function formatShifts(
  grid: SlotGrid,
  rules: ShiftPlanRules,
  onGrid: readonly TemplateOnGrid[],
  candidates: readonly CandidateShift[],
  instances: readonly InstanceOnGrid[],
  skillNames?: readonly string[][],
): PlannedShift[] {
  const byCandidate = new Map<number, InstanceOnGrid[]>();
  for (const inst of instances) {
    const list = byCandidate.get(inst.candidate) ?? [];
    list.push(inst);
    byCandidate.set(inst.candidate, list);
  }
  const out: PlannedShift[] = [];
  for (const [ci, list] of byCandidate) {
    const c = candidates[ci] as CandidateShift;
    const template = rules.templates[c.template];
    const day = grid.days[c.day] as { date: string; weekday: number };
    const endSlot = c.startSlot + c.spanSlots;
    out.push({
      template: template?.name ?? String(c.template),
      day: day.date,
      weekday: day.weekday,
      start: formatSlot(grid, c.startSlot),
      end: formatSlot(grid, endSlot),
      startSlot: c.startSlot,
      endSlot,
      paidHours: (onGrid[c.template] as TemplateOnGrid).paidHours,
      count: list.length,
      instances: list.map((inst) => ({
        breaks: inst.breaks
          .map((b, k) => {
            const rule = template?.breaks[k];
            return {
              name: rule?.name ?? `break-${k + 1}`,
              paid: rule?.paid ?? true,
              start: formatSlot(grid, b.startSlot),
              end: formatSlot(grid, b.startSlot + b.lengthSlots),
              startSlot: b.startSlot,
              endSlot: b.startSlot + b.lengthSlots,
            };
          })
          .sort((a, b) => a.startSlot - b.startSlot),
      })),
      ...(c.skillClass !== undefined && skillNames ? { skills: [...(skillNames[c.skillClass] ?? [])] } : {}),
    });
  }
  const skillsOf = (p: PlannedShift) => (p.skills ? p.skills.join(',') : '');
  return out.sort(
    (a, b) =>
      a.startSlot - b.startSlot || a.template.localeCompare(b.template) || skillsOf(a).localeCompare(skillsOf(b)),
  );
}

export function formatSessions(
  grid: SlotGrid,
  rules: ShiftPlanRules,
  sessions: readonly SessionOnGrid[],
): RetrainingSession[] {
  return sessions
    .filter((s) => s.seats > 0)
    .map((s) => ({
      pool: rules.pool[s.pool]?.name ?? String(s.pool),
      day: (grid.days[s.day] as { date: string }).date,
      start: formatSlot(grid, s.startSlot),
      end: formatSlot(grid, s.startSlot + s.lengthSlots),
      startSlot: s.startSlot,
      endSlot: s.startSlot + s.lengthSlots,
      seats: s.seats,
    }))
    .sort((a, b) => a.startSlot - b.startSlot || a.pool.localeCompare(b.pool));
}

/** The local date of an instant in the grid's zone (for messages). */
export function localDate(grid: SlotGrid, slot: number): string {
  return (
    DateTime.fromMillis(grid.originMs + slot * grid.intervalMinutes * 60_000, { zone: grid.timeZone }).toISODate() ?? ''
  );
}
