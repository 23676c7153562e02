import type { FreedAgent } from './sub-mip-freed-agent.js';
import { scaleLin, sumLin, type Lin } from './sub-mip-model.js';

/**
 * The per-week hard rules of one freed agent as rows, each only when the rule is hard and on:
 * two consecutive days off in every full week, no two weekends in a row (with the weekend before
 * the horizon), and the spread of start times within a week. Weeks and weekends with no free day
 * enter as constants (they are what they are), so rows are added only where a column can move.
 */
export function addWeekRows(freed: FreedAgent): void {
  const p = freed.model.problem;
  if (p.twoConsecutiveDaysOffPerWeek && p.rules.consecutiveDaysOffPerWeek.hard) addTwoDaysOffRows(freed);
  if (p.weekendsOffEveryOtherWeek && p.rules.weekendsOffEveryOtherWeek.hard) addAlternateWeekendRows(freed);
  if (Number.isFinite(p.maxStartSpreadMinutes) && p.rules.startTimeSpread.hard) addStartSpreadRows(freed);
}

/** Weeks [start, end) of the horizon that hold at least one free day. */
function freeWeeks(freed: FreedAgent): [number, number][] {
  const { model } = freed;
  const p = model.problem;
  return p.weekStarts
    .map((start): [number, number] => [start, Math.min(p.days, start + 7)])
    .filter(([start, end]) => {
      for (let day = start; day < end; day++) if (model.isFree(day)) return true;
      return false;
    });
}

/** True when `lin` is a constant equal to `value`. */
function isConstant(lin: Lin, value: number): boolean {
  return lin.terms.length === 0 && lin.constant === value;
}

/**
 * Per full week: one indicator per pair of days (d, d+1) that may both be off, at most each day's
 * "off" (1 - worked), and at least one indicator on. A pair already off on fixed days settles the week.
 */
function addTwoDaysOffRows(freed: FreedAgent): void {
  const { model } = freed;
  for (const [start, end] of freeWeeks(freed)) {
    if (end - start !== 7) continue;
    const pairs: Lin = { terms: [], constant: 0 };
    let settled = false;
    for (let day = start; day + 1 < end; day++) {
      const first = freed.worked(day);
      const second = freed.worked(day + 1);
      if (isConstant(first, 1) || isConstant(second, 1)) continue;
      if (isConstant(first, 0) && isConstant(second, 0)) {
        settled = true;
        break;
      }
      const bothOff = model.addCol(0);
      model.start[bothOff] = freed.cellAt(day) < 0 && freed.cellAt(day + 1) < 0 ? 1 : 0;
      pairs.terms.push([bothOff, 1]);
      for (const worked of [first, second])
        model.addRow(-Infinity, 1, sumLin(worked, { terms: [[bothOff, 1]], constant: 0 }));
    }
    if (!settled) model.addRow(1, Infinity, pairs);
  }
}

/** Weekend indicators (at least each weekend day worked); two consecutive weekends at most one. */
function addAlternateWeekendRows(freed: FreedAgent): void {
  const { model } = freed;
  const p = model.problem;
  const daysOf = new Map<number, number[]>();
  for (let day = 0; day < p.days; day++) {
    const weekend = p.weekendOfDay[day]!;
    if (weekend >= 0) daysOf.set(weekend, [...(daysOf.get(weekend) ?? []), day]);
  }
  const worked = new Map<number, Lin>();
  for (const [weekend, days] of daysOf) worked.set(weekend, weekendWorked(freed, days));
  const previous: Lin = { terms: [], constant: p.agents[freed.agent]!.workedPreviousWeekend ? 1 : 0 };
  for (const [weekend, lin] of worked) {
    const before = weekend === 0 ? previous : worked.get(weekend - 1);
    if (before && (lin.terms.length > 0 || before.terms.length > 0)) model.addRow(-Infinity, 1, sumLin(before, lin));
  }
}

/** 1 when any of `days` is worked: a constant when all are fixed or one fixed day is worked, else a column. */
function weekendWorked(freed: FreedAgent, days: number[]): Lin {
  const { model } = freed;
  const lins = days.map((day) => freed.worked(day));
  if (lins.some((lin) => isConstant(lin, 1))) return { terms: [], constant: 1 };
  if (lins.every((lin) => lin.terms.length === 0)) return { terms: [], constant: 0 };
  const col = model.addCol(0);
  model.start[col] = days.some((day) => freed.cellAt(day) >= 0) ? 1 : 0;
  for (const lin of lins) model.addRow(-Infinity, 0, sumLin(lin, { terms: [[col, -1]], constant: 0 }));
  return { terms: [[col, 1]], constant: 0 };
}

/** Minutes in a day: the big-M of the earliest-start rows. */
const DAY_MINUTES = 1440;

/**
 * Per week: continuous earliest and latest local starts, latest >= each worked start, earliest <=
 * each worked start (relaxed by a day when not worked), latest - earliest <= the maximum spread.
 */
function addStartSpreadRows(freed: FreedAgent): void {
  const { model } = freed;
  const p = model.problem;
  for (const [start, end] of freeWeeks(freed)) {
    const earliest = model.addCol(0, 2 * DAY_MINUTES, false);
    const latest = model.addCol(0, 2 * DAY_MINUTES, false);
    const starts: number[] = [];
    for (let day = start; day < end; day++) {
      for (const [col, c] of freed.choices(day)) {
        const minute = p.cells[c]!.startOfDayMinute;
        const x: Lin = col >= 0 ? { terms: [[col, 1]], constant: 0 } : { terms: [], constant: 1 };
        if (freed.cellAt(day) === c) starts.push(minute);
        model.addRow(0, Infinity, sumLin({ terms: [[latest, 1]], constant: 0 }, scaleLin(x, -minute)));
        model.addRow(
          -Infinity,
          minute + DAY_MINUTES,
          sumLin({ terms: [[earliest, 1]], constant: 0 }, scaleLin(x, DAY_MINUTES)),
        );
      }
    }
    model.start[earliest] = starts.length ? Math.min(...starts) : 0;
    model.start[latest] = starts.length ? Math.max(...starts) : 0;
    model.addRow(-Infinity, p.maxStartSpreadMinutes, {
      terms: [
        [latest, 1],
        [earliest, -1],
      ],
      constant: 0,
    });
  }
}
