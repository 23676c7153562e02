/**
 * The shift plan's inputs as the core sees them, after validation at the boundary
 * (src/contracts/shift-plan.ts). Durations in minutes, clock times as minutes since local midnight.
 */
import type { OpeningHours } from '../../time/opening-hours.js';
import type { QueueParams } from '../../erlang/types.js';
import type { LearningCurve } from '../../multiskill/proficiency.js';

/** One break or lunch of a template; its window is given as offsets from the shift start. */
export interface BreakRule {
  name: string;
  minutes: number;
  paid: boolean;
  /** Earliest and latest break start after the shift start, minutes (inclusive). */
  earliestStartMinutes: number;
  latestStartMinutes: number;
  /** Break starts fall on multiples of this many minutes of the local clock (default: the interval). */
  stepMinutes?: number;
}

/** Starts from `fromMinute` to `toMinute` (inclusive, local clock) every `stepMinutes`, on `weekdays`. */
export interface StartWindow {
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: number[];
  fromMinute: number;
  toMinute: number;
  /** Default: the interval length. */
  stepMinutes?: number;
}

export interface ShiftTemplate {
  name: string;
  /** The name people read ("Early shift"); absent: one is derived from the shift's start time. */
  displayName?: string;
  /** Paid length; the shift spans paidMinutes plus its unpaid breaks. */
  paidMinutes: number;
  starts: StartWindow[];
  /** Cost per paid hour, relative (1 = a standard paid hour). */
  costWeight: number;
  /** Agents on this template per local day (by start day), when set. */
  minAgentsPerDay?: number;
  maxAgentsPerDay?: number;
  /** Breaks in time order, windows not overlapping. */
  breaks: BreakRule[];
}

/** Open from `openMinute` to `closeMinute` (local clock, close may be 1440) on `weekdays`: time/opening-hours.ts. */
export type { OpeningHours };

/** The flexible pool: retraining to take off the phones on matching days. */
export interface PoolRule {
  name: string;
  /** ISO weekdays the rule applies to; all days when absent and `dates` absent. */
  weekdays?: number[];
  /** Local dates `yyyy-MM-dd` the rule applies to (in addition to `weekdays`). */
  dates?: string[];
  windowStartMinute: number;
  windowEndMinute: number;
  sessionMinutes: number;
  /** Agents per session (its capacity). */
  seatsPerSession: number;
  /** Either whole sessions per day ... */
  sessionsPerDay?: number;
  /** ... or agent-hours per day (seats filled one agent at a time). */
  agentHoursPerDay?: number;
  priority: 'must' | 'as-much-as-possible';
  /** Sessions start on multiples of this on the local clock (default: the interval). */
  stepMinutes?: number;
  /** Sessions running at once, at most (no limit when absent). */
  maxParallelSessions?: number;
  /** Penalty per agent-hour not placed, in paid-hour cost units (as-much-as-possible only). */
  shortfallPenaltyPerHour: number;
}

export interface SolverSettings {
  timeLimitSeconds: number;
  relativeGap: number;
  seed: number;
}

export interface ShiftPlanRules {
  templates: ShiftTemplate[];
  openingHours?: OpeningHours[];
  coverage: { mode: 'hard' | 'soft'; underPenaltyPerAgentInterval: number };
  pool: PoolRule[];
  /** Wrap shifts and breaks past the horizon's end to its start (a steady-state week). */
  cyclic: boolean;
  solver: SolverSettings;
  /**
   * With agents: new hires are slower by tenure at the plan's start (their `hireDate`), on top of
   * their proficiency; the plan sizes each queue for its agents' speed (handle-time.ts).
   */
  learningCurve?: LearningCurve;
}

/** The requirement on the plan's grid. */
/** A queue of a multi-skill requirement: agents required per slot on the plan's grid. */
export interface PlanQueueRequirement {
  name: string;
  /** Higher is served first (the simulation's routing); weighs the queue's shortage. */
  priority: number;
  required: number[];
  /**
   * The queue's offered load and target, when known: subsets of queues sharing agents are then
   * covered at the requirement of their pooled load (docs/shift-plan.md, "Skills"); without it, at
   * the sum of their members' requirements.
   */
  load?: PlanQueueLoad;
  /** Agents added per slot by the simulation's cuts (`required` includes them; pooled subsets add the largest). */
  raise?: number[];
}

/** A queue's offered load per slot and its target (Erlang C, or Erlang A with `patienceSeconds`). */
export interface PlanQueueLoad {
  volume: number[];
  ahtSeconds: number[];
  serviceLevel: number;
  answerSeconds: number;
  patienceSeconds?: number;
}

export interface PlanRequirement {
  originMs: number;
  intervalMinutes: number;
  timeZone: string;
  /** On-phone agents required per slot (0 where the requirement has no row). */
  required: number[];
  /** True where the requirement has a row (false = gap / closed). */
  present: boolean[];
  /** Offered volume and AHT per slot, when the requirement carries them (for the SL re-computation). */
  volume?: number[];
  ahtSeconds?: number[];
  /** Queue model and targets of the staffing run, when known. */
  queue?: QueueParams;
  /**
   * Several queues (a multi-skill plan, with agents): each queue's on-phone agents required per slot.
   * `required` is then their sum; the plan covers each queue with agents who have its skill.
   */
  queues?: PlanQueueRequirement[];
}

/** The rules with every step filled in: absent steps default to the interval length. */
export function withDefaultSteps(rules: ShiftPlanRules, intervalMinutes: number): ShiftPlanRules {
  return {
    ...rules,
    templates: rules.templates.map((t) => ({
      ...t,
      starts: t.starts.map((w) => ({ ...w, stepMinutes: w.stepMinutes ?? intervalMinutes })),
      breaks: t.breaks.map((b) => ({ ...b, stepMinutes: b.stepMinutes ?? intervalMinutes })),
    })),
    pool: rules.pool.map((p) => ({ ...p, stepMinutes: p.stepMinutes ?? intervalMinutes })),
  };
}
