/**
 * agent-queues.csv of a multi-skill plan (docs/plan.md, "Several queues"): per rostered agent and
 * interval on the phones, the queues the agent serves in the plan. An agent on a shift planned for
 * skill set k serves, in slot s, the queues of class k's skills that require agents while the plan has k's agents on the phones (`queueCoverage.classes`);
 * breaks and retraining sessions are off the phones. One row per agent and interval; intervals where
 * the agent's skill set serves no queue (idle in the plan) are written with an empty `queues`.
 */
import type { RosterResult } from '../scheduler/roster/result-types.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';
import { toCsv } from './csv.js';

export const AGENT_QUEUES_CSV_COLUMNS = ['agent', 'start', 'skills', 'queues'] as const;

/** The CSV text, or null for a plan not made per queue. O(agents x shifts x span). */
export function agentQueuesCsv(plan: ShiftPlan, roster: RosterResult): string | null {
  const coverage = plan.queueCoverage;
  if (!coverage) return null;
  const origin = Date.parse(plan.grid.start);
  const slotMs = plan.grid.intervalMinutes * 60_000;
  const slotOf = (iso: string) => Math.round((Date.parse(iso) - origin) / slotMs);
  const startOf = (slot: number) => new Date(origin + slot * slotMs).toISOString();
  const serves = new Map(coverage.classes.map((c) => [c.skills.join('|'), c.serves]));
  const rows: Record<(typeof AGENT_QUEUES_CSV_COLUMNS)[number], string>[] = [];
  for (const agent of roster.agents) {
    for (const day of agent.days) {
      const key = (day.skills ?? []).join('|');
      const bySlot = serves.get(key);
      const off = [...day.breaks, ...day.retraining].map((b) => [slotOf(b.start), slotOf(b.end)] as const);
      for (let s = Math.max(0, slotOf(day.start)); s < Math.min(plan.grid.slotCount, slotOf(day.end)); s++) {
        if (off.some(([from, to]) => s >= from && s < to)) continue;
        rows.push({ agent: agent.id, start: startOf(s), skills: key, queues: (bySlot?.[s] ?? []).join('|') });
      }
    }
  }
  return toCsv(rows, AGENT_QUEUES_CSV_COLUMNS);
}
