/**
 * The supply bound (docs/shift-plan.md, "Shortfall"): the fewest agent-intervals short over the
 * horizon that any plan for the same agents allows, whatever it costs (the plan's own model with
 * every cost zero but the shortage, 1 per agent-interval, per queue in a multi-skill plan, as an LP:
 * a lower bound), with the
 * shortage per slot of that LP's solution. A plan leaving more short in total is short by choice
 * (the coverage penalty against the cost of shifts), not by the agents' weekly days and hours.
 */
import { solveModel, type Highs } from '../mip/solve.js';
import type { ShiftPlanModel } from './model.js';
import { IPM_MIN_COLUMNS } from './solve-plan.js';

export interface SupplyBound {
  /** Fewest agent-intervals short over the horizon (the LP's optimum). */
  total: number;
  /** Agent-intervals short per slot in that LP solution (one of its optima). */
  perSlot: Float64Array;
}

/** A function computing the bound once, on first call; null when the LP does not solve. */
export function supplyBound(
  highs: Highs,
  built: ShiftPlanModel,
  timeLimitSeconds: number,
  seed: number,
): () => SupplyBound | null {
  let memo: SupplyBound | null | undefined;
  return () => {
    if (memo !== undefined) return memo;
    const colCost = new Float64Array(built.model.numCols);
    // A multi-skill plan's shortage is per queue (its single cover row has none).
    const queueShort = built.skillCols?.shortCols ?? [];
    for (const col of [...built.shortCols, ...queueShort.flat()]) if (col !== null) colCost[col] = 1;
    const lp = solveModel(
      highs,
      { ...built.model, colCost },
      {
        integer: false,
        timeLimitSeconds,
        relativeGap: 0,
        seed,
        // As the plan's own LP: a large multi-skill model is degenerate for the simplex (solve-plan.ts).
        ...(built.skillCols && built.model.numCols > IPM_MIN_COLUMNS ? { lpSolver: 'ipm' as const } : {}),
      },
    );
    const values = lp.values;
    memo =
      lp.status === 'optimal' && values
        ? {
            total: Math.max(0, lp.objective),
            perSlot: Float64Array.from(built.shortCols, (col, s) =>
              [col, ...queueShort.map((row) => row[s] ?? null)].reduce<number>(
                (sum, c) => sum + (c === null ? 0 : values[c]!),
                0,
              ),
            ),
          }
        : null;
    return memo;
  };
}
