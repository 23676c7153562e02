import { construct, kick, polish } from './construct.js';
import { RosterState } from './state.js';
import { AcceptanceHistory } from './acceptance-history.js';
import type { MoveContext } from './moves/move-context.js';
import { tryMove } from './moves/pick-move.js';
import type { SearchOptions, SearchResult } from './search-options.js';

/** What the loop settles on: the best roster seen and why it stopped. */
export interface LoopOutcome {
  best: Int32Array;
  bestHard: number;
  /** Agents short of the cells in the best roster (compared before soft with `fillFirst`). */
  bestShort: number;
  bestSoft: number;
  iterations: number;
  restarts: number;
  stoppedBy: SearchResult['stoppedBy'];
}

/** The clock is read every this many iterations (a power of two: the test is a mask). */
const CLOCK_EVERY = 1024;
/** The hard weight adapts every this many iterations (a power of two). */
const ADAPT_EVERY = 4096;

/**
 * Late-acceptance hill climbing (or annealing) from the state's roster: each iteration draws one
 * move (`tryMove`), keeps the best roster seen, adapts the hard weight, and restarts after a long
 * stall (alternately from the best roster with a random kick and from a fresh randomised
 * construction). Stops on the iteration cap, the time limit, or (with `stopWhenStalled`) a stall.
 */
export function runAcceptanceLoop(
  ctx: MoveContext,
  thresholds: Float64Array,
  opts: SearchOptions,
  hardMultiplier: number,
): LoopOutcome {
  const { state, assign, rng } = ctx;
  const startMs = opts.now();
  const history = new AcceptanceHistory(opts.historyLength ?? 500);
  history.reset(state);
  const adaptive = opts.adaptive ?? true;
  const annealing = opts.acceptance === 'annealing';
  const [hotTemperature, coldTemperature] = opts.temperature ?? [30, 0.3];
  let temperature = hotTemperature;
  const stallIterations = Math.max(20_000, 2000 * ctx.agentCount, 50 * history.length);
  const outcome: LoopOutcome = {
    best: Int32Array.from(assign),
    bestHard: state.hard,
    bestShort: state.short,
    bestSoft: state.soft,
    iterations: 0,
    restarts: 0,
    stoppedBy: 'iterations',
  };
  let lastImprove = 0;
  let iteration = 0;
  let polished: Int32Array | null = null;
  for (; iteration < opts.maxIterations; iteration++) {
    if (opts.fillFirst && (iteration & (ADAPT_EVERY - 1)) === 0 && polished !== outcome.best) {
      polishBest(ctx, outcome, hardMultiplier);
      polished = outcome.best;
    }
    if ((iteration & (CLOCK_EVERY - 1)) === 0) {
      const elapsedMs = opts.now() - startMs;
      if (elapsedMs >= opts.timeLimitMs) {
        outcome.stoppedBy = 'time';
        break;
      }
      if (opts.feasibleAfterMs !== undefined && elapsedMs >= opts.feasibleAfterMs && outcome.bestHard <= 1e-9) {
        outcome.stoppedBy = 'time';
        break;
      }
      if (annealing) {
        const progress = Math.min(1, Math.max(iteration / opts.maxIterations, elapsedMs / opts.timeLimitMs));
        temperature = hotTemperature * Math.pow(coldTemperature / hotTemperature, progress);
      }
    }
    const current = state.cost;
    const draw = rng();
    const slot = iteration % history.length;
    const historic = annealing
      ? current - temperature * Math.log(rng() + 1e-300)
      : history.threshold(slot, state.hardMultiplier);
    if (!tryMove(ctx, draw, thresholds, current, historic)) continue;
    history.record(slot, state);
    if (adaptive && (iteration & (ADAPT_EVERY - 1)) === 0) oscillateHardWeight(ctx, hardMultiplier);
    if (keepIfBest(ctx, outcome, opts.fillFirst)) lastImprove = iteration;
    else if (!annealing && iteration - lastImprove > stallIterations) {
      if (opts.stopWhenStalled && outcome.bestHard <= 1e-9) {
        outcome.stoppedBy = 'stall';
        break;
      }
      restart(ctx, outcome, hardMultiplier);
      history.reset(state);
      lastImprove = iteration;
    }
  }
  outcome.iterations = iteration;
  return outcome;
}

/** Strategic oscillation: raise the hard weight while infeasible, relax it while feasible, within [H/100, 100 H]. */
function oscillateHardWeight(ctx: MoveContext, hardMultiplier: number): void {
  const state = ctx.state;
  state.hardMultiplier =
    state.hard > 1e-9
      ? Math.min(hardMultiplier * 100, state.hardMultiplier * 1.3)
      : Math.max(hardMultiplier / 100, state.hardMultiplier / 1.3);
}

/**
 * Copies the state's roster into `outcome` when it beats the best: hard first, then (with
 * `fillFirst`) the agents short of the cells, then soft. The order is strict, so no weight can
 * trade a hard violation or an unfilled shift for soft points in the roster kept.
 */
export function keepIfBest(ctx: MoveContext, outcome: LoopOutcome, fillFirst = false): boolean {
  const { hard, soft, short } = ctx.state;
  if (hard > outcome.bestHard + 1e-9) return false;
  if (hard >= outcome.bestHard - 1e-9) {
    const shortDelta = fillFirst ? short - outcome.bestShort : 0;
    if (shortDelta > 0 || (shortDelta === 0 && soft >= outcome.bestSoft - 1e-9)) return false;
  }
  outcome.bestHard = hard;
  outcome.bestShort = short;
  outcome.bestSoft = soft;
  outcome.best = Int32Array.from(ctx.assign);
  return true;
}

/**
 * Greedily fills the best roster's short cells (`polish`) on a copy, kept when better in the
 * `fillFirst` order. Run every 4096 iterations when the best changed (not at the end), so a larger
 * budget sees every roster a smaller one saw and the kept roster never gets worse with more moves.
 */
export function polishBest(ctx: MoveContext, outcome: LoopOutcome, hardMultiplier: number): void {
  const trial = new RosterState(ctx.problem, hardMultiplier, outcome.best);
  polish(trial);
  const better =
    trial.hard < outcome.bestHard - 1e-9 ||
    (trial.hard <= outcome.bestHard + 1e-9 &&
      (trial.short < outcome.bestShort || (trial.short === outcome.bestShort && trial.soft < outcome.bestSoft - 1e-9)));
  if (!better) return;
  outcome.best = Int32Array.from(trial.assign);
  outcome.bestHard = trial.hard;
  outcome.bestShort = trial.short;
  outcome.bestSoft = trial.soft;
}

/** Restarts alternately from the best roster with a random kick and from a fresh randomised construction. */
function restart(ctx: MoveContext, outcome: LoopOutcome, hardMultiplier: number): void {
  const { problem, state, rng } = ctx;
  const fromBest = outcome.restarts % 2 === 0;
  ctx.assign.set(fromBest ? outcome.best : construct(problem, hardMultiplier, rng, 0.3));
  state.recomputeAll();
  if (fromBest) for (let k = 0; k < Math.max(2, ctx.agentCount >> 2); k++) kick(state, rng);
  outcome.restarts++;
}
