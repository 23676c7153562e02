/**
 * The fallback when the MIP returns no incumbent in time: LP-guided rounding plus greedy repair.
 *
 * 1. Round each shift's LP value down.
 * 2. Place breaks one instance at a time where the on-phone surplus is largest.
 * 3. Place pool sessions: "must" ones where the requirement is lowest, the others only where the
 *    surplus already allows them.
 * 4. While an interval is short, add the candidate shift that covers the most short intervals per
 *    unit cost (capped at `maxAdds`).
 * 5. Drop instances (longest first) whose on-phone time is all surplus.
 * The result has no under-coverage on coverable intervals unless the cap is reached.
 */
import type { SlotGrid } from '../../time/slot-grid.js';
import { placeBreaks } from './breaks.js';
import type { CandidateShift, TemplateOnGrid } from './candidates.js';
import type { InstanceOnGrid, SessionOnGrid } from './coverage.js';
import { coveredSlots, type PoolColumn, type PoolDemand } from './model.js';
import type { ShiftPlanRules } from './rules.js';

export interface RepairInput {
  grid: SlotGrid;
  rules: ShiftPlanRules;
  onGrid: TemplateOnGrid[];
  candidates: CandidateShift[];
  windows: number[][][];
  required: number[];
  /** LP values of the shift columns (same order as candidates), or null. */
  lpCounts: number[] | null;
  poolCols: PoolColumn[];
  poolDemands: PoolDemand[];
  maxAdds?: number;
}

/**
 * Rounds the LP's shift counts down and repairs them greedily into concrete instances and sessions
 * (steps above). O(adds x candidates x span) in the worst case; fast on realistic weeks.
 */
export function roundAndRepair(input: RepairInput): { instances: InstanceOnGrid[]; sessions: SessionOnGrid[] } {
  const { grid, rules, onGrid, candidates, windows, required } = input;
  const n = grid.slotCount;
  const cyclic = rules.cyclic;
  const phone = new Float64Array(n);
  const counts = candidates.map((_c, i) => Math.max(0, Math.floor((input.lpCounts?.[i] ?? 0) + 1e-6)));
  candidates.forEach((c, i) => {
    for (const s of coveredSlots(c.startSlot, c.spanSlots, n, cyclic))
      phone[s] = (phone[s] as number) + (counts[i] as number);
  });
  const surplus = (start: number, length: number): number => {
    let worst = Infinity;
    for (const s of coveredSlots(start, length, n, cyclic))
      worst = Math.min(worst, (phone[s] as number) - (required[s] as number));
    return worst === Infinity ? 0 : worst;
  };
  const take = (start: number, length: number, agents = 1): void => {
    for (const s of coveredSlots(start, length, n, cyclic)) phone[s] = (phone[s] as number) - agents;
  };
  const instances = placeBreaks(candidates, windows, onGrid, counts, null, surplus, take);

  // Pool sessions.
  const sessions: SessionOnGrid[] = [];
  for (const demand of input.poolDemands) {
    const pool = rules.pool[demand.pool];
    if (!pool) continue;
    const cols = input.poolCols.filter((p) => p.pool === demand.pool && p.day === demand.day);
    const hoursPerUnit = (cols[0]?.agentsPerUnit ?? 1) * (pool.sessionMinutes / 60);
    let placed = 0;
    // Sessions (or seats / seatsPerSession) running per slot, against maxParallelSessions.
    const running = new Map<number, number>();
    const unitLoad = pool.sessionsPerDay !== undefined ? 1 : 1 / pool.seatsPerSession;
    const fits = (col: PoolColumn) =>
      pool.maxParallelSessions === undefined ||
      coveredSlots(col.startSlot, col.lengthSlots, n, cyclic).every(
        (s) => (running.get(s) ?? 0) + unitLoad <= (pool.maxParallelSessions as number) + 1e-9,
      );
    for (let guard = 0; guard < 10_000 && placed + 1e-9 < demand.requestedHours && cols.length > 0; guard++) {
      let best: PoolColumn | undefined;
      let bestValue = -Infinity;
      for (const col of cols) {
        if (!fits(col)) continue;
        const value = surplus(col.startSlot, col.lengthSlots);
        if (value > bestValue) {
          bestValue = value;
          best = col;
        }
      }
      if (!best || (pool.priority !== 'must' && bestValue < best.agentsPerUnit)) break;
      take(best.startSlot, best.lengthSlots, best.agentsPerUnit);
      for (const s of coveredSlots(best.startSlot, best.lengthSlots, n, cyclic))
        running.set(s, (running.get(s) ?? 0) + unitLoad);
      sessions.push({
        pool: demand.pool,
        day: demand.day,
        startSlot: best.startSlot,
        lengthSlots: best.lengthSlots,
        seats: best.agentsPerUnit,
      });
      placed += hoursPerUnit;
    }
  }

  // Greedy repair.
  const coveringBySlot: number[][] = Array.from({ length: n }, () => []);
  candidates.forEach((c, i) => {
    for (const s of coveredSlots(c.startSlot, c.spanSlots, n, cyclic)) (coveringBySlot[s] as number[]).push(i);
  });
  const maxAdds = input.maxAdds ?? 100_000;
  // Agents per (template, day), against the templates' daily min/max.
  const perDay = new Map<string, number>();
  const dayKey = (c: CandidateShift) => `${c.template}:${c.day}`;
  for (const inst of instances) {
    const key = dayKey(candidates[inst.candidate] as CandidateShift);
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
  }
  const atMax = (c: CandidateShift) =>
    (perDay.get(dayKey(c)) ?? 0) >= (rules.templates[c.template]?.maxAgentsPerDay ?? Infinity);
  const shortOf = (c: CandidateShift) => {
    let short = 0;
    for (const s of coveredSlots(c.startSlot, c.spanSlots, n, cyclic))
      if ((phone[s] as number) < (required[s] as number)) short++;
    return short;
  };
  const addOne = (ci: number) => {
    const c = candidates[ci] as CandidateShift;
    for (const s of coveredSlots(c.startSlot, c.spanSlots, n, cyclic)) phone[s] = (phone[s] as number) + 1;
    const one = candidates.map((_x, i) => (i === ci ? 1 : 0));
    instances.push(...placeBreaks(candidates, windows, onGrid, one, null, surplus, take));
    perDay.set(dayKey(c), (perDay.get(dayKey(c)) ?? 0) + 1);
  };
  // Daily minimums first: the candidate of that template and day covering the most short intervals.
  rules.templates.forEach((t, ti) => {
    if (!t.minAgentsPerDay) return;
    grid.days.forEach((_d, di) => {
      const options = candidates.map((c, i) => ({ c, i })).filter(({ c }) => c.template === ti && c.day === di);
      while (options.length > 0 && (perDay.get(`${ti}:${di}`) ?? 0) < (t.minAgentsPerDay as number)) {
        let best = options[0] as { c: CandidateShift; i: number };
        for (const o of options) if (shortOf(o.c) > shortOf(best.c)) best = o;
        addOne(best.i);
      }
    });
  });
  let slot = 0;
  for (let adds = 0; adds < maxAdds && slot < n;) {
    if ((phone[slot] as number) >= (required[slot] as number)) {
      slot++;
      continue;
    }
    let best = -1;
    let bestScore = -Infinity;
    for (const ci of coveringBySlot[slot] as number[]) {
      const c = candidates[ci] as CandidateShift;
      if (atMax(c)) continue;
      const template = rules.templates[c.template];
      const score = shortOf(c) / ((template?.costWeight ?? 1) * (onGrid[c.template] as TemplateOnGrid).paidHours);
      if (score > bestScore) {
        bestScore = score;
        best = ci;
      }
    }
    if (best < 0) {
      slot++; // nothing may cover it any more: left short
      continue;
    }
    addOne(best);
    adds++;
  }
  const keep = (inst: InstanceOnGrid) => {
    const c = candidates[inst.candidate] as CandidateShift;
    return (perDay.get(dayKey(c)) ?? 0) <= (rules.templates[c.template]?.minAgentsPerDay ?? 0);
  };
  const dropped = (inst: InstanceOnGrid) =>
    perDay.set(
      dayKey(candidates[inst.candidate] as CandidateShift),
      (perDay.get(dayKey(candidates[inst.candidate] as CandidateShift)) ?? 1) - 1,
    );
  return { instances: dropSurplus(instances, onGrid, candidates, phone, required, n, cyclic, keep, dropped), sessions };
}

