import type { RetrainingSession } from '../shift-plan/types.js';

/** One agent's shift on the grid, with its breaks (half-open slot ranges). */
export interface ShiftOnGrid {
  agent: number;
  startSlot: number;
  endSlot: number;
  breaks: { startSlot: number; endSlot: number }[];
}

export interface PullAgent {
  id: string;
  /** Hours still needed before the week (0 = not flagged). */
  hoursNeeded: number;
}

export interface Pull {
  session: number;
  agent: number;
  kind: 'retraining' | 'coaching';
}

export interface PullResult {
  pulls: Pull[];
  /** Hours still needed per agent after the pulls. */
  hoursLeft: number[];
  /** On-phone agents per slot after the pulls. */
  onPhone: Int32Array;
  /** Seats left empty per session (no eligible agent or coverage would drop below requirement). */
  emptySeats: number[];
}

/**
 * Fills the plan's retraining sessions (docs/roster.md, "Method"). Sessions in time
 * order; each takes flagged agents on shift for the whole session (not on a break, not already in
 * an overlapping session) who still need hours, most-needed first (ties by agent order), never
 * over the seats; seats left go to other agents on shift as coaching. A pull never takes on-phone
 * coverage below the requirement in any slot of the session. O(sessions x shifts x session slots).
 *
 * `onPhoneBefore` is the on-phone count per slot with every rostered agent on the phones except
 * on breaks; it is not modified.
 */
export function assignPulls(
  sessions: readonly RetrainingSession[],
  shifts: readonly ShiftOnGrid[],
  agents: readonly PullAgent[],
  required: ArrayLike<number>,
  onPhoneBefore: Int32Array,
  slotMinutes: number,
): PullResult {
  const onPhone = Int32Array.from(onPhoneBefore);
  const hoursLeft = agents.map((a) => a.hoursNeeded);
  const busy: { agent: number; startSlot: number; endSlot: number }[] = [];
  const pulls: Pull[] = [];
  const emptySeats: number[] = [];
  const order = sessions.map((_, i) => i).sort((a, b) => sessions[a]!.startSlot - sessions[b]!.startSlot || a - b);
  const byAgent = new Map<number, ShiftOnGrid[]>();
  for (const s of shifts) byAgent.set(s.agent, [...(byAgent.get(s.agent) ?? []), s]);
  for (const si of order) {
    const ses = sessions[si]!;
    const hours = ((ses.endSlot - ses.startSlot) * slotMinutes) / 60;
    const eligible: number[] = [];
    for (const [agent, list] of byAgent) {
      const onShift = list.some(
        (s) =>
          s.startSlot <= ses.startSlot &&
          s.endSlot >= ses.endSlot &&
          !s.breaks.some((b) => b.startSlot < ses.endSlot && ses.startSlot < b.endSlot),
      );
      if (!onShift) continue;
      if (busy.some((b) => b.agent === agent && b.startSlot < ses.endSlot && ses.startSlot < b.endSlot)) continue;
      eligible.push(agent);
    }
    eligible.sort((a, b) => a - b);
    const flagged = eligible.filter((a) => hoursLeft[a]! > 1e-9).sort((a, b) => hoursLeft[b]! - hoursLeft[a]! || a - b);
    const others = eligible.filter((a) => !(hoursLeft[a]! > 1e-9));
    let seats = ses.seats;
    const canPull = (): boolean => {
      for (let slot = Math.max(0, ses.startSlot); slot < Math.min(onPhone.length, ses.endSlot); slot++) {
        if (onPhone[slot]! - 1 < (required[slot] ?? 0)) return false;
      }
      return true;
    };
    const pull = (agent: number, kind: Pull['kind']): void => {
      pulls.push({ session: si, agent, kind });
      busy.push({ agent, startSlot: ses.startSlot, endSlot: ses.endSlot });
      for (let slot = Math.max(0, ses.startSlot); slot < Math.min(onPhone.length, ses.endSlot); slot++)
        onPhone[slot]!--;
      seats--;
    };
    for (const a of flagged) {
      if (seats <= 0 || !canPull()) break;
      pull(a, 'retraining');
      hoursLeft[a] = Math.max(0, hoursLeft[a]! - hours);
    }
    for (const a of others) {
      if (seats <= 0 || !canPull()) break;
      pull(a, 'coaching');
    }
    emptySeats[si] = seats;
  }
  return { pulls, hoursLeft, onPhone, emptySeats };
}
