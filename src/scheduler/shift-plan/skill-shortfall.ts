/**
 * The shortfall of a multi-skill plan per queue (docs/shift-plan.md, "Shortfall"): the runs of
 * intervals a queue is short in, each with the agents holding its skill who can work then at all,
 * e.g. "Thu 18:00-20:00 VIP: 6 required, 3 agents with the VIP skill can work then."
 */
import { formatSlot, type SlotGrid } from '../../time/slot-grid.js';
import type { CandidateShift } from './candidates.js';
import { coveredSlots } from './model-parts.js';
import type { ShiftPlanRules } from './rules.js';
import { agentQueues } from './skill-plan.js';
import { runLabel } from './shortfall.js';
import { refusal } from './supply-agents.js';
import { shiftOnClock, type SupplyTable } from './supply-groups.js';
import type { PlanQueueCoverage, ShortfallInterval } from './types.js';

/**
 * Per queue and slot, the agents holding the queue's skill who may work some candidate shift
 * covering the slot (templates, days, windows, time off). O(agents x candidates x span + agents x
 * queues x slots).
 */
export function skilledAgentsAble(
  grid: SlotGrid,
  rules: ShiftPlanRules,
  candidates: readonly CandidateShift[],
  table: SupplyTable,
  names: readonly string[],
): Int32Array[] {
  const n = grid.slotCount;
  const clocks = candidates.map((c) => shiftOnClock(grid, rules, c));
  const out = names.map(() => new Int32Array(n));
  const mark = new Uint8Array(n);
  for (const group of table.groups)
    for (const a of group.agents) {
      const queues = agentQueues(a, names);
      if (queues.length === 0) continue;
      mark.fill(0);
      candidates.forEach((c, ci) => {
        if (!table.able.get(c) || refusal(a, clocks[ci]!) !== null) return;
        for (const s of coveredSlots(c.startSlot, c.spanSlots, n, rules.cyclic)) mark[s] = 1;
      });
      for (const q of queues) for (let s = 0; s < n; s++) out[q]![s]! += mark[s] as number;
    }
  return out;
}

/**
 * The runs (consecutive short slots of one local day and one cause) of each queue the plan leaves
 * short: 'too-few-agents' where fewer agents with the skill can work than the queue requires,
 * 'weekly-limits' otherwise (enough could: their weekly days and hours, the agents the linked
 * queues share, or the coverage penalty leave it short).
 */
export function queueShortfall(
  grid: SlotGrid,
  rules: ShiftPlanRules,
  candidates: readonly CandidateShift[],
  table: SupplyTable,
  coverage: PlanQueueCoverage,
): ShortfallInterval[] {
  const short = coverage.queues.map((q) => q.required.map((r, s) => r - (q.covered[s] ?? 0) > 1e-6));
  if (!short.some((row) => row.some(Boolean))) return [];
  const names = coverage.queues.map((q) => q.name);
  const able = skilledAgentsAble(grid, rules, candidates, table, names);
  const out: ShortfallInterval[] = [];
  coverage.queues.forEach((q, qi) => {
    let from = -1;
    const causeAt = (s: number) => ((q.required[s] ?? 0) > (able[qi]![s] ?? 0) ? 'too-few-agents' : 'weekly-limits');
    for (let s = 0; s <= grid.slotCount; s++) {
      const ends =
        from >= 0 &&
        (s === grid.slotCount ||
          !short[qi]![s] ||
          grid.dayOfSlot[s] !== grid.dayOfSlot[from] ||
          causeAt(s) !== causeAt(from));
      if (ends) {
        out.push(describeQueueRun(grid, q, able[qi]!, from, s, causeAt(from)));
        from = -1;
      }
      if (from < 0 && s < grid.slotCount && short[qi]![s]) from = s;
    }
  });
  return out.sort((a, b) => a.startSlot - b.startSlot);
}

function describeQueueRun(
  grid: SlotGrid,
  q: PlanQueueCoverage['queues'][number],
  able: Int32Array,
  from: number,
  to: number,
  cause: 'too-few-agents' | 'weekly-limits',
): ShortfallInterval {
  let required = 0;
  let available = Infinity;
  let covered = Infinity;
  let under = 0;
  for (let s = from; s < to; s++) {
    required = Math.max(required, q.required[s] ?? 0);
    available = Math.min(available, able[s] ?? 0);
    covered = Math.min(covered, q.covered[s] ?? 0);
    under += Math.max(0, (q.required[s] ?? 0) - (q.covered[s] ?? 0));
  }
  under = Math.round(under * 1000) / 1000;
  const { day, when } = runLabel(grid, from, to);
  const head = `${when} ${q.name}: ${required} required, ${available} agents with the ${q.name} skill can work then`;
  const message =
    cause === 'too-few-agents'
      ? `${head}.`
      : `${head}, but their weekly days and hours, the queues they also serve or the coverage penalty leave ` +
        `${under} agent-intervals short.`;
  return {
    day: day.date,
    weekday: day.weekday,
    start: formatSlot(grid, from),
    end: formatSlot(grid, to),
    startSlot: from,
    endSlot: to,
    queue: q.name,
    required,
    available,
    onShiftBound: available,
    onPhone: Math.round(covered * 1000) / 1000,
    underAgentIntervals: under,
    cause,
    reasons: [],
    message,
  };
}
