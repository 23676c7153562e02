import { RULE_COUNT, RULE_INDEX, RULE_KEYS, type CoreAgent, type CoreProblem } from './problem.js';

const R = RULE_INDEX;

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
    const p = this.p;
    const cells = p.cells;
    const D = p.days;
    const a = scratchAmounts();
    a.fill(0);
    const tc = this.typeCount;
    tc.fill(0);
    let weekendDays = 0;
    let late = 0;
    // preferences, succession, rest, runs
    let pref = 0;
    let prevCell = -1;
    let workRun = 0;
    let workRunStart = 0;
    let offRun = 0;
    let offRunStart = 0;
    let lastWeekend = -2;
    let weekendsWorked = 0;
    let prevWeekendWorkedIdx = agent.workedPreviousWeekend ? -1 : -3;
    const ff = p.forbiddenFollow;
    for (let d = 0; d < D; d++) {
      const c = row[offset + d]!;
      const wk = p.weekendOfDay[d]!;
      if (c >= 0) {
        const cell = cells[c]!;
        pref += agent.workCost[c]!;
        tc[cell.type]!++;
        if (cell.isLate) late++;
        if (wk >= 0) {
          weekendDays++;
          if (wk !== lastWeekend) {
            weekendsWorked++;
            if (p.weekendsOffEveryOtherWeek && wk === prevWeekendWorkedIdx + 1) a[R.weekendsOffEveryOtherWeek]! += 1;
            prevWeekendWorkedIdx = wk;
            lastWeekend = wk;
          }
        }
        if (prevCell >= 0) {
          const pc = cells[prevCell]!;
          if (ff && ff[pc.type * p.types + cell.type]) a[R.forbiddenSequence]! += 1;
          if (p.minRestMinutes > 0) {
            const gap = cell.startMinute - pc.endMinute;
            if (gap < p.minRestMinutes) a[R.minRest]! += p.minRestMinutes - gap;
          }
        }
        if (offRun > 0) {
          if (offRunStart > 0 && offRun < agent.minConsecutiveDaysOff)
            a[R.minConsecutiveDaysOff]! += agent.minConsecutiveDaysOff - offRun;
          offRun = 0;
        }
        if (workRun === 0) workRunStart = d;
        workRun++;
      } else {
        pref += agent.offCost[d]!;
        if (workRun > 0) {
          closeWorkRun(agent, workRun, workRunStart, false, a);
          workRun = 0;
        }
        if (offRun === 0) offRunStart = d;
        offRun++;
      }
      prevCell = c;
    }
    if (workRun > 0) closeWorkRun(agent, workRun, workRunStart, true, a);
    a[R.preference]! += pref;
    if (weekendsWorked > agent.maxWeekends) a[R.maxWeekends]! += weekendsWorked - agent.maxWeekends;
    for (let t = 0; t < p.types; t++) {
      const lim = agent.maxPerType[t] ?? Infinity;
      if (tc[t]! > lim) a[R.maxShiftsPerType]! += tc[t]! - lim;
    }
    for (const w of agent.windows) {
      let minutes = 0;
      let days = 0;
      for (let d = w.fromDay; d < w.toDay; d++) {
        const c = row[offset + d]!;
        if (c >= 0) {
          minutes += cells[c]!.paidMinutes;
          days++;
        }
      }
      if (minutes < w.minMinutes) a[R.minMinutes]! += w.minMinutes - minutes;
      if (minutes > w.maxMinutes) a[R.maxMinutes]! += minutes - w.maxMinutes;
      if (days > w.maxDays) a[R.maxDays]! += days - w.maxDays;
    }
    const needWeekScan = p.twoConsecutiveDaysOffPerWeek || Number.isFinite(p.maxStartSpreadMinutes);
    if (needWeekScan) {
      for (const ws of p.weekStarts) {
        const we = Math.min(D, ws + 7);
        if (p.twoConsecutiveDaysOffPerWeek && we - ws === 7) {
          let ok = false;
          for (let d = ws; d + 1 < we; d++) {
            if (row[offset + d]! < 0 && row[offset + d + 1]! < 0) {
              ok = true;
              break;
            }
          }
          if (!ok) a[R.consecutiveDaysOffPerWeek]! += 1;
        }
        if (Number.isFinite(p.maxStartSpreadMinutes)) {
          let lo = Infinity;
          let hi = -Infinity;
          for (let d = ws; d < we; d++) {
            const c = row[offset + d]!;
            if (c >= 0) {
              const s = cells[c]!.startOfDayMinute;
              if (s < lo) lo = s;
              if (s > hi) hi = s;
            }
          }
          if (hi - lo > p.maxStartSpreadMinutes) a[R.startTimeSpread]! += hi - lo - p.maxStartSpreadMinutes;
        }
      }
    }
    if (amounts) for (let r = 0; r < RULE_COUNT; r++) amounts[r]! += a[r]!;
    let hard = 0;
    let soft = 0;
    for (let r = 2; r < RULE_COUNT; r++) {
      const v = a[r]!;
      if (v === 0 || r === R.fairnessLate || r === R.fairnessWeekend) continue;
      if (this.hardRule[r]) hard += v * this.weight[r]!;
      else soft += v * this.weight[r]!;
    }
    out.hard = hard;
    out.soft = soft;
    out.weekendDays = weekendDays;
    out.lateShifts = late;
  }
}

function closeWorkRun(agent: CoreAgent, len: number, start: number, atEnd: boolean, a: Float64Array): void {
  if (len > agent.maxConsecutiveDays) a[R.maxConsecutiveDays]! += len - agent.maxConsecutiveDays;
  // Runs touching the horizon edges may continue outside it (Curtois & Qu's convention).
  if (start > 0 && !atEnd && len < agent.minConsecutiveDays) a[R.minConsecutiveDays]! += agent.minConsecutiveDays - len;
}

let scratch: Float64Array | null = null;
function scratchAmounts(): Float64Array {
  scratch ??= new Float64Array(RULE_COUNT);
  return scratch;
}
