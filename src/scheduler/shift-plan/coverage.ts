import { coveredSlots } from './model.js';

/** A concrete shift instance on the grid: its span and its breaks (start slot, length). */
export interface InstanceOnGrid {
  candidate: number;
  startSlot: number;
  spanSlots: number;
  breaks: { startSlot: number; lengthSlots: number }[];
}

/** A concrete pool session on the grid. */
export interface SessionOnGrid {
  pool: number;
  day: number;
  startSlot: number;
  lengthSlots: number;
  seats: number;
}

export interface CoverageCounts {
  onShift: Int32Array;
  onBreak: Int32Array;
  inRetraining: Int32Array;
}

/**
 * Agents on shift, on break and in retraining per slot, from concrete instances and sessions.
 * O(sum of spans). Slots past the grid are dropped, or wrapped when `cyclic`.
 */
export function computeCoverage(
  slotCount: number,
  cyclic: boolean,
  instances: readonly InstanceOnGrid[],
  sessions: readonly SessionOnGrid[],
): CoverageCounts {
  const onShift = new Int32Array(slotCount);
  const onBreak = new Int32Array(slotCount);
  const inRetraining = new Int32Array(slotCount);
  for (const inst of instances) {
    for (const s of coveredSlots(inst.startSlot, inst.spanSlots, slotCount, cyclic))
      onShift[s] = (onShift[s] as number) + 1;
    for (const b of inst.breaks) {
      for (const s of coveredSlots(b.startSlot, b.lengthSlots, slotCount, cyclic))
        onBreak[s] = (onBreak[s] as number) + 1;
    }
  }
  for (const session of sessions) {
    for (const s of coveredSlots(session.startSlot, session.lengthSlots, slotCount, cyclic)) {
      inRetraining[s] = (inRetraining[s] as number) + session.seats;
    }
  }
  return { onShift, onBreak, inRetraining };
}

/** On-phone agents per slot: on shift - on break - in retraining. */
export function onPhone(c: CoverageCounts): Int32Array {
  const out = new Int32Array(c.onShift.length);
  for (let s = 0; s < out.length; s++)
    out[s] = (c.onShift[s] as number) - (c.onBreak[s] as number) - (c.inRetraining[s] as number);
  return out;
}
