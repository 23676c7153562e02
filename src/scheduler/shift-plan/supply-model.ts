/**
 * The supply rows and columns of the shift-plan MIP (docs/shift-plan.md, "Supply"): an aggregated
 * tour-scheduling model over groups of agents with identical constraints (after Jacobs & Brusco
 * 1996, "Overlapping start-time bands in implicit tour scheduling", Mgmt Sci 42:1247-1259).
 *
 * Columns y_{g,j} >= 0 integer: agents of group g on candidate shift j, at most the group's agents
 * who may work j. Rows:
 *   x_j - sum_g y_{g,j} = 0                                   (every planned shift has someone)
 *   sum_{j on day d} y_{g,j} - sum_{k,p works d} n_{k,p} <= 0  (one shift per agent and day, on a day
 *                                                               their day pattern works)
 *   sum_p n_{k,p} <= agents of class k                        (one pattern per agent and week)
 *   sum_{j in week w} y_{g,j} <= sum_a min(maxDays_a, days a may work in w)   (days off)
 *   minH_{g,w} <= sum_{j in w} paidHours_j y_{g,j} + slack_{g,w} <= maxH_{g,w}  (contract hours)
 * with integer n_{k,p} >= 0: agents of pattern class k (a group's agents who may work the same days
 * of a week) on day pattern p (maximal day-on/day-off patterns keeping the roster's hard day rules:
 * two consecutive days off, runs of days, maximum days; day-patterns.ts).
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

/** n_{k,p}: agents of pattern class `cls` (index into the table's classes) working `pattern`. */
export interface PatternColumn {
  col: number;
  cls: number;
  pattern: number;
}

export interface SupplyRows {
  /** Link row of each kept candidate (same indexing as the model's candidates). */
  link: number[];
  dayRow: Map<string, number>;
  weekDaysRow: Map<string, number>;
  weekHoursRow: Map<string, number>;
  /** Per pattern class: its row sum_p n_{k,p} <= agents. */
  classRow: number[];
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
      if (!dayRow.has(dayKey)) dayRow.set(dayKey, mb.addRow(-INF, 0));
      const weekKey = `${g}:${w}`;
      if (!weekDaysRow.has(weekKey)) {
        weekDaysRow.set(weekKey, mb.addRow(-INF, (table.weekDays[g] as number[])[w] as number));
        const min = (table.weekMinHours[g] as number[])[w] as number;
        weekHoursRow.set(weekKey, mb.addRow(min, (table.weekMaxHours[g] as number[])[w] as number));
      }
    });
  }
  const classRow = table.patternClasses.map((k) => mb.addRow(-INF, k.agents));
  return { link, dayRow, weekDaysRow, weekHoursRow, classRow };
}

/** The y_{g,j} columns and the hours slack columns. O(groups x candidates). */
export function addSupplyColumns(
  { input, mb, candidates }: ModelParts,
  table: SupplyTable,
  rows: SupplyRows,
): { supplyCols: SupplyColumn[]; slackCols: HoursSlackColumn[]; patternCols: PatternColumn[] } {
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
  return { supplyCols, slackCols, patternCols: addPatternColumns(mb, table, rows) };
}

/** The n_{k,p} columns: in the class row, and -1 in the day row of each day the pattern works. */
function addPatternColumns(mb: ModelParts['mb'], table: SupplyTable, rows: SupplyRows): PatternColumn[] {
  const out: PatternColumn[] = [];
  table.patternClasses.forEach((k, cls) => {
    const fromDay = (table.weeks[k.week] as { fromDay: number }).fromDay;
    for (const pattern of k.patterns) {
      const idx = [rows.classRow[cls] as number];
      const val = [1];
      for (let i = 0; pattern >> i; i++) {
        const row = (pattern >> i) & 1 ? rows.dayRow.get(`${k.group}:${fromDay + i}`) : undefined;
        if (row === undefined) continue;
        idx.push(row);
        val.push(-1);
      }
      if (idx.length > 1) out.push({ col: mb.addCol(0, 0, k.agents, true, idx, val), cls, pattern });
    }
  });
  return out;
}
