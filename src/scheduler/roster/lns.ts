import type { Highs } from 'highs';
import { solveModel } from '../shift-plan/solve.js';
import { ModelBuilder } from '../shift-plan/sparse-model.js';
import type { CoreProblem } from './problem.js';
import { makeRng } from './rng.js';
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
  /** Cap on sub-MIPs (default unlimited). */
  maxMoves?: number;
}

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
 * Large-neighbourhood search on HiGHS: repeatedly frees the rows of a few agents (the rest stay
 * fixed) and re-optimises them exactly as a small MIP with every hard rule as a constraint and the
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
  while (opts.now() - start < opts.timeLimitMs - 200 && moves < (opts.maxMoves ?? Infinity)) {
    // a random window of agents, or random agents: both give the MIP room to trade shifts
    const chosen = new Set<number>();
    if (rng() < 0.5) {
      const first = Math.floor(rng() * E);
      for (let i = 0; chosen.size < k; i++) chosen.add((first + i) % E);
    } else while (chosen.size < k) chosen.add(Math.floor(rng() * E));
    const agents = [...chosen].sort((a, b) => a - b);
    const budget = Math.min(opts.subTimeLimitSeconds ?? 2, Math.max(0.05, (opts.timeLimitMs - (opts.now() - start)) / 1000 - 0.2));
    const rows = solveSub(p, st.assign, agents, opts.highs, budget, opts.seed + moves);
    moves++;
    if (!rows) continue;
    const before = { hard: st.hard, soft: st.soft };
    const saved = agents.map((e) => st.assign.slice(e * p.days, (e + 1) * p.days));
    agents.forEach((e, i) => st.assign.set(rows[i]!, e * p.days));
    st.recomputeAll();
    if (st.hard < before.hard - 1e-9 || (st.hard <= before.hard + 1e-9 && st.soft < before.soft - 1e-9)) improvements++;
    else {
      agents.forEach((e, i) => st.assign.set(saved[i]!, e * p.days));
      st.recomputeAll();
    }
  }
  assign.set(st.assign);
  return { assign, moves, improvements };
}

