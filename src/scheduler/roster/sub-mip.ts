import type { Highs } from 'highs';
import { WfmError } from '../../errors.js';
import { createHighsModel, type SparseModel } from '../mip/sparse-model.js';
import type { CoreProblem } from './problem.js';
import { addAgentRuleRows } from './sub-mip-agent-rows.js';
import { SubMipModel, type Lin } from './sub-mip-model.js';

/** HiGHS's model status "optimal" (highs.constants.modelStatus). */
const HIGHS_OPTIMAL = 7;

/**
 * What a sub-MIP minimises: `score` the cover and preference costs (the roster's soft score);
 * `fill` the agents short over all cells, unweighted (hard rules first, then filled shifts, with no
 * soft weight able to trade against either); `keep-filled` the soft score without letting the
 * agents short on the freed cells rise above the current count.
 */
export type SubMipMode = 'score' | 'fill' | 'keep-filled';

/**
 * One sub-MIP over `agents` on days [d0, d1), or only those of them with `only[d] = 1` (so two
 * weekends can be freed together): every other agent-day is fixed and enters the constraints as a
 * constant. Every hard rule of the freed agents is a constraint (including across the window's
 * edges), the cover and preference costs are the objective, and the current rows are the warm
 * start (`mode` chooses the objective). A hard cover rule bounds the short or surplus agents at 0. Returns the agents' new complete rows (each satisfying all of that agent's hard rules),
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
  mode: SubMipMode = 'score',
  proof?: { optimal: boolean },
): Int32Array[] | null {
  const model = new SubMipModel(p, assign, agents, d0, d1, only);
  const cellCols = addWorkColumns(model, mode);
  addCoverRows(model, cellCols, mode);
  agents.forEach((_agent, position) => addAgentRuleRows(model, position));
  const { model: sparse, integerCosts } = model.build();
  // integer costs (Curtois & Qu weights): stop once no better integer objective can exist
  const values = runSubMip(highs, sparse, {
    timeLimitSeconds: seconds,
    seed,
    absoluteGap: integerCosts ? 0.99 : 1e-6,
    start: Float64Array.from(model.start),
    ...(proof ? { proof } : {}),
  });
  return values ? freedRows(model, values) : null;
}

/**
 * One binary column per freed agent, free day and cell it may work, costed by its preference; returns the columns by
 * cell.
 */
function addWorkColumns(model: SubMipModel, mode: SubMipMode): number[][] {
  const p = model.problem;
  const cellCols: number[][] = p.cells.map(() => []);
  model.agents.forEach((agent, position) => {
    const core = p.agents[agent]!;
    for (let day = model.fromDay; day < model.toDay; day++) {
      if (!model.isFree(day)) continue;
      for (const c of p.cellsByDay[day]!) {
        if (!core.allowed[c]) continue;
        const cost = mode === 'fill' ? 0 : p.rules.preference.weight * (core.workCost[c]! - core.offCost[day]!);
        const col = model.addCol(cost);
        model.start[col] = model.assign[agent * p.days + day] === c ? 1 : 0;
        model.workCols[position]![day]!.push([col, c]);
        cellCols[c]!.push(col);
      }
    }
  });
  return cellCols;
}

/**
 * Per free cell: freed agents on it + fixed cover + under - over = required, under and over costed
 * (in `fill` mode only under, 1 per agent short); in `keep-filled` mode the short agents summed over
 * the free cells stay at most what they are now.
 */
function addCoverRows(model: SubMipModel, cellCols: number[][], mode: SubMipMode): void {
  const p = model.problem;
  const fill = mode === 'fill';
  const shortNow: Lin = { terms: [], constant: 0 };
  let shortLimit = 0;
  for (let day = model.fromDay; day < model.toDay; day++) {
    if (!model.isFree(day)) continue;
    for (const c of p.cellsByDay[day]!) {
      const cell = p.cells[c]!;
      const underCost = fill ? 1 : cell.underWeight * p.rules.coverUnder.weight;
      const under = model.addCol(underCost, p.rules.coverUnder.hard ? 0 : Infinity, false);
      const over = model.addCol(
        fill ? 0 : cell.overWeight * p.rules.coverOver.weight,
        p.rules.coverOver.hard ? 0 : Infinity,
        false,
      );
      const startCover = cellCols[c]!.reduce((t, col) => t + model.start[col]!, 0);
      const target = cell.required - model.fixedCover[c]!;
      model.start[under] = Math.max(0, target - startCover);
      model.start[over] = Math.max(0, startCover - target);
      shortNow.terms.push([under, 1]);
      shortLimit += model.start[under]!;
      model.addRow(target, target, {
        terms: [...cellCols[c]!.map((col) => [col, 1] as [number, number]), [under, 1], [over, -1]],
        constant: 0,
      });
    }
  }
  if (mode === 'keep-filled') model.addRow(-Infinity, shortLimit, shortNow);
}

/** The freed agents' complete rows with the solution's cells on the free days. */
function freedRows(model: SubMipModel, values: Float64Array): Int32Array[] {
  const dayCount = model.problem.days;
  return model.agents.map((agent, position) => {
    const row = model.assign.slice(agent * dayCount, (agent + 1) * dayCount);
    for (let day = model.fromDay; day < model.toDay; day++) {
      if (!model.isFree(day)) continue;
      row[day] = -1;
      for (const [col, c] of model.workCols[position]![day]!) if (values[col]! > 0.5) row[day] = c;
    }
    return row;
  });
}

/**
 * Runs one roster sub-MIP on HiGHS with a warm start and an absolute gap: when every cost is an
 * integer, `absoluteGap` just under 1 stops HiGHS as soon as no better integer objective can exist
 * (the proof of the last unit is skipped). Returns the column values of the best solution found
 * (the start itself when HiGHS finds nothing better in time), or null when there is none.
 * The time limit is HiGHS's own clock, so results depend on machine speed. `proof.optimal` is set
 * to whether HiGHS proved the solution optimal (within the gap).
 */
export function runSubMip(
  highs: Highs,
  m: SparseModel,
  opts: {
    timeLimitSeconds: number;
    seed: number;
    absoluteGap: number;
    start: Float64Array;
    proof?: { optimal: boolean };
  },
): Float64Array | null {
  if (opts.proof) opts.proof.optimal = m.numCols === 0;
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
    const { modelStatus } = model.run();
    if (Number(model.info.get('primal_solution_status')) !== 2) return null;
    if (opts.proof) opts.proof.optimal = Number(modelStatus) === HIGHS_OPTIMAL;
    return model.getSolution().colValue;
  } catch (error) {
    throw new WfmError('WFM_ERR_SCHEDULER_SOLVER', `HiGHS failed: ${(error as Error).message}`, { cause: error });
  } finally {
    model.dispose();
  }
}
