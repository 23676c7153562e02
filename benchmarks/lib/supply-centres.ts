/**
 * Generated centres whose agent mix does not match their rules (issue 13, "Proof"), and the exact
 * fill/cover MIP over the named agents that is their reference.
 *
 * Every centre: one week from Monday 2026-06-01 (UTC), 30-minute intervals, open 08:00-20:00 every
 * day, Erlang C at 80 % in 20 s with AHT 300 s, volume scaled so that the requirement is about 75 %
 * of the agents' contract maximum. Templates 'ft8' (8 h, starts 08:00-12:00 hourly) and 'pt4' (4 h,
 * starts 08:00-16:00 hourly), without breaks, so that the reference below is exact on the same
 * coverage the plan and the roster report.
 */
import { solveInterval } from '../../src/erlang/index.js';
import type { QueueParams } from '../../src/erlang/types.js';
import { makeRng, randInt } from '../../src/scheduler/roster/rng.js';
import type { RosterAgent, RosterRules } from '../../src/scheduler/roster/types.js';
import type { PlanRequirement } from '../../src/scheduler/shift-plan/rules.js';
import { mayWorkShift } from '../../src/scheduler/shift-plan/supply-agents.js';
import { ModelBuilder } from '../../src/scheduler/mip/sparse-model.js';
import { solveBlock, type Highs } from '../../src/scheduler/mip/solve.js';

export const QUEUE: QueueParams = { model: 'erlang-c', targets: { serviceLevel: 0.8, answerSeconds: 20 } };
const ORIGIN = Date.parse('2026-06-01T00:00:00Z');
const SLOTS = 336;
const AHT = 300;
const DAY_MS = 86_400_000;

export const PLAN_RULES = {
  templates: [
    { name: 'ft8', paidMinutes: 480, starts: [{ from: '08:00', to: '12:00', stepMinutes: 60 }] },
    { name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '16:00', stepMinutes: 60 }] },
  ],
  openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], open: '08:00', close: '20:00' }],
  coverage: { mode: 'hard' as const },
  solver: { timeLimitSeconds: 10, relativeGap: 0.005, seed: 1 },
};

export const ROSTER_RULES: RosterRules = {
  minRestHours: 11,
  maxConsecutiveDays: 6,
  minConsecutiveDays: 1,
  minConsecutiveDaysOff: 1,
  twoConsecutiveDaysOffPerWeek: true,
  weekendsOffEveryOtherWeek: false,
  maxWeekends: Infinity,
  maxStartSpreadMinutes: Infinity,
  lateShiftFromMinute: 13 * 60,
  settings: {},
};

type Kind = 'ft' | 'pt' | 'flex';
interface Mix {
  ft: number;
  pt: number;
  /** Share of agents limited to 08:00-17:00. */
  dayOnly: number;
  /** Share of agents available Monday-Friday only. */
  weekdayOnly: number;
  /** Share on a restricted window (08-14, 12-20 or 10-18). */
  restricted: number;
  /** Evening weight of the demand curve (1 = the standard curve). */
  evening: number;
}

export interface Centre {
  name: string;
  agents: RosterAgent[];
  requirement: PlanRequirement;
}

const CENTRES: { name: string; size: number; mix: Mix }[] = [
  {
    name: 'part-timer-heavy',
    size: 60,
    mix: { ft: 0.2, pt: 0.7, dayOnly: 0, weekdayOnly: 0.1, restricted: 0, evening: 1 },
  },
  {
    name: 'evening-short',
    size: 60,
    mix: { ft: 0.5, pt: 0.3, dayOnly: 0.85, weekdayOnly: 0, restricted: 0, evening: 2 },
  },
  {
    name: 'weekend-short',
    size: 60,
    mix: { ft: 0.5, pt: 0.3, dayOnly: 0, weekdayOnly: 0.85, restricted: 0, evening: 1 },
  },
  {
    name: 'restricted-30',
    size: 60,
    mix: { ft: 0.4, pt: 0.4, dayOnly: 0, weekdayOnly: 0, restricted: 0.3, evening: 1 },
  },
  {
    name: 'mixed-150',
    size: 150,
    mix: { ft: 0.4, pt: 0.4, dayOnly: 0.2, weekdayOnly: 0.2, restricted: 0.1, evening: 1.5 },
  },
  {
    name: 'mixed-500',
    size: 500,
    mix: { ft: 0.4, pt: 0.4, dayOnly: 0.2, weekdayOnly: 0.2, restricted: 0.1, evening: 1.5 },
  },
];

export function centreNames(): string[] {
  return CENTRES.map((c) => c.name);
}

