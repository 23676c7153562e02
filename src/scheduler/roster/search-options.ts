import type { MoveKind } from './moves/pick-move.js';

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
  /**
   * Keep the best roster by hard violations, then agents short of the cells, then soft (default
   * false: hard, then soft, where short agents are part of soft, as Curtois & Qu score them).
   */
  fillFirst?: boolean;
  /** Stop once this many ms have passed and a roster with no hard violation is held (default: never). */
  feasibleAfterMs?: number;
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
