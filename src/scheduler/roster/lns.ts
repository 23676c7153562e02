import type { Highs } from 'highs';
import type { LnsOptions } from './lns-options.js';
import type { CoreProblem } from './problem.js';
import {
  chooseNeighbourhood,
  KIND_NAMES,
  KINDS,
  MERGE,
  weekendDayLists,
  type ChoiceContext,
  type Neighbourhood,
} from './lns-neighbourhoods.js';
import { mergeRows, RowPool } from './merge.js';
import { makeRng } from './rng.js';
import { searchRoster } from './search.js';
import { RosterState } from './state.js';
import { solveSubMip } from './sub-mip.js';

export type { LnsOptions } from './lns-options.js';

/** Least adaptive weight of a kind (its recent improvement rate is added on top). */
const FLOOR = 0.1;

/** True when every hard rule of `p` is one the sub-MIP models exactly (the Curtois & Qu rule set). */
export function lnsApplicable(p: CoreProblem): boolean {
  const r = p.rules;
  return (
    !p.twoConsecutiveDaysOffPerWeek &&
    !p.weekendsOffEveryOtherWeek &&
    !Number.isFinite(p.maxStartSpreadMinutes) &&
    !r.coverUnder.hard &&
    !r.coverOver.hard &&
    p.agents.every((a) => !a.inFairness) &&
    (
      [
        'maxConsecutiveDays',
        'minConsecutiveDays',
        'minConsecutiveDaysOff',
        'maxWeekends',
        'minMinutes',
        'maxMinutes',
        'maxDays',
        'maxShiftsPerType',
        'forbiddenSequence',
        'minRest',
      ] as const
    ).every((k) => r[k].hard)
  );
}

/**
 * Large-neighbourhood search on HiGHS: repeatedly frees the rows of a few agents, or every agent
 * over a window of days (the rest stay fixed and enter as constants) and re-optimises them exactly as a small MIP
 * with every hard rule as a constraint and the
 * cover and preference costs in the objective, warm-started from the current rows. Keeps a
 * change only when the full score improves (hard first, then soft). Needs `lnsApplicable(p)`.
 * Mutates and returns `assign`.
 */
export function improveWithMip(
  p: CoreProblem,
  assign: Int32Array,
  opts: LnsOptions,
): { assign: Int32Array; moves: number; improvements: number; byKind: string } {
  const startMs = opts.now();
  const state = new RosterState(p, 1e6, assign);
  const run: LnsRun = {
    choice: {
      problem: p,
      state,
      opts,
      rng: makeRng(opts.seed ^ 0x5bd1e995),
      agentsPerMove: Math.min(p.agents.length, opts.agentsPerMove ?? 6),
      weekendDays: weekendDayLists(p),
    },
    startMs,
    moves: 0,
    improvements: 0,
    // sub-MIPs and strict improvements per counter slot (see KIND_NAMES)
    tried: new Int32Array(KIND_NAMES.length),
    won: new Int32Array(KIND_NAMES.length),
    // adaptive weights: a floor plus the recent (exponentially smoothed) rate of strict improvements
    weight: KINDS.map(() => 1),
    pool: opts.mergeEveryMs ? new RowPool(p, opts.poolPerAgent ?? 400) : null,
  };
  run.pool?.addRoster(state.assign);
  let nextMerge = startMs + (opts.mergeEveryMs ?? 0);
  while (opts.now() - startMs < opts.timeLimitMs - 200 && run.moves < (opts.maxMoves ?? Infinity)) {
    if (opts.stopWhenFilled && state.hard <= 1e-9 && state.short === 0) break;
    if (run.pool && opts.now() >= nextMerge) {
      mergePooledRows(run, run.pool);
      nextMerge = opts.now() + (opts.mergeEveryMs ?? 0);
    }
    const move = chooseNeighbourhood(run.choice, run.weight);
    const budget = Math.min(
      opts.subTimeLimitSeconds ?? 2,
      Math.max(0.05, (opts.timeLimitMs - (opts.now() - startMs)) / 1000 - 0.2),
    );
    const rows = solveSubMip(
      p,
      state.assign,
      move.agents,
      move.fromDay,
      move.toDay,
      opts.highs,
      budget,
      opts.seed + run.moves,
      move.only,
      opts.subMipMode,
    );
    run.moves++;
    run.tried[move.kind]!++;
    if (rows && run.pool) move.agents.forEach((e, i) => run.pool?.add(e, rows[i]!));
    if (rows) applyRows(run, move, rows);
    else adaptWeight(run, move.kind, false);
  }
  assign.set(state.assign);
  const byKind = KIND_NAMES.flatMap((n, i) => (run.tried[i] ? [`${n} ${run.won[i]}/${run.tried[i]}`] : [])).join(' ');
  return { assign, moves: run.moves, improvements: run.improvements, byKind };
}

