/** JSON helpers of the plan pipeline. */
import type { StaffingResponse } from '../contracts/staffing.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';

/**
 * The value as it reads back from its JSON file: non-finite numbers become null (as the single
 * commands write them), so that the summary and the report are computed from exactly the numbers
 * in the written files. O(size).
 */
export function jsonSafe<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)),
  ) as T;
}

/** Stringifies for a file: 2-space indent, non-finite numbers as null, trailing newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

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
