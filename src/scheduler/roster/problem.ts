/**
 * The roster core's own problem model: a grid of days, a set of demand cells (one per shift type
 * and day, with a required head count and soft under/over weights) and agents with weekly rules.
 *
 * Both entry points map onto it: a shift plan's instances become "demand for shift instance s on
 * day d" (see `from-plan.ts`), and a Curtois & Qu nurse-rostering instance becomes "demand for
 * shift type s on day d" (see `curtois-qu.ts`). Each agent works at most one cell per day.
 *
 * Times are integer minutes from the horizon start (absolute, so a DST week keeps true rest
 * lengths); `startOfDayMinute` is the local wall-clock start, used for start-time spread.
 */

/** Every rule the roster scores, in a fixed order (index into score arrays). */
export const RULE_KEYS = [
  'coverUnder',
  'coverOver',
  'preference',
  'minRest',
  'forbiddenSequence',
  'maxConsecutiveDays',
  'minConsecutiveDays',
  'minConsecutiveDaysOff',
  'maxWeekends',
  'weekendsOffEveryOtherWeek',
  'consecutiveDaysOffPerWeek',
  'minMinutes',
  'maxMinutes',
  'maxDays',
  'maxShiftsPerType',
  'startTimeSpread',
  'fairnessWeekend',
  'fairnessLate',
  'rotation',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];
export const RULE_COUNT = RULE_KEYS.length;
export const RULE_INDEX: Readonly<Record<RuleKey, number>> = Object.fromEntries(
  RULE_KEYS.map((k, i) => [k, i]),
) as Record<RuleKey, number>;

/** The unit each rule's violation amount is measured in (for reports). */
export const RULE_UNITS: Readonly<Record<RuleKey, string>> = {
  coverUnder: 'agents short x cell weight (plan: paid hours of the shift)',
  coverOver: 'agents over x cell weight',
  preference: 'weighted preference points',
  minRest: 'minutes of rest short',
  forbiddenSequence: 'forbidden shift successions',
  maxConsecutiveDays: 'days over the maximum',
  minConsecutiveDays: 'days short of the minimum run',
  minConsecutiveDaysOff: 'days off short of the minimum run',
  maxWeekends: 'weekends over the maximum',
  weekendsOffEveryOtherWeek: 'pairs of consecutive weekends worked',
  consecutiveDaysOffPerWeek: 'weeks without two consecutive days off',
  minMinutes: 'minutes under the contract minimum',
  maxMinutes: 'minutes over the contract maximum',
  maxDays: 'days over the contract maximum',
  maxShiftsPerType: 'shifts over the per-type maximum',
  startTimeSpread: 'minutes of start-time spread over the maximum',
  fairnessWeekend: 'sum of squared deviations of weekend days worked from the mean (agents x variance)',
  fairnessLate: 'sum of squared deviations of late shifts from the mean (agents x variance)',
  rotation: 'minutes between start times that a same-start rotation wants equal',
};

/**
 * Each rule in words for people, with the unit its amount is shown in and the factor from the
 * amount's own unit (`RULE_UNITS`) to it: minutes are shown as hours.
 */
export const RULE_LABELS: Readonly<Record<RuleKey, { label: string; unit: string; scale: number }>> = {
  coverUnder: { label: 'plan shifts left empty', unit: 'weighted agents short', scale: 1 },
  coverOver: { label: 'shifts over the plan', unit: 'weighted agents over', scale: 1 },
  preference: { label: 'preferences not met', unit: 'points', scale: 1 },
  minRest: { label: 'rest between shifts', unit: 'h of rest short', scale: 1 / 60 },
  forbiddenSequence: { label: 'forbidden shift order', unit: 'successions', scale: 1 },
  maxConsecutiveDays: { label: 'days in a row', unit: 'days over the maximum', scale: 1 },
  minConsecutiveDays: { label: 'shortest run of working days', unit: 'days short', scale: 1 },
  minConsecutiveDaysOff: { label: 'shortest run of days off', unit: 'days off short', scale: 1 },
  maxWeekends: { label: 'weekends worked', unit: 'weekends over the maximum', scale: 1 },
  weekendsOffEveryOtherWeek: { label: 'every other weekend off', unit: 'pairs of weekends worked', scale: 1 },
  consecutiveDaysOffPerWeek: { label: 'two days off in a row each week', unit: 'weeks without', scale: 1 },
  minMinutes: { label: 'contract minimum hours', unit: 'h under', scale: 1 / 60 },
  maxMinutes: { label: 'contract maximum hours', unit: 'h over', scale: 1 / 60 },
  maxDays: { label: 'working days per week', unit: 'days over the contract', scale: 1 },
  maxShiftsPerType: { label: 'shifts of one type', unit: 'shifts over the maximum', scale: 1 },
  startTimeSpread: { label: 'start-time spread', unit: 'h over the maximum', scale: 1 / 60 },
  fairnessWeekend: { label: 'fair share of weekends', unit: 'squared deviation', scale: 1 },
  fairnessLate: { label: 'fair share of late shifts', unit: 'squared deviation', scale: 1 },
  rotation: { label: 'same start in a rotation', unit: 'h between starts', scale: 1 / 60 },
};

