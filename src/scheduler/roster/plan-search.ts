import type { Highs } from 'highs';
import { batchFill } from './batch-fill.js';
import { assignmentColumns, EXACT_MAX_COLUMNS, exactApplicable, exactFill } from './exact.js';
import { compareScores, improveWithMip } from './lns.js';
import type { CoreProblem } from './problem.js';
import { searchRoster } from './search.js';
import type { SearchOptions, SearchResult } from './search-options.js';
import { RosterState } from './state.js';

/**
 * Shares of the time limit: the one whole MIP (small problems); the local search's start; the end
 * of filling (fill sub-MIPs); the soft-rule sub-MIPs take the rest.
 */
const EXACT_SHARE = 0.3;
/**
 * End of the batch fill (batch-fill.ts), as a share of the time. Late, as a filled roster skips every
 * other fill stage: the first HiGHS sub-MIPs of a process run several times slower than later ones
 * (part-timer-heavy in benchmarks/roster-supply.bench.ts: its first batch 4.2 s, the same batch
 * 0.5 s in the next roster of the process, load average 8), and a cut batch leaves shifts short.
 */
const BATCH_END = 0.8;
const SEARCH_SHARE = 0.15;
const FILL_END = 0.9;
/**
 * Share of the fill sub-MIPs that free the agents who may work a short cell over the whole week
 * (`shortCellShare`): a fill needs an agent's week rebuilt around the shift (weekly days, hours,
 * two days off together), which a 1-2 day window cannot do and 8 random agents rarely can. On
 * mixed-500 (benchmarks/roster-supply.bench.ts) they improved the roster in 25 of 32 tries against
 * 10 of 20 for the other kinds, over four 30 s runs (docs/roster.md, "What is exact").
 */
const SHORT_CELL_SHARE = 0.5;
/** HiGHS's and the fill sub-MIPs' seed in the fill stages, whatever the roster's seed. */
const FILL_SEED = 1;
/** One sub-MIP counts as this many moves of `maxIterations` (so a budget can bind before the clock). */
const MOVES_PER_SUB_MIP = 1000;

export interface PlanSearchOptions extends SearchOptions {
  /** HiGHS: with it the MIP stages run (`exactApplicable`); without, the local search alone. */
  highs?: Highs;
  /** Largest problem for the one whole MIP, in agent x cell columns (default `EXACT_MAX_COLUMNS`). */
  exactMaxColumns?: number;
}

export interface PlanSearchResult extends SearchResult {
  /** `exact`: HiGHS filled the shifts under every hard rule; `search`: local search only. */
  method: 'mip' | 'search';
  /** Agents short of the cells, unweighted. */
  short: number;
}

/**
 * Rosters a plan problem lexicographically: hard rules, then filled shifts, then soft rules.
 * 1. Local search (`searchRoster`): 15 % of the time, or up to 45 % until it holds a roster with no
 *    hard violation (with HiGHS; alone without it): a roster placing every agent whatever the MIP
 *    stages reach in their time.
 * 2. With HiGHS, where every hard rule is a constraint (`exactApplicable`): the batch fill
 *    (`batchFill`, until 80 % of the time: exact sub-MIPs over batches of agents, least flexible
 *    first, no seed or weight in them). When it leaves nothing short, step 3 is skipped (nothing
 *    short is the optimum). Else, when the problem is small enough (`EXACT_MAX_COLUMNS`): one MIP
 *    over every agent and day minimising the agents short (`exactStage`), for up to 30 % of the
 *    time (what is left before 90 %); when HiGHS proves it optimal, step 3 is skipped (no roster
 *    fills more). The best of the three rosters (hard, short, soft) is the start of step 3.
 * 3. With HiGHS (`fillStage`): sub-MIPs over every agent on windows of 1-2 days, 8 agents over
 *    the week, or (half of them) the agents who may work a short cell over the week, with the same
 *    objective and constraints, until no cell is short (then the fill is optimal: nothing is
 *    short) or 90 % of the time is gone.
 * 4. Sub-MIPs on the soft score for the rest of the time, none breaking a hard rule or letting a
 *    filled shift go (`keep-filled`).
 * The sub-MIP stages count against `maxIterations` too (one sub-MIP, 1,000 moves): with a budget
 * that binds before the clock and sub-MIPs that finish inside HiGHS's limit, the roster is the same
 * on every run.
 * Without HiGHS (or with a hard fairness or preference rule), the local search runs for the whole
 * time limit. Every stage keeps a roster only when it is better in the same order, so more time
 * never gives a worse roster.
 */
