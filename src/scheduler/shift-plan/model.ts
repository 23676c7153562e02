/**
 * The shift-plan MIP (method in docs/shift-plan.md, "Method").
 *
 * Columns: x_j agents on candidate shift j; b_{t,k,p} agents of template t starting break k at
 * slot p (Aykin 1996, implicit breaks); pend_{t,k,p} >= 0 agents whose break-k window has opened by
 * p and who have not taken it yet; y pool seats or sessions; short_i under-coverage (soft mode).
 *
 * Aykin's forward/backward constraints, written sparsely with the pending count: for the lattice
 * points p of (t, k) in order,
 *   pend_p = pend_{p-1} + sum_{j: window(j) opens at p} x_j - b_p          (flow, equality)
 *   pend_p <= sum_{j: window(j) opens at or before p and closes after p} x_j  (cap)
 * With break windows that move monotonically with the shift start, these are Hall's conditions of
 * the shift-instance / break-time matching, so an integer (x, b) always has a concrete assignment
 * (placed later by `placeBreaks`). Cover rows: on shift - on break - in retraining + short >= required.
 */
import { breakStarts, type CandidateShift, type TemplateOnGrid } from './candidates.js';
import { ModelBuilder, type SparseModel } from '../mip/sparse-model.js';
import { addPoolColumns, addPoolDemandRows, addPoolShortColumns } from './model-pool.js';
import {
  addSupplyColumns,
  addSupplyRows,
  type HoursSlackColumn,
  type PatternColumn,
  type SupplyColumn,
} from './supply-model.js';
import { addSkillColumns, addSkillRows, type SkillColumns } from './skill-model.js';
import {
  coveredSlots,
  INF,
  latticeKey,
  type ModelInput,
  type ModelParts,
  type PoolColumn,
  type PoolDemand,
} from './model-parts.js';

export {
  latticeKey,
  coveredSlots,
  INF,
  POOL_TIE_COST,
  poolApplies,
  type ModelInput,
  type PoolColumn,
  type PoolDemand,
} from './model-parts.js';

export interface BreakColumn {
  col: number;
  /** The pending-count column at the same lattice point. */
  pendCol: number;
  template: number;
  rule: number;
  slot: number;
  /** A multi-skill plan: the skill class of the lattice. */
  skillClass?: number;
}

export interface ShiftPlanModel {
  model: SparseModel;
  shiftCols: number[];
  breakCols: BreakColumn[];
  poolCols: PoolColumn[];
  poolDemands: PoolDemand[];
  shortCols: (number | null)[];
  /** Candidates kept (a candidate whose break window has no allowed start is dropped). */
  candidates: CandidateShift[];
  /** Break start slots per candidate and rule (same indexing as `candidates`). */
  windows: number[][][];
  /** With agents: agents of each group per candidate, and the weekly hours slack (docs/shift-plan.md, "Supply"). */
  supplyCols: SupplyColumn[];
  slackCols: HoursSlackColumn[];
  /** With agents: agents of each pattern class on each day pattern (days off decided with the shifts). */
  patternCols: PatternColumn[];
  /** A multi-skill plan: flows, per-queue shortages and idle columns (docs/shift-plan.md, "Skills"). */
  skillCols?: SkillColumns;
}

/** The lattice of one (template, break rule): sorted break-start points with their flow and cap rows. */
interface Lattice {
  points: number[];
  flowRow: Map<number, number>;
  capRow: Map<number, number>;
}

/**
 * Builds the MIP. O(columns x span) nonzeros. Rows and columns are added in a fixed order (the solver's path depends
 * on it).
 */
