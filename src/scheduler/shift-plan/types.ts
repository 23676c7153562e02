/**
 * The shift plan's public output types (docs/shift-plan.md, "Output").
 *
 * Times are given twice: as ISO 8601 with the zone's offset (for people and other systems) and as
 * integer slots of the plan's grid (for the roster and evaluation hot loops). A slot is one
 * requirement interval `[start, start + intervalMinutes)`; slot 0 is the first interval of the
 * requirement. Ranges are half-open: `endSlot` is the first slot no longer covered.
 *
 * Stability: these types are a contract with the roster (src/scheduler/roster). Extend them; never
 * rename or remove a field.
 */
import type { Verdict } from './verdict-types.js';

import type { QueueParams } from '../../erlang/types.js';

/** One break or lunch of one shift instance. */
export interface PlannedBreak {
  /** The break rule's name in the template, e.g. "lunch", "break-1". */
  name: string;
  /** Paid breaks count towards paid hours; unpaid ones extend the shift's span. */
  paid: boolean;
  start: string;
  end: string;
  startSlot: number;
  endSlot: number;
}

/** One agent's copy of a shift: the same template, day and times, with its own breaks. */
export interface PlannedShiftInstance {
  /** Breaks and lunch in time order; empty when the template has none. */
  breaks: PlannedBreak[];
}

/**
 * `count` agents start `template` at `start` on `day`. `instances.length === count`; each instance
 * carries its concrete break times, so that on-phone coverage per interval is exact.
 */
export interface PlannedShift {
  template: string;
  /** Local calendar date of the shift start in the plan's time zone, `yyyy-MM-dd`. */
  day: string;
  /** ISO weekday of `day`, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  start: string;
  end: string;
  startSlot: number;
  /** May exceed the grid's slot count when the shift runs past the horizon (non-cyclic plans). */
  endSlot: number;
  /** Paid hours of one instance (span minus unpaid breaks). */
  paidHours: number;
  count: number;
  instances: PlannedShiftInstance[];
  /**
   * A multi-skill plan: the skill set (queue names) the shift was planned for. The roster puts on it
   * only agents who have every one of these skills (more are allowed). Absent in a single-queue plan.
   */
  skills?: string[];
}

/** A retraining / coaching session of the flexible pool: `seats` agents off the phones. */
export interface RetrainingSession {
  /** The pool entry's name in the rules. */
  pool: string;
  /** Local calendar date, `yyyy-MM-dd`. */
  day: string;
  start: string;
  end: string;
  startSlot: number;
  endSlot: number;
  /** Agents taken off the phones for the whole session. */
  seats: number;
  /**
   * A suggested seating: per seat, the shift instance (`shifts[shift].instances[instance]`) on shift
   * for the whole session, not on break during it, in no other session at the time. Shorter than
   * `seats` when some seat found nobody (then an issue `session-unseated` says so).
   */
  attendees?: { shift: number; instance: number }[];
}

/** Coverage of one interval of the grid. Counts are agents (integers unless noted). */
export interface CoverageInterval {
  slot: number;
  start: string;
  /** Agents required on the phones (the requirement's `agents`; 0 when closed). */
  required: number;
  /** Agents on shift during the interval (on phone + on break + in retraining). */
  onShift: number;
  onPhone: number;
  onBreak: number;
  inRetraining: number;
  /** max(0, onPhone - required). */
  over: number;
  /** max(0, required - onPhone). */
  under: number;
  /** Service level re-computed on `onPhone` with the staffing core; null when not available. */
  serviceLevel: number | null;
  /** Offered contacts and AHT (seconds) of the interval, when the requirement carries them, so
   * that the roster built on this plan can re-compute its own service level. */
  volume?: number;
  ahtSeconds?: number;
}

