/**
 * The shift-plan MIP (design.md, "Scheduling semantics" 1 and 3).
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
import type { SlotGrid } from '../../time/slot-grid.js';
import { breakStarts, type CandidateShift, type TemplateOnGrid } from './candidates.js';
import { ModelBuilder, type SparseModel } from '../mip/sparse-model.js';
import type { PoolRule, ShiftPlanRules } from './rules.js';

export const INF = 1e30;
/** Cost per agent of a pool column: a tie-breaker so that no more than asked is placed. */
export const POOL_TIE_COST = 1e-4;

/** A pool column: `coef` agents per unit, starting at `startSlot`, for `lengthSlots`. */
export interface PoolColumn {
  col: number;
  pool: number;
  day: number;
  startSlot: number;
  lengthSlots: number;
  /** Agents off the phones per unit of the column (seats per session, or 1 per seat). */
  agentsPerUnit: number;
}

export interface BreakColumn {
  col: number;
  /** The pending-count column at the same lattice point. */
  pendCol: number;
  template: number;
  rule: number;
  slot: number;
}

/** A pool request on one day: the row and what it asks. */
export interface PoolDemand {
  pool: number;
  day: number;
  requestedHours: number;
  shortCol: number | null;
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
}

export interface ModelInput {
  grid: SlotGrid;
  rules: ShiftPlanRules;
  onGrid: TemplateOnGrid[];
  candidates: CandidateShift[];
  /** Requirement per slot as the model must meet it (0 where uncoverable in hard mode). */
  required: number[];
  /** Per-slot penalty of a short agent-interval, or null for no short variable (hard). */
  shortPenalty: (number | null)[];
}

/** Slots covered by `[start, start + length)`, wrapped (cyclic) or clipped to the grid. */
export function coveredSlots(start: number, length: number, n: number, cyclic: boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k < length; k++) {
    const s = start + k;
    if (cyclic) out.push(((s % n) + n) % n);
    else if (s >= 0 && s < n) out.push(s);
  }
  return out;
}

/** True when the pool rule applies on that local day. */
export function poolApplies(pool: PoolRule, date: string, weekday: number): boolean {
  if (!pool.weekdays && !pool.dates) return true;
  return (pool.weekdays?.includes(weekday) ?? false) || (pool.dates?.includes(date) ?? false);
}

