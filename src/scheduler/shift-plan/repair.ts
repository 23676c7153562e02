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
import type { SlotGrid } from '../common/slot-grid.js';
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

export function roundAndRepair(input: RepairInput): { instances: InstanceOnGrid[]; sessions: SessionOnGrid[] } {
  const { grid, rules, onGrid, candidates, windows, required } = input;
  const n = grid.slotCount;
  const cyclic = rules.cyclic;
  const phone = new Float64Array(n);
  const counts = candidates.map((_c, i) => Math.max(0, Math.floor((input.lpCounts?.[i] ?? 0) + 1e-6)));
  candidates.forEach((c, i) => {
    for (const s of coveredSlots(c.startSlot, c.spanSlots, n, cyclic)) phone[s] = (phone[s] as number) + (counts[i] as number);
  });
  const surplus = (start: number, length: number): number => {
    let worst = Infinity;
    for (const s of coveredSlots(start, length, n, cyclic)) worst = Math.min(worst, (phone[s] as number) - (required[s] as number));
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
    for (let guard = 0; guard < 10_000 && placed + 1e-9 < demand.requestedHours && cols.length > 0; guard++) {
      let best: PoolColumn | undefined;
      let bestValue = -Infinity;
      for (const col of cols) {
        const value = surplus(col.startSlot, col.lengthSlots);
        if (value > bestValue) {
          bestValue = value;
          best = col;
        }
      }
      if (!best || (pool.priority !== 'must' && bestValue < best.agentsPerUnit)) break;
      take(best.startSlot, best.lengthSlots, best.agentsPerUnit);
      sessions.push({ pool: demand.pool, day: demand.day, startSlot: best.startSlot, lengthSlots: best.lengthSlots, seats: best.agentsPerUnit });
      placed += hoursPerUnit;
    }
  }

  // Greedy repair.
  const coveringBySlot: number[][] = Array.from({ length: n }, () => []);
  candidates.forEach((c, i) => {
    for (const s of coveredSlots(c.startSlot, c.spanSlots, n, cyclic)) (coveringBySlot[s] as number[]).push(i);
  });
  const maxAdds = input.maxAdds ?? 100_000;
  let slot = 0;
  for (let adds = 0; adds < maxAdds && slot < n; ) {
    if ((phone[slot] as number) >= (required[slot] as number) || (coveringBySlot[slot] as number[]).length === 0) {
      slot++;
      continue;
    }
    let best = -1;
    let bestScore = -Infinity;
    for (const ci of coveringBySlot[slot] as number[]) {
      const c = candidates[ci] as CandidateShift;
      let short = 0;
      for (const s of coveredSlots(c.startSlot, c.spanSlots, n, cyclic)) if ((phone[s] as number) < (required[s] as number)) short++;
      const template = rules.templates[c.template];
      const score = short / ((template?.costWeight ?? 1) * (onGrid[c.template] as TemplateOnGrid).paidHours);
      if (score > bestScore) {
        bestScore = score;
        best = ci;
      }
    }
    const c = candidates[best] as CandidateShift;
    for (const s of coveredSlots(c.startSlot, c.spanSlots, n, cyclic)) phone[s] = (phone[s] as number) + 1;
    const one = candidates.map((_x, i) => (i === best ? 1 : 0));
    instances.push(...placeBreaks(candidates, windows, onGrid, one, null, surplus, take));
    adds++;
  }
  return { instances: dropSurplus(instances, onGrid, candidates, phone, required, n, cyclic), sessions };
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
): InstanceOnGrid[] {
  const order = instances.map((_x, i) => i).sort((a, b) => {
    const pa = (onGrid[(candidates[(instances[a] as InstanceOnGrid).candidate] as CandidateShift).template] as TemplateOnGrid).paidHours;
    const pb = (onGrid[(candidates[(instances[b] as InstanceOnGrid).candidate] as CandidateShift).template] as TemplateOnGrid).paidHours;
    return pb - pa;
  });
  const removed = new Set<number>();
  for (const i of order) {
    const inst = instances[i] as InstanceOnGrid;
    const onBreak = new Set<number>();
    for (const b of inst.breaks) for (const s of coveredSlots(b.startSlot, b.lengthSlots, n, cyclic)) onBreak.add(s);
    const working = coveredSlots(inst.startSlot, inst.spanSlots, n, cyclic).filter((s) => !onBreak.has(s));
    if (working.every((s) => (phone[s] as number) - 1 >= (required[s] as number))) {
      for (const s of working) phone[s] = (phone[s] as number) - 1;
      removed.add(i);
    }
  }
  return instances.filter((_x, i) => !removed.has(i));
}
