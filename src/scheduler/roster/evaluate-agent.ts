import { RULE_COUNT, RULE_INDEX, RULE_KEYS, type CoreAgent, type CoreProblem } from './problem.js';

const RULE = RULE_INDEX;

/** The scored form of one agent's week: weighted hard and soft totals and the fairness counts. */
export interface AgentScore {
  hard: number;
  soft: number;
  weekendDays: number;
  lateShifts: number;
}

/**
 * Scores one agent's row (cell index or -1 per day) against every per-agent rule. Used by the
 * search for incremental deltas: a move re-scores only the agents it touches, O(days + types).
 * Cover and fairness are scored by the caller (they are shared across agents).
 *
 * `amounts`, when given, receives the unweighted violation amount of each rule (added to).
 */
export class AgentEvaluator {
  private readonly typeCount: Int32Array;
  private readonly hardRule: Uint8Array;
  private readonly weight: Float64Array;
  /**
   * Violation amounts by rule of the row being scored, reused by every call so that the search's
   * hot loop allocates nothing: one array of RULE_COUNT per evaluator (each search state owns one,
   * and a state lives on one thread).
   */
  private readonly violations = new Float64Array(RULE_COUNT);

  constructor(private readonly p: CoreProblem) {
    this.typeCount = new Int32Array(Math.max(1, p.types));
    this.hardRule = new Uint8Array(RULE_COUNT);
    this.weight = new Float64Array(RULE_COUNT);
    RULE_KEYS.forEach((k, i) => {
      this.hardRule[i] = p.rules[k].hard ? 1 : 0;
      this.weight[i] = p.rules[k].weight;
    });
  }

  evaluate(
    agent: CoreAgent,
    row: Int32Array,
    offset: number,
    out: AgentScore,
    amounts: Float64Array | null = null,
  ): void {
    const violations = this.violations;
    violations.fill(0);
    this.typeCount.fill(0);
    this.scanDays(agent, row, offset, out);
    this.checkTypeLimits(agent);
    this.checkWindows(agent, row, offset);
    if (this.p.twoConsecutiveDaysOffPerWeek || Number.isFinite(this.p.maxStartSpreadMinutes))
      this.checkWeeks(row, offset);
    if (amounts) for (let r = 0; r < RULE_COUNT; r++) amounts[r]! += violations[r]!;
    this.weigh(out);
  }

  /**
   * One pass over the days: preferences, shift types worked, weekends, successions and rest,
   * runs of work and of days off. Sets `out.weekendDays` and `out.lateShifts`.
   */
  private scanDays(agent: CoreAgent, row: Int32Array, offset: number, out: AgentScore): void {
    const p = this.p;
    const cells = p.cells;
    const violations = this.violations;
    const typeCount = this.typeCount;
    const forbiddenFollow = p.forbiddenFollow;
    let weekendDays = 0;
    let lateShifts = 0;
    let preference = 0;
    let prevCell = -1;
    let workRun = 0;
    let workRunStart = 0;
    let offRun = 0;
    let offRunStart = 0;
    let lastWeekend = -2;
    let weekendsWorked = 0;
    let prevWeekendWorked = agent.workedPreviousWeekend ? -1 : -3;
    for (let day = 0; day < p.days; day++) {
      const c = row[offset + day]!;
      const weekend = p.weekendOfDay[day]!;
      if (c >= 0) {
        const cell = cells[c]!;
        preference += agent.workCost[c]!;
        typeCount[cell.type]!++;
        if (cell.isLate) lateShifts++;
        if (weekend >= 0) {
          weekendDays++;
          if (weekend !== lastWeekend) {
            weekendsWorked++;
            if (p.weekendsOffEveryOtherWeek && weekend === prevWeekendWorked + 1)
              violations[RULE.weekendsOffEveryOtherWeek]! += 1;
            prevWeekendWorked = weekend;
            lastWeekend = weekend;
          }
        }
        if (prevCell >= 0) {
          const previous = cells[prevCell]!;
          if (forbiddenFollow && forbiddenFollow[previous.type * p.types + cell.type])
            violations[RULE.forbiddenSequence]! += 1;
          if (p.minRestMinutes > 0) {
            const gap = cell.startMinute - previous.endMinute;
            if (gap < p.minRestMinutes) violations[RULE.minRest]! += p.minRestMinutes - gap;
          }
        }
        if (offRun > 0) {
          if (offRunStart > 0 && offRun < agent.minConsecutiveDaysOff)
            violations[RULE.minConsecutiveDaysOff]! += agent.minConsecutiveDaysOff - offRun;
          offRun = 0;
        }
        if (workRun === 0) workRunStart = day;
        workRun++;
      } else {
        preference += agent.offCost[day]!;
        if (workRun > 0) {
          closeWorkRun(agent, workRun, workRunStart, false, violations);
          workRun = 0;
        }
        if (offRun === 0) offRunStart = day;
        offRun++;
      }
      prevCell = c;
    }
    if (workRun > 0) closeWorkRun(agent, workRun, workRunStart, true, violations);
    violations[RULE.preference]! += preference;
    if (weekendsWorked > agent.maxWeekends) violations[RULE.maxWeekends]! += weekendsWorked - agent.maxWeekends;
    out.weekendDays = weekendDays;
    out.lateShifts = lateShifts;
  }

