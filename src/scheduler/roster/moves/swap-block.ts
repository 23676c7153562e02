import { randInt } from '../rng.js';
import { acceptCost, type MoveContext } from './move-context.js';

/**
 * Two agents swap their rows over one day (`singleDay`) or a block of 2 to 7 days; cover is
 * unchanged, so only the two agents are re-scored. Returns false when the rows are equal there or
 * either agent may not work the other's cells.
 */
export function swapBlock(ctx: MoveContext, singleDay: boolean, current: number, historic: number): boolean {
  const { state, assign, rng, dayCount, savedRow } = ctx;
  const first = randInt(rng, ctx.agentCount);
  let second = randInt(rng, ctx.agentCount - 1);
  if (second >= first) second++;
  const length = singleDay ? 1 : 2 + randInt(rng, Math.min(6, dayCount - 1));
  const fromDay = randInt(rng, dayCount - length + 1);
  const toDay = fromDay + length;
  const firstRow = first * dayCount;
  const secondRow = second * dayCount;
  if (!swappable(ctx, first, second, fromDay, toDay)) return false;
  for (let day = fromDay; day < toDay; day++) {
    savedRow[day] = assign[firstRow + day]!;
    assign[firstRow + day] = assign[secondRow + day]!;
    assign[secondRow + day] = savedRow[day]!;
  }
  const delta = state.rescore(first, second);
  if (acceptCost(current + delta, current, historic)) {
    state.commit();
  } else {
    for (let day = fromDay; day < toDay; day++) {
      assign[secondRow + day] = assign[firstRow + day]!;
      assign[firstRow + day] = savedRow[day]!;
    }
  }
  return true;
}

/** True when the rows differ on [fromDay, toDay) and each agent may work the other's cells there. */
function swappable(ctx: MoveContext, first: number, second: number, fromDay: number, toDay: number): boolean {
  const { assign, dayCount } = ctx;
  const firstAllowed = ctx.problem.agents[first]!.allowed;
  const secondAllowed = ctx.problem.agents[second]!.allowed;
  let same = true;
  for (let day = fromDay; day < toDay; day++) {
    const firstCell = assign[first * dayCount + day]!;
    const secondCell = assign[second * dayCount + day]!;
    if (firstCell !== secondCell) same = false;
    if ((secondCell >= 0 && !firstAllowed[secondCell]) || (firstCell >= 0 && !secondAllowed[firstCell])) return false;
  }
  return !same;
}
