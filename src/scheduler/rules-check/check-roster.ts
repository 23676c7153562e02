/**
 * An independent rule checker for published rosters. It reads only the roster's output (ISO
 * times), the agents and the rules, and re-derives every hard rule from wall-clock times with
 * luxon. It shares no code with the solver's scoring (src/scheduler/roster), so that a bug in
 * the solver's incremental evaluation cannot hide itself in the tests.
 */
import { DateTime } from 'luxon';
import type { RosterBody, RosterResult } from '../roster/result-types.js';
import type { RosterAgent, RosterRules } from '../roster/types.js';

export interface CheckViolation {
  agent: string;
  rule: string;
  amount: number;
  detail: string;
}

/** Rules that are hard unless the roster rules say otherwise (mirrors the documented defaults). */
const SOFT_BY_DEFAULT = new Set([
  'coverUnder',
  'coverOver',
  'preference',
  'startTimeSpread',
  'fairnessWeekend',
  'fairnessLate',
]);

function isHard(rules: RosterRules, rule: string): boolean {
  const s = (rules.settings as Record<string, { hard?: boolean } | undefined>)[rule];
  return s?.hard ?? !SOFT_BY_DEFAULT.has(rule);
}

/**
 * Every hard-rule violation in `roster`, plus structural errors that are always hard: an agent in
 * two places at once, two shifts on one day, an unknown agent. O(agents x days^2).
 */
export function checkRoster(roster: RosterBody, agents: RosterAgent[], rules: RosterRules): CheckViolation[] {
  const horizon = horizonOf(roster);
  const out: CheckViolation[] = [];
  const byId = new Map(agents.map((a) => [a.id, a]));
  for (const rostered of roster.agents) {
    const agent = byId.get(rostered.id);
    if (!agent) {
      out.push({ agent: rostered.id, rule: 'unknownAgent', amount: 1, detail: 'not in the agents input' });
      continue;
    }
    const check: AgentCheck = {
      agent,
      rules,
      horizon,
      out,
      shifts: shiftsInTime(rostered, horizon),
      add: (rule, amount, detail) => {
        if (amount > 1e-9 && isHard(rules, rule)) out.push({ agent: rostered.id, rule, amount, detail });
      },
    };
    checkStructure(check);
    checkAvailability(check);
    checkRest(check);
    const worked = new Array<boolean>(horizon.days).fill(false);
    for (const sh of check.shifts) if (sh.idx >= 0 && sh.idx < horizon.days) worked[sh.idx] = true;
    checkRuns(check, worked);
    checkWeeks(check, worked);
    checkWeekends(check);
  }
  return out;
}

/** The roster's zone, first local day and length in local days (23- and 25-hour days count once). */
interface Horizon {
  zone: string;
  firstDay: DateTime;
  days: number;
}

/** A shift of the roster with its instants and local day index. */
type TimedShift = RosterResult['agents'][number]['days'][number] & { s: DateTime; e: DateTime; idx: number };

/** One agent under check: its shifts in time order, and `add` for a violation of a rule (kept when hard). */
interface AgentCheck {
  agent: RosterAgent;
  rules: RosterRules;
  horizon: Horizon;
  out: CheckViolation[];
  shifts: TimedShift[];
  add: (rule: string, amount: number, detail: string) => void;
}

function horizonOf(roster: RosterBody): Horizon {
  const zone = roster.grid.timeZone;
  const firstDay = DateTime.fromISO(roster.grid.start, { zone }).startOf('day');
  const lastInstant = DateTime.fromISO(roster.grid.start, { zone }).plus({
    minutes: roster.grid.slotCount * roster.grid.intervalMinutes,
  });
  const days = Math.round(lastInstant.minus({ milliseconds: 1 }).startOf('day').diff(firstDay, 'days').days) + 1;
  return { zone, firstDay, days };
}

