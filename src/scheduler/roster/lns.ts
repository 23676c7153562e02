import type { Highs } from 'highs';
import type { CoreProblem } from './problem.js';
import { mergeRows, RowPool } from './merge.js';
import { makeRng } from './rng.js';
import { searchRoster } from './search.js';
import { RosterState } from './state.js';
import { solveSubMip } from './sub-mip.js';

export interface LnsOptions {
  highs: Highs;
  seed: number;
  timeLimitMs: number;
  now: () => number;
  /** Agents re-optimised together in one sub-MIP (default 6). */
  agentsPerMove?: number;
  /** HiGHS time limit per sub-MIP, seconds (default 2). */
  subTimeLimitSeconds?: number;
  /** Share of sub-MIPs that free every agent (or `agentsPerWindow`) over a window of days (default 0.5). */
  dayWindowShare?: number;
  /** Days in a window: a number, or [min, max] drawn uniformly (default 7). */
  windowDays?: number | [number, number];
  agentsPerWindow?: number;
  /** Keep equal-score sub-MIP results (default true). */
  acceptEqual?: boolean;
  /** Share of sub-MIPs over two weekends (each with its Friday and Monday) for every agent (default 0). */
  weekendShare?: number;
  /** Agents freed in a weekend move (default: all, or at least half keeping it near 1000 binaries). */
  weekendAgents?: number;
  /** Days freed before and after each weekend day (default 2 on small instances, else 1). */
  weekendPad?: number;
  /** Weekends freed together (default: as many as keep the sub-MIP near 900 binaries, at least 2). */
  weekendsPerMove?: number;
  /**
   * Every so many ms, one set-partitioning MIP recombines the agent rows the sub-MIPs have
   * produced (see `mergeRows`); 0 = never (default).
   */
  mergeEveryMs?: number;
  /** HiGHS time limit of a merge, seconds (default 3). */
  mergeSeconds?: number;
  /** Rows kept per agent for merging (default 400). */
  poolPerAgent?: number;
  /** Cap on sub-MIPs (default unlimited). */
  maxMoves?: number;
  /**
   * Choose among the neighbourhoods (day window over `agentsPerWindow` agents, a run of agents,
   * random agents, a double-length window over half the agents) by how often each has improved
   * lately instead of the fixed `dayWindowShare` (default false: on Curtois & Qu, 60 s, it took
   * instance 7 from 1156 to 1066 and 8 from 1747 to 1674-1658, but 6 from 2138 to 2236, 9 from
   * 472 to 491 and 12 from 5677 to 6248, measured one instance at a time).
   */
  adaptive?: boolean;
}

/** Neighbourhood kinds the adaptive LNS chooses among. */
const KINDS = ['days', 'agentRun', 'agentRandom', 'halfLong'] as const;
/** Kinds outside the adaptive choice: two weekends for every agent, and repairing hard violations. */
const WEEKENDS = 5;
const REPAIR = 6;
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
 * over a window of days (the rest stay fixed and enter as constants) and re-optimises them exactly as a small MIP with every hard rule as a constraint and the
 * cover and preference costs in the objective, warm-started from the current rows. Keeps a
 * change only when the full score improves (hard first, then soft). Needs `lnsApplicable(p)`.
 * Mutates and returns `assign`.
 */
