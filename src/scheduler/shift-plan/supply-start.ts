/**
 * A concrete plan made to fit the agents' supply, for the heuristic fallback and the MIP's first
 * incumbent: each shift instance goes to a group with room (agents able that shift, that day, that
 * week's days and hours, and an agent whose day pattern works that day: supply-patterns-start.ts);
 * an instance no group can take is dropped. Groups that can work the
 * fewest shifts are tried first, so the flexible ones stay free for what only they can work.
 * O(instances x groups).
 */
import type { TemplateOnGrid } from './candidates.js';
import type { InstanceOnGrid } from './coverage.js';
import type { ShiftPlanModel } from './model.js';
import type { SupplyTable } from './supply-groups.js';
import { weekOf, type SupplyColumn } from './supply-model.js';
import { PatternBook } from './supply-patterns-start.js';

export interface SuppliedPlan {
  instances: InstanceOnGrid[];
  /** Values of the supply and hours-slack columns (column index -> value). */
  values: Map<number, number>;
}

export function fitToSupply(
  built: ShiftPlanModel,
  table: SupplyTable,
  onGrid: readonly TemplateOnGrid[],
  instances: readonly InstanceOnGrid[],
): SuppliedPlan {
  const breadth = new Map<number, number>();
  for (const y of built.supplyCols) breadth.set(y.group, (breadth.get(y.group) ?? 0) + 1);
  const byCandidate = new Map<number, SupplyColumn[]>();
  for (const y of built.supplyCols) {
    const list = byCandidate.get(y.candidate) ?? [];
    list.push(y);
    byCandidate.set(y.candidate, list);
  }
  for (const list of byCandidate.values())
    list.sort((a, b) => (breadth.get(a.group) ?? 0) - (breadth.get(b.group) ?? 0));
  const used = new Map<number, number>();
  const count = new Map<string, number>();
  const bump = (key: string, by: number) => count.set(key, (count.get(key) ?? 0) + by);
  const kept: InstanceOnGrid[] = [];
  const book = new PatternBook(table);
  for (const inst of instances) {
    const c = built.candidates[inst.candidate] as { day: number; template: number };
    const paid = (onGrid[c.template] as TemplateOnGrid).paidHours;
    const w = weekOf(table, c.day);
    const fits = (y: SupplyColumn) =>
      (used.get(y.col) ?? 0) < (built.model.colUpper[y.col] as number) &&
      (count.get(`w${y.group}:${w}`) ?? 0) < ((table.weekDays[y.group] as number[])[w] as number) &&
      (count.get(`h${y.group}:${w}`) ?? 0) + paid <= ((table.weekMaxHours[y.group] as number[])[w] as number) + 1e-9 &&
      book.canTake(y.group, w, c.day);
    const y = (byCandidate.get(inst.candidate) ?? []).find(fits);
    if (!y) continue;
    book.take(y.group, w, c.day);
    used.set(y.col, (used.get(y.col) ?? 0) + 1);
    bump(`w${y.group}:${w}`, 1);
    bump(`h${y.group}:${w}`, paid);
    kept.push(inst);
  }
  const values = new Map(used);
  for (const p of built.patternCols) {
    const n = (book.assigned[p.cls] as number[]).filter((x) => x === p.pattern).length;
    if (n > 0) values.set(p.col, n);
  }
  for (const s of built.slackCols) {
    const min = (table.weekMinHours[s.group] as number[])[s.week] as number;
    values.set(s.col, Math.max(0, min - (count.get(`h${s.group}:${s.week}`) ?? 0)));
  }
  return { instances: kept, values };
}