function shiftsInTime(rostered: RosterResult['agents'][number], horizon: Horizon): TimedShift[] {
  const { zone, firstDay } = horizon;
  const dayIndex = (date: string): number => Math.round(DateTime.fromISO(date, { zone }).diff(firstDay, 'days').days);
  return rostered.days
    .map((d) => ({
      ...d,
      s: DateTime.fromISO(d.start, { zone }),
      e: DateTime.fromISO(d.end, { zone }),
      idx: dayIndex(d.date),
    }))
    .sort((a, b) => a.s.toMillis() - b.s.toMillis());
}

/** Always hard: two shifts overlapping in time, or two on one local day. */
function checkStructure({ agent, out, shifts }: AgentCheck): void {
  for (let i = 0; i < shifts.length; i++) {
    for (let j = i + 1; j < shifts.length; j++) {
      const a = shifts[i]!;
      const b = shifts[j]!;
      if (a.s < b.e && b.s < a.e)
        out.push({ agent: agent.id, rule: 'twoPlaces', amount: 1, detail: `${a.start} overlaps ${b.start}` });
      if (a.date === b.date) out.push({ agent: agent.id, rule: 'twoShiftsOneDay', amount: 1, detail: a.date });
    }
  }
}

/** Always hard: the contract's templates, the availability days and windows, time off. */
function checkAvailability({ agent, out, shifts, horizon }: AgentCheck): void {
  for (const sh of shifts) {
    const local = sh.s.setZone(horizon.zone);
    const weekday = local.weekday;
    if (agent.contract.templates && !agent.contract.templates.includes(sh.template))
      out.push({ agent: agent.id, rule: 'template', amount: 1, detail: `${sh.template} on ${sh.date}` });
    if (agent.availability.days && !agent.availability.days.includes(weekday))
      out.push({ agent: agent.id, rule: 'availability', amount: 1, detail: `works on weekday ${weekday}` });
    if (agent.availability.windows) {
      const startMin = local.hour * 60 + local.minute;
      const span = sh.e.diff(sh.s, 'minutes').minutes;
      const ok = agent.availability.windows.some(
        (w) => (!w.days || w.days.includes(weekday)) && startMin >= w.fromMinute && startMin + span <= w.toMinute,
      );
      if (!ok)
        out.push({
          agent: agent.id,
          rule: 'availability',
          amount: 1,
          detail: `${sh.start} outside the availability windows`,
        });
    }
    for (const t of agent.availability.timeOff) {
      if (t.startMs < sh.e.toMillis() && sh.s.toMillis() < t.endMs)
        out.push({ agent: agent.id, rule: 'timeOff', amount: 1, detail: `${sh.start} during time off` });
    }
  }
}

/** Rest between consecutive shifts (true elapsed hours, so DST nights count 1 h more or less). */
function checkRest({ rules, shifts, add }: AgentCheck): void {
  for (let i = 1; i < shifts.length; i++) {
    const gapHours = shifts[i]!.s.diff(shifts[i - 1]!.e, 'hours').hours;
    if (gapHours < rules.minRestHours - 1e-9) {
      add(
        'minRest',
        (rules.minRestHours - gapHours) * 60,
        `${gapHours.toFixed(2)} h between ${shifts[i - 1]!.end} and ${shifts[i]!.start}`,
      );
    }
  }
}

/** Runs of work and rest; runs touching the horizon's edges are exempt from minimums. */
function checkRuns({ rules, horizon, add }: AgentCheck, worked: boolean[]): void {
  let d = 0;
  while (d < horizon.days) {
    let e = d;
    while (e < horizon.days && worked[e] === worked[d]) e++;
    const len = e - d;
    const inner = d > 0 && e < horizon.days;
    if (worked[d]) {
      add('maxConsecutiveDays', len - rules.maxConsecutiveDays, `${len} days in a row from day ${d}`);
      if (inner) add('minConsecutiveDays', rules.minConsecutiveDays - len, `run of ${len} from day ${d}`);
    } else if (inner) add('minConsecutiveDaysOff', rules.minConsecutiveDaysOff - len, `${len} days off from day ${d}`);
    d = e;
  }
}

