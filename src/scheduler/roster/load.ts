/**
 * The offered load per slot that the roster re-computes its service level with: volume and AHT
 * (seconds) from the plan's coverage, where the plan's requirement carried them. One reading of a
 * plan's load for every way a roster gets its plan (a plan file, a plan made just before).
 */
import type { ShiftPlan } from '../shift-plan/types.js';

export interface OfferedLoad {
  volume: (number | null)[];
  ahtSeconds: (number | null)[];
}

/** The load on the plan's slots (null where unknown), or undefined when no interval carries one. O(slots). */
export function loadFromCoverage(plan: Pick<ShiftPlan, 'grid' | 'coverage'>): OfferedLoad | undefined {
  if (!plan.coverage.some((c) => typeof c.volume === 'number' && typeof c.ahtSeconds === 'number')) return undefined;
  const volume = new Array<number | null>(plan.grid.slotCount).fill(null);
  const ahtSeconds = new Array<number | null>(plan.grid.slotCount).fill(null);
  for (const c of plan.coverage) {
    if (c.slot < plan.grid.slotCount) {
      volume[c.slot] = c.volume ?? null;
      ahtSeconds[c.slot] = c.ahtSeconds ?? null;
    }
  }
  return { volume, ahtSeconds };
}