export function buildShiftPlanModel(input: ModelInput): ShiftPlanModel {
  const mb = new ModelBuilder();
  const skills = input.skills;
  const skillRows = skills ? addSkillRows(mb, skills, input.grid.slotCount, input.rules.pool.length > 0) : null;
  const coverRow = skillRows ? skillRows.totalRow : input.required.map((r) => mb.addRow(r, INF));
  const phoneRow = skillRows
    ? (k: number | undefined, s: number) => (skillRows.classRow[k ?? 0] as number[])[s] as number
    : (_k: number | undefined, s: number) => coverRow[s] as number;
  const { candidates, windows } = candidatesWithBreaks(input);
  const parts: ModelParts = { input, mb, coverRow, phoneRow, candidates, windows };
  const dayRows = addTemplateDayRows(parts);
  const lattices = addBreakLattices(parts);
  const { poolDemands, poolRowOf } = addPoolDemandRows(parts);
  const supplyRows = input.supply ? addSupplyRows(parts, input.supply) : null;
  const { shiftCols, openAt } = addShiftColumns(parts, lattices, dayRows, supplyRows?.link);
  const breakCols = addBreakColumns(parts, lattices, openAt);
  const poolCols = addPoolColumns(parts, poolRowOf);
  addPoolShortColumns(parts, poolDemands, poolRowOf);
  // Shortage columns.
  const shortCols = input.shortPenalty.map((penalty, s) =>
    penalty === null || (input.required[s] ?? 0) <= 0 || skills
      ? null
      : mb.addCol(penalty, 0, INF, false, [coverRow[s] as number], [1]),
  );
  const { supplyCols, slackCols, patternCols } =
    input.supply && supplyRows
      ? addSupplyColumns(parts, input.supply, supplyRows)
      : { supplyCols: [], slackCols: [], patternCols: [] };
  const skillCols = skills && skillRows ? addSkillColumns(parts, skills, skillRows) : undefined;
  return {
    model: mb.build(),
    shiftCols,
    breakCols,
    poolCols,
    poolDemands,
    shortCols,
    candidates,
    windows,
    supplyCols,
    slackCols,
    patternCols,
    ...(skillCols ? { skillCols } : {}),
  };
}

/** Break windows per candidate; a candidate with an empty window is dropped. */
function candidatesWithBreaks(input: ModelInput): { candidates: CandidateShift[]; windows: number[][][] } {
  const { grid, onGrid } = input;
  const candidates: CandidateShift[] = [];
  const windows: number[][][] = [];
  for (const c of input.candidates) {
    const t = onGrid[c.template] as TemplateOnGrid;
    const w = t.breaks.map((b) => breakStarts(grid, b, c.startSlot, input.rules.cyclic));
    if (w.some((starts) => starts.length === 0)) continue;
    candidates.push(c);
    windows.push(w);
  }
  return { candidates, windows };
}

/**
 * Template-day rows (min/max agents per day), only for days the template can start on (a minimum
 * on a day without starts would be an empty, infeasible row).
 */
function addTemplateDayRows({ input, mb, candidates }: ModelParts): Map<string, number> {
  const dayRows = new Map<string, number>();
  for (const c of candidates) {
    const t = input.rules.templates[c.template];
    const key = `${c.template}:${c.day}`;
    if (!t || (t.minAgentsPerDay === undefined && t.maxAgentsPerDay === undefined) || dayRows.has(key)) continue;
    dayRows.set(key, mb.addRow(t.minAgentsPerDay ?? 0, t.maxAgentsPerDay ?? INF));
  }
  return dayRows;
}

/** Aykin rows per (template, break rule): its lattice points, with a flow and a cap row at each. */
function addBreakLattices({ mb, candidates, windows }: ModelParts): Map<string, Lattice> {
  const lattices = new Map<string, Lattice>();
  candidates.forEach((c, ci) => {
    (windows[ci] as number[][]).forEach((starts, k) => {
      const key = latticeKey(c.template, k, c.skillClass);
      let lat = lattices.get(key);
      if (!lat) {
        lat = { points: [], flowRow: new Map(), capRow: new Map() };
        lattices.set(key, lat);
      }
      for (const p of starts) lat.points.push(p);
    });
  });
  for (const lat of lattices.values()) {
    lat.points = [...new Set(lat.points)].sort((a, b) => a - b);
    for (const p of lat.points) {
      lat.flowRow.set(p, mb.addRow(0, 0));
      lat.capRow.set(p, mb.addRow(-INF, 0));
    }
  }
  return lattices;
}

