import type { CoreProblem } from './problem.js';
import { keepIfBest, runAcceptanceLoop } from './acceptance-loop.js';
import { construct, polish } from './construct.js';
import { createMoveContext } from './moves/move-context.js';
import { moveThresholds, type MoveKind } from './moves/pick-move.js';
import type { SearchOptions, SearchResult } from './search-options.js';
import { makeRng } from './rng.js';
import { RosterState } from './state.js';

export type { MoveKind } from './moves/pick-move.js';
export type { SearchOptions, SearchResult } from './search-options.js';

/** Relative frequency of each neighbourhood when the options give none. */
const DEFAULT_MOVES: Record<MoveKind, number> = {
  change: 35,
  fill: 10,
  moveDay: 10,
  realign: 7,
  swapDay: 18,
  swapBlock: 20,
};

/**
 * Rosters a core problem: greedy construction, then late-acceptance hill climbing (Burke &
 * Bykov 2017) over six neighbourhoods (change one agent-day; swap two agents' days; swap a block
 * of up to 7 days between two agents; fill an under-covered cell; re-align an agent's week on one
 * shift type and start time; move a working day to a day off; see `moves/`), with restarts after a
 * long stall (`runAcceptanceLoop`), then a greedy polish of the best roster. Each move costs
 * O(days) for the one or two agents it touches.
 * Deterministic for a seed when `maxIterations` binds before `timeLimitMs`.
 */
export function searchRoster(problem: CoreProblem, opts: SearchOptions): SearchResult {
  const rng = makeRng(opts.seed);
  const hardMultiplier = opts.hardMultiplier ?? 1000;
  const state = new RosterState(problem, hardMultiplier, construct(problem, hardMultiplier, rng, 0));
  const ctx = createMoveContext(problem, state, rng);
  if (ctx.agentCount === 0 || problem.cells.length === 0)
    return {
      assign: Int32Array.from(state.assign),
      hard: state.hard,
      soft: state.soft,
      iterations: 0,
      restarts: 0,
      stoppedBy: 'iterations',
    };
  const thresholds = moveThresholds({ ...DEFAULT_MOVES, ...opts.moves });
  const outcome = runAcceptanceLoop(ctx, thresholds, opts, hardMultiplier);
  // polish the best roster: greedily fill under-covered cells from agents off that day or on an over-covered cell
  // (with fillFirst the loop polishes at fixed iterations instead, so more moves never end worse)
  if (!opts.fillFirst) {
    ctx.assign.set(outcome.best);
    state.recomputeAll();
    state.hardMultiplier = hardMultiplier;
    polish(state);
    keepIfBest(ctx, outcome);
  }
  const { best, bestHard, bestSoft, iterations, restarts, stoppedBy } = outcome;
  return { assign: best, hard: bestHard, soft: bestSoft, iterations, restarts, stoppedBy };
}