export function improveWithMip(
  p: CoreProblem,
  assign: Int32Array,
  opts: LnsOptions,
): { assign: Int32Array; moves: number; improvements: number; byKind: string } {
  const start = opts.now();
  const rng = makeRng(opts.seed ^ 0x5bd1e995);
  const E = p.agents.length;
  const k = Math.min(E, opts.agentsPerMove ?? 6);
  const st = new RosterState(p, 1e6, assign);
  let moves = 0;
  let improvements = 0;
  // sub-MIPs and strict improvements per kind (days, agentRun, agentRandom, halfLong, -, weekends, repair, -, merge)
  const tried = new Int32Array(9);
  const won = new Int32Array(9);
  // adaptive weights: a floor plus the recent (exponentially smoothed) rate of strict improvements
  const weight = KINDS.map(() => 1);
  const pool = opts.mergeEveryMs ? new RowPool(p, opts.poolPerAgent ?? 400) : null;
  pool?.addRoster(st.assign);
  let nextMerge = start + (opts.mergeEveryMs ?? 0);
  const weekendDays: number[][] = [];
  for (let d = 0; d < p.days; d++) {
    const wk = p.weekendOfDay[d]!;
    if (wk >= 0) (weekendDays[wk] ??= []).push(d);
  }
  for (let i = weekendDays.length - 1; i >= 0; i--) if (!weekendDays[i]) weekendDays.splice(i, 1);
  while (opts.now() - start < opts.timeLimitMs - 200 && moves < (opts.maxMoves ?? Infinity)) {
    if (pool && opts.now() >= nextMerge) {
      // recombine the pooled rows; kept only when strictly better
      pool.addRoster(st.assign);
      const left = (opts.timeLimitMs - (opts.now() - start)) / 1000 - 0.2;
      const merged =
        left > 0.1
          ? mergeRows(p, pool, st.assign, opts.highs, Math.min(opts.mergeSeconds ?? 3, left), opts.seed + moves)
          : null;
      if (merged) {
        const trial = new RosterState(p, 1e6, merged);
        if (trial.hard <= st.hard + 1e-9 && trial.soft < st.soft - 1e-9) {
          st.assign.set(merged);
          st.recomputeAll();
          improvements++;
          won[8]!++;
        }
      }
      tried[8]!++;
      nextMerge = opts.now() + (opts.mergeEveryMs ?? 0);
    }
    // neighbourhoods: a few agents over the whole horizon, every agent over a window of days, or
    // every agent over two weekends
    let kind: number;
    if (opts.adaptive) {
      const total = weight.reduce((t, x) => t + x, 0);
      let r = rng() * total;
      kind = 0;
      while (kind < KINDS.length - 1 && r >= weight[kind]!) r -= weight[kind++]!;
    } else
      kind =
        rng() < (opts.weekendShare ?? 0) ? WEEKENDS : rng() < (opts.dayWindowShare ?? 0.5) ? 0 : rng() < 0.5 ? 1 : 2;
    if (kind === WEEKENDS && weekendDays.length < 2) kind = 0;
    const chosen = new Set<number>();
    let d0 = 0;
    let d1 = p.days;
    let only: Uint8Array | undefined;
    if (st.hard > 1e-9) {
      // repair first: agents breaking a hard rule, over the whole horizon (fixed days cannot fix them)
      kind = REPAIR;
      const broken = Array.from({ length: E }, (_, e) => e).filter((e) => st.agentHard[e]! > 1e-9);
      while (chosen.size < Math.min(k, broken.length)) chosen.add(broken[Math.floor(rng() * broken.length)]!);
      while (chosen.size < k) chosen.add(Math.floor(rng() * E));
    } else if (kind === WEEKENDS) {
      // every agent (or `weekendAgents`) over two weekends, each with the day before and after:
      // who works which weekend is decided jointly
      // default: Thursday to Tuesday (pad 2) when two such weekends stay near 900 binaries, else Friday to Monday
      const pad = opts.weekendPad ?? (E * 12 * p.types <= 1080 ? 2 : 1);
      const picked = new Set<number>();
      // default: as many weekends as keep the sub-MIP near 900 binary columns, at least two
      const perWeekend = E * (2 + 2 * pad) * p.types;
      // (or three when two already pass 900 and three stay within 1440: Curtois & Qu 8, where three
      // gave 1362, 1357, 1366 in 60 s against 1437-1463 with two)
      const fit = Math.floor(900 / perWeekend);
      const howMany = Math.min(
        weekendDays.length,
        opts.weekendsPerMove ?? (fit >= 2 ? fit : 3 * perWeekend <= 1440 ? 3 : 2),
      );
      while (picked.size < howMany) picked.add(Math.floor(rng() * weekendDays.length));
      only = new Uint8Array(p.days);
      for (const w of picked)
        for (const d of weekendDays[w]!)
          for (let dd = d - pad; dd <= d + pad; dd++) if (dd >= 0 && dd < p.days) only[dd] = 1;
      d0 = only.indexOf(1);
      d1 = only.lastIndexOf(1) + 1;
      // default: every agent, or on large instances as many (at least half) as keep it near 1000 binaries
      const freeDays = only.reduce((t, x) => t + x, 0);
      const many = Math.min(
        E,
        opts.weekendAgents ?? Math.max(Math.ceil(E / 2), Math.floor(1000 / (freeDays * p.types))),
      );
      while (chosen.size < many) chosen.add(Math.floor(rng() * E));
    } else if (kind === 0 || kind === 3) {
      const [lo0, hi0] = Array.isArray(opts.windowDays)
        ? opts.windowDays
        : [opts.windowDays ?? 7, opts.windowDays ?? 7];
      const [lo, hi] = kind === 3 ? [2 * lo0, 2 * hi0] : [lo0, hi0];
      const len = Math.min(p.days, lo + Math.floor(rng() * (hi - lo + 1)));
      d0 = Math.floor(rng() * (p.days - len + 1));
      d1 = d0 + len;
      const many = kind === 3 ? Math.max(1, Math.ceil(E / 2)) : Math.min(E, opts.agentsPerWindow ?? E);
      if (kind === 3) while (chosen.size < many) chosen.add(Math.floor(rng() * E));
      else {
        const first = Math.floor(rng() * E);
        for (let i = 0; chosen.size < many; i++) chosen.add((first + i) % E);
      }
    } else if (kind === 1) {
      const first = Math.floor(rng() * E);
      for (let i = 0; chosen.size < k; i++) chosen.add((first + i) % E);
    } else while (chosen.size < k) chosen.add(Math.floor(rng() * E));
    const agents = [...chosen].sort((a, b) => a - b);
    const budget = Math.min(
      opts.subTimeLimitSeconds ?? 2,
      Math.max(0.05, (opts.timeLimitMs - (opts.now() - start)) / 1000 - 0.2),
    );
    const rows = solveSubMip(p, st.assign, agents, d0, d1, opts.highs, budget, opts.seed + moves, only);
    moves++;
    tried[kind]!++;
    if (rows && pool) agents.forEach((e, i) => pool.add(e, rows[i]!));
    if (!rows) {
      if (opts.adaptive && kind < KINDS.length) weight[kind] = FLOOR + 0.8 * (weight[kind]! - FLOOR);
      continue;
    }
    const before = { hard: st.hard, soft: st.soft };
    const saved = agents.map((e) => st.assign.slice(e * p.days, (e + 1) * p.days));
    agents.forEach((e, i) => st.assign.set(rows[i]!, e * p.days));
    st.recomputeAll();
    // equal scores are kept too (a sideways step lets the next neighbourhoods see a different roster)
    const improved = st.hard < before.hard - 1e-9 || (st.hard <= before.hard + 1e-9 && st.soft < before.soft - 1e-9);
    if (opts.adaptive && kind < KINDS.length)
      weight[kind] = FLOOR + 0.8 * (weight[kind]! - FLOOR) + (improved ? 0.2 : 0);
    if (improved) {
      improvements++;
      won[kind]!++;
    } else if (!(opts.acceptEqual !== false && st.hard <= before.hard + 1e-9 && st.soft <= before.soft + 1e-9)) {
      agents.forEach((e, i) => st.assign.set(saved[i]!, e * p.days));
      st.recomputeAll();
    }
  }
  assign.set(st.assign);
  const names = ['days', 'run', 'random', 'long', '', 'weekends', 'repair', '', 'merge'];
  const byKind = names.flatMap((n, i) => (tried[i] ? [`${n} ${won[i]}/${tried[i]}`] : [])).join(' ');
  return { assign, moves, improvements, byKind };
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
    const st = new RosterState(p, 1, a);
    phases.push({ name, hard: st.hard, soft: st.soft, ms: opts.now() - t0 });
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
  const st = new RosterState(p, 1, assign);
  return { assign, hard: st.hard, soft: st.soft, phases };
}
