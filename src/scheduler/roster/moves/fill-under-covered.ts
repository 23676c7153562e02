import { randInt } from '../rng.js';
import { acceptCost, type MoveContext } from './move-context.js';

/**
 * A random under-covered cell gets a random agent, who was off that day or leaves another cell.
 * Returns false when the draw is no move (the cell is covered, or the agent cannot take it).
 */
export function fillUnderCovered(ctx: MoveContext, current: number, historic: number): boolean {
  const { problem, state, assign, rng, dayCount } = ctx;
  const cell = randInt(rng, problem.cells.length);
  if (state.cover[cell]! >= problem.cells[cell]!.required) return false;
  const agent = randInt(rng, ctx.agentCount);
  const index = agent * dayCount + problem.cells[cell]!.day;
  const from = assign[index]!;
  if (from === cell || !problem.agents[agent]!.allowed[cell]) return false;
  let delta = state.coverDelta(from, cell);
  assign[index] = cell;
  delta += state.rescore(agent);
  if (acceptCost(current + delta, current, historic)) {
    state.applyCover(from, cell);
    state.commit();
  } else assign[index] = from;
  return true;
}
