/**
 * The skill rows and columns of a multi-skill shift plan (docs/shift-plan.md, "Skills").
 *
 * Shifts are planned per skill class k (the set of queues its agents may serve). Per slot s:
 *   on-phone_k(s) - sum_q f_{k,q,s} (- idle_{k,s}) >= 0 (= 0 with a pool)   (class row)
 *   sum_k f_{k,q,s} + short_{q,s} >= required_q(s)                          (queue row)
 *   sum_k idle_{k,s} - in retraining(s) >= 0                                 (only with a pool)
 * f_{k,q,s} >= 0 exists only where class k has skill q and q requires agents: an agent without the
 * skill is never counted toward a queue. short_{q,s} costs the queue's penalty (the plan's
 * under-coverage penalty weighted by the queue's priority).
 */
import { INF, type ModelParts, type SkillInput } from './model-parts.js';
import type { ModelBuilder } from '../mip/sparse-model.js';

export interface SkillRows {
  /** classRow[k][s]: the on-phone row of class k at slot s. */
  classRow: number[][];
  /** The pool's rows per slot (retraining comes out of the classes' idle agents); empty without a pool. */
  totalRow: number[];
}

export interface FlowColumn {
  col: number;
  skillClass: number;
  queue: number;
  slot: number;
}

export interface SkillColumns {
  flows: FlowColumn[];
  /** Per queue and slot the shortage column (null where the queue requires nobody). */
  shortCols: (number | null)[][];
  idle: { col: number; skillClass: number; slot: number }[];
}

/** Class rows (and the pool's rows), in place of the single cover row per slot. */
export function addSkillRows(mb: ModelBuilder, skills: SkillInput, slots: number, withPool: boolean): SkillRows {
  const classRow = skills.classes.map(() =>
    Array.from({ length: slots }, () => (withPool ? mb.addRow(0, 0) : mb.addRow(0, INF))),
  );
  const totalRow = withPool ? Array.from({ length: slots }, () => mb.addRow(0, INF)) : [];
  return { classRow, totalRow };
}

/** Queue rows, flows, shortages and (with a pool) idle columns. O(slots x classes x queues). */
export function addSkillColumns({ mb, input }: ModelParts, skills: SkillInput, rows: SkillRows): SkillColumns {
  const slots = input.grid.slotCount;
  const withPool = rows.totalRow.length > 0;
  const idle: SkillColumns['idle'] = [];
  if (withPool)
    skills.classes.forEach((_, k) => {
      for (let s = 0; s < slots; s++) {
        const cls = (rows.classRow[k] as number[])[s] as number;
        idle.push({
          col: mb.addCol(0, 0, INF, false, [cls, rows.totalRow[s] as number], [-1, 1]),
          skillClass: k,
          slot: s,
        });
      }
    });
  const flows: FlowColumn[] = [];
  const shortCols = skills.queues.map((q, qi) =>
    q.required.map((req, s) => {
      if (!(req > 0)) return null;
      const queueRow = mb.addRow(req, INF);
      skills.classes.forEach((cls, k) => {
        if (!cls.includes(qi)) return;
        const col = mb.addCol(0, 0, INF, false, [(rows.classRow[k] as number[])[s] as number, queueRow], [-1, 1]);
        flows.push({ col, skillClass: k, queue: qi, slot: s });
      });
      return mb.addCol(q.penalty, 0, INF, false, [queueRow], [1]);
    }),
  );
  return { flows, shortCols, idle };
}

/** Per queue and slot the agents the flows give it (at most its requirement). O(flow columns). */
export function queueCoverFromFlows(
  skills: SkillInput,
  columns: SkillColumns,
  values: ArrayLike<number>,
): { covered: number[][]; serves: boolean[][][] } {
  const slots = skills.queues[0]?.required.length ?? 0;
  const covered = skills.queues.map(() => new Array<number>(slots).fill(0));
  const serves = skills.classes.map(() => Array.from({ length: slots }, () => skills.queues.map(() => false)));
  for (const f of columns.flows) {
    const v = Math.max(0, values[f.col] ?? 0);
    if (v <= 1e-6) continue;
    (covered[f.queue] as number[])[f.slot]! += v;
    ((serves[f.skillClass] as boolean[][])[f.slot] as boolean[])[f.queue] = true;
  }
  skills.queues.forEach((q, qi) =>
    q.required.forEach((r, s) => ((covered[qi] as number[])[s] = Math.min(r, covered[qi]![s]!))),
  );
  return { covered, serves };
}

/**
 * A feasible allocation of a concrete plan's on-phone agents per class to the queues (the MIP's
 * first incumbent and the fallback's coverage): per slot, retraining seats first come out of the
 * classes in order, then each queue (highest penalty first) takes agents from the classes with the
 * fewest skills first. Returns the skill columns' values. O(slots x classes x queues).
 */
export function greedySkillValues(
  skills: SkillInput,
  columns: SkillColumns,
  onPhoneByClass: readonly Int32Array[],
  inRetraining: Int32Array,
): Map<number, number> {
  const values = new Map<number, number>();
  const slots = inRetraining.length;
  const classOrder = skills.classes
    .map((_, k) => k)
    .sort((a, b) => skills.classes[a]!.length - skills.classes[b]!.length);
  const queueOrder = skills.queues
    .map((_, q) => q)
    .sort((a, b) => skills.queues[b]!.penalty - skills.queues[a]!.penalty);
  const flowAt = new Map(columns.flows.map((f) => [`${f.skillClass}:${f.queue}:${f.slot}`, f.col]));
  const idleAt = new Map(columns.idle.map((c) => [`${c.skillClass}:${c.slot}`, c.col]));
  for (let s = 0; s < slots; s++) {
    const free = onPhoneByClass.map((a) => Math.max(0, a[s] as number));
    let seats = inRetraining[s] as number;
    const reserved = free.map((f, k) => {
      const take = Math.min(f, seats);
      seats -= take;
      free[k] = f - take;
      return take;
    });
    for (const q of queueOrder) {
      let need = skills.queues[q]!.required[s] as number;
      for (const k of classOrder) {
        const col = flowAt.get(`${k}:${q}:${s}`);
        if (col === undefined || need <= 0) continue;
        const take = Math.min(free[k] as number, need);
        values.set(col, take);
        free[k] = (free[k] as number) - take;
        need -= take;
      }
      const short = columns.shortCols[q]?.[s];
      if (short !== null && short !== undefined) values.set(short, Math.max(0, need));
    }
    free.forEach((f, k) => {
      const col = idleAt.get(`${k}:${s}`);
      if (col !== undefined) values.set(col, f + (reserved[k] as number));
    });
  }
  return values;
}
