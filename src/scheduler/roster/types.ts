/**
 * The roster's input model (validated by src/contracts/roster.ts) and its result. Hours are paid
 * hours; clock times are local minutes since midnight in the plan's time zone; weekdays are ISO
 * (1 = Monday ... 7 = Sunday).
 */
import type { RuleKey } from './problem.js';

export interface TimeWindow {
  /** Weekdays the window applies to (all when absent). */
  days?: number[];
  /** Local minutes since midnight; `toMinute` up to 1440, or beyond for windows past midnight. */
  fromMinute: number;
  toMinute: number;
}

export interface TimeOff {
  /** Absolute epoch ms range [startMs, endMs). */
  startMs: number;
  endMs: number;
}

export type PreferenceKind = 'preferred-day' | 'unwanted-day' | 'preferred-start' | 'unwanted-start';

export interface Preference {
  kind: PreferenceKind;
  /** Weekdays (day preferences; also restricts start preferences when given). */
  days?: number[];
  fromMinute?: number;
  toMinute?: number;
  /** Penalty per day the preference is not met. */
  weight: number;
}

export interface RosterAgent {
  id: string;
  name: string;
  team: string;
  contract: {
    minHoursPerWeek: number;
    maxHoursPerWeek: number;
    maxDaysPerWeek: number;
    /** Template names the agent may work; all when absent. */
    templates?: string[];
    /** A rotation over the horizon's weeks (docs/roster.md, "Rotations"); none when absent. */
    rotation?: Rotation;
  };
  availability: {
    /** Weekdays the agent can work (all when absent). */
    days?: number[];
    /** The agent can work only shifts lying inside one of these local windows (any when absent). */
    windows?: TimeWindow[];
    timeOff: TimeOff[];
  };
  preferences: Preference[];
  seniority: number;
  /** Hours of retraining still needed (0 = not flagged). */
  retrainingHoursNeeded: number;
  /** Worked the weekend before the horizon (for "weekends off every other week"). */
  workedPreviousWeekend: boolean;
  /** Queues the agent may serve (multi-skill centres); absent = the one queue. */
  skills?: string[];
  /** Handle-time factor per skill (1.2 = 20 % slower); absent skills are 1. */
  proficiency?: Record<string, number>;
  /** YYYY-MM-DD, for the learning curve by tenure. */
  hireDate?: string;
}

/**
 * A rotation of `weeks` weeks. `same-start`: every shift of a week starts at one local time, and
 * week w starts as week w - `weeks` did (1 = one start for the whole horizon). `early-late`: the
 * weeks of the cycle are early then late (first half early, second half late: 2 = early, late;
 * 4 = early, early, late, late); week w is at cycle position (w + `phase`) mod `weeks`. Early is
 * a start before the rules' `lateShiftFrom`, late at or after it.
 */
export interface Rotation {
  kind: 'same-start' | 'early-late';
  weeks: number;
  phase: number;
}

/** One worked shift of the previous roster (the week before the horizon), as it was written. */
export interface PreviousShift {
  /** Local date of the shift's start, in the roster's zone. */
  date: string;
  /** ISO 8601 instants with an offset. */
  start: string;
  end: string;
  paidHours: number;
  template: string;
}

/**
 * The roster before the horizon: which days it covered and who worked when. Its rules carry
 * across the edge (docs/roster.md, "Across week edges"). An agent missing from `agents` was not
 * in it (a new starter: nothing carries); one listed with no shifts was off on every day of it.
 */
export interface PreviousRoster {
  /** First and last local dates it covered (both included). */
  firstDate: string;
  lastDate: string;
  agents: { id: string; shifts: PreviousShift[] }[];
}

export interface RosterRules {
  minRestHours: number;
  maxConsecutiveDays: number;
  minConsecutiveDays: number;
  minConsecutiveDaysOff: number;
  twoConsecutiveDaysOffPerWeek: boolean;
  weekendsOffEveryOtherWeek: boolean;
  /** Max weekends worked in the horizon (Infinity = none). */
  maxWeekends: number;
  /** Max spread of start times within a week, minutes (Infinity = none). */
  maxStartSpreadMinutes: number;
  /** A shift starting at or after this local minute is a late shift (fairness). */
  lateShiftFromMinute: number;
  /** Hard/soft and weight per rule (defaults in `defaultRuleSettings`). */
  settings: Partial<Record<RuleKey, { hard?: boolean; weight?: number }>>;
}

export interface RosterSearchOptions {
  seed: number;
  timeLimitMs: number;
  maxIterations: number;
  now: () => number;
}