/** The mutable record of one `improveWithMip` run. */
interface LnsRun {
  choice: ChoiceContext;
  startMs: number;
  moves: number;
  improvements: number;
  tried: Int32Array;
  won: Int32Array;
  weight: number[];
  pool: RowPool | null;
}

/** Recombines the pooled rows (with the current roster's); kept only when strictly better. */
function mergePooledRows(run: LnsRun, pool: RowPool): void {
  const { problem, state, opts } = run.choice;
  pool.addRoster(state.assign);
  const left = (opts.timeLimitMs - (opts.now() - run.startMs)) / 1000 - 0.2;
  const merged =
    left > 0.1
      ? mergeRows(
          problem,
          pool,
          state.assign,
          opts.highs,
          Math.min(opts.mergeSeconds ?? 3, left),
          opts.seed + run.moves,
        )
      : null;
  if (merged) {
    const trial = new RosterState(problem, 1e6, merged);
    if (trial.hard <= state.hard + 1e-9 && trial.soft < state.soft - 1e-9) {
      state.assign.set(merged);
      state.recomputeAll();
      run.improvements++;
      run.won[MERGE]!++;
    }
  }
  run.tried[MERGE]!++;
}

/**
 * Puts the sub-MIP's rows in and keeps them when the full score improves (hard first, then soft);
 * equal scores are kept too unless `acceptEqual` is false (a sideways step lets the next
 * neighbourhoods see a different roster).
 */
function applyRows(run: LnsRun, move: Neighbourhood, rows: Int32Array[]): void {
  const { problem, state, opts } = run.choice;
  const days = problem.days;
  const before = { hard: state.hard, short: state.short, soft: state.soft };
  const saved = move.agents.map((e) => state.assign.slice(e * days, (e + 1) * days));
  move.agents.forEach((e, i) => state.assign.set(rows[i]!, e * days));
  state.recomputeAll();
  const order = compareScores(state, before, (opts.subMipMode ?? 'score') !== 'score');
  const improved = order < 0;
  adaptWeight(run, move.kind, improved);
  if (improved) {
    run.improvements++;
    run.won[move.kind]!++;
  } else if (!(opts.acceptEqual !== false && order === 0)) {
    move.agents.forEach((e, i) => state.assign.set(saved[i]!, e * days));
    state.recomputeAll();
  }
}

/**
 * -1, 0 or 1 as roster `a` is better than, equal to or worse than `b`: hard first, then (with
 * `fillFirst`) the agents short of the cells, then soft.
 */
export function compareScores(
  a: { hard: number; short: number; soft: number },
  b: { hard: number; short: number; soft: number },
  fillFirst: boolean,
): number {
  if (Math.abs(a.hard - b.hard) > 1e-9) return a.hard < b.hard ? -1 : 1;
  if (fillFirst && a.short !== b.short) return a.short < b.short ? -1 : 1;
  if (Math.abs(a.soft - b.soft) > 1e-9) return a.soft < b.soft ? -1 : 1;
  return 0;
}

/** Adaptive choice: smooths the kind's weight towards its floor, plus 0.2 on a strict improvement. */
function adaptWeight(run: LnsRun, kind: number, improved: boolean): void {
  if (!run.choice.opts.adaptive || kind >= KINDS.length) return;
  run.weight[kind] = FLOOR + 0.8 * (run.weight[kind]! - FLOOR) + (improved ? 0.2 : 0);
}