/** Removes instances whose every on-phone interval is surplus, longest first. O(instances x span). */
function dropSurplus(
  instances: InstanceOnGrid[],
  onGrid: readonly TemplateOnGrid[],
  candidates: readonly CandidateShift[],
  phone: Float64Array,
  required: readonly number[],
  n: number,
  cyclic: boolean,
  keep: (inst: InstanceOnGrid) => boolean,
  dropped: (inst: InstanceOnGrid) => void,
): InstanceOnGrid[] {
  const order = instances
    .map((_x, i) => i)
    .sort((a, b) => {
      const pa = (
        onGrid[(candidates[(instances[a] as InstanceOnGrid).candidate] as CandidateShift).template] as TemplateOnGrid
      ).paidHours;
      const pb = (
        onGrid[(candidates[(instances[b] as InstanceOnGrid).candidate] as CandidateShift).template] as TemplateOnGrid
      ).paidHours;
      return pb - pa;
    });
  const removed = new Set<number>();
  for (const i of order) {
    const inst = instances[i] as InstanceOnGrid;
    if (keep(inst)) continue;
    const onBreak = new Set<number>();
    for (const b of inst.breaks) for (const s of coveredSlots(b.startSlot, b.lengthSlots, n, cyclic)) onBreak.add(s);
    const working = coveredSlots(inst.startSlot, inst.spanSlots, n, cyclic).filter((s) => !onBreak.has(s));
    if (working.every((s) => (phone[s] as number) - 1 >= (required[s] as number))) {
      for (const s of working) phone[s] = (phone[s] as number) - 1;
      removed.add(i);
      dropped(inst);
    }
  }
  return instances.filter((_x, i) => !removed.has(i));
}
