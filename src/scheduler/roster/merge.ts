import type { Highs } from 'highs';
import { solveModel } from '../mip/solve.js';
import { ModelBuilder } from '../mip/sparse-model.js';
import type { CoreProblem } from './problem.js';

/**
 * A pool of complete, individually feasible agent rows (one day -> cell or -1 array per row),
 * collected while searching: every row a sub-MIP returns satisfies all of that agent's hard
 * rules, whether or not the move around it was kept. Capped per agent (oldest rows leave first,
 * the rows of the current roster are re-added before each merge).
 */
export class RowPool {
  private readonly rows: Map<string, Int32Array>[];

  constructor(
    readonly p: CoreProblem,
    readonly capPerAgent = 400,
  ) {
    this.rows = p.agents.map(() => new Map());
  }

  /** Adds agent `e`'s row (a copy), moving it to the newest end when already present. */
  add(e: number, row: Int32Array): void {
    const m = this.rows[e]!;
    const key = row.join(',');
    if (m.has(key)) m.delete(key);
    m.set(key, Int32Array.from(row));
    if (m.size > this.capPerAgent) m.delete(m.keys().next().value as string);
  }

  /** Adds every agent's row of `assign`. */
  addRoster(assign: Int32Array): void {
    const dayCount = this.p.days;
    for (let e = 0; e < this.p.agents.length; e++) this.add(e, assign.subarray(e * dayCount, (e + 1) * dayCount));
  }

  /** Rows held for agent `e`. */
  of(e: number): Int32Array[] {
    return [...this.rows[e]!.values()];
  }

  get size(): number {
    return this.rows.reduce((t, m) => t + m.size, 0);
  }
}

/**
 * Solution merging: one set-partitioning MIP that picks one pooled row per agent, minimising the
 * cover under/over costs plus the rows' preference costs (the whole soft score when every other
 * rule is hard, as `lnsApplicable` requires), warm-started from `assign` (whose rows must be in
 * the pool). Returns the merged roster, or null when HiGHS finds no solution in `seconds`.
 * Size: pooled rows + 2 x cells columns, agents + cells rows.
 */
export function mergeRows(
  p: CoreProblem,
  pool: RowPool,
  assign: Int32Array,
  highs: Highs,
  seconds: number,
  seed: number,
): Int32Array | null {
  const dayCount = p.days;
  const agentCount = p.agents.length;
  const rules = p.rules;
  const b = new ModelBuilder();
  const agentRow = p.agents.map(() => b.addRow(1, 1));
  const cover = new Int32Array(p.cells.length);
  for (const c of assign) if (c >= 0) cover[c]!++;
  const cellRow = p.cells.map((cell) => b.addRow(cell.required, cell.required));
  const start: number[] = [];
  const picks: { e: number; row: Int32Array }[] = [];
  for (let e = 0; e < agentCount; e++) {
    const agent = p.agents[e]!;
    const current = assign.subarray(e * dayCount, (e + 1) * dayCount).join(',');
    for (const row of pool.of(e)) {
      let cost = 0;
      const rows = [agentRow[e]!];
      for (let d = 0; d < dayCount; d++) {
        const c = row[d]!;
        if (c >= 0) {
          cost += agent.workCost[c]!;
          rows.push(cellRow[c]!);
        } else cost += agent.offCost[d]!;
      }
      b.addCol(
        rules.preference.weight * cost,
        0,
        1,
        true,
        rows,
        rows.map(() => 1),
      );
      start.push(row.join(',') === current ? 1 : 0);
      picks.push({ e, row });
    }
  }
  p.cells.forEach((cell, c) => {
    b.addCol(cell.underWeight * rules.coverUnder.weight, 0, Infinity, false, [cellRow[c]!], [1]);
    start.push(Math.max(0, cell.required - cover[c]!));
    b.addCol(cell.overWeight * rules.coverOver.weight, 0, Infinity, false, [cellRow[c]!], [-1]);
    start.push(Math.max(0, cover[c]! - cell.required));
  });
  const out = solveModel(highs, b.build(), {
    integer: true,
    timeLimitSeconds: seconds,
    relativeGap: 0,
    seed,
    start: Float64Array.from(start),
  });
  if (!out.values) return null;
  const merged = Int32Array.from(assign);
  const chosen = new Uint8Array(agentCount);
  picks.forEach((pk, j) => {
    if ((out.values?.[j] ?? 0) > 0.5 && !chosen[pk.e]) {
      chosen[pk.e] = 1;
      merged.set(pk.row, pk.e * dayCount);
    }
  });
  return chosen.every((x) => x === 1) ? merged : null;
}
