/** The roster result (its JSON form: docs/roster.md, "Output"). */
import type { CoverageInterval } from '../shift-plan/types.js';
import type { RuleKey } from './problem.js';
import type { Verdict } from '../shift-plan/verdict.js';

export interface RosterBreak {
  name: string;
  paid: boolean;
  start: string;
  end: string;
}

export interface RosterSession {
  pool: string;
  start: string;
  end: string;
  hours: number;
  /** Retraining for a flagged agent, or coaching on a spare seat. */
  kind: 'retraining' | 'coaching';
}

/** One agent's working day. */
export interface RosterDay {
  date: string;
  template: string;
  start: string;
  end: string;
  paidHours: number;
  breaks: RosterBreak[];
  retraining: RosterSession[];
  /** True when the shift is beyond the plan's count (an agent on minimum hours). */
  extra: boolean;
  /** A multi-skill plan's shift: the skills it was planned for (the agent has every one of them). */
  skills?: string[];
}

export interface RosterViolation {
  rule: RuleKey;
  hard: boolean;
  amount: number;
  unit: string;
}

export interface RosterAgentResult {
  id: string;
  name: string;
  team: string;
  days: RosterDay[];
  /** Per week of the horizon (7-day blocks from its first day). */
  weeks: {
    firstDate: string;
    paidHours: number;
    minHours: number;
    maxHours: number;
    days: number;
    maxDays: number;
    /** A week the start edge splits: paid hours and days of it in the previous roster (counted against the limits). */
    carriedHours?: number;
    carriedDays?: number;
  }[];
  preferences: { met: number; total: number };
  retrainingHoursNeeded: number;
  retrainingHoursAssigned: number;
  violations: RosterViolation[];
}

export interface UnfilledShift {
  template: string;
  day: string;
  start: string;
  end: string;
  /** A multi-skill plan's shift: the skills it was planned for. */
  skills?: string[];
  required: number;
  filled: number;
  /**
   * Agents blocked, by reason (a hard rule's key, "lacks the shift's skills", "unavailable", "on
   * another shift that day").
   */
  blockedBy: Record<string, number>;
  /** `blockedBy` in words, most agents first: "32 agents lack the shift's skills; 6 would break \"working days per week\"". */
  why: string;
}

/** The plan's coverage of one interval as the roster delivers it, beside the plan's own on-phone count. */
export interface RosterCoverageInterval extends Omit<CoverageInterval, 'volume' | 'ahtSeconds'> {
  /** Agents on the phones in the plan for this interval (for the coverage loss). */
  planOnPhone: number;
}

export interface RosterRuleScore {
  rule: RuleKey;
  hard: boolean;
  weight: number;
  amount: number;
  penalty: number;
  unit: string;
}

export interface FlexibleTeamDay {
  date: string;
  team: { agent: string; pool: string; start: string; end: string; hours: number; kind: 'retraining' | 'coaching' }[];
  /** Sum over flagged agents of retraining hours still needed at the end of the day. */
  flaggedHoursOutstanding: number;
}

export interface RosterResult {
  /** Met or falls short, said first: hard rules, plan shifts filled, service target (docs/semantics.md, "Verdict"). */
  verdict: Verdict;
  grid: { start: string; intervalMinutes: number; slotCount: number; timeZone: string };
  /** Display names of the plan's templates that have one (id -> name); the days keep the id. */
  templateNames?: Record<string, string>;
  agents: RosterAgentResult[];
  unfilledShifts: UnfilledShift[];
  coverage: RosterCoverageInterval[];
  retraining: {
    sessions: {
      pool: string;
      day: string;
      start: string;
      end: string;
      seats: number;
      retraining: string[];
      coaching: string[];
      emptySeats: number;
    }[];
    days: FlexibleTeamDay[];
  };
  score: { hard: number; soft: number; feasible: boolean; byRule: RosterRuleScore[] };
  quality: {
    shiftsRequired: number;
    shiftsFilled: number;
    extraShifts: number;
    /** Under-coverage in agent-intervals: the plan's, the roster's, and the difference. */
    planUnderAgentIntervals: number;
    rosterUnderAgentIntervals: number;
    coverageLossAgentIntervals: number;
    serviceLevel: { volumeWeighted: number; worst: number; worstStart: string } | null;
    paidHours: number;
  };
  search: {
    seed: number;
    /**
     * `exact`: HiGHS assigned the shifts (then sub-MIPs on the soft rules); `search`: local search
     * only; absent on a roster that no search made (a stored document's).
     */
    method?: 'mip' | 'search';
    /** Moves of the local search, or sub-MIPs after the exact assignment. */
    iterations: number;
    restarts: number;
    stoppedBy: 'iterations' | 'time' | 'stall';
  };
}

/** A roster without its verdict: what the rule checkers read (a hand-edited draft has no verdict yet). */
export type RosterBody = Omit<RosterResult, 'verdict'>;