/** Builds the MIP. O(columns x span) nonzeros. */
export function buildShiftPlanModel(input: ModelInput): ShiftPlanModel {
  const { grid, rules, onGrid } = input;
  const n = grid.slotCount;
  const cyclic = rules.cyclic;
  const mb = new ModelBuilder();
  const coverRow = input.required.map((r) => mb.addRow(r, INF));

  // Break windows per candidate; drop candidates with an empty window.
  const candidates: CandidateShift[] = [];
  const windows: number[][][] = [];
  for (const c of input.candidates) {
    const t = onGrid[c.template] as TemplateOnGrid;
    const w = t.breaks.map((b) => breakStarts(grid, b, c.startSlot, cyclic));
    if (w.some((starts) => starts.length === 0)) continue;
    candidates.push(c);
    windows.push(w);
  }

  // Template-day rows.
  // Template-day rows, only for days the template can start on (a minimum on a day without
  // starts would be an empty, infeasible row).
  const dayRows = new Map<string, number>();
  for (const c of candidates) {
    const t = rules.templates[c.template];
    const key = `${c.template}:${c.day}`;
    if (!t || (t.minAgentsPerDay === undefined && t.maxAgentsPerDay === undefined) || dayRows.has(key)) continue;
    dayRows.set(key, mb.addRow(t.minAgentsPerDay ?? 0, t.maxAgentsPerDay ?? INF));
  }

  // Aykin rows per (template, break rule): lattice points, flow and cap rows.
  interface Lattice {
    points: number[];
    flowRow: Map<number, number>;
    capRow: Map<number, number>;
  }
  const lattices = new Map<string, Lattice>();
  candidates.forEach((c, ci) => {
    (windows[ci] as number[][]).forEach((starts, k) => {
      const key = `${c.template}:${k}`;
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

  // Pool rows per (pool, day).
  const poolDemands: PoolDemand[] = [];
  const poolRowOf = new Map<string, number>();
  rules.pool.forEach((p, pi) => {
    grid.days.forEach((d, di) => {
      if (!poolApplies(p, d.date, d.weekday)) return;
      const hours =
        p.sessionsPerDay !== undefined
          ? (p.sessionsPerDay * p.seatsPerSession * p.sessionMinutes) / 60
          : (p.agentHoursPerDay ?? 0);
      if (hours <= 0) return;
      poolRowOf.set(`${pi}:${di}`, mb.addRow(hours, p.sessionsPerDay !== undefined ? hours : INF));
      poolDemands.push({ pool: pi, day: di, requestedHours: hours, shortCol: null });
    });
  });

  // Shift columns. `openAt` records the lattice points some window stays open after.
  const openAt = new Set<number>();
  const shiftCols = candidates.map((c, ci) => {
    const t = rules.templates[c.template];
    const tg = onGrid[c.template] as TemplateOnGrid;
    const rows: number[] = coveredSlots(c.startSlot, c.spanSlots, n, cyclic).map((s) => coverRow[s] as number);
    const vals: number[] = rows.map(() => 1);
    (windows[ci] as number[][]).forEach((starts, k) => {
      const lat = lattices.get(`${c.template}:${k}`) as Lattice;
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
    return mb.addCol((t?.costWeight ?? 1) * tg.paidHours, 0, INF, true, rows, vals);
  });

  // Break and pending columns.
  const breakCols: BreakColumn[] = [];
  for (const [key, lat] of lattices) {
    const [template, rule] = key.split(':').map(Number) as [number, number];
    const length = ((onGrid[template] as TemplateOnGrid).breaks[rule] as { lengthSlots: number }).lengthSlots;
    lat.points.forEach((p, idx) => {
      const rows = coveredSlots(p, length, n, cyclic).map((s) => coverRow[s] as number);
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
      breakCols.push({ col, pendCol, template, rule, slot: p });
    });
  }

  // Pool columns.
  const poolCols: PoolColumn[] = [];
  rules.pool.forEach((p, pi) => {
    const lengthSlots = p.sessionMinutes / grid.intervalMinutes;
    const bySessions = p.sessionsPerDay !== undefined;
    const agentsPerUnit = bySessions ? p.seatsPerSession : 1;
    const upper = bySessions ? (p.maxParallelSessions ?? INF) : p.seatsPerSession * (p.maxParallelSessions ?? 1e6);
    // Sessions running at once, at most maxParallelSessions: one row per covered slot.
    const parallelRow = new Map<number, number>();
    const parallelRowAt = (slot: number) => {
      let row = parallelRow.get(slot);
      if (row === undefined) {
        row = mb.addRow(-INF, p.maxParallelSessions as number);
        parallelRow.set(slot, row);
      }
      return row;
    };
    grid.days.forEach((d, di) => {
      const demandRow = poolRowOf.get(`${pi}:${di}`);
      if (demandRow === undefined) return;
      for (let s = d.firstSlot; s < d.endSlot; s++) {
        const m = grid.minuteOfDay[s] as number;
        if (
          m % (p.stepMinutes ?? grid.intervalMinutes) !== 0 ||
          m < p.windowStartMinute ||
          m + p.sessionMinutes > p.windowEndMinute
        )
          continue;
        if (s + lengthSlots > n && !cyclic) continue;
        const rows = coveredSlots(s, lengthSlots, n, cyclic).map((x) => coverRow[x] as number);
        const vals = rows.map(() => -agentsPerUnit);
        rows.push(demandRow);
        vals.push((agentsPerUnit * p.sessionMinutes) / 60);
        if (p.maxParallelSessions !== undefined) {
          for (const x of coveredSlots(s, lengthSlots, n, cyclic)) {
            rows.push(parallelRowAt(x));
            vals.push(bySessions ? 1 : 1 / p.seatsPerSession);
          }
        }
        // A tiny cost keeps the solver from placing more than asked where coverage is free.
        const col = mb.addCol(POOL_TIE_COST * agentsPerUnit, 0, upper, true, rows, vals);
        poolCols.push({ col, pool: pi, day: di, startSlot: s, lengthSlots, agentsPerUnit });
      }
    });
  });
  for (const demand of poolDemands) {
    const p = rules.pool[demand.pool] as PoolRule;
    if (p.priority === 'must') continue;
    const row = poolRowOf.get(`${demand.pool}:${demand.day}`) as number;
    demand.shortCol = mb.addCol(p.shortfallPenaltyPerHour, 0, demand.requestedHours, false, [row], [1]);
  }

  // Shortage columns.
  const shortCols = input.shortPenalty.map((penalty, s) =>
    penalty === null || (input.required[s] ?? 0) <= 0
      ? null
      : mb.addCol(penalty, 0, INF, false, [coverRow[s] as number], [1]),
  );

  return { model: mb.build(), shiftCols, breakCols, poolCols, poolDemands, shortCols, candidates, windows };
}
