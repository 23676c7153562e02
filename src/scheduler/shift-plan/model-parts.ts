import type { SlotGrid } from '../../time/slot-grid.js';
import type { ModelBuilder } from '../mip/sparse-model.js';
import type { CandidateShift, TemplateOnGrid } from './candidates.js';
import type { PoolRule, ShiftPlanRules } from './rules.js';
import type { SupplyTable } from './supply-groups.js';

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

/** A pool request on one day: the row and what it asks. */
export interface PoolDemand {
  pool: number;
  day: number;
  requestedHours: number;
  shortCol: number | null;
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
  /** The agents' supply, when the plan is made for named agents (docs/shift-plan.md, "Supply"). */
  supply?: SupplyTable | undefined;
  /** A multi-skill plan: subsets of queues covered by the agents holding their skills (docs/shift-plan.md, "Skills"). */
  skills?: SkillInput | undefined;
}

/** The queues and skill sets of a multi-skill plan, on the plan's grid. */
export interface SkillInput {
  /** Per queue: agents required per slot (0 where uncoverable) and the penalty of a short agent-interval. */
  queues: { name: string; priority: number; required: number[]; penalty: number }[];
  /** Per skill class: the queues (indices) its agents may serve, ascending. */
  classes: number[][];
  /** Per supply group: its skill class. */
  classOfGroup: number[];
  /**
   * The subsets of queues covered (singletons first), each with the agents holding one of its skills
   * it needs per slot (`queueSubsets`, `subsetRequirements`).
   */
  subsets: { queues: number[]; required: number[] }[];
}

/** The key of a break lattice: per template and break rule, and per skill class in a multi-skill plan. */
export function latticeKey(template: number, rule: number, skillClass: number | undefined): string {
  return skillClass === undefined ? `${template}:${rule}` : `${template}:${rule}:${skillClass}`;
}

/** What the model-building steps share: the input, the builder, the cover rows and the candidates kept. */
export interface ModelParts {
  input: ModelInput;
  mb: ModelBuilder;
  coverRow: number[];
  /** The row a shift of `skillClass` counts on at slot s: `coverRow[s]`, or its class's row in a multi-skill plan. */
  phoneRow: (skillClass: number | undefined, s: number) => number;
  candidates: CandidateShift[];
  windows: number[][][];
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
