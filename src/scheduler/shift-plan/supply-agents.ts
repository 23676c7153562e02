/**
 * Who may work which shift: the one predicate the shift plan's supply constraints and the roster's
 * availability masks share (docs/shift-plan.md, "Supply"). Times are local minutes since midnight
 * in the plan's zone; weekdays are ISO (1 = Monday ... 7 = Sunday); time off is absolute epoch ms.
 *
 * `SupplyAgent` is the part of the roster's agent (src/scheduler/roster/types.ts, `RosterAgent`)
 * that decides supply; a `RosterAgent` is a `SupplyAgent`.
 */

export interface SupplyWindow {
  /** Weekdays the window applies to (all when absent). */
  days?: number[];
  fromMinute: number;
  toMinute: number;
}

export interface SupplyAgent {
  id: string;
  /** A label for messages ("part-time"); optional. */
  team?: string;
  /** Queues the agent may serve (a multi-skill plan); all when absent. */
  skills?: string[];
  /** Handle-time factor per skill (1.5 = 50 % slower); absent skills are 1 (the plan's sizing: handle-time.ts). */
  proficiency?: Record<string, number>;
  /** YYYY-MM-DD, for the learning curve by tenure (`ShiftPlanRules.learningCurve`). */
  hireDate?: string;
  contract: {
    minHoursPerWeek: number;
    maxHoursPerWeek: number;
    maxDaysPerWeek: number;
    /** Template names the agent may work; all when absent. */
    templates?: string[];
  };
  availability: {
    days?: number[];
    windows?: SupplyWindow[];
    timeOff: { startMs: number; endMs: number }[];
  };
}

/** One shift as the predicate sees it. */
export interface ShiftOnClock {
  template: string;
  weekday: number;
  /** Local start, minutes since midnight. */
  startOfDayMinute: number;
  spanMinutes: number;
  startMs: number;
  endMs: number;
}

/** Why an agent may not work a shift, in the order checked; null when they may. */
export type Refusal = 'template' | 'day' | 'window' | 'time-off' | null;

/** The first rule that keeps `agent` off `shift`: contract templates, days, windows, time off. O(windows + time off). */
export function refusal(agent: SupplyAgent, shift: ShiftOnClock): Refusal {
  const templates = agent.contract.templates;
  if (templates && !templates.includes(shift.template)) return 'template';
  const { days, windows, timeOff } = agent.availability;
  if (days && !days.includes(shift.weekday)) return 'day';
  if (
    windows &&
    !windows.some(
      (w) =>
        (!w.days || w.days.includes(shift.weekday)) &&
        shift.startOfDayMinute >= w.fromMinute &&
        shift.startOfDayMinute + shift.spanMinutes <= w.toMinute,
    )
  )
    return 'window';
  if (timeOff.some((t) => t.startMs < shift.endMs && shift.startMs < t.endMs)) return 'time-off';
  return null;
}

/** True when `agent` may work `shift` (no `refusal`). */
export function mayWorkShift(agent: SupplyAgent, shift: ShiftOnClock): boolean {
  return refusal(agent, shift) === null;
}