export function solvePlanRoster(p: CoreProblem, opts: PlanSearchOptions): PlanSearchResult {
  const t0 = opts.now();
  const left = (): number => opts.timeLimitMs - (opts.now() - t0);
  const withMip = opts.highs !== undefined && p.agents.length > 0 && p.cells.length > 0 && exactApplicable(p);
  const small = withMip && assignmentColumns(p) <= (opts.exactMaxColumns ?? EXACT_MAX_COLUMNS);
  // the local search first: a roster that places every agent, whatever the MIP stages reach in time
  const found = searchRoster(p, {
    ...opts,
    // with the MIP stages: 15 % of the time, longer (up to 45 %) while no roster keeps every hard rule
    timeLimitMs: withMip ? Math.max(0, Math.min(3 * SEARCH_SHARE * opts.timeLimitMs, left())) : opts.timeLimitMs,
    ...(withMip ? { feasibleAfterMs: SEARCH_SHARE * opts.timeLimitMs } : {}),
    hardMultiplier: opts.hardMultiplier ?? hardMultiplierFor(p),
    fillFirst: true,
  });
  if (!withMip || !opts.highs) return { ...found, method: 'search', short: new RosterState(p, 1, found.assign).short };
  const highs = opts.highs;
  const batchMs = BATCH_END * opts.timeLimitMs - (opts.now() - t0);
  const batched = batchMs > 0 ? batchStage(p, opts, highs, batchMs) : null;
  const exactMs = Math.min(EXACT_SHARE * opts.timeLimitMs, left() - (1 - FILL_END) * opts.timeLimitMs);
  const exact = small && !batched?.filled && exactMs > 0 ? exactStage(p, opts, highs, exactMs) : null;
  const best = betterOf(p, betterOf(p, exact?.assign ?? null, batched?.assign ?? null), found.assign) as Int32Array;
  const proven = (batched?.filled ?? false) || (exact?.optimal ?? false);
  const subMips = Math.floor(opts.maxIterations / MOVES_PER_SUB_MIP);
  const fillMs = proven ? 0 : Math.max(0, left() - (1 - FILL_END) * opts.timeLimitMs);
  // the fill stages draw with a fixed seed: the roster's seed moves the soft rules, not what is filled
  const fill = fillStage(p, best, { highs, seed: FILL_SEED, now: opts.now, timeLimitMs: fillMs, maxMoves: subMips });
  const soft = improveWithMip(p, fill.assign, {
    ...subMipShape(p),
    highs,
    seed: opts.seed + 1,
    timeLimitMs: left(),
    now: opts.now,
    subMipMode: 'keep-filled',
    maxMoves: Math.max(0, subMips - fill.moves),
  });
  const state = new RosterState(p, 1, soft.assign);
  return {
    assign: soft.assign,
    hard: state.hard,
    soft: state.soft,
    short: state.short,
    iterations: found.iterations + fill.moves + soft.moves,
    restarts: found.restarts,
    stoppedBy: fill.moves + soft.moves >= subMips ? 'iterations' : 'time',
    method: 'mip',
  };
}

