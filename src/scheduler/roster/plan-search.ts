import type { Highs } from 'highs';
import { assignmentColumns, EXACT_MAX_COLUMNS, exactApplicable, exactFill } from './exact.js';
import { compareScores, improveWithMip } from './lns.js';
import type { CoreProblem } from './problem.js';
import { searchRoster } from './search.js';
import type { SearchOptions, SearchResult } from './search-options.js';
import { RosterState } from './state.js';

/** Shares of the time limit: the local search's start, then filling (exact MIP or fill sub-MIPs). */
const SEARCH_SHARE = 0.25;
const FILL_SHARE = 0.45;

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
 * 1. Local search (`searchRoster`, best kept in that order) for a start.
 * 2. With HiGHS, where every hard rule is a constraint (`exactApplicable`): one MIP over every
 *    agent and day minimising the agents short (`exactFill`, warm-started) when the problem is
 *    small enough, else sub-MIPs over every agent on windows of 1-2 days with the same objective,
 *    until no cell is short (the LP bound, so then optimal) or their share of the time ends.
 * 3. Sub-MIPs on the soft score for the rest of the time, none breaking a hard rule or letting a
 *    filled shift go (`keep-filled`).
 * Without HiGHS (or with a hard fairness or preference rule), the local search runs for the whole
 * time limit. Every stage keeps a roster only when it is better in the same order, so more time
 * never gives a worse roster.
 */
export function solvePlanRoster(p: CoreProblem, opts: PlanSearchOptions): PlanSearchResult {
  const t0 = opts.now();
  const left = (): number => opts.timeLimitMs - (opts.now() - t0);
  const withMip = opts.highs !== undefined && p.agents.length > 0 && p.cells.length > 0 && exactApplicable(p);
  const found = searchRoster(p, {
    ...opts,
    timeLimitMs: withMip ? SEARCH_SHARE * opts.timeLimitMs : opts.timeLimitMs,
    hardMultiplier: opts.hardMultiplier ?? hardMultiplierFor(p),
    fillFirst: true,
  });
  if (!withMip || !opts.highs) return { ...found, method: 'search', short: new RosterState(p, 1, found.assign).short };
  const highs = opts.highs;
  let best = found.assign;
  if (assignmentColumns(p) <= (opts.exactMaxColumns ?? EXACT_MAX_COLUMNS)) {
    const exact = exactFill(p, highs, Math.max(0.1, (FILL_SHARE * opts.timeLimitMs) / 1000), opts.seed, best);
    if (exact && compareScores(new RosterState(p, 1, exact), new RosterState(p, 1, best), true) < 0) best = exact;
  }
  best = improveWithMip(p, best, {
    ...subMipShape(p),
    highs,
    seed: opts.seed,
    timeLimitMs: Math.max(0, left() - (1 - SEARCH_SHARE - FILL_SHARE) * opts.timeLimitMs),
    now: opts.now,
    subMipMode: 'fill',
    stopWhenFilled: true,
  }).assign;
  const soft = improveWithMip(p, best, {
    ...subMipShape(p),
    highs,
    seed: opts.seed + 1,
    timeLimitMs: left(),
    now: opts.now,
    subMipMode: 'keep-filled',
  });
  const state = new RosterState(p, 1, soft.assign);
  return {
    assign: soft.assign,
    hard: state.hard,
    soft: state.soft,
    short: state.short,
    iterations: found.iterations + soft.moves,
    restarts: found.restarts,
    stoppedBy: 'time',
    method: 'mip',
  };
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
