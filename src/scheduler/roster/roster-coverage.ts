import { formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import { serviceLevelSummary, type ServiceLevelFn } from '../shift-plan/service-level.js';
import type { ShiftPlan } from '../shift-plan/types.js';
import type { ShiftOnGrid } from './pulls.js';
import type { RosterCoverageInterval, RosterResult } from './result-types.js';

/** Offered volume and AHT per plan slot (null where unknown). */
export interface SlotLoad {
  volume: (number | null)[];
  ahtSeconds: (number | null)[];
}

/** The plan's requirement and on-phone count per slot of its grid. */
export function planCountsBySlot(
  plan: ShiftPlan,
  slotCount: number,
): { required: Float64Array; planOnPhone: Int32Array } {
  const required = new Float64Array(slotCount);
  const planOnPhone = new Int32Array(slotCount);
  for (const c of plan.coverage) {
    if (c.slot >= 0 && c.slot < slotCount) {
      required[c.slot] = c.required;
      planOnPhone[c.slot] = c.onPhone;
    }
  }
  return { required, planOnPhone };
}

/** Rostered agents on shift, on break, and on the phones before retraining pulls, per slot. */
export function rosteredCountsBySlot(
  shifts: ShiftOnGrid[],
  slotCount: number,
): { onShift: Int32Array; onBreak: Int32Array; phoneBefore: Int32Array } {
  const onShift = new Int32Array(slotCount);
  const onBreak = new Int32Array(slotCount);
  for (const s of shifts) {
    for (let slot = Math.max(0, s.startSlot); slot < Math.min(slotCount, s.endSlot); slot++) onShift[slot]!++;
    for (const b of s.breaks)
      for (let slot = Math.max(0, b.startSlot); slot < Math.min(slotCount, b.endSlot); slot++) onBreak[slot]!++;
  }
  const phoneBefore = new Int32Array(slotCount);
  for (let slot = 0; slot < slotCount; slot++) phoneBefore[slot] = onShift[slot]! - onBreak[slot]!;
  return { onShift, onBreak, phoneBefore };
}

/**
 * Coverage per slot after rostering and pulls, with the service level at the on-phone agents
 * where the load is known (1 where nothing is offered), and its volume-weighted and worst values.
 */
export function rosterCoverage(
  grid: SlotGrid,
  counts: ReturnType<typeof rosteredCountsBySlot> & ReturnType<typeof planCountsBySlot>,
  onPhone: Int32Array,
  serviceLevel: ServiceLevelFn | undefined,
  load: SlotLoad | undefined,
): { coverage: RosterCoverageInterval[]; serviceLevel: RosterResult['quality']['serviceLevel'] } {
  const coverage: RosterCoverageInterval[] = [];
  for (let slot = 0; slot < grid.slotCount; slot++) {
    const phone = onPhone[slot]!;
    const required = counts.required[slot]!;
    let sl: number | null = null;
    const volume = load?.volume[slot];
    const aht = load?.ahtSeconds[slot];
    if (serviceLevel && volume !== undefined && volume !== null && aht !== undefined && aht !== null) {
      sl = volume > 0 ? serviceLevel(volume, aht, grid.intervalMinutes, phone) : 1;
    }
    coverage.push({
      slot,
      start: formatSlot(grid, slot),
      required,
      onShift: counts.onShift[slot]!,
      onPhone: phone,
      onBreak: counts.onBreak[slot]!,
      inRetraining: counts.phoneBefore[slot]! - phone,
      over: Math.max(0, phone - required),
      under: Math.max(0, required - phone),
      planOnPhone: counts.planOnPhone[slot]!,
      serviceLevel: sl,
    });
  }
  return { coverage, serviceLevel: serviceLevelSummary(coverage, (slot) => load?.volume[slot] ?? 0) };
}