/** Whether a rule is hard and the penalty per unit of violation. */
export interface RuleSetting {
  hard: boolean;
  weight: number;
}

/** One demand cell: a shift (type or plan instance) on one day. */
export interface CoreCell {
  /** Caller's key, e.g. a plan instance id or "D@3". */
  key: string;
  day: number;
  /** Shift type index (for per-type limits and forbidden successions). */
  type: number;
  required: number;
  /** Penalty per agent short of `required`, and per agent over it. */
  underWeight: number;
  overWeight: number;
  startMinute: number;
  endMinute: number;
  paidMinutes: number;
  /** Local wall-clock start minute of its day (0..1439). */
  startOfDayMinute: number;
  isLate: boolean;
}

/** A window of days with contract limits (a week, or the whole horizon). */
export interface CoreWindow {
  fromDay: number;
  /** Exclusive. */
  toDay: number;
  minMinutes: number;
  maxMinutes: number;
  maxDays: number;
  /** Paid minutes and days worked in the previous roster's part of this week (a week split by the edge). */
  carriedMinutes?: number;
  carriedDays?: number;
}

/**
 * What the previous roster leaves at the horizon's start for one agent (docs/roster.md, "Across
 * week edges"). Times are minutes from the horizon's origin, as cells' are.
 */
export interface AgentTail {
  /** End of the agent's last shift before the horizon (-Infinity: none). */
  lastEndMinute: number;
  /** Days worked in a row up to the horizon's first day (0 when the day before was off). */
  workRun: number;
  /** Days off in a row up to the horizon's first day (0 when the day before was worked). */
  offRun: number;
  /** The run in progress at the edge began inside the previous roster (its minimum applies). */
  runStartKnown: boolean;
  /** The first week's days in the previous roster (`carryDays` of them, oldest first): 1 = off. */
  carriedOff: Uint8Array;
  /** Earliest and latest local start of those days' shifts (Infinity / -Infinity: none). */
  carriedStartMin: number;
  carriedStartMax: number;
}

export interface CoreAgent {
  id: string;
  /** allowed[cell] = 1 when the agent may work that cell (availability, time off, templates). */
  allowed: Uint8Array;
  /** Soft preference cost when the agent works cell c. */
  workCost: Float64Array;
  /** Soft preference cost when the agent is off on day d. */
  offCost: Float64Array;
  windows: CoreWindow[];
  /** Per shift type maximum count over the horizon (Infinity = none). */
  maxPerType: number[];
  maxConsecutiveDays: number;
  minConsecutiveDays: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
  /** True when the agent worked the weekend before the horizon (weekends off every other week). */
  workedPreviousWeekend: boolean;
  /** In the fairness groups (weekend and late shifts shared evenly). */
  inFairness: boolean;
  /** The previous roster's tail (null: none given; runs at the edge are exempt from minimums). */
  tail?: AgentTail | null;
  /** Same-start rotation period in weeks (0 or absent = none): weeks w and w + period share one start. */
  sameStartWeeks?: number;
}

export interface CoreProblem {
  days: number;
  /** Weekend index of each day (-1 on weekdays); days sharing an index form one weekend. */
  weekendOfDay: Int32Array;
  /** Start day of each week (for per-week day-off rules and start spread). */
  weekStarts: number[];
  /**
   * Days of the first week that lie in the previous roster (0 = the first week starts on day 0).
   * The week is then `carryDays` previous days plus days 0 .. weekStarts[1] - 1.
   */
  carryDays?: number;
  types: number;
  cells: CoreCell[];
  /** Cell indices by day. */
  cellsByDay: number[][];
  agents: CoreAgent[];
  /** forbiddenFollow[a * types + b] = 1: type b may not follow type a on the next day. */
  forbiddenFollow: Uint8Array | null;
  /** Minimum rest between consecutive shifts in minutes (0 = none). */
  minRestMinutes: number;
  /** Maximum start-time spread within a week, minutes (Infinity = none). */
  maxStartSpreadMinutes: number;
  /** Each full week needs two consecutive days off. */
  twoConsecutiveDaysOffPerWeek: boolean;
  /** No two consecutive weekends worked. */
  weekendsOffEveryOtherWeek: boolean;
  rules: Record<RuleKey, RuleSetting>;
}

/** Default settings: everything hard except cover, preferences, spread and fairness. */
export function defaultRuleSettings(): Record<RuleKey, RuleSetting> {
  const s = {} as Record<RuleKey, RuleSetting>;
  for (const k of RULE_KEYS) s[k] = { hard: true, weight: 1 };
  s.coverUnder = { hard: false, weight: 100 };
  s.coverOver = { hard: false, weight: 1 };
  s.preference = { hard: false, weight: 1 };
  s.startTimeSpread = { hard: false, weight: 0.1 };
  s.fairnessWeekend = { hard: false, weight: 1 };
  s.fairnessLate = { hard: false, weight: 1 };
  return s;
}
