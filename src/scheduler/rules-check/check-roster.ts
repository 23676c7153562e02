/**
 * An independent rule checker for published rosters. It reads only the roster's output (ISO
 * times), the agents and the rules, and re-derives every hard rule from wall-clock times with
 * luxon. It shares no code with the solver's scoring (src/scheduler/roster), so that a bug in
 * the solver's incremental evaluation cannot hide itself in the tests.
 */
import { DateTime } from 'luxon';
import type { RosterBody } from '../roster/result-types.js';
import type { PreviousRoster, RosterAgent, RosterRules } from '../roster/types.js';
import { checkRotation } from './check-rotation.js';
import type { AgentCheck, CheckViolation, Horizon, TimedShift } from './types.js';

export type { CheckViolation } from './types.js';

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
 *
 * With `previous` (the roster of the week before), rest, runs of days, weeks and weekends are
 * checked across the start edge: the previous roster's days are read as days -P .. -1, and only
 * what involves a horizon day is reported (docs/roster.md, "Across week edges").
 */
export function checkRoster(
  roster: RosterBody,
  agents: RosterAgent[],
  rules: RosterRules,
  previous?: PreviousRoster,
): CheckViolation[] {
  const horizon = horizonOf(roster, previous);
  const out: CheckViolation[] = [];
  const byId = new Map(agents.map((a) => [a.id, a]));
  const before = new Map((previous?.agents ?? []).map((a) => [a.id, a.shifts]));
  for (const rostered of roster.agents) {
    const agent = byId.get(rostered.id);
    if (!agent) {
      out.push({ agent: rostered.id, rule: 'unknownAgent', amount: 1, detail: 'not in the agents input' });
      continue;
    }
    const earlier = before.get(rostered.id);
    const check: AgentCheck = {
      agent,
      rules,
      horizon,
      out,
      shifts: shiftsInTime(rostered.days, horizon),
      earlier: earlier ? shiftsInTime(earlier, horizon) : null,
      add: (rule, amount, detail) => {
        if (amount > 1e-9 && isHard(rules, rule)) out.push({ agent: rostered.id, rule, amount, detail });
      },
    };
    checkStructure(check);
    checkAvailability(check);
    checkRest(check);
    // worked[P + d] for local day d of the horizon; the previous roster's days are d = -P .. -1
    const known = check.earlier ? horizon.prevDays : 0;
    const worked = new Array<boolean>(known + horizon.days).fill(false);
    for (const sh of [...(check.earlier ?? []), ...check.shifts])
      if (sh.idx >= -known && sh.idx < horizon.days) worked[known + sh.idx] = true;
    checkRuns(check, worked, known);
    checkWeeks(check, worked, known);
    checkWeekends(check);
    checkRotation(check);
  }
  return out;
}

function horizonOf(roster: RosterBody, previous: PreviousRoster | undefined): Horizon {
  const zone = roster.grid.timeZone;
  const firstDay = DateTime.fromISO(roster.grid.start, { zone }).startOf('day');
  const lastInstant = DateTime.fromISO(roster.grid.start, { zone }).plus({
    minutes: roster.grid.slotCount * roster.grid.intervalMinutes,
  });
  const days = Math.round(lastInstant.minus({ milliseconds: 1 }).startOf('day').diff(firstDay, 'days').days) + 1;
  if (!previous) return { zone, firstDay, days, prevDays: 0, carry: 0 };
  const daysBefore = (date: string): number =>
    Math.round(firstDay.diff(DateTime.fromISO(date, { zone }).startOf('day'), 'days').days);
  const prevDays = daysBefore(previous.firstDate);
  return { zone, firstDay, days, prevDays, carry: daysBefore(previous.lastDate) === 1 ? prevDays % 7 : 0 };
}