/** The batch fill (batch-fill.ts) for `ms`; `filled`: nothing short, no hard rule broken. */
function batchStage(
  p: CoreProblem,
  opts: PlanSearchOptions,
  highs: Highs,
  ms: number,
): { assign: Int32Array; filled: boolean } {
  const out = batchFill(p, highs, { timeLimitMs: ms, now: opts.now });
  return { assign: out.assign, filled: isFilled(new RosterState(p, 1, out.assign)) };
}

/** The better roster in the order hard, short, soft (either may be missing). */
function betterOf(p: CoreProblem, a: Int32Array | null, b: Int32Array | null): Int32Array | null {
  if (!a || !b) return a ?? b;
  return compareScores(new RosterState(p, 1, b), new RosterState(p, 1, a), true) < 0 ? b : a;
}

/**
 * Step 1: the whole MIP from an empty roster for `ms` (up to `EXACT_SHARE` of the time). `optimal`: HiGHS
 * proved the fill (and the roster keeps every hard rule). (A quick search's roster as the warm start
 * was tried: on a loaded machine HiGHS then kept that roster's many short shifts as its incumbent,
 * and mixed-150 ended at 355-460 of 670 filled against 662-670 without it.)
 */
function exactStage(
  p: CoreProblem,
  opts: PlanSearchOptions,
  highs: Highs,
  ms: number,
): { assign: Int32Array; optimal: boolean } | null {
  const empty = new Int32Array(p.agents.length * p.days).fill(-1);
  const exact = exactFill(p, highs, ms / 1000, FILL_SEED, empty);
  if (!exact) return null;
  return { assign: exact.assign, optimal: exact.optimal && new RosterState(p, 1, exact.assign).hard <= 1e-9 };
}

/**
 * The fill stage: sub-MIPs minimising the agents short until none is (`subMipShape`, half of them
 * on the agents who may work a short cell).
 */
function fillStage(
  p: CoreProblem,
  best: Int32Array,
  opts: { highs: Highs; seed: number; now: () => number; timeLimitMs: number; maxMoves: number },
): { assign: Int32Array; moves: number } {
  const out = improveWithMip(p, best, {
    ...subMipShape(p),
    highs: opts.highs,
    seed: opts.seed,
    timeLimitMs: opts.timeLimitMs,
    now: opts.now,
    subMipMode: 'fill',
    shortCellShare: SHORT_CELL_SHARE,
    stopWhenFilled: true,
    maxMoves: opts.maxMoves,
  });
  return { assign: out.assign, moves: out.moves };
}

/** No hard rule broken and no shift short: nothing left for the search to do but soft points. */
function isFilled(state: RosterState): boolean {
  return state.hard <= 1e-9 && state.short === 0;
}

/**
 * Sub-MIP neighbourhoods for plan problems: half of them every agent over 1-2 days (the shifts of a
 * day change hands together), half 8 agents over the whole horizon.
 */
function subMipShape(p: CoreProblem): {
  agentsPerMove: number;
  dayWindowShare: number;
  windowDays: [number, number];
  subTimeLimitSeconds: number;
} {
  return {
    agentsPerMove: Math.min(8, p.agents.length),
    dayWindowShare: 0.5,
    windowDays: [1, 2],
    subTimeLimitSeconds: 2,
  };
}

/**
 * The search's weight of one unit of hard violation: 1.25 x the largest cost of one agent short or
 * over on a cell (1,000 with the default weights on 8-hour shifts), so that scaling the soft
 * weights scales it too and no single cover gain outweighs a hard unit.
 */
export function hardMultiplierFor(p: CoreProblem): number {
  let unit = 0;
  const under = p.rules.coverUnder.hard ? 0 : p.rules.coverUnder.weight;
  const over = p.rules.coverOver.hard ? 0 : p.rules.coverOver.weight;
  for (const cell of p.cells) unit = Math.max(unit, cell.underWeight * under, cell.overWeight * over);
  return unit > 0 ? 1.25 * unit : 1000;
}
