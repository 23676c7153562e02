import type { CoreProblem } from '../problem.js';
import type { RosterState } from '../state.js';

/**
 * What every neighbourhood of the roster search works on: the problem, the mutable state (whose
 * `assign` rows the moves change in place), the search's random stream, the cell of the same shift
 * on another day, and scratch rows sized to the horizon (allocated once, not per move).
 */
export interface MoveContext {
  readonly problem: CoreProblem;
  readonly state: RosterState;
  /** `state.assign`: agent x day -> cell or -1, row-major by agent. */
  readonly assign: Int32Array;
  readonly agentCount: number;
  readonly dayCount: number;
  readonly rng: () => number;
  /** Cell index by `sameShiftKey(day, type, startOfDayMinute)`. */
  readonly sameShiftCell: Map<number, number>;
  /** Scratch rows of length `dayCount`. */
  readonly savedRow: Int32Array;
  readonly changedDays: Int32Array;
}

export function createMoveContext(problem: CoreProblem, state: RosterState, rng: () => number): MoveContext {
  const dayCount = problem.days;
  const sameShiftCell = new Map<number, number>();
  problem.cells.forEach((cell, c) => sameShiftCell.set(sameShiftKey(cell.day, cell.type, cell.startOfDayMinute), c));
  return {
    problem,
    state,
    assign: state.assign,
    agentCount: problem.agents.length,
    dayCount,
    rng,
    sameShiftCell,
    savedRow: new Int32Array(dayCount),
    changedDays: new Int32Array(dayCount),
  };
}

/** One integer per (day, shift type, local start): the same shift on another day has the same type and start. */
export function sameShiftKey(day: number, type: number, startOfDayMinute: number): number {
  return (day * 4096 + type) * 2048 + startOfDayMinute;
}

/** The cell of that shift on `day`, or -1 when the day has none. */
export function sameShiftOn(ctx: MoveContext, day: number, type: number, startOfDayMinute: number): number {
  return ctx.sameShiftCell.get(sameShiftKey(day, type, startOfDayMinute)) ?? -1;
}

/** Late acceptance: a candidate cost is taken when no worse than now or than the historic threshold. */
export function acceptCost(candidate: number, current: number, historic: number): boolean {
  return candidate <= current || candidate <= historic;
}
