import { latticeKey } from './model-parts.js';
import type { CandidateShift } from './candidates.js';
import { computeCoverage, type InstanceOnGrid, type SessionOnGrid } from './coverage.js';
import type { ShiftPlanModel } from './model.js';
import type { ShiftPlanRules } from './rules.js';

/**
 * The full column vector of a concrete plan (shifts, breaks, pending counts, pool, shortages), to
 * hand HiGHS as a starting incumbent. Pending counts follow the flow rows: at lattice point p,
 * pend = shifts whose window opened by p - breaks taken by p. O(columns + instances x span).
 */
export function solutionVector(
  built: ShiftPlanModel,
  rules: ShiftPlanRules,
  slotCount: number,
  required: readonly number[],
  instances: readonly InstanceOnGrid[],
  sessions: readonly SessionOnGrid[],
): Float64Array {
  const values = new Float64Array(built.model.numCols);
  const firstOf = new Map<string, Map<number, number>>();
  const taken = new Map<string, Map<number, number>>();
  const bump = (m: Map<string, Map<number, number>>, key: string, slot: number) => {
    const inner = m.get(key) ?? new Map<number, number>();
    inner.set(slot, (inner.get(slot) ?? 0) + 1);
    m.set(key, inner);
  };
  for (const inst of instances) {
    const col = built.shiftCols[inst.candidate] as number;
    values[col] = (values[col] as number) + 1;
    const c = built.candidates[inst.candidate] as CandidateShift;
    inst.breaks.forEach((b, k) => {
      const key = latticeKey(c.template, k, c.skillClass);
      bump(taken, key, b.startSlot);
      bump(firstOf, key, ((built.windows[inst.candidate] as number[][])[k] as number[])[0] as number);
    });
  }
  // Break and pending columns, lattice point by lattice point (breakCols are in lattice order per key).
  const running = new Map<string, number>();
  for (const b of built.breakCols) {
    const key = latticeKey(b.template, b.rule, b.skillClass);
    const took = taken.get(key)?.get(b.slot) ?? 0;
    const opened = firstOf.get(key)?.get(b.slot) ?? 0;
    const pend = (running.get(key) ?? 0) + opened - took;
    running.set(key, pend);
    values[b.col] = took;
    values[b.pendCol] = Math.max(0, pend);
  }
  const units = new Map<string, number>();
  for (const s of sessions) {
    const pool = rules.pool[s.pool];
    const add = pool?.sessionsPerDay !== undefined ? 1 : s.seats;
    const key = `${s.pool}:${s.day}:${s.startSlot}`;
    units.set(key, (units.get(key) ?? 0) + add);
  }
  for (const p of built.poolCols) values[p.col] = units.get(`${p.pool}:${p.day}:${p.startSlot}`) ?? 0;
  for (const demand of built.poolDemands) {
    if (demand.shortCol === null) continue;
    const pool = rules.pool[demand.pool];
    const placed = sessions
      .filter((s) => s.pool === demand.pool && s.day === demand.day)
      .reduce((sum, s) => sum + (s.seats * (pool?.sessionMinutes ?? 0)) / 60, 0);
    values[demand.shortCol] = Math.max(0, demand.requestedHours - placed);
  }
  const cover = computeCoverage(slotCount, rules.cyclic, instances, sessions);
  built.shortCols.forEach((col, s) => {
    if (col === null) return;
    const phone = (cover.onShift[s] as number) - (cover.onBreak[s] as number) - (cover.inRetraining[s] as number);
    values[col] = Math.max(0, (required[s] as number) - phone);
  });
  return values;
}