function shiftsInTime(days: readonly Omit<TimedShift, 's' | 'e' | 'idx'>[], horizon: Horizon): TimedShift[] {
  const { zone, firstDay } = horizon;
  const dayIndex = (date: string): number => Math.round(DateTime.fromISO(date, { zone }).diff(firstDay, 'days').days);
  return days
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

/** Always hard: the contract's templates, a multi-skill shift's skills, the availability days and windows, time off. */
function checkAvailability({ agent, out, shifts, horizon }: AgentCheck): void {
  for (const sh of shifts) {
    const local = sh.s.setZone(horizon.zone);
    const weekday = local.weekday;
    if (agent.contract.templates && !agent.contract.templates.includes(sh.template))
      out.push({ agent: agent.id, rule: 'template', amount: 1, detail: `${sh.template} on ${sh.date}` });
    const missing = agent.skills ? (sh.skills ?? []).filter((q) => !agent.skills?.includes(q)) : [];
    if (missing.length > 0)
      out.push({
        agent: agent.id,
        rule: 'skill',
        amount: missing.length,
        detail: `${sh.start} is planned for ${missing.join(', ')}, a skill the agent lacks`,
      });
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

/**
 * Rest between consecutive shifts (true elapsed hours, so DST nights count 1 h more or less), the
 * previous roster's last shift before the horizon's first included.
 */
function checkRest({ rules, shifts: inHorizon, earlier, add }: AgentCheck): void {
  const last = earlier?.reduce<TimedShift | null>((a, b) => (a && a.e > b.e ? a : b), null);
  const shifts = last ? [last, ...inHorizon] : inHorizon;
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

/**
 * Runs of work and rest over the known days (`known` previous days, then the horizon); runs
 * touching the known range's edges are exempt from minimums. A run that ended before day 0 was the
 * previous roster's: only a minimum broken by day 0 is reported, never its length.
 */
function checkRuns({ rules, add }: AgentCheck, worked: boolean[], known: number): void {
  let d = 0;
  while (d < worked.length) {
    let e = d;
    while (e < worked.length && worked[e] === worked[d]) e++;
    const len = e - d;
    const inner = d > 0 && e < worked.length;
    const from = d - known;
    if (e >= known) {
      if (worked[d]) {
        if (e > known)
          add('maxConsecutiveDays', len - rules.maxConsecutiveDays, `${len} days in a row from day ${from}`);
        if (inner) add('minConsecutiveDays', rules.minConsecutiveDays - len, `run of ${len} from day ${from}`);
      } else if (inner)
        add('minConsecutiveDaysOff', rules.minConsecutiveDaysOff - len, `${len} days off from day ${from}`);
    }
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

/**
 * Weeks: 7-day blocks (hours, days, two days off, start spread), the first starting `carry` days
 * before the horizon. Those days count only for an agent in the previous roster (for anyone else
 * the first week is a partial one).
 */
function checkWeeks(check: AgentCheck, worked: boolean[], known: number): void {
  const { agent, rules, horizon, shifts, earlier, add } = check;
  const all = [...(earlier ?? []), ...shifts];
  for (let ws = -horizon.carry; ws < horizon.days; ws += 7) {
    const we = Math.min(horizon.days, ws + 7);
    const inWeek = all.filter((s) => s.idx >= ws && s.idx < we);
    const hours = inWeek.reduce((t, s) => t + s.paidHours, 0);
    const knownDays = we - Math.max(ws, -known);
    // approved time off in the horizon counts towards the minimum (as the roster's contract windows)
    const credit = timeOffCredit(check, Math.max(ws, 0), we);
    const minHours = Math.max(0, (agent.contract.minHoursPerWeek * knownDays) / 7 - credit);
    add('maxMinutes', (hours - agent.contract.maxHoursPerWeek) * 60, `${hours} h in week from day ${ws}`);
    add('minMinutes', (minHours - hours) * 60, `${hours} h in week from day ${ws}`);
    add('maxDays', inWeek.length - agent.contract.maxDaysPerWeek, `${inWeek.length} days in week from day ${ws}`);
    if (rules.twoConsecutiveDaysOffPerWeek && knownDays === 7) {
      let ok = false;
      for (let k = known + ws; k + 1 < known + we; k++) if (!worked[k] && !worked[k + 1]) ok = true;
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

/** The Saturdays of the weekends the shifts work on. */
function saturdaysOf(shifts: TimedShift[], zone: string): Set<string> {
  const saturdays = new Set<string>();
  for (const sh of shifts) {
    const day = DateTime.fromISO(sh.date, { zone });
    if (day.weekday >= 6) saturdays.add(day.minus({ days: day.weekday - 6 }).toISODate() ?? '');
  }
  return saturdays;
}

/**
 * Weekends: Saturday/Sunday of the same weekend count once; the maximum (horizon only), and no
 * two in a row (a weekend worked in the previous roster counts as the one before).
 */
function checkWeekends({ agent, rules, horizon, shifts, earlier, add }: AgentCheck): void {
  const { zone, firstDay } = horizon;
  const weekendsWorked = saturdaysOf(shifts, zone);
  const weekendsBefore = saturdaysOf(earlier ?? [], zone);
  if (Number.isFinite(rules.maxWeekends))
    add('maxWeekends', weekendsWorked.size - rules.maxWeekends, `${weekendsWorked.size} weekends`);
  if (rules.weekendsOffEveryOtherWeek) {
    const sats = [...weekendsWorked].sort();
    let pairs = 0;
    for (const sat of sats) {
      const prev = DateTime.fromISO(sat, { zone }).minus({ days: 7 }).toISODate() ?? '';
      if (weekendsWorked.has(prev) || weekendsBefore.has(prev)) pairs++;
      else if (agent.workedPreviousWeekend && DateTime.fromISO(sat, { zone }).minus({ days: 7 }) < firstDay) pairs++;
    }
    add('weekendsOffEveryOtherWeek', pairs, `${pairs} back-to-back weekends`);
  }
}