/**
 * Shift columns: cover, break-window flow and cap, template-day rows. `openAt` records the cap rows some window stays
 * open after.
 */
function addShiftColumns(
  { input, mb, phoneRow, candidates, windows }: ModelParts,
  lattices: Map<string, Lattice>,
  dayRows: Map<string, number>,
  linkRows: number[] | undefined,
): { shiftCols: number[]; openAt: Set<number> } {
  const { grid, rules, onGrid } = input;
  const openAt = new Set<number>();
  const shiftCols = candidates.map((c, ci) => {
    const t = rules.templates[c.template];
    const tg = onGrid[c.template] as TemplateOnGrid;
    const rows: number[] = coveredSlots(c.startSlot, c.spanSlots, grid.slotCount, rules.cyclic).map((s) =>
      phoneRow(c.skillClass, s),
    );
    const vals: number[] = rows.map(() => 1);
    (windows[ci] as number[][]).forEach((starts, k) => {
      const lat = lattices.get(latticeKey(c.template, k, c.skillClass)) as Lattice;
      const first = starts[0] as number;
      const last = starts[starts.length - 1] as number;
      rows.push(lat.flowRow.get(first) as number);
      vals.push(-1);
      for (const p of lat.points) {
        if (p >= first && p < last) {
          openAt.add(lat.capRow.get(p) as number);
          rows.push(lat.capRow.get(p) as number);
          vals.push(-1);
        }
      }
    });
    const dayRow = dayRows.get(`${c.template}:${c.day}`);
    if (dayRow !== undefined) {
      rows.push(dayRow);
      vals.push(1);
    }
    if (linkRows) {
      rows.push(linkRows[ci] as number);
      vals.push(1);
    }
    return mb.addCol((t?.costWeight ?? 1) * tg.paidHours, 0, INF, true, rows, vals);
  });
  return { shiftCols, openAt };
}

/** Break-start and pending-count columns at every lattice point. */
function addBreakColumns(
  { input, mb, phoneRow }: ModelParts,
  lattices: Map<string, Lattice>,
  openAt: Set<number>,
): BreakColumn[] {
  const { grid, rules, onGrid } = input;
  const breakCols: BreakColumn[] = [];
  for (const [key, lat] of lattices) {
    const [template, rule, skillClass] = key.split(':').map(Number) as [number, number, number | undefined];
    const length = ((onGrid[template] as TemplateOnGrid).breaks[rule] as { lengthSlots: number }).lengthSlots;
    lat.points.forEach((p, idx) => {
      const rows = coveredSlots(p, length, grid.slotCount, rules.cyclic).map((s) => phoneRow(skillClass, s));
      const vals = rows.map(() => -1);
      rows.push(lat.flowRow.get(p) as number);
      vals.push(1);
      const col = mb.addCol(0, 0, INF, true, rows, vals);
      const pendRows = [lat.flowRow.get(p) as number, lat.capRow.get(p) as number];
      const pendVals = [1, 1];
      // Carry the pending count only while a window is open: otherwise it is 0, and the link
      // would only tie independent days together (see decompose).
      const next = lat.points[idx + 1];
      if (next !== undefined && openAt.has(lat.capRow.get(p) as number)) {
        pendRows.push(lat.flowRow.get(next) as number);
        pendVals.push(-1);
      }
      const pendCol = mb.addCol(0, 0, INF, false, pendRows, pendVals);
      breakCols.push({ col, pendCol, template, rule, slot: p, ...(skillClass !== undefined ? { skillClass } : {}) });
    });
  }
  return breakCols;
}
