/**
 * The skill rows and columns of a multi-skill shift plan (docs/shift-plan.md, "Skills").
 *
 * Shifts are planned per skill class k (the set of queues its agents may serve). Per slot s:
 *   on-phone_k(s) - phone_{k,s} (- idle_{k,s}) >= 0 (= 0 with a pool)              (class row)
 *   sum_{k holding a skill of S} phone_{k,s} + sum_{q in S} short_{q,s} >= R_S(s)   (subset row)
 *   sum_k idle_{k,s} - in retraining(s) >= 0                                         (only with a pool)
 * for each subset S of queues the plan covers (`queueSubsets`), R_S its pooled requirement
 * (`subsetRequirements`): Hall's conditions for a routing of the agents to the queues, with pooling.
 * An agent without any skill of S never counts toward S. short_{q,s} (a missing agent of queue q
 * alone) costs the queue's penalty (the plan's under-coverage penalty weighted by its priority).
 */
import { INF, type ModelParts, type SkillInput } from './model-parts.js';
import type { ModelBuilder } from '../mip/sparse-model.js';

export interface SkillRows {
  /** classRow[k][s]: the on-phone row of class k at slot s. */
  classRow: number[][];
  /** The pool's rows per slot (retraining comes out of the classes' idle agents); empty without a pool. */
  totalRow: number[];
}

export interface PhoneColumn {
  col: number;
  skillClass: number;
  slot: number;
}

export interface SkillColumns {
  /** Per class and slot, its agents on the phones for the queues (where some subset needs them). */
  phones: PhoneColumn[];
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

/** Subset rows, phone, shortage and (with a pool) idle columns. O(slots x (classes + subsets x queues)). */
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
  // subsetRows[s]: the rows at slot s with the subset each covers. A subset's row is left out where a
  // subset inside it requires as many (its agents include the smaller one's: the row would be implied).
  const subsetRows = Array.from({ length: slots }, () => [] as { row: number; queues: number[] }[]);
  const inside = skills.subsets.map((a) =>
    skills.subsets.filter((b) => b.queues.length < a.queues.length && b.queues.every((q) => a.queues.includes(q))),
  );
  skills.subsets.forEach((subset, i) =>
    subset.required.forEach((req, s) => {
      if (!(req > 0) || inside[i]!.some((b) => (b.required[s] ?? 0) >= req)) return;
      subsetRows[s]!.push({ row: mb.addRow(req, INF), queues: subset.queues });
    }),
  );
  const phones: PhoneColumn[] = [];
  skills.classes.forEach((cls, k) => {
    for (let s = 0; s < slots; s++) {
      const mine = subsetRows[s]!.filter((r) => r.queues.some((q) => cls.includes(q))).map((r) => r.row);
      if (mine.length === 0) continue;
      const col = mb.addCol(
        0,
        0,
        INF,
        false,
        [(rows.classRow[k] as number[])[s] as number, ...mine],
        [-1, ...mine.map(() => 1)],
      );
      phones.push({ col, skillClass: k, slot: s });
    }
  });
  const shortCols = skills.queues.map((q, qi) =>
    q.required.map((req, s) => {
      if (!(req > 0)) return null;
      const mine = subsetRows[s]!.filter((r) => r.queues.includes(qi)).map((r) => r.row);
      return mb.addCol(
        q.penalty,
        0,
        INF,
        false,
        mine,
        mine.map(() => 1),
      );
    }),
  );
  return { phones, shortCols, idle };
}

/**
 * Per queue and slot the agents the plan gives it (its requirement less its shortage), and per class
 * and slot the queues it serves (those of its skills that require agents, while it has any on the
 * phones). O(columns of the skill model).
 */
export function queueCoverOf(
  skills: SkillInput,
  columns: SkillColumns,
  values: ArrayLike<number>,
): { covered: number[][]; serves: boolean[][][] } {
  const slots = skills.queues[0]?.required.length ?? 0;
  const covered = skills.queues.map((q, qi) =>
    q.required.map((r, s) => {
      const col = columns.shortCols[qi]?.[s];
      return col === null || col === undefined ? r : Math.max(0, r - Math.max(0, values[col] ?? 0));
    }),
  );
  const serves = skills.classes.map(() => Array.from({ length: slots }, () => skills.queues.map(() => false)));
  for (const p of columns.phones) {
    if (!(Math.max(0, values[p.col] ?? 0) > 1e-6)) continue;
    for (const q of skills.classes[p.skillClass] ?? [])
      if ((skills.queues[q]?.required[p.slot] ?? 0) > 0) serves[p.skillClass]![p.slot]![q] = true;
  }
  return { covered, serves };
}

/**
 * A feasible setting of a concrete plan's skill columns (the MIP's first incumbent and the
 * fallback's coverage): per slot, retraining seats first come out of the classes in order, the
 * rest of each class is on the phones, then each subset (smallest first) still short gets the
 * shortage on its member with the highest penalty. Returns the skill columns' values.
 * O(slots x subsets x (classes + queues)).
 */
export function greedySkillValues(
  skills: SkillInput,
  columns: SkillColumns,
  onPhoneByClass: readonly Int32Array[],
  inRetraining: Int32Array,
): Map<number, number> {
  const values = new Map<number, number>();
  const slots = inRetraining.length;
  const phoneAt = new Map(columns.phones.map((p) => [`${p.skillClass}:${p.slot}`, p.col]));
  const idleAt = new Map(columns.idle.map((c) => [`${c.skillClass}:${c.slot}`, c.col]));
  for (let s = 0; s < slots; s++) {
    const free = onPhoneByClass.map((a) => Math.max(0, a[s] as number));
    let seats = inRetraining[s] as number;
    free.forEach((f, k) => {
      const take = Math.min(f, seats);
      seats -= take;
      free[k] = f - take;
      const idle = idleAt.get(`${k}:${s}`);
      if (idle !== undefined) values.set(idle, take);
      const phone = phoneAt.get(`${k}:${s}`);
      if (phone !== undefined) values.set(phone, f - take);
      else if (idle !== undefined) values.set(idle, f);
    });
    const short = skills.queues.map(() => 0);
    for (const subset of skills.subsets) {
      const need = subset.required[s] as number;
      if (!(need > 0)) continue;
      let have = 0;
      skills.classes.forEach((cls, k) => {
        if (phoneAt.has(`${k}:${s}`) && cls.some((q) => subset.queues.includes(q))) have += free[k] as number;
      });
      for (const q of subset.queues) have += short[q] as number;
      if (have >= need) continue;
      const members = subset.queues.filter(
        (q) => columns.shortCols[q]?.[s] !== null && columns.shortCols[q]?.[s] !== undefined,
      );
      const q = members.sort((a, b) => skills.queues[b]!.penalty - skills.queues[a]!.penalty)[0];
      if (q !== undefined) short[q] = (short[q] as number) + need - have;
    }
    short.forEach((x, q) => {
      const col = columns.shortCols[q]?.[s];
      if (col !== null && col !== undefined) values.set(col, x);
    });
  }
  return values;
}
