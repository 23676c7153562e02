/**
 * A starting plan for a multi-skill MIP (docs/shift-plan.md, "Skills"): the LP-guided rounding and
 * greedy repair (`roundAndRepair`) run per skill class, each class covering its agents on the phones
 * in the LP rounded up. The LP's phone columns meet every subset row (or its shortage does), so the
 * classes' rounded-up cover leaves no subset shorter than the LP does; the single repair against the
 * total requirement knows nothing of skills and leaves queues short. Without retraining pools only
 * (sessions are seated against the total). O(classes x repair).
 */
import type { InstanceOnGrid, SessionOnGrid } from './coverage.js';
import type { ShiftPlanModel } from './model.js';
import { roundAndRepair, type RepairInput } from './repair.js';
import type { SolveOutcome } from '../mip/solve.js';

/** Per-class rounding and repair of the LP; null when it does not apply (a pool, no LP values, no skills). */
export function skillRepair(
  base: Pick<RepairInput, 'grid' | 'rules' | 'onGrid'>,
  built: ShiftPlanModel,
  lp: SolveOutcome,
): { instances: InstanceOnGrid[]; sessions: SessionOnGrid[] } | null {
  const values = lp.values;
  const phones = built.skillCols?.phones;
  if (!values || !phones || base.rules.pool.length > 0) return null;
  const n = base.grid.slotCount;
  const classes = new Set(phones.map((p) => p.skillClass));
  const instances: InstanceOnGrid[] = [];
  for (const k of classes) {
    const required = new Array<number>(n).fill(0);
    for (const p of phones)
      if (p.skillClass === k) required[p.slot] = Math.ceil(Math.max(0, values[p.col] ?? 0) - 1e-6);
    const mine = built.candidates.flatMap((c, i) => (c.skillClass === k ? [i] : []));
    const repaired = roundAndRepair({
      ...base,
      candidates: mine.map((i) => built.candidates[i]!),
      windows: mine.map((i) => built.windows[i]!),
      required,
      lpCounts: mine.map((i) => values[built.shiftCols[i]!] ?? 0),
      poolCols: [],
      poolDemands: [],
    });
    for (const inst of repaired.instances) instances.push({ ...inst, candidate: mine[inst.candidate]! });
  }
  return { instances, sessions: [] };
}
