import type { SlotGrid } from '../../time/slot-grid.js';
import { computeCoverage, type InstanceOnGrid, type SessionOnGrid } from './coverage.js';

/** Takes seats out of any session overlapping an under-covered interval: retraining never causes a shortage. */
export function trimSessions(
  grid: SlotGrid,
  cyclic: boolean,
  instances: InstanceOnGrid[],
  sessions: SessionOnGrid[],
  required: number[],
): SessionOnGrid[] {
  const n = grid.slotCount;
  const c = computeCoverage(n, cyclic, instances, sessions);
  const phone = Array.from(
    { length: n },
    (_x, s) => (c.onShift[s] as number) - (c.onBreak[s] as number) - (c.inRetraining[s] as number),
  );
  const out: SessionOnGrid[] = [];
  for (const session of sessions) {
    const slots: number[] = [];
    for (let k = 0; k < session.lengthSlots; k++) {
      const s = cyclic ? (session.startSlot + k) % n : session.startSlot + k;
      if (s < n) slots.push(s);
    }
    const deficit = Math.max(0, ...slots.map((s) => (required[s] as number) - (phone[s] as number)));
    const cut = Math.min(session.seats, deficit);
    for (const s of slots) phone[s] = (phone[s] as number) + cut;
    if (session.seats - cut > 0) out.push({ ...session, seats: session.seats - cut });
  }
  return out;
}
