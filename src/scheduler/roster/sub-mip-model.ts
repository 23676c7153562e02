import { ModelBuilder, type SparseModel } from '../mip/sparse-model.js';
import type { CoreProblem } from './problem.js';

/** A linear expression: column terms plus a constant (from fixed days). */
export interface Lin {
  terms: [number, number][];
  constant: number;
}

export function sumLin(...parts: Lin[]): Lin {
  return { terms: parts.flatMap((x) => x.terms), constant: parts.reduce((t, x) => t + x.constant, 0) };
}

export function scaleLin(x: Lin, k: number): Lin {
  return { terms: x.terms.map(([c, v]) => [c, v * k]), constant: x.constant * k };
}

/**
 * The sub-MIP under construction: the freed agents (`agents`) on the free days of [fromDay, toDay)
 * (or only those with `only[d] = 1`), every other agent-day fixed from `assign`. Columns are
 * collected with their warm-start values; rows take a `Lin` whose constant moves to the bounds.
 */
export class SubMipModel {
  readonly start: number[] = [];
  /** Per freed agent (by position in `agents`) and day: [column, cell] of each cell it may work. */
  readonly workCols: [number, number][][][];
  /** Agents of the roster on each cell on fixed agent-days. */
  readonly fixedCover: Int32Array;
  private readonly cols: { cost: number; hi: number; int: boolean }[] = [];
  private readonly entries: { row: number; col: number; val: number }[] = [];
  private readonly builder = new ModelBuilder();

  constructor(
    readonly problem: CoreProblem,
    readonly assign: Int32Array,
    readonly agents: number[],
    readonly fromDay: number,
    readonly toDay: number,
    private readonly only?: Uint8Array,
  ) {
    const dayCount = problem.days;
    const freed = new Set(agents);
    this.fixedCover = new Int32Array(problem.cells.length);
    for (let agent = 0; agent < problem.agents.length; agent++) {
      for (let day = 0; day < dayCount; day++) {
        const c = assign[agent * dayCount + day]!;
        if (c >= 0 && !(freed.has(agent) && this.isFree(day))) this.fixedCover[c]!++;
      }
    }
    this.workCols = agents.map(() => Array.from({ length: dayCount }, () => []));
  }

  /** True when the freed agents' cells on `day` are columns, false when fixed. */
  isFree(day: number): boolean {
    return day >= this.fromDay && day < this.toDay && (!this.only || this.only[day] === 1);
  }

  addCol(cost: number, hi = 1, int = true): number {
    return this.cols.push({ cost, hi, int }) - 1;
  }

  /** Adds `lo <= lin <= hi` (nothing when the expression has no column). */
  addRow(lo: number, hi: number, lin: Lin): void {
    if (lin.terms.length === 0) return;
    const row = this.builder.addRow(lo - lin.constant, hi - lin.constant);
    for (const [col, val] of lin.terms) this.entries.push({ row, col, val });
  }

  /** The model, and whether every cost is an integer (then a gap just under 1 proves optimality). */
  build(): { model: SparseModel; integerCosts: boolean } {
    const byCol: { row: number; val: number }[][] = this.cols.map(() => []);
    for (const entry of this.entries) byCol[entry.col]!.push({ row: entry.row, val: entry.val });
    this.cols.forEach((c, j) =>
      this.builder.addCol(
        c.cost,
        0,
        c.hi,
        c.int,
        byCol[j]!.map((x) => x.row),
        byCol[j]!.map((x) => x.val),
      ),
    );
    return { model: this.builder.build(), integerCosts: this.cols.every((c) => Number.isInteger(c.cost)) };
  }
}