/** An interval with demand that no candidate shift can cover, reported by name. */
export interface UncoverableInterval {
  slot: number;
  start: string;
  required: number;
  /** Why, e.g. "no template starts early enough: earliest 'ft8' start on 2026-03-02 is 06:00". */
  reason: string;
}

/** Why some agents cannot work a short interval: `agents` of `group` (a team or template label), `detail`. */
export interface ShortfallReason {
  agents: number;
  group: string;
  /** e.g. "windows end at 18:00", "do not work Sat", "are on time off", "may work no template covering then". */
  detail: string;
}

/**
 * A run of short intervals of one local day in a plan made for named agents (docs/shift-plan.md,
 * "Shortfall"). Counts are agents; `required` is the run's peak, `available` its lowest.
 */
export interface ShortfallInterval {
  day: string;
  weekday: number;
  start: string;
  end: string;
  startSlot: number;
  endSlot: number;
  /** A multi-skill plan's queue short in the run: `required` and `available` are then that queue's and its skill's. */
  queue?: string;
  required: number;
  /** Agents who may work some shift covering the interval (templates, days, windows, time off). */
  available: number;
  /** `available` capped by the templates' daily limits (`maxAgentsPerDay`): at most this many on shift. */
  onShiftBound: number;
  /** Agents the plan puts on the phones (lowest over the run). */
  onPhone: number;
  underAgentIntervals: number;
  /**
   * 'too-few-agents': fewer agents can work then than are required; 'template-limits': the templates'
   * `maxAgentsPerDay` allow fewer on shift than required; 'weekly-limits': enough could, but
   * their weekly days and hours leave it short; 'coverage-penalty': the agents could cover more of
   * it (by the supply bound), but the soft coverage penalty is cheaper than the shifts that would.
   */
  cause: 'too-few-agents' | 'template-limits' | 'weekly-limits' | 'coverage-penalty';
  /** Why the other agents cannot work then, most agents first (at most 3). */
  reasons: ShortfallReason[];
  /** One sentence, e.g. "Thu 18:00-20:00: 12 agents required, 7 can work then (9 part-time: windows end at 18:00)." */
  message: string;
}

/** Whether the plan was made for the centre's agents, and how many it was made for. */
export interface SupplyReport {
  /** False: planned for the requirement alone, as if any number of agents could work any template. */
  checked: boolean;
  agents: number;
  /** Groups of agents with identical constraints (the size of the supply model). */
  groups: number;
  message: string;
}

/** A problem with the plan, returned as data: an infeasible plan is a result, not an exception. */
export interface PlanIssue {
  code:
    | 'uncoverable'
    | 'under-coverage'
    | 'pool-short'
    | 'closed-demand'
    | 'solver-fallback'
    | 'template-min-unmet'
    | 'session-unseated'
    | 'supply-short'
    | 'supply-unchecked'
    | 'queue-under-coverage'
    | 'simulation-check'
    /** A queue sized for its agents' handle-time factors (proficiency, learning curve): the factor used. */
    | 'proficiency';
  message: string;
  slot?: number;
  day?: string;
}

export type SolveStatus =
  /** The MIP was solved to within the gap target. */
  | 'optimal'
  /** The MIP stopped at its time limit with an incumbent. */
  | 'time-limit'
  /** No incumbent in time: LP-guided rounding plus greedy repair. */
  | 'heuristic';

