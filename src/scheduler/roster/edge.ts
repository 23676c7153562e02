/**
 * The previous roster at the horizon's start edge (docs/roster.md, "Across week edges"): per agent,
 * the end of the last shift (rest), the runs of work and of days off in progress (consecutive
 * days), whether the weekend before was worked, and the previous roster's part of a week the edge
 * splits (weekly hours and days, two days off, start spread). Days between the previous roster's
 * end and the horizon count as days off.
 */
import { epochDayOfDate, LocalClock } from '../../time/local-time.js';
import type { SlotGrid } from '../../time/slot-grid.js';
import type { AgentTail } from './problem.js';
import type { PreviousRoster, PreviousShift } from './types.js';

const MINUTE_MS = 60_000;

/** The edge as the core model takes it. */
export interface Edge {
  /**
   * Days of the horizon's first week lying in the previous roster: weeks continue the previous
   * roster's 7-day blocks when it ends the day before the horizon (0 when it ended on a week's
   * last day, or earlier than the day before).
   */
  carryDays: number;
  /** By agent id; agents the previous roster does not list have none. */
  tails: Map<string, EdgeTail>;
}

export interface EdgeTail extends AgentTail {
  /** Paid minutes and days worked in the carried days of the first week. */
  carriedMinutes: number;
  carriedDays: number;
  /** Worked on a Saturday or Sunday of the weekend before the horizon's first one. */
  workedWeekendBefore: boolean;
}

/** The edge of `previous` before `grid`'s first day. O(shifts of the previous roster). */
export function edgeOf(previous: PreviousRoster, grid: SlotGrid): Edge {
  const first = epochDayOfDate(grid.days[0]!.date)!;
  const prevFirst = epochDayOfDate(previous.firstDate)!;
  const prevLast = epochDayOfDate(previous.lastDate)!;
  const carryDays = prevLast === first - 1 ? (first - prevFirst) % 7 : 0;
  const clock = new LocalClock(grid.timeZone);
  const weekendBefore = weekendBeforeHorizon(grid, first);
  const tails = new Map<string, EdgeTail>();
  for (const agent of previous.agents) {
    const byDay = new Map<number, PreviousShift[]>();
    for (const s of agent.shifts) {
      const day = epochDayOfDate(s.date)!;
      byDay.set(day, [...(byDay.get(day) ?? []), s]);
    }
    const worked = (day: number): boolean => byDay.has(day);
    const run = runBefore(first, prevFirst, worked);
    let lastEndMinute = -Infinity;
    for (const s of agent.shifts)
      lastEndMinute = Math.max(lastEndMinute, Math.round((Date.parse(s.end) - grid.originMs) / MINUTE_MS));
    const carriedOff = new Uint8Array(carryDays);
    let carriedMinutes = 0;
    let carriedStartMin = Infinity;
    let carriedStartMax = -Infinity;
    for (let k = 0; k < carryDays; k++) {
      const shifts = byDay.get(first - carryDays + k) ?? [];
      carriedOff[k] = shifts.length === 0 ? 1 : 0;
      for (const s of shifts) {
        carriedMinutes += Math.round(s.paidHours * 60);
        const start = clock.toLocal(Date.parse(s.start)).minuteOfDay;
        carriedStartMin = Math.min(carriedStartMin, start);
        carriedStartMax = Math.max(carriedStartMax, start);
      }
    }
    tails.set(agent.id, {
      lastEndMinute,
      ...run,
      carriedOff,
      carriedStartMin,
      carriedStartMax,
      carriedMinutes,
      carriedDays: carriedOff.reduce((t, off) => t + (off ? 0 : 1), 0),
      workedWeekendBefore: weekendBefore.some((day) => day >= prevFirst && worked(day)),
    });
  }
  return { carryDays, tails };
}

/** Work and off runs ending the day before `first`, counted back to the previous roster's first day. */
function runBefore(
  first: number,
  prevFirst: number,
  worked: (day: number) => boolean,
): { workRun: number; offRun: number; runStartKnown: boolean } {
  if (first - 1 < prevFirst) return { workRun: 0, offRun: 0, runStartKnown: false };
  const status = worked(first - 1);
  let day = first - 1;
  while (day >= prevFirst && worked(day) === status) day--;
  const length = first - 1 - day;
  return { workRun: status ? length : 0, offRun: status ? 0 : length, runStartKnown: day >= prevFirst };
}

/** Epoch days of the Saturday and Sunday one week before the horizon's first weekend day. */
function weekendBeforeHorizon(grid: SlotGrid, first: number): number[] {
  const d = grid.days.findIndex((day) => day.weekday >= 6);
  if (d < 0) return [];
  const saturday = first + d - (grid.days[d]!.weekday - 6);
  return [saturday - 7, saturday - 6];
}
