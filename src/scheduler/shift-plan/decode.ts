import { latticeKey } from './model-parts.js';
import { placeBreaks } from './breaks.js';
import type { TemplateOnGrid } from './candidates.js';
import type { SessionOnGrid } from './coverage.js';
import type { ShiftPlanModel } from './model.js';
import type { PoolRule, ShiftPlanRules } from './rules.js';

/** Integer solution -> concrete instances (breaks matched) and sessions. */
export function decodeSolution(
  built: ShiftPlanModel,
  onGrid: TemplateOnGrid[],
  rules: ShiftPlanRules,
  values: Float64Array,
) {
  const at = (col: number) => Math.max(0, Math.round(values[col] ?? 0));
  const counts = built.shiftCols.map(at);
  const breakCounts = new Map<string, Map<number, number>>();
  for (const b of built.breakCols) {
    const key = latticeKey(b.template, b.rule, b.skillClass);
    const map = breakCounts.get(key) ?? new Map<number, number>();
    map.set(b.slot, (map.get(b.slot) ?? 0) + at(b.col));
    breakCounts.set(key, map);
  }
  const instances = placeBreaks(built.candidates, built.windows, onGrid, counts, breakCounts, null, null);
  const sessions: SessionOnGrid[] = [];
  for (const p of built.poolCols) {
    const units = at(p.col);
    if (units === 0) continue;
    const pool = rules.pool[p.pool] as PoolRule;
    if (pool.sessionsPerDay !== undefined) {
      for (let k = 0; k < units; k++)
        sessions.push({
          pool: p.pool,
          day: p.day,
          startSlot: p.startSlot,
          lengthSlots: p.lengthSlots,
          seats: p.agentsPerUnit,
        });
    } else {
      for (let left = units; left > 0; left -= pool.seatsPerSession) {
        sessions.push({
          pool: p.pool,
          day: p.day,
          startSlot: p.startSlot,
          lengthSlots: p.lengthSlots,
          seats: Math.min(left, pool.seatsPerSession),
        });
      }
    }
  }
  return { instances, sessions };
}
