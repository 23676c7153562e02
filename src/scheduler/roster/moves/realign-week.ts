import { randInt } from '../rng.js';
import { acceptCost, sameShiftOn, type MoveContext } from './move-context.js';

/**
 * Every worked day of one agent moves to the same shift (type and local start), drawn from a day
 * the agent works: a week on one start time. Returns false when the draw is no move.
 */
export function realignWeek(ctx: MoveContext, current: number, historic: number): boolean {
  const { problem, state, assign, rng, dayCount, savedRow, changedDays } = ctx;
  const agent = randInt(rng, ctx.agentCount);
  const day = randInt(rng, dayCount);
  const rowStart = agent * dayCount;
  const dayCells = problem.cellsByDay[day]!;
  if (assign[rowStart + day]! < 0 || dayCells.length < 2) return false;
  const target = problem.cells[dayCells[randInt(rng, dayCells.length)]!]!;
  const allowed = problem.agents[agent]!.allowed;
  let changed = 0;
  let delta = 0;
  for (let other = 0; other < dayCount; other++) {
    const from = assign[rowStart + other]!;
    if (from < 0) continue;
    const to = sameShiftOn(ctx, other, target.type, target.startOfDayMinute);
    if (to < 0 || to === from || !allowed[to]) continue;
    delta += state.coverDelta(from, to);
    changedDays[changed++] = other;
    savedRow[other] = from;
    assign[rowStart + other] = to;
  }
  if (changed === 0) return false;
  delta += state.rescore(agent);
  if (acceptCost(current + delta, current, historic)) {
    for (let k = 0; k < changed; k++) {
      const moved = changedDays[k]!;
      state.applyCover(savedRow[moved]!, assign[rowStart + moved]!);
    }
    state.commit();
  } else for (let k = 0; k < changed; k++) assign[rowStart + changedDays[k]!] = savedRow[changedDays[k]!]!;
  return true;
}
