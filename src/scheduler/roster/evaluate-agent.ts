import { RULE_COUNT, RULE_INDEX, RULE_KEYS, type CoreAgent, type CoreCell, type CoreProblem } from './problem.js';

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
      this.checkWeeks(agent, row, offset);
    if (agent.sameStartWeeks) this.checkRotation(row, offset, agent.sameStartWeeks);
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
    const tail = agent.tail ?? null;
    let weekendDays = 0;
    let lateShifts = 0;
    let preference = 0;
    let prevCell = -1;
    // Runs in progress at the edge continue the previous roster's (docs/roster.md, "Across week edges").
    let workRun = tail ? tail.workRun : 0;
    let offRun = tail ? tail.offRun : 0;
    let workExempt = !tail || !tail.runStartKnown;
    let offExempt = workExempt;
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
        if (prevCell >= 0) this.checkSuccession(prevCell, cell, cells[prevCell]!.endMinute);
        else if (day === 0 && tail) this.checkSuccession(-1, cell, tail.lastEndMinute);
        if (offRun > 0) {
          if (!offExempt && offRun < agent.minConsecutiveDaysOff)
            violations[RULE.minConsecutiveDaysOff]! += agent.minConsecutiveDaysOff - offRun;
          offRun = 0;
        }
        if (workRun === 0) workExempt = day === 0 && !tail;
        workRun++;
      } else {
        preference += agent.offCost[day]!;
        if (workRun > 0) {
          // a run wholly before the edge was the previous roster's: only its minimum is new here
          closeWorkRun(agent, workRun, workExempt, day > 0, violations);
          workRun = 0;
        }
        if (offRun === 0) offExempt = day === 0 && !tail;
        offRun++;
      }
      prevCell = c;
    }
    if (workRun > 0) closeWorkRun(agent, workRun, true, true, violations);
    violations[RULE.preference]! += preference;
    if (weekendsWorked > agent.maxWeekends) violations[RULE.maxWeekends]! += weekendsWorked - agent.maxWeekends;
    out.weekendDays = weekendDays;
    out.lateShifts = lateShifts;
  }

  /** Forbidden successions and rest between a shift and the one before it (`previousEnd`, minutes). */
  private checkSuccession(prevCell: number, cell: CoreCell, previousEnd: number): void {
    const p = this.p;
    const violations = this.violations;
    if (prevCell >= 0 && p.forbiddenFollow && p.forbiddenFollow[p.cells[prevCell]!.type * p.types + cell.type])
      violations[RULE.forbiddenSequence]! += 1;
    if (p.minRestMinutes > 0 && Number.isFinite(previousEnd)) {
      const gap = cell.startMinute - previousEnd;
      if (gap < p.minRestMinutes) violations[RULE.minRest]! += p.minRestMinutes - gap;
    }
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
      let minutes = window.carriedMinutes ?? 0;
      let days = window.carriedDays ?? 0;
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

  /**
   * Per week: two consecutive days off (full weeks only) and the spread of local start times. A
   * week split by the edge (`carryDays`) counts the previous roster's days of it from the tail.
   */
  private checkWeeks(agent: CoreAgent, row: Int32Array, offset: number): void {
    const p = this.p;
    const violations = this.violations;
    const carry = agent.tail ? (p.carryDays ?? 0) : 0;
    p.weekStarts.forEach((weekStart, w) => {
      const weekEnd = p.weekStarts[w + 1] ?? Math.min(p.days, weekStart + 7);
      const carried = w === 0 ? carry : 0;
      if (
        p.twoConsecutiveDaysOffPerWeek &&
        weekEnd - weekStart + carried === 7 &&
        !hasTwoDaysOff(row, offset, weekStart, weekEnd, carried > 0 ? agent.tail!.carriedOff : null)
      )
        violations[RULE.consecutiveDaysOffPerWeek]! += 1;
      if (Number.isFinite(p.maxStartSpreadMinutes)) {
        const [earliest, latest] = startRange(
          p,
          row,
          offset,
          weekStart,
          weekEnd,
          carried > 0 ? agent.tail!.carriedStartMin : Infinity,
          carried > 0 ? agent.tail!.carriedStartMax : -Infinity,
        );
        if (latest - earliest > p.maxStartSpreadMinutes)
          violations[RULE.startTimeSpread]! += latest - earliest - p.maxStartSpreadMinutes;
      }
    });
  }

  /**
   * Same-start rotation of `period` weeks: the shifts of weeks w, w + period, ... start at one local
   * time; the amount is the spread of their starts in minutes.
   */
  private checkRotation(row: Int32Array, offset: number, period: number): void {
    const p = this.p;
    for (let g = 0; g < period; g++) {
      let earliest = Infinity;
      let latest = -Infinity;
      for (let w = g; w < p.weekStarts.length; w += period) {
        const weekEnd = p.weekStarts[w + 1] ?? p.days;
        const [e, l] = startRange(p, row, offset, p.weekStarts[w]!, weekEnd, earliest, latest);
        earliest = e;
        latest = l;
      }
      if (latest > earliest) this.violations[RULE.rotation]! += latest - earliest;
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

/** Two consecutive days off in [weekStart, weekEnd), after the week's carried days (1 = off) when given. */
function hasTwoDaysOff(
  row: Int32Array,
  offset: number,
  weekStart: number,
  weekEnd: number,
  carriedOff: Uint8Array | null,
): boolean {
  let previousOff = false;
  for (const off of carriedOff ?? []) {
    if (off && previousOff) return true;
    previousOff = off === 1;
  }
  for (let day = weekStart; day < weekEnd; day++) {
    const off = row[offset + day]! < 0;
    if (off && previousOff) return true;
    previousOff = off;
  }
  return false;
}

/** Earliest and latest local start minute of the shifts in [fromDay, toDay), widening [earliest, latest]. */
function startRange(
  p: CoreProblem,
  row: Int32Array,
  offset: number,
  fromDay: number,
  toDay: number,
  earliest: number,
  latest: number,
): [number, number] {
  for (let day = fromDay; day < toDay; day++) {
    const c = row[offset + day]!;
    if (c >= 0) {
      const start = p.cells[c]!.startOfDayMinute;
      if (start < earliest) earliest = start;
      if (start > latest) latest = start;
    }
  }
  return [earliest, latest];
}

/**
 * A run of `len` working days ends. Runs touching an unknown edge may continue outside the horizon
 * (Curtois & Qu's convention): `minExempt`. `checkMax` is false for a run that ended before day 0.
 */
function closeWorkRun(
  agent: CoreAgent,
  len: number,
  minExempt: boolean,
  checkMax: boolean,
  violations: Float64Array,
): void {
  if (checkMax && len > agent.maxConsecutiveDays)
    violations[RULE.maxConsecutiveDays]! += len - agent.maxConsecutiveDays;
  if (!minExempt && len < agent.minConsecutiveDays)
    violations[RULE.minConsecutiveDays]! += agent.minConsecutiveDays - len;
}
