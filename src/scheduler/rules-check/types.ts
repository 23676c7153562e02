/** The checker's working types (src/scheduler/rules-check). */
import type { DateTime } from 'luxon';
import type { RosterAgent, RosterRules } from '../roster/types.js';

export interface CheckViolation {
  agent: string;
  rule: string;
  amount: number;
  detail: string;
}

/** The roster's zone, first local day and length in local days (23- and 25-hour days count once). */
export interface Horizon {
  zone: string;
  firstDay: DateTime;
  days: number;
  /** Local days from the previous roster's first day to the horizon's (0 without one). */
  prevDays: number;
  /**
   * Days of the first week before the horizon: weeks continue the previous roster's 7-day blocks
   * when it ends the day before the horizon.
   */
  carry: number;
}

/** A shift with its instants and local day index (negative for the previous roster's days). */
export interface TimedShift {
  date: string;
  start: string;
  end: string;
  template: string;
  paidHours: number;
  /** A multi-skill plan's shift: the skills it was planned for. */
  skills?: string[];
  s: DateTime;
  e: DateTime;
  idx: number;
}

/** One agent under check: its shifts in time order, and `add` for a violation of a rule (kept when hard). */
export interface AgentCheck {
  agent: RosterAgent;
  rules: RosterRules;
  horizon: Horizon;
  out: CheckViolation[];
  shifts: TimedShift[];
  /** The agent's shifts in the previous roster (null: not in it, or none given). */
  earlier: TimedShift[] | null;
  add: (rule: string, amount: number, detail: string) => void;
}