/** One sub-MIP over `agents` (others fixed); returns their new rows or null without a solution. */
function solveSub(p: CoreProblem, assign: Int32Array, agents: number[], highs: Highs, seconds: number, seed: number): Int32Array[] | null {
  const D = p.days;
  const inSet = new Set(agents);
  const fixed = new Int32Array(p.cells.length);
  for (let e = 0; e < p.agents.length; e++) {
    if (inSet.has(e)) continue;
    for (let d = 0; d < D; d++) {
      const c = assign[e * D + d]!;
      if (c >= 0) fixed[c]!++;
    }
  }
  const entries: { row: number; col: number; val: number }[] = [];
  const b = new ModelBuilder();
  const cols: { cost: number; lo: number; hi: number; int: boolean }[] = [];
  const addCol = (cost: number, hi = 1, int = true): number => cols.push({ cost, lo: 0, hi, int }) - 1;
  const addRow = (lo: number, hi: number, terms: [number, number][]): void => {
    const row = b.addRow(lo, hi);
    for (const [col, val] of terms) entries.push({ row, col, val });
  };
  const R = p.rules;
  const start: number[] = [];
  // x[a][c] for allowed cells; xByDay[a][d] lists [col, cell]
  const xByDay: [number, number][][][] = agents.map(() => Array.from({ length: D }, () => []));
  const cellCols: number[][] = p.cells.map(() => []);
  agents.forEach((e, ai) => {
    const ag = p.agents[e]!;
    for (let c = 0; c < p.cells.length; c++) {
      if (!ag.allowed[c]) continue;
      const cell = p.cells[c]!;
      const col = addCol(R.preference.weight * (ag.workCost[c]! - ag.offCost[cell.day]!));
      start[col] = assign[e * D + cell.day] === c ? 1 : 0;
      xByDay[ai]![cell.day]!.push([col, c]);
      cellCols[c]!.push(col);
    }
  });
  // cover slacks
  p.cells.forEach((cell, c) => {
    const under = addCol(cell.underWeight * R.coverUnder.weight, Infinity, false);
    const over = addCol(cell.overWeight * R.coverOver.weight, Infinity, false);
    const n = cellCols[c]!.reduce((t, col) => t + start[col]!, 0);
    const target = cell.required - fixed[c]!;
    start[under] = Math.max(0, target - n);
    start[over] = Math.max(0, n - target);
    addRow(target, target, [...cellCols[c]!.map((col) => [col, 1] as [number, number]), [under, 1], [over, -1]]);
  });
  agents.forEach((e, ai) => {
    const ag = p.agents[e]!;
    const day = xByDay[ai]!;
    const w = (d: number): [number, number][] => day[d]!.map(([col]) => [col, 1]);
    for (let d = 0; d < D; d++) if (day[d]!.length > 1) addRow(-Infinity, 1, w(d));
    // forbidden successions and rest
    for (let d = 0; d + 1 < D; d++) {
      for (const [c1, cell1] of day[d]!) {
        const a = p.cells[cell1]!;
        for (const [c2, cell2] of day[d + 1]!) {
          const bb = p.cells[cell2]!;
          const ff = p.forbiddenFollow && p.forbiddenFollow[a.type * p.types + bb.type];
          const rest = p.minRestMinutes > 0 && bb.startMinute - a.endMinute < p.minRestMinutes;
          if (ff || rest) addRow(-Infinity, 1, [[c1, 1], [c2, 1]]);
        }
      }
    }
    for (let t = 0; t < p.types; t++) {
      const lim = ag.maxPerType[t] ?? Infinity;
      if (!Number.isFinite(lim)) continue;
      const terms: [number, number][] = [];
      for (let d = 0; d < D; d++) for (const [col, c] of day[d]!) if (p.cells[c]!.type === t) terms.push([col, 1]);
      if (terms.length > lim) addRow(-Infinity, lim, terms);
    }
    for (const win of ag.windows) {
      const mins: [number, number][] = [];
      const days: [number, number][] = [];
      for (let d = win.fromDay; d < win.toDay; d++) {
        for (const [col, c] of day[d]!) {
          mins.push([col, p.cells[c]!.paidMinutes]);
          days.push([col, 1]);
        }
      }
      addRow(win.minMinutes, win.maxMinutes, mins);
      if (Number.isFinite(win.maxDays)) addRow(-Infinity, win.maxDays, days);
    }
    const K = ag.maxConsecutiveDays;
    if (Number.isFinite(K)) for (let d = 0; d + K < D; d++) addRow(-Infinity, K, Array.from({ length: K + 1 }, (_, j) => w(d + j)).flat());
    // sequences strictly inside the horizon: no work run of s < min, no rest run of s < minOff
    for (let s = 1; s < ag.minConsecutiveDays; s++) {
      for (let d = 0; d + s + 1 < D; d++) {
        const terms = [...w(d).map(([c]) => [c, -1] as [number, number]), ...Array.from({ length: s }, (_, j) => w(d + 1 + j)).flat(), ...w(d + s + 1).map(([c]) => [c, -1] as [number, number])];
        addRow(-Infinity, s - 1, terms);
      }
    }
    for (let s = 1; s < ag.minConsecutiveDaysOff; s++) {
      for (let d = 0; d + s + 1 < D; d++) {
        const terms = [...w(d), ...Array.from({ length: s }, (_, j) => w(d + 1 + j).map(([c]) => [c, -1] as [number, number])).flat(), ...w(d + s + 1)];
        addRow(-Infinity, 1, terms);
      }
    }
    if (Number.isFinite(ag.maxWeekends)) {
      const byWeekend = new Map<number, number[]>();
      for (let d = 0; d < D; d++) {
        const wk = p.weekendOfDay[d]!;
        if (wk >= 0) byWeekend.set(wk, [...(byWeekend.get(wk) ?? []), d]);
      }
      const wkCols: [number, number][] = [];
      for (const days of byWeekend.values()) {
        const y = addCol(0);
        start[y] = days.some((d) => assign[e * D + d]! >= 0) ? 1 : 0;
        wkCols.push([y, 1]);
        for (const d of days) addRow(-Infinity, 0, [...w(d), [y, -1]]);
      }
      if (wkCols.length > ag.maxWeekends) addRow(-Infinity, ag.maxWeekends, wkCols);
    }
  });
  const byCol: { row: number; val: number }[][] = cols.map(() => []);
  for (const en of entries) byCol[en.col]!.push({ row: en.row, val: en.val });
  cols.forEach((c, j) => b.addCol(c.cost, c.lo, c.hi, c.int, byCol[j]!.map((x) => x.row), byCol[j]!.map((x) => x.val)));
  const model = b.build();
  const out = solveModel(highs, model, { integer: true, timeLimitSeconds: seconds, relativeGap: 0, seed, start: Float64Array.from(start) });
  if (!out.values) return null;
  const values = out.values;
  return agents.map((_, ai) => {
    const row = new Int32Array(D).fill(-1);
    for (let d = 0; d < D; d++) for (const [col, c] of xByDay[ai]![d]!) if (values[col]! > 0.5) row[d] = c;
    return row;
  });
}
