import { stableJson } from './stable-json.js';
import type { NormalisedShift } from './shift-identity.js';

export interface ShiftMove {
  from: NormalisedShift;
  to: NormalisedShift;
}

export interface AgentRosterDiff {
  agentId: string;
  added: NormalisedShift[];
  removed: NormalisedShift[];
  /** Same identity (agent, day, template, slot), other times. */
  moved: ShiftMove[];
  /** Same identity and times, other breaks, activities or skills. */
  changed: ShiftMove[];
}

export interface RosterDiff {
  agents: AgentRosterDiff[];
  totals: { added: number; removed: number; moved: number; changed: number; unchanged: number };
}

/**
 * What changed between two rosters, per agent (only agents with a change are listed, sorted by id).
 * Shifts are matched by identity (see shift-identity.ts): a shift that changes day or template is a
 * removal plus an addition. Pure; O(n).
 */
export function diffRosters(from: readonly NormalisedShift[], to: readonly NormalisedShift[]): RosterDiff {
  const before = new Map(from.map((s) => [s.shiftKey, s]));
  const after = new Map(to.map((s) => [s.shiftKey, s]));
  const agents = new Map<string, AgentRosterDiff>();
  const entry = (agentId: string): AgentRosterDiff => {
    let e = agents.get(agentId);
    if (!e) agents.set(agentId, (e = { agentId, added: [], removed: [], moved: [], changed: [] }));
    return e;
  };
  const totals = { added: 0, removed: 0, moved: 0, changed: 0, unchanged: 0 };
  for (const shift of to) {
    const old = before.get(shift.shiftKey);
    if (!old) {
      entry(shift.agentId).added.push(shift);
      totals.added++;
    } else if (old.startMs !== shift.startMs || old.endMs !== shift.endMs) {
      entry(shift.agentId).moved.push({ from: old, to: shift });
      totals.moved++;
    } else if (
      stableJson([old.breaks, old.activities, old.skills ?? []]) !==
      stableJson([shift.breaks, shift.activities, shift.skills ?? []])
    ) {
      entry(shift.agentId).changed.push({ from: old, to: shift });
      totals.changed++;
    } else {
      totals.unchanged++;
    }
  }
  for (const shift of from) {
    if (after.has(shift.shiftKey)) continue;
    entry(shift.agentId).removed.push(shift);
    totals.removed++;
  }
  const list = [...agents.values()].sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
  return { agents: list, totals };
}