function agentOf(i: number, kind: Kind, mix: Mix, rng: () => number): RosterAgent {
  const contract =
    kind === 'ft'
      ? { minHoursPerWeek: 32, maxHoursPerWeek: 40, maxDaysPerWeek: 5, templates: ['ft8'] }
      : kind === 'pt'
        ? { minHoursPerWeek: 8, maxHoursPerWeek: 20, maxDaysPerWeek: 5, templates: ['pt4'] }
        : { minHoursPerWeek: 0, maxHoursPerWeek: 32, maxDaysPerWeek: 5 };
  const windowPick = [
    { fromMinute: 480, toMinute: 840 },
    { fromMinute: 720, toMinute: 1200 },
    { fromMinute: 600, toMinute: 1080 },
  ][randInt(rng, 3)]!;
  const restricted = rng() < mix.restricted;
  const dayOnly = !restricted && rng() < mix.dayOnly;
  const weekdayOnly = rng() < mix.weekdayOnly;
  // A restricted full-timer keeps a window an 8-hour shift fits in.
  const window = restricted ? (kind === 'ft' ? { fromMinute: 600, toMinute: 1200 } : windowPick) : null;
  const timeOffDay = rng() < 0.05 ? randInt(rng, 5) : -1;
  return {
    id: `a${String(i).padStart(3, '0')}`,
    name: `Agent ${i}`,
    team: kind === 'ft' ? 'full-time' : kind === 'pt' ? 'part-time' : 'flexible',
    contract,
    availability: {
      ...(weekdayOnly ? { days: [1, 2, 3, 4, 5] } : {}),
      ...(window ? { windows: [window] } : dayOnly ? { windows: [{ fromMinute: 480, toMinute: 1020 }] } : {}),
      timeOff:
        timeOffDay >= 0 ? [{ startMs: ORIGIN + timeOffDay * DAY_MS, endMs: ORIGIN + (timeOffDay + 1) * DAY_MS }] : [],
    },
    preferences: [],
    seniority: 0,
    retrainingHoursNeeded: 0,
    workedPreviousWeekend: false,
  };
}

function volumeAt(slot: number, evening: number, scale: number): number {
  const day = Math.floor(slot / 48);
  const minute = (slot % 48) * 30 + 15;
  if (minute < 480 || minute >= 1200) return 0;
  const peak = (c: number, w: number) => Math.exp(-(((minute - c) / w) ** 2));
  const curve = 20 + 60 * peak(630, 110) + 50 * peak(870, 120) + 30 * evening * peak(1110, 80);
  return Math.round(scale * curve * (day >= 5 ? 0.7 : 1));
}

function requirementAt(scale: number, evening: number): PlanRequirement {
  const volume = Array.from({ length: SLOTS }, (_x, s) => volumeAt(s, evening, scale));
  const required = volume.map((v) =>
    v > 0 ? solveInterval({ volume: v, ahtSeconds: AHT, intervalMinutes: 30 }, QUEUE).agents : 0,
  );
  return {
    originMs: ORIGIN,
    intervalMinutes: 30,
    timeZone: 'UTC',
    required,
    present: required.map(() => true),
    volume,
    ahtSeconds: volume.map(() => AHT),
    queue: QUEUE,
  };
}

/** The centre named `name`, generated from seed 2026 + its index. */
export function makeCentre(name: string): Centre {
  const index = CENTRES.findIndex((c) => c.name === name);
  const spec = CENTRES[index]!;
  const rng = makeRng(2026 + index);
  const agents = Array.from({ length: spec.size }, (_x, i) => {
    const r = rng();
    const kind: Kind = r < spec.mix.ft ? 'ft' : r < spec.mix.ft + spec.mix.pt ? 'pt' : 'flex';
    return agentOf(i, kind, spec.mix, rng);
  });
  const capacity = agents.reduce((t, a) => t + a.contract.maxHoursPerWeek, 0);
  let scale = 1;
  for (let k = 0; k < 3; k++) {
    const hours = requirementAt(scale, spec.mix.evening).required.reduce((t, r) => t + r / 2, 0);
    scale *= (0.75 * capacity) / hours;
  }
  return { name, agents, requirement: requirementAt(scale, spec.mix.evening) };
}

/** Cost of a paid hour in the reference, small enough that all paid hours together cost under 1 short interval. */
const PAID_WEIGHT = 1e-5;

export interface Reference {
  status: string;
  /** Agent-intervals short in the best solution found (optimal when status is 'optimal'). */
  under: number;
  /** The solver's lower bound on agent-intervals short. */
  bound: number;
  paidHours: number;
  /** Shifts worked (with a plan: plan shifts filled by the exact assignment). */
  filled: number;
  seconds: number;
}

/**
 * The exact fill/cover MIP over the named agents: z_{a,j} = 1 when agent a works candidate j
 * (templates, days, windows, time off by `mayWorkShift`); at most one shift a day; weekly paid hours
 * in [min, max]; days <= max; two consecutive days off; 11 h rest holds by construction (shifts lie
 * in 08:00-20:00). Minimises agent-intervals short, then paid hours (PAID_WEIGHT per hour).
 * With `planCounts` (plan shifts by "template@startSlot"): the exact fill of that plan instead, the
 * most plan shifts the agents can take under the same rules (extra shifts allowed, as the roster
 * adds them to reach contract minimums).
 */
