import type { CoreProblem } from './problem.js';
import { keepIfBest, runAcceptanceLoop } from './acceptance-loop.js';
import { construct, polish } from './construct.js';
import { createMoveContext } from './moves/move-context.js';
import { moveThresholds, type MoveKind } from './moves/pick-move.js';
import { makeRng } from './rng.js';
import { RosterState } from './state.js';

export type { MoveKind } from './moves/pick-move.js';
const DEFAULT_MOVES: Record<MoveKind, number> = {
  change: 35,
  fill: 10,
  moveDay: 10,
  realign: 7,
  swapDay: 18,
  swapBlock: 20,
};

export interface SearchOptions {
  seed: number;
  /** Hard stop on move evaluations (makes the result independent of machine speed). */
  maxIterations: number;
  /** Wall-time budget in ms, measured with `now` (checked every 1024 moves). */
  timeLimitMs: number;
  /** A clock in ms supplied by the adapter; the core never reads the clock itself. */
  now: () => number;
  /** Cost per unit of weighted hard violation, relative to soft (default 1000). */
  hardMultiplier?: number;
  /** Late-acceptance history length (default 500). */
  historyLength?: number;
  /**
   * Relative frequency of the neighbourhoods (default change 35, fill 10, move-day 10, re-align 7,
   * swap-day 18, swap-block 20). Zero disables one.
   */
  moves?: Partial<Record<MoveKind, number>>;
  /**
   * Acceptance: late acceptance (default) or simulated annealing with a geometric cooling from
   * `temperature[0]` to `temperature[1]` over the budget (the larger of iteration and time progress).
   */
  acceptance?: 'late-acceptance' | 'annealing';
  temperature?: [number, number];
  /** Stop at the first long stall once a feasible roster is held, instead of restarting (default false). */
  stopWhenStalled?: boolean;
  /** Adapt the hard multiplier within [H/100, 100 H] (strategic oscillation; default true). */
  adaptive?: boolean;
}

export interface SearchResult {
  assign: Int32Array;
  hard: number;
  soft: number;
  iterations: number;
  restarts: number;
  /** Why the search stopped. */
  stoppedBy: 'iterations' | 'time' | 'stall';
}

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
  ctx.assign.set(outcome.best);
  state.recomputeAll();
  state.hardMultiplier = hardMultiplier;
  polish(state);
  keepIfBest(ctx, outcome);
  const { best, bestHard, bestSoft, iterations, restarts, stoppedBy } = outcome;
  return { assign: best, hard: bestHard, soft: bestSoft, iterations, restarts, stoppedBy };
}
