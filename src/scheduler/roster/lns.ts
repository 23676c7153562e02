import type { Highs } from 'highs';
import { solveModel } from '../shift-plan/solve.js';
import { ModelBuilder } from '../shift-plan/sparse-model.js';
import type { CoreProblem } from './problem.js';
import { makeRng } from './rng.js';
import { searchRoster } from './search.js';
import { RosterState } from './state.js';

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
    (['maxConsecutiveDays', 'minConsecutiveDays', 'minConsecutiveDaysOff', 'maxWeekends', 'minMinutes', 'maxMinutes', 'maxDays', 'maxShiftsPerType', 'forbiddenSequence', 'minRest'] as const).every((k) => r[k].hard)
  );
}

/**
 * Large-neighbourhood search on HiGHS: repeatedly frees the rows of a few agents, or every agent
 * over a window of days (the rest stay fixed and enter as constants) and re-optimises them exactly as a small MIP with every hard rule as a constraint and the
 * cover and preference costs in the objective, warm-started from the current rows. Keeps a
 * change only when the full score improves (hard first, then soft). Needs `lnsApplicable(p)`.
 * Mutates and returns `assign`.
 */
export function improveWithMip(p: CoreProblem, assign: Int32Array, opts: LnsOptions): { assign: Int32Array; moves: number; improvements: number } {
  const start = opts.now();
  const rng = makeRng(opts.seed ^ 0x5bd1e995);
  const E = p.agents.length;
  const k = Math.min(E, opts.agentsPerMove ?? 6);
  const st = new RosterState(p, 1e6, assign);
  let moves = 0;
  let improvements = 0;
  // adaptive weights: a floor plus the recent (exponentially smoothed) rate of strict improvements
  const weight = KINDS.map(() => 1);
  while (opts.now() - start < opts.timeLimitMs - 200 && moves < (opts.maxMoves ?? Infinity)) {
    // neighbourhoods: a few agents over the whole horizon, or every agent over a window of days
    let kind: number;
    if (opts.adaptive) {
      const total = weight.reduce((t, x) => t + x, 0);
      let r = rng() * total;
      kind = 0;
      while (kind < KINDS.length - 1 && r >= weight[kind]!) r -= weight[kind++]!;
    } else kind = rng() < (opts.dayWindowShare ?? 0.5) ? 0 : rng() < 0.5 ? 1 : 2;
    const chosen = new Set<number>();
    let d0 = 0;
    let d1 = p.days;
    if (kind === 0 || kind === 3) {
      const [lo0, hi0] = Array.isArray(opts.windowDays) ? opts.windowDays : [opts.windowDays ?? 7, opts.windowDays ?? 7];
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
    const budget = Math.min(opts.subTimeLimitSeconds ?? 2, Math.max(0.05, (opts.timeLimitMs - (opts.now() - start)) / 1000 - 0.2));
    const rows = solveSub(p, st.assign, agents, d0, d1, opts.highs, budget, opts.seed + moves);
    moves++;
    if (!rows) {
      if (opts.adaptive) weight[kind] = FLOOR + 0.8 * (weight[kind]! - FLOOR);
      continue;
    }
    const before = { hard: st.hard, soft: st.soft };
    const saved = agents.map((e) => st.assign.slice(e * p.days, (e + 1) * p.days));
    agents.forEach((e, i) => st.assign.set(rows[i]!, e * p.days));
    st.recomputeAll();
    // equal scores are kept too (a sideways step lets the next neighbourhoods see a different roster)
    const improved = st.hard < before.hard - 1e-9 || (st.hard <= before.hard + 1e-9 && st.soft < before.soft - 1e-9);
    if (opts.adaptive) weight[kind] = FLOOR + 0.8 * (weight[kind]! - FLOOR) + (improved ? 0.2 : 0);
    if (improved) improvements++;
    else if (!(opts.acceptEqual !== false && st.hard <= before.hard + 1e-9 && st.soft <= before.soft + 1e-9)) {
      agents.forEach((e, i) => st.assign.set(saved[i]!, e * p.days));
      st.recomputeAll();
    }
  }
  assign.set(st.assign);
  return { assign, moves, improvements };
}

/** A linear expression: column terms plus a constant (from fixed days). */
interface Lin {
  terms: [number, number][];
  constant: number;
}

/**
 * One sub-MIP over `agents` on days [d0, d1) (everything else fixed, entering the constraints as
 * constants); returns the agents' new rows or null without a solution.
 */
function solveSub(p: CoreProblem, assign: Int32Array, agents: number[], d0: number, d1: number, highs: Highs, seconds: number, seed: number): Int32Array[] | null {
  const D = p.days;
  const inSet = new Set(agents);
  const free = (d: number): boolean => d >= d0 && d < d1;
  const fixed = new Int32Array(p.cells.length);
  for (let e = 0; e < p.agents.length; e++) {
    for (let d = 0; d < D; d++) {
      const c = assign[e * D + d]!;
      if (c >= 0 && !(inSet.has(e) && free(d))) fixed[c]!++;
    }
  }
  const entries: { row: number; col: number; val: number }[] = [];
  const b = new ModelBuilder();
  const cols: { cost: number; hi: number; int: boolean }[] = [];
  const addCol = (cost: number, hi = 1, int = true): number => cols.push({ cost, hi, int }) - 1;
  const addRow = (lo: number, hi: number, lin: Lin): void => {
    if (lin.terms.length === 0) return;
    const row = b.addRow(lo - lin.constant, hi - lin.constant);
    for (const [col, val] of lin.terms) entries.push({ row, col, val });
  };
  const sum = (...parts: Lin[]): Lin => ({ terms: parts.flatMap((x) => x.terms), constant: parts.reduce((t, x) => t + x.constant, 0) });
  const scale = (x: Lin, k: number): Lin => ({ terms: x.terms.map(([c, v]) => [c, v * k]), constant: x.constant * k });
  const R = p.rules;
  const start: number[] = [];
  const xByDay: [number, number][][][] = agents.map(() => Array.from({ length: D }, () => []));
  const cellCols: number[][] = p.cells.map(() => []);
  agents.forEach((e, ai) => {
    const ag = p.agents[e]!;
    for (let d = d0; d < d1; d++) {
      for (const c of p.cellsByDay[d]!) {
        if (!ag.allowed[c]) continue;
        const col = addCol(R.preference.weight * (ag.workCost[c]! - ag.offCost[d]!));
        start[col] = assign[e * D + d] === c ? 1 : 0;
        xByDay[ai]![d]!.push([col, c]);
        cellCols[c]!.push(col);
      }
    }
  });
  for (let d = d0; d < d1; d++) {
    for (const c of p.cellsByDay[d]!) {
      const cell = p.cells[c]!;
      const under = addCol(cell.underWeight * R.coverUnder.weight, Infinity, false);
      const over = addCol(cell.overWeight * R.coverOver.weight, Infinity, false);
      const n = cellCols[c]!.reduce((t, col) => t + start[col]!, 0);
      const target = cell.required - fixed[c]!;
      start[under] = Math.max(0, target - n);
      start[over] = Math.max(0, n - target);
      addRow(target, target, { terms: [...cellCols[c]!.map((col) => [col, 1] as [number, number]), [under, 1], [over, -1]], constant: 0 });
    }
  }
  agents.forEach((e, ai) => {
    const ag = p.agents[e]!;
    const day = xByDay[ai]!;
    const cellAt = (d: number): number => assign[e * D + d]!;
    /** Worked indicator of day d. */
    const w = (d: number): Lin => (free(d) ? { terms: day[d]!.map(([col]) => [col, 1]), constant: 0 } : { terms: [], constant: cellAt(d) >= 0 ? 1 : 0 });
    /** Sum over days d of a per-cell coefficient. */
    const weighted = (from: number, to: number, coef: (c: number) => number): Lin => {
      const lin: Lin = { terms: [], constant: 0 };
      for (let d = from; d < to; d++) {
        if (free(d)) for (const [col, c] of day[d]!) lin.terms.push([col, coef(c)]);
        else if (cellAt(d) >= 0) lin.constant += coef(cellAt(d));
      }
      return lin;
    };
    for (let d = d0; d < d1; d++) if (day[d]!.length > 1) addRow(-Infinity, 1, w(d));
    // forbidden successions and rest, including across the window's edges
    for (let d = Math.max(0, d0 - 1); d < Math.min(D - 1, d1); d++) {
      const left: [number, number][] = free(d) ? day[d]! : cellAt(d) >= 0 ? [[-1, cellAt(d)]] : [];
      const right: [number, number][] = free(d + 1) ? day[d + 1]! : cellAt(d + 1) >= 0 ? [[-1, cellAt(d + 1)]] : [];
      for (const [c1, cell1] of left) {
        const a = p.cells[cell1]!;
        for (const [c2, cell2] of right) {
          const bb = p.cells[cell2]!;
          const ff = p.forbiddenFollow && p.forbiddenFollow[a.type * p.types + bb.type];
          const rest = p.minRestMinutes > 0 && bb.startMinute - a.endMinute < p.minRestMinutes;
          if (!ff && !rest) continue;
          const terms: [number, number][] = [];
          let constant = 0;
          for (const col of [c1, c2]) {
            if (col >= 0) terms.push([col, 1]);
            else constant++;
          }
          addRow(-Infinity, 1, { terms, constant });
        }
      }
    }
    for (let t = 0; t < p.types; t++) {
      const lim = ag.maxPerType[t] ?? Infinity;
      if (Number.isFinite(lim)) addRow(-Infinity, lim, weighted(0, D, (c) => (p.cells[c]!.type === t ? 1 : 0)));
    }
    for (const win of ag.windows) {
      if (win.toDay <= d0 || win.fromDay >= d1) continue;
      addRow(win.minMinutes, win.maxMinutes, weighted(win.fromDay, win.toDay, (c) => p.cells[c]!.paidMinutes));
      if (Number.isFinite(win.maxDays)) addRow(-Infinity, win.maxDays, weighted(win.fromDay, win.toDay, () => 1));
    }
    const K = ag.maxConsecutiveDays;
    if (Number.isFinite(K)) {
      for (let d = Math.max(0, d0 - K); d + K < D && d < d1; d++) addRow(-Infinity, K, sum(...Array.from({ length: K + 1 }, (_, j) => w(d + j))));
    }
    // sequences strictly inside the horizon: no work run of s < min, no rest run of s < minOff
    const span = Math.max(ag.minConsecutiveDays, ag.minConsecutiveDaysOff);
    for (let s = 1; s < span; s++) {
      for (let d = Math.max(0, d0 - s - 1); d + s + 1 < D && d < d1; d++) {
        const inner = sum(...Array.from({ length: s }, (_, j) => w(d + 1 + j)));
        if (s < ag.minConsecutiveDays) addRow(-Infinity, s - 1, sum(scale(w(d), -1), inner, scale(w(d + s + 1), -1)));
        if (s < ag.minConsecutiveDaysOff) addRow(-Infinity, 1, sum(w(d), scale(inner, -1), w(d + s + 1)));
      }
    }
    if (Number.isFinite(ag.maxWeekends)) {
      const byWeekend = new Map<number, number[]>();
      for (let d = 0; d < D; d++) {
        const wk = p.weekendOfDay[d]!;
        if (wk >= 0) byWeekend.set(wk, [...(byWeekend.get(wk) ?? []), d]);
      }
      const total: Lin = { terms: [], constant: 0 };
      for (const days of byWeekend.values()) {
        if (days.every((d) => !free(d))) {
          if (days.some((d) => cellAt(d) >= 0)) total.constant++;
          continue;
        }
        if (days.some((d) => !free(d) && cellAt(d) >= 0)) {
          total.constant++;
          continue;
        }
        const y = addCol(0);
        start[y] = days.some((d) => cellAt(d) >= 0) ? 1 : 0;
        total.terms.push([y, 1]);
        for (const d of days) addRow(-Infinity, 0, sum(w(d), { terms: [[y, -1]], constant: 0 }));
      }
      addRow(-Infinity, ag.maxWeekends, total);
    }
  });
  const byCol: { row: number; val: number }[][] = cols.map(() => []);
  for (const en of entries) byCol[en.col]!.push({ row: en.row, val: en.val });
  cols.forEach((c, j) => b.addCol(c.cost, 0, c.hi, c.int, byCol[j]!.map((x) => x.row), byCol[j]!.map((x) => x.val)));
  const model = b.build();
  const out = solveModel(highs, model, { integer: true, timeLimitSeconds: seconds, relativeGap: 0, seed, start: Float64Array.from(start) });
  if (!out.values) return null;
  const values = out.values;
  return agents.map((e, ai) => {
    const row = assign.slice(e * D, (e + 1) * D);
    for (let d = d0; d < d1; d++) {
      row[d] = -1;
      for (const [col, c] of xByDay[ai]![d]!) if (values[col]! > 0.5) row[d] = c;
    }
    return row;
  });
}

/**
 * Local search, then HiGHS: late acceptance for 10 % of the time; when the whole problem is small
 * (at most `fullMipColumns` assignment columns) one MIP over everything, warm-started, for 45 %;
 * then large-neighbourhood sub-MIPs for the rest (`lns: { adaptive: true }` picks the
 * neighbourhood kind by its recent improvement rate). Needs `lnsApplicable(p)`. Deterministic only
 * up to the solver's time limits (HiGHS stops on its own clock).
 */
export function hybridSearch(
  p: CoreProblem,
  opts: { highs: Highs; seed: number; timeLimitMs: number; now: () => number; fullMipColumns?: number; lns?: Partial<LnsOptions> },
): { assign: Int32Array; hard: number; soft: number; phases: { name: string; hard: number; soft: number; ms: number }[] } {
  const t0 = opts.now();
  const phases: { name: string; hard: number; soft: number; ms: number }[] = [];
  const mark = (name: string, a: Int32Array): void => {
    const st = new RosterState(p, 1, a);
    phases.push({ name, hard: st.hard, soft: st.soft, ms: opts.now() - t0 });
  };
  const ls = searchRoster(p, { seed: opts.seed, maxIterations: Number.MAX_SAFE_INTEGER, timeLimitMs: 0.1 * opts.timeLimitMs, now: opts.now, moves: { moveDay: 0, realign: 0 } });
  let assign = ls.assign;
  mark('late-acceptance', assign);
  const columns = p.agents.reduce((t, a) => t + a.allowed.reduce((u, x) => u + x, 0), 0);
  if (columns <= (opts.fullMipColumns ?? 2000)) {
    assign = improveWithMip(p, assign, { highs: opts.highs, seed: opts.seed, timeLimitMs: 0.45 * opts.timeLimitMs, now: opts.now, agentsPerMove: p.agents.length, dayWindowShare: 0, subTimeLimitSeconds: (0.45 * opts.timeLimitMs) / 1000, maxMoves: 1 }).assign;
    mark('full-mip', assign);
  }
  const left = opts.timeLimitMs - (opts.now() - t0);
  if (left > 500) {
    assign = improveWithMip(p, assign, { highs: opts.highs, seed: opts.seed + 1, timeLimitMs: left, now: opts.now, agentsPerMove: 3, subTimeLimitSeconds: 1, dayWindowShare: 0.6, windowDays: [4, 10], ...opts.lns }).assign;
    mark('lns', assign);
  }
  const st = new RosterState(p, 1, assign);
  return { assign, hard: st.hard, soft: st.soft, phases };
}
