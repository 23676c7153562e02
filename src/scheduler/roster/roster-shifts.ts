import type { PlannedShift } from '../shift-plan/types.js';
import { blockersOf, LACKS_SKILL, ON_ANOTHER_SHIFT, UNAVAILABLE } from './blockers.js';
import { hasSkills } from './from-plan.js';
import { RULE_LABELS, type CoreProblem } from './problem.js';
import type { ShiftOnGrid } from './pulls.js';
import type { UnfilledShift } from './result-types.js';

/** A rostered shift: the agent, its cell, and which of the plan's instances (breaks) it takes. */
export type RosteredShift = ShiftOnGrid & { cell: number; instance: number };

/**
 * Agents per cell (in input order) and their shifts: the k-th agent on a cell takes the plan
 * instance k's breaks (wrapping when the roster puts more agents on it than the plan).
 */
export function rosteredShifts(
  problem: CoreProblem,
  assign: Int32Array,
  shiftOfCell: PlannedShift[],
): { onCell: number[][]; shifts: RosteredShift[] } {
  const dayCount = problem.days;
  const onCell: number[][] = problem.cells.map(() => []);
  for (let agent = 0; agent < problem.agents.length; agent++) {
    for (let day = 0; day < dayCount; day++) {
      const c = assign[agent * dayCount + day]!;
      if (c >= 0) onCell[c]!.push(agent);
    }
  }
  const shifts: RosteredShift[] = [];
  onCell.forEach((list, c) => {
    const planned = shiftOfCell[c]!;
    list.forEach((agent, k) => {
      const instance = planned.instances.length > 0 ? planned.instances[k % planned.instances.length]! : { breaks: [] };
      shifts.push({
        agent,
        cell: c,
        instance: k,
        startSlot: planned.startSlot,
        endSlot: planned.endSlot,
        breaks: instance.breaks.map((b) => ({ startSlot: b.startSlot, endSlot: b.endSlot })),
      });
    });
  });
  return { onCell, shifts };
}

/** Planned shifts filled, extra agents on cells, and the unfilled shifts with the rules that blocked them. */
export function shiftFill(
  problem: CoreProblem,
  assign: Int32Array,
  onCell: number[][],
  shiftOfCell: PlannedShift[],
  agents: readonly { skills?: readonly string[] }[],
): { unfilledShifts: UnfilledShift[]; shiftsRequired: number; shiftsFilled: number; extraShifts: number } {
  const unfilledShifts: UnfilledShift[] = [];
  let shiftsRequired = 0;
  let shiftsFilled = 0;
  let extraShifts = 0;
  problem.cells.forEach((cell, c) => {
    const got = onCell[c]!.length;
    shiftsRequired += cell.required;
    shiftsFilled += Math.min(got, cell.required);
    extraShifts += Math.max(0, got - cell.required);
    if (got < cell.required) {
      const planned = shiftOfCell[c]!;
      const blockedBy = blockersOf(problem, assign, c, (e) => !hasSkills(agents[e] ?? {}, planned.skills));
      unfilledShifts.push({
        template: planned.template,
        day: planned.day,
        start: planned.start,
        end: planned.end,
        ...(planned.skills ? { skills: [...planned.skills] } : {}),
        required: cell.required,
        filled: got,
        blockedBy,
        why: blockedWords(blockedBy),
      });
    }
  });
  return { unfilledShifts, shiftsRequired, shiftsFilled, extraShifts };
}

/**
 * Why a shift stayed unfilled, in words, most agents first: "32 agents lack the shift's skills; 6
 * would break: two days off in a row each week".
 */
export function blockedWords(blockedBy: Readonly<Record<string, number>>): string {
  const agents = (n: number) => `${n} agent${n === 1 ? '' : 's'}`;
  return Object.entries(blockedBy)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, n]) => {
      const rule = (RULE_LABELS as Readonly<Record<string, { label: string } | undefined>>)[reason];
      if (rule) return `${agents(n)} would break "${rule.label}"`;
      if (reason === LACKS_SKILL) return `${agents(n)} ${n === 1 ? 'lacks' : 'lack'} the shift's skills`;
      if (reason === UNAVAILABLE) return `${agents(n)} unavailable (availability, time off or template)`;
      if (reason === ON_ANOTHER_SHIFT) return `${agents(n)} on another shift that day`;
      return `${agents(n)} ${reason}`;
    })
    .join('; ');
}
