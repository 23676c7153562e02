import { randInt } from '../rng.js';
import { acceptCost, sameShiftOn, type MoveContext } from './move-context.js';

/**
 * One agent works the same shift (type and local start) on one of its days off instead of a
 * working day. Returns false when the draw is no move.
 */
export function moveWorkingDay(ctx: MoveContext, current: number, historic: number): boolean {
  const { problem, state, assign, rng, dayCount } = ctx;
  const agent = randInt(rng, ctx.agentCount);
  const fromDay = randInt(rng, dayCount);
  const toDay = randInt(rng, dayCount);
  const fromIndex = agent * dayCount + fromDay;
  const toIndex = agent * dayCount + toDay;
  const from = assign[fromIndex]!;
  if (fromDay === toDay || from < 0 || assign[toIndex]! >= 0) return false;
  const fromCell = problem.cells[from]!;
  const to = sameShiftOn(ctx, toDay, fromCell.type, fromCell.startOfDayMinute);
  if (to < 0 || !problem.agents[agent]!.allowed[to]) return false;
  let delta = state.coverDelta(from, -1) + state.coverDelta(-1, to);
  assign[fromIndex] = -1;
  assign[toIndex] = to;
  delta += state.rescore(agent);
  if (acceptCost(current + delta, current, historic)) {
    state.applyCover(from, -1);
    state.applyCover(-1, to);
    state.commit();
  } else {
    assign[fromIndex] = from;
    assign[toIndex] = -1;
  }
  return true;
}
