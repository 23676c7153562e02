/**
 * The supply rows and columns of the shift-plan MIP (docs/shift-plan.md, "Supply"): an aggregated
 * tour-scheduling model over groups of agents with identical constraints (after Jacobs & Brusco
 * 1996, "Overlapping start-time bands in implicit tour scheduling", Mgmt Sci 42:1247-1259).
 *
 * Columns y_{g,j} >= 0 integer: agents of group g on candidate shift j, at most the group's agents
 * who may work j. Rows:
 *   x_j - sum_g y_{g,j} = 0                                   (every planned shift has someone)
 *   sum_{j on day d} y_{g,j} <= agents of g who may work day d (one shift per agent and day)
 *   sum_{j in week w} y_{g,j} <= sum_a min(maxDays_a, days a may work in w)   (days off)
 *   minH_{g,w} <= sum_{j in w} paidHours_j y_{g,j} + slack_{g,w} <= maxH_{g,w}  (contract hours)
 * Days worked and days off are decided together with the shifts; the slack (cost
 * MIN_HOURS_PENALTY per hour) keeps a minimum the agents cannot reach from making the plan infeasible.
 */
import type { CandidateShift, TemplateOnGrid } from './candidates.js';
import { INF, type ModelParts } from './model-parts.js';
import type { SupplyTable } from './supply-groups.js';

/** Cost per hour a group's paid hours fall short of its contracts' weekly minimum (paid-hour units). */
export const MIN_HOURS_PENALTY = 2;

export interface SupplyColumn {
  col: number;
  group: number;
  /** Index into the model's kept candidates. */
  candidate: number;
}

export interface HoursSlackColumn {
  col: number;
  group: number;
  week: number;
}

export interface SupplyRows {
  /** Link row of each kept candidate (same indexing as the model's candidates). */
  link: number[];
  dayRow: Map<string, number>;
  weekDaysRow: Map<string, number>;
  weekHoursRow: Map<string, number>;
}

/** The week of a grid day (-1 outside the weeks). */
export function weekOf(table: SupplyTable, day: number): number {
  return table.weeks.findIndex((w) => day >= w.fromDay && day < w.toDay);
}

/** The link, day and week rows (before the shift columns, which enter the link rows). */
export function addSupplyRows({ mb, candidates }: ModelParts, table: SupplyTable): SupplyRows {
  const link = candidates.map(() => mb.addRow(0, 0));
  const dayRow = new Map<string, number>();
  const weekDaysRow = new Map<string, number>();
  const weekHoursRow = new Map<string, number>();
  for (const c of candidates) {
    const row = table.able.get(c);
    if (!row) continue;
    const w = weekOf(table, c.day);
    row.forEach((count, g) => {
      if (count <= 0) return;
      const dayKey = `${g}:${c.day}`;
      if (!dayRow.has(dayKey)) dayRow.set(dayKey, mb.addRow(-INF, (table.dayCap[g] as Int32Array)[c.day] as number));
      const weekKey = `${g}:${w}`;
      if (!weekDaysRow.has(weekKey)) {
        weekDaysRow.set(weekKey, mb.addRow(-INF, (table.weekDays[g] as number[])[w] as number));
        const min = (table.weekMinHours[g] as number[])[w] as number;
        weekHoursRow.set(weekKey, mb.addRow(min, (table.weekMaxHours[g] as number[])[w] as number));
      }
    });
  }
  return { link, dayRow, weekDaysRow, weekHoursRow };
}

/** The y_{g,j} columns and the hours slack columns. O(groups x candidates). */
export function addSupplyColumns(
  { input, mb, candidates }: ModelParts,
  table: SupplyTable,
  rows: SupplyRows,
): { supplyCols: SupplyColumn[]; slackCols: HoursSlackColumn[] } {
  const supplyCols: SupplyColumn[] = [];
  candidates.forEach((c: CandidateShift, ci) => {
    const row = table.able.get(c);
    if (!row) return;
    const w = weekOf(table, c.day);
    const paid = (input.onGrid[c.template] as TemplateOnGrid).paidHours;
    row.forEach((count, g) => {
      if (count <= 0) return;
      const col = mb.addCol(
        0,
        0,
        count,
        true,
        [
          rows.link[ci] as number,
          rows.dayRow.get(`${g}:${c.day}`) as number,
          rows.weekDaysRow.get(`${g}:${w}`) as number,
          rows.weekHoursRow.get(`${g}:${w}`) as number,
        ],
        [-1, 1, 1, paid],
      );
      supplyCols.push({ col, group: g, candidate: ci });
    });
  });
  const slackCols: HoursSlackColumn[] = [];
  for (const [key, row] of rows.weekHoursRow) {
    const [group, week] = key.split(':').map(Number) as [number, number];
    const min = (table.weekMinHours[group] as number[])[week] as number;
    if (min <= 0) continue;
    slackCols.push({ col: mb.addCol(MIN_HOURS_PENALTY, 0, min, false, [row], [1]), group, week });
  }
  return { supplyCols, slackCols };
}
