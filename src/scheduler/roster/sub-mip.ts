import type { Highs } from 'highs';
import { WfmError } from '../../errors.js';
import { createHighsModel, ModelBuilder, type SparseModel } from '../mip/sparse-model.js';
import type { CoreProblem } from './problem.js';

/** A linear expression: column terms plus a constant (from fixed days). */
interface Lin {
  terms: [number, number][];
  constant: number;
}

/**
 * One sub-MIP over `agents` on days [d0, d1), or only those of them with `only[d] = 1` (so two
 * weekends can be freed together): every other agent-day is fixed and enters the constraints as a
 * constant. Every hard rule of the freed agents is a constraint (including across the window's
 * edges), the cover and preference costs are the objective, and the current rows are the warm
 * start. Returns the agents' new complete rows (each satisfying all of that agent's hard rules),
 * or null without a solution. Size: agents x free days x cell types binary columns.
 */
export function solveSubMip(
  p: CoreProblem,
  assign: Int32Array,
  agents: number[],
  d0: number,
  d1: number,
  highs: Highs,
  seconds: number,
  seed: number,
  only?: Uint8Array,
): Int32Array[] | null {
  const D = p.days;
  const inSet = new Set(agents);
  const free = (d: number): boolean => d >= d0 && d < d1 && (!only || only[d] === 1);
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
  const sum = (...parts: Lin[]): Lin => ({
    terms: parts.flatMap((x) => x.terms),
    constant: parts.reduce((t, x) => t + x.constant, 0),
  });
  const scale = (x: Lin, k: number): Lin => ({ terms: x.terms.map(([c, v]) => [c, v * k]), constant: x.constant * k });
  const R = p.rules;
  const start: number[] = [];
  const xByDay: [number, number][][][] = agents.map(() => Array.from({ length: D }, () => []));
  const cellCols: number[][] = p.cells.map(() => []);
  agents.forEach((e, ai) => {
    const ag = p.agents[e]!;
    for (let d = d0; d < d1; d++) {
      if (!free(d)) continue;
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
    if (!free(d)) continue;
    for (const c of p.cellsByDay[d]!) {
      const cell = p.cells[c]!;
      const under = addCol(cell.underWeight * R.coverUnder.weight, Infinity, false);
      const over = addCol(cell.overWeight * R.coverOver.weight, Infinity, false);
      const n = cellCols[c]!.reduce((t, col) => t + start[col]!, 0);
      const target = cell.required - fixed[c]!;
      start[under] = Math.max(0, target - n);
      start[over] = Math.max(0, n - target);
      addRow(target, target, {
        terms: [...cellCols[c]!.map((col) => [col, 1] as [number, number]), [under, 1], [over, -1]],
        constant: 0,
      });
    }
  }
  agents.forEach((e, ai) => {
    const ag = p.agents[e]!;
    const day = xByDay[ai]!;
    const cellAt = (d: number): number => assign[e * D + d]!;
    /** Worked indicator of day d. */
    const w = (d: number): Lin =>
      free(d)
        ? { terms: day[d]!.map(([col]) => [col, 1]), constant: 0 }
        : { terms: [], constant: cellAt(d) >= 0 ? 1 : 0 };
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
      if (Number.isFinite(lim))
        addRow(
          -Infinity,
          lim,
          weighted(0, D, (c) => (p.cells[c]!.type === t ? 1 : 0)),
        );
    }
    for (const win of ag.windows) {
      if (win.toDay <= d0 || win.fromDay >= d1) continue;
      addRow(
        win.minMinutes,
        win.maxMinutes,
        weighted(win.fromDay, win.toDay, (c) => p.cells[c]!.paidMinutes),
      );
      if (Number.isFinite(win.maxDays))
        addRow(
          -Infinity,
          win.maxDays,
          weighted(win.fromDay, win.toDay, () => 1),
        );
    }
    const K = ag.maxConsecutiveDays;
    if (Number.isFinite(K)) {
      for (let d = Math.max(0, d0 - K); d + K < D && d < d1; d++)
        addRow(-Infinity, K, sum(...Array.from({ length: K + 1 }, (_, j) => w(d + j))));
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
  cols.forEach((c, j) =>
    b.addCol(
      c.cost,
      0,
      c.hi,
      c.int,
      byCol[j]!.map((x) => x.row),
      byCol[j]!.map((x) => x.val),
    ),
  );
  const model = b.build();
  // integer costs (Curtois & Qu weights): stop once no better integer objective can exist
  const absoluteGap = cols.every((c) => Number.isInteger(c.cost)) ? 0.99 : 1e-6;
  const values = runSubMip(highs, model, {
    timeLimitSeconds: seconds,
    seed,
    absoluteGap,
    start: Float64Array.from(start),
  });
  if (!values) return null;
  return agents.map((e, ai) => {
    const row = assign.slice(e * D, (e + 1) * D);
    for (let d = d0; d < d1; d++) {
      if (!free(d)) continue;
      row[d] = -1;
      for (const [col, c] of xByDay[ai]![d]!) if (values[col]! > 0.5) row[d] = c;
    }
    return row;
  });
}

/**
 * Runs one roster sub-MIP on HiGHS with a warm start and an absolute gap: when every cost is an
 * integer, `absoluteGap` just under 1 stops HiGHS as soon as no better integer objective can exist
 * (the proof of the last unit is skipped). Returns the column values of the best solution found
 * (the start itself when HiGHS finds nothing better in time), or null when there is none.
 * The time limit is HiGHS's own clock, so results depend on machine speed.
 */
export function runSubMip(
  highs: Highs,
  m: SparseModel,
  opts: { timeLimitSeconds: number; seed: number; absoluteGap: number; start: Float64Array },
): Float64Array | null {
  if (m.numCols === 0) return new Float64Array(0);
  const model = createHighsModel(highs, m, true);
  try {
    model.options.set({
      output_flag: false,
      time_limit: opts.timeLimitSeconds,
      mip_rel_gap: 0,
      mip_abs_gap: opts.absoluteGap,
      random_seed: opts.seed,
    });
    model.setSolution({ colValue: opts.start });
    model.run();
    if (Number(model.info.get('primal_solution_status')) !== 2) return null;
    return model.getSolution().colValue;
  } catch (error) {
    throw new WfmError('WFM_ERR_SCHEDULER_SOLVER', `HiGHS failed: ${(error as Error).message}`, { cause: error });
  } finally {
    model.dispose();
  }
}
