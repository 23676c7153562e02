/**
 * Random small roster instances built to be feasible: a known valid roster is drawn first (each
 * agent one template, five days with two consecutive days off), and the plan, the agents'
 * availability and the retraining sessions are derived from it. So at least one roster with no
 * hard violation and no unfilled shift exists.
 */
import { DateTime } from 'luxon';
import { createSlotGrid, formatSlot } from '../../../src/time/slot-grid.js';
import { makeRng, randInt } from '../../../src/scheduler/roster/rng.js';
import type { RosterAgent, RosterRules } from '../../../src/scheduler/roster/types.js';
import type { PlannedShift, RetrainingSession, ShiftPlan } from '../../../src/scheduler/shift-plan/types.js';

export interface Generated {
  plan: ShiftPlan;
  agents: RosterAgent[];
  rules: RosterRules;
  /** The known valid roster: agent index -> day index -> template index or -1. */
  known: number[][];
}

const TEMPLATES = [
  { name: 'early', startMinute: 7 * 60, paidMinutes: 480, lunchMinutes: 30 },
  { name: 'mid', startMinute: 10 * 60, paidMinutes: 360, lunchMinutes: 0 },
  { name: 'late', startMinute: 13 * 60, paidMinutes: 480, lunchMinutes: 30 },
];

