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

/** Agents per slot: on shift, on a break, and on the phones (on shift, not on a break, not pulled). */
export interface SlotCounts {
  onShift: Int32Array;
  onBreak: Int32Array;
  onPhone: Int32Array;
}

export interface CoverageInput {
  grid: SlotGrid;
  /** Agents required per slot (the plan's requirement). */
  required: Float64Array;
  /** Agents on the phones in the plan per slot (for the coverage loss). */
  planOnPhone: Int32Array;
  counts: SlotCounts;
  /** Re-computes the SL on the rostered on-phone staff (the staffing core, injected). */
  serviceLevel?: ServiceLevelFn | undefined;
  /** Offered volume and AHT per slot, when known. */
  load?: SlotLoad | undefined;
  /** Each slot's start as ISO text (`formatSlot`), when the caller keeps them (saves a luxon call per slot). */
  slotStarts?: readonly string[] | undefined;
  /**
   * Coverage computed before on the same grid and load (e.g. before a hand edit): a slot whose
   * on-phone count is unchanged keeps its SL instead of evaluating it again.
   */
  previous?: { onPhone: ArrayLike<number>; serviceLevel: ArrayLike<number | null> } | undefined;
}

/**
 * Coverage per slot after rostering and pulls (what the roster reports after its search, and what
 * a hand edit recomputes), with the service level at the on-phone agents where the load is known
 * (1 where nothing is offered), and its volume-weighted and worst values. O(slots) SL evaluations.
 */
export function rosterCoverage(input: CoverageInput): {
  coverage: RosterCoverageInterval[];
  serviceLevel: RosterResult['quality']['serviceLevel'];
} {
  const { grid, required, planOnPhone, counts, serviceLevel, load, previous, slotStarts } = input;
  const coverage: RosterCoverageInterval[] = [];
  for (let slot = 0; slot < grid.slotCount; slot++) {
    const phone = counts.onPhone[slot]!;
    const r = required[slot]!;
    let sl: number | null = null;
    const volume = load?.volume[slot];
    const aht = load?.ahtSeconds[slot];
    if (serviceLevel && volume !== undefined && volume !== null && aht !== undefined && aht !== null) {
      const kept = previous && previous.onPhone[slot] === phone ? previous.serviceLevel[slot] : undefined;
      sl =
        kept !== undefined && kept !== null
          ? kept
          : volume > 0
            ? serviceLevel(volume, aht, grid.intervalMinutes, phone)
            : 1;
    }
    coverage.push({
      slot,
      start: slotStarts?.[slot] ?? formatSlot(grid, slot),
      required: r,
      onShift: counts.onShift[slot]!,
      onPhone: phone,
      onBreak: counts.onBreak[slot]!,
      inRetraining: counts.onShift[slot]! - counts.onBreak[slot]! - phone,
      over: Math.max(0, phone - r),
      under: Math.max(0, r - phone),
      planOnPhone: planOnPhone[slot]!,
      serviceLevel: sl,
    });
  }
  return { coverage, serviceLevel: serviceLevelSummary(coverage, (slot) => load?.volume[slot] ?? 0) };
}
