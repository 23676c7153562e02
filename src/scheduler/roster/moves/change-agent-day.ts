import { randInt } from '../rng.js';
import { acceptCost, type MoveContext } from './move-context.js';

/**
 * One random agent-day gets another shift of that day, or the day off. Returns false when the draw
 * is no move (same cell, or a cell the agent may not work), true when it was scored (kept or not).
 */
export function changeAgentDay(ctx: MoveContext, current: number, historic: number): boolean {
  const { problem, state, assign, rng, dayCount } = ctx;
  const agent = randInt(rng, ctx.agentCount);
  const day = randInt(rng, dayCount);
  const dayCells = problem.cellsByDay[day]!;
  const pick = randInt(rng, dayCells.length + 1);
  const to = pick === dayCells.length ? -1 : dayCells[pick]!;
  const index = agent * dayCount + day;
  const from = assign[index]!;
  if (to === from || (to >= 0 && !problem.agents[agent]!.allowed[to])) return false;
  let delta = state.coverDelta(from, to);
  assign[index] = to;
  delta += state.rescore(agent);
  if (acceptCost(current + delta, current, historic)) {
    state.applyCover(from, to);
    state.commit();
  } else assign[index] = from;
  return true;
}
