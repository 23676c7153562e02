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