/**
 * Local search, then HiGHS. Late acceptance for up to `localShare` of the time (default 10 %;
 * when no whole-problem MIP follows, it stops at its first long stall once feasible). When the
 * whole problem is small (at most `fullMipColumns` assignment columns, default 2000) one MIP over
 * everything, warm-started, for `fullMipShare` (default 30 %: on Curtois & Qu 5 and 6 it found
 * nothing more between 24 s and 33 s). Then large-neighbourhood sub-MIPs for the rest: a few
 * agents over the whole horizon (as many as keep it near 336 binaries, at least 3), every agent
 * over 4-10 days, every agent over two or more weekends (30 %), and every 8 s a merge of the
 * pooled rows (`lns` overrides any of these; `lns: { adaptive: true }` picks the kind by its
 * recent improvement rate). Needs `lnsApplicable(p)`. Deterministic only up to the solver's time
 * limits (HiGHS stops on its own clock, so a busier machine can give another roster for the
 * same seed).
 */
export function hybridSearch(
  p: CoreProblem,
  opts: {
    highs: Highs;
    seed: number;
    timeLimitMs: number;
    now: () => number;
    fullMipColumns?: number;
    fullMipShare?: number;
    localShare?: number;
    lns?: Partial<LnsOptions>;
  },
): {
  assign: Int32Array;
  hard: number;
  soft: number;
  phases: { name: string; hard: number; soft: number; ms: number }[];
} {
  const t0 = opts.now();
  const phases: { name: string; hard: number; soft: number; ms: number }[] = [];
  const mark = (name: string, a: Int32Array): void => {
    const state = new RosterState(p, 1, a);
    phases.push({ name, hard: state.hard, soft: state.soft, ms: opts.now() - t0 });
  };
  const columns = p.agents.reduce((t, a) => t + a.allowed.reduce((u, x) => u + x, 0), 0);
  const fullMip = columns <= (opts.fullMipColumns ?? 2000);
  let assign = searchRoster(p, {
    seed: opts.seed,
    maxIterations: Number.MAX_SAFE_INTEGER,
    timeLimitMs: (opts.localShare ?? 0.1) * opts.timeLimitMs,
    now: opts.now,
    moves: { moveDay: 0, realign: 0 },
    // the whole-problem MIP gains from the best start; the sub-MIPs gain more from the time
    stopWhenStalled: !fullMip,
  }).assign;
  mark('late-acceptance', assign);
  if (fullMip) {
    const share = opts.fullMipShare ?? 0.3;
    assign = improveWithMip(p, assign, {
      highs: opts.highs,
      seed: opts.seed,
      timeLimitMs: share * opts.timeLimitMs,
      now: opts.now,
      agentsPerMove: p.agents.length,
      dayWindowShare: 0,
      subTimeLimitSeconds: (share * opts.timeLimitMs) / 1000,
      maxMoves: 1,
    }).assign;
    mark('full-mip', assign);
  }
  const left = opts.timeLimitMs - (opts.now() - t0);
  if (left > 500) {
    // agents per move: as many as keep a whole-horizon sub-MIP near 336 binaries, at least 3
    // (Curtois & Qu 5: 6 agents; 6 and 7: 4; the larger ones 3)
    const agentsPerMove = Math.max(3, Math.floor(336 / (p.days * p.types)));
    const lns: Partial<LnsOptions> = {
      agentsPerMove,
      subTimeLimitSeconds: 1,
      dayWindowShare: 0.6,
      windowDays: [4, 10],
      weekendShare: 0.3,
      mergeEveryMs: 8000,
      ...opts.lns,
    };
    const out = improveWithMip(p, assign, {
      highs: opts.highs,
      seed: opts.seed + 1,
      timeLimitMs: left,
      now: opts.now,
      ...lns,
    });
    assign = out.assign;
    mark(`lns (improved/tried: ${out.byKind})`, assign);
  }
  const state = new RosterState(p, 1, assign);
  return { assign, hard: state.hard, soft: state.soft, phases };
}
