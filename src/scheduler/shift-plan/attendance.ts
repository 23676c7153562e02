import type { PlannedShift, RetrainingSession } from './types.js';

/** One seat of a session held by one shift instance: `shifts[shift].instances[instance]`. */
export interface SessionSeat {
  shift: number;
  instance: number;
}

/**
 * Seats every retraining session with concrete shift instances: on shift for the whole session,
 * not on break during it, and in one session at a time. Sessions in start order; each seat takes
 * the free instance whose shift ends first (the one with the least room left later). Returns the
 * seats per session (same order) and how many seats found nobody. O(sessions x seats x instances).
 *
 * The model guarantees enough agents on the phones in every interval, not that one agent holds a
 * whole session; this makes the difference visible and gives the roster a starting assignment.
 */
export function seatSessions(
  shifts: readonly PlannedShift[],
  sessions: readonly RetrainingSession[],
): { seats: SessionSeat[][]; unseated: number } {
  const busy = new Map<string, [number, number][]>();
  const order = sessions
    .map((_s, i) => i)
    .sort((a, b) => (sessions[a] as RetrainingSession).startSlot - (sessions[b] as RetrainingSession).startSlot);
  const seats: SessionSeat[][] = sessions.map(() => []);
  let unseated = 0;
  for (const si of order) {
    const s = sessions[si] as RetrainingSession;
    for (let seat = 0; seat < s.seats; seat++) {
      let best: SessionSeat | null = null;
      let bestEnd = Infinity;
      shifts.forEach((shift, shiftIndex) => {
        if (shift.startSlot > s.startSlot || shift.endSlot < s.endSlot || shift.endSlot >= bestEnd) return;
        shift.instances.forEach((inst, instance) => {
          if (shift.endSlot >= bestEnd) return;
          if (inst.breaks.some((b) => b.startSlot < s.endSlot && b.endSlot > s.startSlot)) return;
          const key = `${shiftIndex}:${instance}`;
          if ((busy.get(key) ?? []).some(([from, to]) => from < s.endSlot && to > s.startSlot)) return;
          best = { shift: shiftIndex, instance };
          bestEnd = shift.endSlot;
        });
      });
      if (best === null) {
        unseated++;
        continue;
      }
      const chosen: SessionSeat = best;
      const key = `${chosen.shift}:${chosen.instance}`;
      busy.set(key, [...(busy.get(key) ?? []), [s.startSlot, s.endSlot]]);
      (seats[si] as SessionSeat[]).push(chosen);
    }
  }
  return { seats, unseated };
}
