import type { Highs } from 'highs';
import { WfmError } from '../../errors.js';
import { createHighsModel, type SparseModel } from '../mip/sparse-model.js';
import type { CoreProblem } from './problem.js';
import { addAgentRuleRows } from './sub-mip-agent-rows.js';
import { SubMipModel } from './sub-mip-model.js';

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
  const model = new SubMipModel(p, assign, agents, d0, d1, only);
  const cellCols = addWorkColumns(model);
  addCoverRows(model, cellCols);
  agents.forEach((_agent, position) => addAgentRuleRows(model, position));
  const { model: sparse, integerCosts } = model.build();
  // integer costs (Curtois & Qu weights): stop once no better integer objective can exist
  const values = runSubMip(highs, sparse, {
    timeLimitSeconds: seconds,
    seed,
    absoluteGap: integerCosts ? 0.99 : 1e-6,
    start: Float64Array.from(model.start),
  });
  return values ? freedRows(model, values) : null;
}

/**
 * One binary column per freed agent, free day and cell it may work, costed by its preference; returns the columns by
 * cell.
 */
function addWorkColumns(model: SubMipModel): number[][] {
  const p = model.problem;
  const cellCols: number[][] = p.cells.map(() => []);
  model.agents.forEach((agent, position) => {
    const core = p.agents[agent]!;
    for (let day = model.fromDay; day < model.toDay; day++) {
      if (!model.isFree(day)) continue;
      for (const c of p.cellsByDay[day]!) {
        if (!core.allowed[c]) continue;
        const col = model.addCol(p.rules.preference.weight * (core.workCost[c]! - core.offCost[day]!));
        model.start[col] = model.assign[agent * p.days + day] === c ? 1 : 0;
        model.workCols[position]![day]!.push([col, c]);
        cellCols[c]!.push(col);
      }
    }
  });
  return cellCols;
}

/** Per free cell: freed agents on it + fixed cover + under - over = required, under and over costed. */
function addCoverRows(model: SubMipModel, cellCols: number[][]): void {
  const p = model.problem;
  for (let day = model.fromDay; day < model.toDay; day++) {
    if (!model.isFree(day)) continue;
    for (const c of p.cellsByDay[day]!) {
      const cell = p.cells[c]!;
      const under = model.addCol(cell.underWeight * p.rules.coverUnder.weight, Infinity, false);
      const over = model.addCol(cell.overWeight * p.rules.coverOver.weight, Infinity, false);
      const startCover = cellCols[c]!.reduce((t, col) => t + model.start[col]!, 0);
      const target = cell.required - model.fixedCover[c]!;
      model.start[under] = Math.max(0, target - startCover);
      model.start[over] = Math.max(0, startCover - target);
      model.addRow(target, target, {
        terms: [...cellCols[c]!.map((col) => [col, 1] as [number, number]), [under, 1], [over, -1]],
        constant: 0,
      });
    }
  }
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