  /** Shifts of each type over the horizon against the agent's per-type maximum (counted by `scanDays`). */
  private checkTypeLimits(agent: CoreAgent): void {
    const typeCount = this.typeCount;
    for (let t = 0; t < this.p.types; t++) {
      const limit = agent.maxPerType[t] ?? Infinity;
      if (typeCount[t]! > limit) this.violations[RULE.maxShiftsPerType]! += typeCount[t]! - limit;
    }
  }

  /** Paid minutes and days worked in each contract window (a week, or the horizon). */
  private checkWindows(agent: CoreAgent, row: Int32Array, offset: number): void {
    const cells = this.p.cells;
    const violations = this.violations;
    for (const window of agent.windows) {
      let minutes = 0;
      let days = 0;
      for (let day = window.fromDay; day < window.toDay; day++) {
        const c = row[offset + day]!;
        if (c >= 0) {
          minutes += cells[c]!.paidMinutes;
          days++;
        }
      }
      if (minutes < window.minMinutes) violations[RULE.minMinutes]! += window.minMinutes - minutes;
      if (minutes > window.maxMinutes) violations[RULE.maxMinutes]! += minutes - window.maxMinutes;
      if (days > window.maxDays) violations[RULE.maxDays]! += days - window.maxDays;
    }
  }

  /** Per week: two consecutive days off (full weeks only) and the spread of local start times. */
  private checkWeeks(row: Int32Array, offset: number): void {
    const p = this.p;
    const violations = this.violations;
    for (const weekStart of p.weekStarts) {
      const weekEnd = Math.min(p.days, weekStart + 7);
      if (
        p.twoConsecutiveDaysOffPerWeek &&
        weekEnd - weekStart === 7 &&
        !hasTwoDaysOff(row, offset, weekStart, weekEnd)
      )
        violations[RULE.consecutiveDaysOffPerWeek]! += 1;
      if (Number.isFinite(p.maxStartSpreadMinutes)) {
        let earliest = Infinity;
        let latest = -Infinity;
        for (let day = weekStart; day < weekEnd; day++) {
          const c = row[offset + day]!;
          if (c >= 0) {
            const start = p.cells[c]!.startOfDayMinute;
            if (start < earliest) earliest = start;
            if (start > latest) latest = start;
          }
        }
        if (latest - earliest > p.maxStartSpreadMinutes)
          violations[RULE.startTimeSpread]! += latest - earliest - p.maxStartSpreadMinutes;
      }
    }
  }

  /** Weighted hard and soft totals of the per-agent rules (cover and fairness are scored by the caller). */
  private weigh(out: AgentScore): void {
    const violations = this.violations;
    let hard = 0;
    let soft = 0;
    for (let r = 2; r < RULE_COUNT; r++) {
      const amount = violations[r]!;
      if (amount === 0 || r === RULE.fairnessLate || r === RULE.fairnessWeekend) continue;
      if (this.hardRule[r]) hard += amount * this.weight[r]!;
      else soft += amount * this.weight[r]!;
    }
    out.hard = hard;
    out.soft = soft;
  }
}

function hasTwoDaysOff(row: Int32Array, offset: number, weekStart: number, weekEnd: number): boolean {
  for (let day = weekStart; day + 1 < weekEnd; day++)
    if (row[offset + day]! < 0 && row[offset + day + 1]! < 0) return true;
  return false;
}

function closeWorkRun(agent: CoreAgent, len: number, start: number, atEnd: boolean, violations: Float64Array): void {
  if (len > agent.maxConsecutiveDays) violations[RULE.maxConsecutiveDays]! += len - agent.maxConsecutiveDays;
  // Runs touching the horizon edges may continue outside it (Curtois & Qu's convention).
  if (start > 0 && !atEnd && len < agent.minConsecutiveDays)
    violations[RULE.minConsecutiveDays]! += agent.minConsecutiveDays - len;
}
