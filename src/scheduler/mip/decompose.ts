import type { SparseModel } from './sparse-model.js';

/** One independent block of a model: its columns and rows in the original numbering. */
export interface ModelBlock {
  cols: Int32Array;
  rows: Int32Array;
  model: SparseModel;
}

/**
 * Splits a model into the connected components of its row-column graph (two columns are linked
 * when they share a row). A contact centre closed at night splits into one block per day, each far
 * easier for branch-and-bound than the week at once; a 24/7 operation stays one block.
 * O(nonzeros x alpha).
 */
export function decompose(m: SparseModel): ModelBlock[] {
  const parent = Int32Array.from({ length: m.numRows }, (_x, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  for (let j = 0; j < m.numCols; j++) {
    const from = m.starts[j] as number;
    const to = m.starts[j + 1] as number;
    for (let k = from + 1; k < to; k++) {
      const a = find(m.indices[from] as number);
      const b = find(m.indices[k] as number);
      if (a !== b) parent[a] = b;
    }
  }
  const blockOfRoot = new Map<number, number>();
  const rowsOf: number[][] = [];
  for (let i = 0; i < m.numRows; i++) {
    const root = find(i);
    let b = blockOfRoot.get(root);
    if (b === undefined) {
      b = rowsOf.length;
      blockOfRoot.set(root, b);
      rowsOf.push([]);
    }
    (rowsOf[b] as number[]).push(i);
  }
  const colsOf: number[][] = rowsOf.map(() => []);
  const empty: number[] = [];
  for (let j = 0; j < m.numCols; j++) {
    const from = m.starts[j] as number;
    if (from === m.starts[j + 1]) empty.push(j);
    else (colsOf[blockOfRoot.get(find(m.indices[from] as number)) as number] as number[]).push(j);
  }
  const blocks = rowsOf.map((rows, b) => extract(m, Int32Array.from(colsOf[b] as number[]), Int32Array.from(rows)));
  if (empty.length > 0) blocks.push(extract(m, Int32Array.from(empty), new Int32Array(0)));
  return blocks;
}

function extract(m: SparseModel, cols: Int32Array, rows: Int32Array): ModelBlock {
  const rowMap = new Map<number, number>();
  rows.forEach((r, i) => rowMap.set(r, i));
  const starts = new Int32Array(cols.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  cols.forEach((j, c) => {
    for (let k = m.starts[j] as number; k < (m.starts[j + 1] as number); k++) {
      indices.push(rowMap.get(m.indices[k] as number) as number);
      values.push(m.values[k] as number);
    }
    starts[c + 1] = indices.length;
  });
  const pick = (a: Float64Array, idx: Int32Array) => Float64Array.from(idx, (i) => a[i] as number);
  return {
    cols,
    rows,
    model: {
      numCols: cols.length,
      numRows: rows.length,
      colCost: pick(m.colCost, cols),
      colLower: pick(m.colLower, cols),
      colUpper: pick(m.colUpper, cols),
      integer: Uint8Array.from(cols, (j) => m.integer[j] as number),
      rowLower: pick(m.rowLower, rows),
      rowUpper: pick(m.rowUpper, rows),
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  };
}