export function generateInstance(
  seed: number,
  opts: { agents?: number; timeZone?: string; weekStart?: string } = {},
): Generated {
  const rng = makeRng(seed);
  const zone = opts.timeZone ?? 'UTC';
  const E = opts.agents ?? 3 + randInt(rng, 6);
  const first = DateTime.fromISO(opts.weekStart ?? '2026-03-02', { zone }).startOf('day');
  const interval = 30;
  const end = first.plus({ days: 7 });
  const slotCount = Math.round(end.diff(first, 'minutes').minutes / interval);
  const grid = createSlotGrid(first.toMillis(), interval, slotCount, zone);
  const slotOf = (ms: number): number => Math.round((ms - grid.originMs) / (interval * 60_000));
  const known: number[][] = [];
  const agents: RosterAgent[] = [];
  const instancesByKey = new Map<string, { t: number; d: number; agents: number[] }>();
  for (let e = 0; e < E; e++) {
    const t = randInt(rng, TEMPLATES.length);
    const offStart = randInt(rng, 6);
    const row = Array.from({ length: 7 }, (_, d) => (d === offStart || d === offStart + 1 ? -1 : t));
    known.push(row);
    row.forEach((tt, d) => {
      if (tt < 0) return;
      const key = `${tt}:${d}`;
      const entry = instancesByKey.get(key) ?? { t: tt, d, agents: [] };
      entry.agents.push(e);
      instancesByKey.set(key, entry);
    });
    const hours = row.filter((x) => x >= 0).length * (TEMPLATES[t]!.paidMinutes / 60);
    // availability: the known days plus some random extra days; a day off on one known off day
    const days = [
      ...new Set([...row.flatMap((x, d) => (x >= 0 ? [d] : [])), ...(rng() < 0.5 ? [randInt(rng, 7)] : [])]),
    ].map((d) => grid.days[d]!.weekday);
    const timeOff =
      rng() < 0.5
        ? [{ startMs: first.plus({ days: offStart }).toMillis(), endMs: first.plus({ days: offStart + 1 }).toMillis() }]
        : [];
    const templates = rng() < 0.5 ? [TEMPLATES[t]!.name] : undefined;
    agents.push({
      id: `a${String(e).padStart(2, '0')}`,
      name: `Agent ${e}`,
      team: e % 2 === 0 ? 'blue' : 'green',
      contract: {
        minHoursPerWeek: rng() < 0.5 ? hours : 0,
        maxHoursPerWeek: Math.max(hours, 40),
        maxDaysPerWeek: 5,
        ...(templates ? { templates } : {}),
      },
      availability: { days, timeOff },
      preferences:
        rng() < 0.5 ? [{ kind: 'unwanted-day', days: [grid.days[randInt(rng, 7)]!.weekday], weight: 1 }] : [],
      seniority: randInt(rng, 10),
      retrainingHoursNeeded: rng() < 0.4 ? 1 + randInt(rng, 3) : 0,
      workedPreviousWeekend: false,
    });
  }
  const shifts: PlannedShift[] = [];
  const onPhone = new Int32Array(slotCount);
  for (const { t, d, agents: list } of [...instancesByKey.values()].sort((a, b) => a.d - b.d || a.t - b.t)) {
    const tpl = TEMPLATES[t]!;
    const day = grid.days[d]!;
    const startDt = DateTime.fromISO(day.date, { zone }).set({
      hour: Math.floor(tpl.startMinute / 60),
      minute: tpl.startMinute % 60,
    });
    const endDt = startDt.plus({ minutes: tpl.paidMinutes + tpl.lunchMinutes });
    const startSlot = slotOf(startDt.toMillis());
    const endSlot = slotOf(endDt.toMillis());
    const instances = list.map(() => {
      if (tpl.lunchMinutes === 0) return { breaks: [] };
      const bs = startSlot + 8;
      return {
        breaks: [
          {
            name: 'lunch',
            paid: false,
            start: formatSlot(grid, bs),
            end: formatSlot(grid, bs + 1),
            startSlot: bs,
            endSlot: bs + 1,
          },
        ],
      };
    });
    for (const inst of instances) {
      for (let s = startSlot; s < endSlot; s++)
        if (!inst.breaks.some((b) => s >= b.startSlot && s < b.endSlot)) onPhone[s]!++;
    }
    shifts.push({
      template: tpl.name,
      day: day.date,
      weekday: day.weekday,
      start: startDt.toISO({ suppressMilliseconds: true })!,
      end: endDt.toISO({ suppressMilliseconds: true })!,
      startSlot,
      endSlot,
      paidHours: tpl.paidMinutes / 60,
      count: list.length,
      instances,
    });
  }
  // sessions: one hour in the afternoon on a few days, 1-2 seats; the requirement leaves room for them
  const retraining: RetrainingSession[] = [];
  const inSession = new Int32Array(slotCount);
  for (let d = 0; d < 7; d++) {
    if (rng() < 0.5) continue;
    const day = grid.days[d]!;
    const s = DateTime.fromISO(day.date, { zone }).set({ hour: 14 });
    const startSlot = slotOf(s.toMillis());
    const seats = 1 + randInt(rng, 2);
    retraining.push({
      pool: 'coaching',
      day: day.date,
      start: formatSlot(grid, startSlot),
      end: formatSlot(grid, startSlot + 2),
      startSlot,
      endSlot: startSlot + 2,
      seats,
    });
    for (let k = startSlot; k < startSlot + 2; k++) inSession[k]! += seats;
  }
  const coverage = Array.from({ length: slotCount }, (_, slot) => {
    const required = Math.max(0, onPhone[slot]! - inSession[slot]! - (rng() < 0.3 ? 1 : 0));
    const phone = Math.max(0, onPhone[slot]! - inSession[slot]!);
    return {
      slot,
      start: formatSlot(grid, slot),
      required,
      onShift: onPhone[slot]!,
      onPhone: phone,
      onBreak: 0,
      inRetraining: onPhone[slot]! - phone,
      over: Math.max(0, phone - required),
      under: Math.max(0, required - phone),
      serviceLevel: null,
    };
  });
  const plan: ShiftPlan = {
    grid: { start: formatSlot(grid, 0), intervalMinutes: interval, slotCount, timeZone: zone, cyclic: false },
    covers: 'agents',
    shifts,
    retraining,
    coverage,
    quality: {} as ShiftPlan['quality'],
    uncoverable: [],
    issues: [],
  };
  const rules: RosterRules = {
    minRestHours: 11,
    maxConsecutiveDays: 5,
    minConsecutiveDays: 1,
    minConsecutiveDaysOff: 1,
    twoConsecutiveDaysOffPerWeek: true,
    weekendsOffEveryOtherWeek: false,
    maxWeekends: Infinity,
    maxStartSpreadMinutes: 0,
    lateShiftFromMinute: 13 * 60,
    settings: { startTimeSpread: { hard: true, weight: 1 } },
  };
  return { plan, agents, rules, known };
}
