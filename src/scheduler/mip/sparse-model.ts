/**
 * A small column-wise builder for sparse linear models, turned into the CSC arrays HiGHS's
 * persistent API takes directly. That API (rather than `highs.solve(lpText)`) also gives starting
 * solutions, bound changes and the solver's run time. On the 672-interval week the LP text would be
 * about 390 KiB, built in tens of ms and solved as fast (benchmarks/shift-plan-week.bench.ts).
 */
import type { Highs } from 'highs';

export interface SparseModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  integer: Uint8Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/**
 * A HiGHS persistent model of `m` (CSC matrix as is); with `integer`, its integrality too (else
 * the LP relaxation). The caller sets options, solves and deletes it. O(nonzeros).
 */
export function createHighsModel(highs: Highs, m: SparseModel, integer: boolean): ReturnType<Highs['createModel']> {
  return highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: {
      format: 'csc',
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.indices,
      values: m.values,
    },
    ...(integer ? { integrality: Int32Array.from(m.integer) as never } : {}),
  });
}

export class ModelBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly isInteger: number[] = [];
  private readonly colStarts: number[] = [0];
  private readonly rowIdx: number[] = [];
  private readonly coef: number[] = [];
  private readonly rLower: number[] = [];
  private readonly rUpper: number[] = [];

  /** Adds a row `lower <= a x <= upper` and returns its index (coefficients come with columns). */
  addRow(lower: number, upper: number): number {
    this.rLower.push(lower);
    this.rUpper.push(upper);
    return this.rLower.length - 1;
  }

  /** Adds a column with its objective cost, bounds and row entries; returns its index. */
  addCol(
    cost: number,
    lower: number,
    upper: number,
    integer: boolean,
    rows: readonly number[],
    values: readonly number[],
  ): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.isInteger.push(integer ? 1 : 0);
    // Merge duplicate rows (a cyclic break can wrap onto the same cover row twice).
    const merged = new Map<number, number>();
    rows.forEach((r, k) => merged.set(r, (merged.get(r) ?? 0) + (values[k] as number)));
    for (const [r, v] of [...merged.entries()].sort((a, b) => a[0] - b[0])) {
      if (v === 0) continue;
      this.rowIdx.push(r);
      this.coef.push(v);
    }
    this.colStarts.push(this.rowIdx.length);
    return this.cost.length - 1;
  }

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rLower.length;
  }

  build(): SparseModel {
    return {
      numCols: this.cost.length,
      numRows: this.rLower.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integer: Uint8Array.from(this.isInteger),
      rowLower: Float64Array.from(this.rLower),
      rowUpper: Float64Array.from(this.rUpper),
      starts: Int32Array.from(this.colStarts),
      indices: Int32Array.from(this.rowIdx),
      values: Float64Array.from(this.coef),
    };
  }
}
