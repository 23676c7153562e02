import { formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import type { ServiceLevelFn } from '../shift-plan/plan.js';
import type { RosterCoverageInterval, RosterResult } from './result-types.js';

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
  load?: { volume: (number | null)[]; ahtSeconds: (number | null)[] } | undefined;
  /**
   * Coverage computed before on the same grid and load (e.g. before a hand edit): a slot whose
   * on-phone count is unchanged keeps its SL instead of evaluating it again.
   */
  /** Each slot's start as ISO text (`formatSlot`), when the caller keeps them (saves a luxon call per slot). */
  slotStarts?: readonly string[] | undefined;
  previous?: { onPhone: ArrayLike<number>; serviceLevel: ArrayLike<number | null> } | undefined;
}

/**
 * Coverage per interval and the SL on the rostered staff: what the roster reports after its search,
 * and what a hand edit recomputes. The SL is volume-weighted over slots with volume, with the worst
 * interval; null without a load. O(slots) SL evaluations.
 */
export function rosterCoverage(input: CoverageInput): {
  coverage: RosterCoverageInterval[];
  serviceLevel: RosterResult['quality']['serviceLevel'];
} {
  const { grid, required, planOnPhone, counts, serviceLevel, load, previous, slotStarts } = input;
  const startOf = (slot: number): string => slotStarts?.[slot] ?? formatSlot(grid, slot);
  const coverage: RosterCoverageInterval[] = [];
  let weighted = 0;
  let volumeSum = 0;
  let worst = Infinity;
  let worstStart = '';
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
      if (volume > 0) {
        weighted += volume * sl;
        volumeSum += volume;
        if (sl < worst) {
          worst = sl;
          worstStart = startOf(slot);
        }
      }
    }
    coverage.push({
      slot,
      start: startOf(slot),
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
  return { coverage, serviceLevel: volumeSum > 0 ? { volumeWeighted: weighted / volumeSum, worst, worstStart } : null };
}
