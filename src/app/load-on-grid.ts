import type { StaffingResponse } from '../contracts/staffing.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';

/**
 * Offered volume and AHT of the staffing response on the plan's slots (null where the staffing
 * has no row), for the service level the roster re-computes. Matched by instant. O(slots).
 */
export function loadOnPlanGrid(
  plan: Pick<ShiftPlan, 'grid'>,
  staffing: Pick<StaffingResponse, 'intervals'>,
): { volume: (number | null)[]; ahtSeconds: (number | null)[] } {
  const { slotCount, intervalMinutes } = plan.grid;
  const originMs = Date.parse(plan.grid.start);
  const volume = new Array<number | null>(slotCount).fill(null);
  const ahtSeconds = new Array<number | null>(slotCount).fill(null);
  for (const row of staffing.intervals) {
    if (row.start === undefined) continue;
    const slot = (Date.parse(row.start) - originMs) / (intervalMinutes * 60_000);
    if (Number.isInteger(slot) && slot >= 0 && slot < slotCount) {
      volume[slot] = row.volume;
      ahtSeconds[slot] = row.ahtSeconds > 0 ? row.ahtSeconds : null;
    }
  }
  return { volume, ahtSeconds };
}
