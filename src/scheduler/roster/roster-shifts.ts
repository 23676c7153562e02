import type { PlannedShift } from '../shift-plan/types.js';
import { blockersOf } from './blockers.js';
import type { CoreProblem } from './problem.js';
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
      unfilledShifts.push({
        template: planned.template,
        day: planned.day,
        start: planned.start,
        end: planned.end,
        required: cell.required,
        filled: got,
        blockedBy: blockersOf(problem, assign, c),
      });
    }
  });
  return { unfilledShifts, shiftsRequired, shiftsFilled, extraShifts };
}
