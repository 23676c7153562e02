import type { StaffingResponse } from '../contracts/staffing.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';

/**
 * Offered volume and AHT of the staffing response on the plan's slots (null where the staffing
 * has no row), for the service level the roster re-computes. Matched by instant; on a plan grid
 * finer than the staffing's (15-minute breaks over 30-minute data) each interval's volume is
 * shared equally by its slots, as the plan's requirement was (`splitRequirement`). Where the plan's
 * coverage gives an AHT, it is the one used: the AHT the plan was sized at for its agents' speed
 * (docs/shift-plan.md, step 13 "Proficiency"; the staffing's AHT when every factor is 1). O(slots).
 */
export function loadOnPlanGrid(
  plan: Pick<ShiftPlan, 'grid'> & { coverage?: ShiftPlan['coverage'] },
  staffing: Pick<StaffingResponse, 'intervals'> & { intervalMinutes?: number },
): { volume: (number | null)[]; ahtSeconds: (number | null)[] } {
  const { slotCount, intervalMinutes } = plan.grid;
  const originMs = Date.parse(plan.grid.start);
  const volume = new Array<number | null>(slotCount).fill(null);
  const ahtSeconds = new Array<number | null>(slotCount).fill(null);
  const k = Math.max(1, Math.round((staffing.intervalMinutes ?? intervalMinutes) / intervalMinutes));
  for (const row of staffing.intervals) {
    if (row.start === undefined) continue;
    const first = (Date.parse(row.start) - originMs) / (intervalMinutes * 60_000);
    if (!Number.isInteger(first)) continue;
    for (let slot = first; slot < first + k; slot++) {
      if (slot < 0 || slot >= slotCount) continue;
      volume[slot] = row.volume / k;
      const sized = plan.coverage?.[slot]?.ahtSeconds;
      ahtSeconds[slot] = sized !== undefined && sized > 0 ? sized : row.ahtSeconds > 0 ? row.ahtSeconds : null;
    }
  }
  return { volume, ahtSeconds };
}