export function exactReference(
  highs: Highs,
  centre: Centre,
  timeLimitSeconds: number,
  planCounts?: Map<string, number>,
): Reference {
  const req = centre.requirement.required;
  const cands: { start: number; span: number; paid: number; template: string; day: number }[] = [];
  for (let day = 0; day < 7; day++) {
    for (let h = 8; h <= 12; h++)
      cands.push({ start: day * 48 + (h - 0) * 2, span: 16, paid: 8, template: 'ft8', day });
    for (let h = 8; h <= 16; h++) cands.push({ start: day * 48 + h * 2, span: 8, paid: 4, template: 'pt4', day });
  }
  const mb = new ModelBuilder();
  const cover = req.map((r) => mb.addRow(planCounts ? -1e30 : r, 1e30));
  // With a plan: f_j plan shifts filled, at most the plan's count and the agents on it (extra
  // shifts allowed, as the roster may add them for contract minimums); the most filled wins.
  const capRow = cands.map((c) => {
    const count = planCounts?.get(`${c.template}@${c.start}`) ?? 0;
    if (count <= 0) return -1;
    const row = mb.addRow(-1e30, 0);
    mb.addCol(-1, 0, count, false, [row], [1]);
    return row;
  });
  const cols: { a: number; c: number; col: number }[] = [];
  centre.agents.forEach((agent, a) => {
    const dayRows = Array.from({ length: 7 }, () => mb.addRow(-1e30, 1));
    const daysRow = mb.addRow(-1e30, agent.contract.maxDaysPerWeek);
    const hoursRow = mb.addRow(agent.contract.minHoursPerWeek, agent.contract.maxHoursPerWeek);
    const pairRow = mb.addRow(1, 1e30);
    // off_{d} pair variables: p_d <= 1 - work_d, p_d <= 1 - work_{d+1}: rows work_d + p_d <= 1.
    const pairCaps = Array.from({ length: 7 }, () => mb.addRow(-1e30, 1));
    const pairCaps2 = Array.from({ length: 7 }, () => mb.addRow(-1e30, 1));
    for (let d = 0; d + 1 < 7; d++) mb.addCol(0, 0, 1, true, [pairRow, pairCaps[d]!, pairCaps2[d + 1]!], [1, 1, 1]);
    cands.forEach((c, ci) => {
      const startMs = ORIGIN + c.start * 1_800_000;
      const ok = mayWorkShift(agent, {
        template: c.template,
        weekday: c.day + 1,
        startOfDayMinute: (c.start % 48) * 30,
        spanMinutes: c.span * 30,
        startMs,
        endMs: startMs + c.span * 1_800_000,
      });
      if (!ok) return;
      const rows = [dayRows[c.day]!, daysRow, hoursRow, pairCaps[c.day]!, pairCaps2[c.day]!];
      const vals = [1, 1, c.paid, 1, 1];
      if (capRow[ci]! >= 0) {
        rows.push(capRow[ci]!);
        vals.push(-1);
      }
      for (let k = 0; k < c.span; k++) {
        rows.push(cover[c.start + k]!);
        vals.push(1);
      }
      cols.push({ a, c: ci, col: mb.addCol(PAID_WEIGHT * c.paid, 0, 1, true, rows, vals) });
    });
  });
  const shortCols = req.map((r, s) => (r > 0 && !planCounts ? mb.addCol(1, 0, r, false, [cover[s]!], [1]) : -1));
  const model = mb.build();
  const out = solveBlock(highs, model, { integer: true, timeLimitSeconds, relativeGap: 1e-4, seed: 1 });
  if (!out.values)
    return { status: out.status, under: NaN, bound: NaN, paidHours: NaN, filled: NaN, seconds: out.seconds };
  const values = out.values;
  const under = shortCols.reduce((t, col) => t + (col >= 0 ? values[col]! : 0), 0);
  const paidHours = cols.reduce((t, x) => t + Math.round(values[x.col]!) * cands[x.c]!.paid, 0);
  const worked = new Map<number, number>();
  for (const x of cols) worked.set(x.c, (worked.get(x.c) ?? 0) + Math.round(values[x.col]!));
  const filled = cands.reduce((t, c, ci) => {
    const count = planCounts?.get(`${c.template}@${c.start}`) ?? 0;
    return t + (planCounts ? Math.min(count, worked.get(ci) ?? 0) : (worked.get(ci) ?? 0));
  }, 0);
  if (planCounts) return { status: out.status, under: NaN, bound: NaN, paidHours, filled, seconds: out.seconds };
  // The bound includes the paid-hour term, at most PAID_WEIGHT x the agents' contract maximum.
  const capacity = centre.agents.reduce((t, a) => t + a.contract.maxHoursPerWeek, 0);
  const bound = Math.max(0, Math.ceil(out.bound - PAID_WEIGHT * capacity - 1e-6));
  return { status: out.status, under: Math.round(under), bound, paidHours, filled, seconds: out.seconds };
}