/** Quality figures reported with every plan. Hours are agent-hours. */
export interface PlanQuality {
  /** Sum over instances of paid hours. */
  paidHours: number;
  /** Objective value of the plan: cost-weighted paid hours plus penalties. */
  objective: number;
  /** LP relaxation value of the same model (a lower bound on `objective`). */
  lpBound: number;
  /** objective / lpBound (1 when both are 0). Equals paid hours / bound with unit weights and full cover. */
  objectiveOverBound: number;
  /**
   * paidHours / lpBound (1 when both are 0), only when the cost is the paid hours (unit cost weights,
   * no shortage or pool penalty); null otherwise, since the LP bound then bounds the cost, not paid hours.
   */
  paidOverBound: number | null;
  /** Relative MIP gap reported by the solver (0 when proven optimal; null for the heuristic). */
  mipGap: number | null;
  /** Sum over intervals of `under`, agent-intervals. */
  underCoverageAgentIntervals: number;
  /** Sum over intervals of `over`, agent-intervals. */
  overCoverageAgentIntervals: number;
  poolHoursRequested: number;
  poolHoursPlaced: number;
  /**
   * Service level re-computed on the on-phone staff with the staffing core: interval-weighted by
   * offered volume, and the worst open interval. Null when the requirement carries no volume/AHT.
   */
  serviceLevel: { volumeWeighted: number; worst: number; worstStart: string } | null;
  status: SolveStatus;
  columns: number;
  rows: number;
}

/** The grid the plan is expressed on. */
export interface PlanGrid {
  /** ISO start of slot 0, with offset. */
  start: string;
  intervalMinutes: number;
  slotCount: number;
  timeZone: string;
  /** True when the plan wraps around the horizon (a steady-state week). */
  cyclic: boolean;
}

/** One queue of a multi-skill plan: per slot of the grid, agents required and agents the plan gives it (its requirement less its shortage). */
export interface QueueCoverage {
  name: string;
  priority: number;
  required: number[];
  /** On-phone agents with the skill assigned to the queue (at most `required`; fractions: shared agents). */
  covered: number[];
  /** Sum over slots of required - covered, agent-intervals. */
  underAgentIntervals: number;
  /**
   * The handle-time factor the queue was sized at (the harmonic mean of its agents' proficiency x
   * learning curve), when not 1: `required` is for AHT x this factor (docs/shift-plan.md, "Proficiency").
   */
  handleTimeFactor?: number;
}

/** Per skill set: per slot, the queues its agents on the phones serve in the plan (empty: idle or none needed). */
export interface SkillClassServes {
  skills: string[];
  serves: string[][];
  /** Per skill, the harmonic mean handle-time factor of the skill set's agents, when one is not 1. */
  proficiency?: Record<string, number>;
}

/** A multi-skill plan's per-queue coverage (docs/shift-plan.md, "Skills"). */
export interface PlanQueueCoverage {
  queues: QueueCoverage[];
  classes: SkillClassServes[];
}

/** The whole shift plan (its JSON form: docs/shift-plan.md, "Output"). */
export interface ShiftPlan {
  /**
   * Met or falls short, said first: coverage and the service target per interval (docs/semantics.md,
   * "Verdict"). Absent on a plan read back from a file written before verdicts.
   */
  verdict?: Verdict;
  grid: PlanGrid;
  /**
   * Which requirement column the plan covers: on-phone `agents` (breaks and retraining are modelled
   * explicitly; shrinkage other than breaks/training is left to the roster's headcount).
   */
  covers: 'agents';
  /** Every template of the rules, used or not (agents naming another template are refused). */
  templates?: string[];
  /** Display names of the templates that have one (id -> name), for what people read. */
  templateNames?: Record<string, string>;
  shifts: PlannedShift[];
  retraining: RetrainingSession[];
  coverage: CoverageInterval[];
  quality: PlanQuality;
  uncoverable: UncoverableInterval[];
  /** Whether supply was checked (agents given) and for how many agents (always set by `planShifts`). */
  supply?: SupplyReport;
  /** Runs of short intervals with the agents required, the agents available and why (empty without agents). */
  shortfall?: ShortfallInterval[];
  issues: PlanIssue[];
  /** A multi-skill plan: every queue's requirement and coverage per slot, and what each skill set serves. */
  queueCoverage?: PlanQueueCoverage;
  /**
   * The queue model and targets the coverage's service level was computed with, when the
   * requirement carried them: the roster re-computes its own SL with the same model.
   */
  queue?: QueueParams;
}