/** Hours of approved time off counted towards the contract minimum: per day, at most minimum / max days. */
function timeOffCredit({ agent, horizon }: AgentCheck, fromDay: number, toDay: number): number {
  const dayCap = agent.contract.minHoursPerWeek / Math.max(1, agent.contract.maxDaysPerWeek);
  let hours = 0;
  for (let d = fromDay; d < toDay; d++) {
    const start = horizon.firstDay.plus({ days: d }).toMillis();
    const end = horizon.firstDay.plus({ days: d + 1 }).toMillis();
    const off = agent.availability.timeOff.reduce(
      (t, o) => t + Math.max(0, Math.min(end, o.endMs) - Math.max(start, o.startMs)) / 3_600_000,
      0,
    );
    hours += Math.min(dayCap, off);
  }
  return hours;
}

/** Weeks: 7-day blocks from the horizon's first day (hours, days, two days off, start spread). */
function checkWeeks(check: AgentCheck, worked: boolean[]): void {
  const { agent, rules, horizon, shifts, add } = check;
  for (let ws = 0; ws < horizon.days; ws += 7) {
    const we = Math.min(horizon.days, ws + 7);
    const inWeek = shifts.filter((s) => s.idx >= ws && s.idx < we);
    const hours = inWeek.reduce((t, s) => t + s.paidHours, 0);
    const minHours = Math.max(0, (agent.contract.minHoursPerWeek * (we - ws)) / 7 - timeOffCredit(check, ws, we));
    add('maxMinutes', (hours - agent.contract.maxHoursPerWeek) * 60, `${hours} h in week from day ${ws}`);
    add('minMinutes', (minHours - hours) * 60, `${hours} h in week from day ${ws}`);
    add('maxDays', inWeek.length - agent.contract.maxDaysPerWeek, `${inWeek.length} days in week from day ${ws}`);
    if (rules.twoConsecutiveDaysOffPerWeek && we - ws === 7) {
      let ok = false;
      for (let k = ws; k + 1 < we; k++) if (!worked[k] && !worked[k + 1]) ok = true;
      if (!ok) add('consecutiveDaysOffPerWeek', 1, `week from day ${ws}`);
    }
    if (Number.isFinite(rules.maxStartSpreadMinutes) && inWeek.length > 1) {
      const starts = inWeek.map((s) => s.s.hour * 60 + s.s.minute);
      add(
        'startTimeSpread',
        Math.max(...starts) - Math.min(...starts) - rules.maxStartSpreadMinutes,
        `week from day ${ws}`,
      );
    }
  }
}

/** Weekends: Saturday/Sunday of the same weekend count once; the maximum, and no two in a row. */
function checkWeekends({ agent, rules, horizon, shifts, add }: AgentCheck): void {
  const { zone, firstDay } = horizon;
  const weekendsWorked = new Set<string>();
  for (const sh of shifts) {
    const day = DateTime.fromISO(sh.date, { zone });
    if (day.weekday >= 6) weekendsWorked.add(day.minus({ days: day.weekday - 6 }).toISODate() ?? '');
  }
  if (Number.isFinite(rules.maxWeekends))
    add('maxWeekends', weekendsWorked.size - rules.maxWeekends, `${weekendsWorked.size} weekends`);
  if (rules.weekendsOffEveryOtherWeek) {
    const sats = [...weekendsWorked].sort();
    let pairs = 0;
    for (const sat of sats) {
      const prev = DateTime.fromISO(sat, { zone }).minus({ days: 7 }).toISODate() ?? '';
      if (weekendsWorked.has(prev)) pairs++;
      else if (agent.workedPreviousWeekend && DateTime.fromISO(sat, { zone }).minus({ days: 7 }) < firstDay) pairs++;
    }
    add('weekendsOffEveryOtherWeek', pairs, `${pairs} back-to-back weekends`);
  }
}
