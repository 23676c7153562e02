/**
 * A roster draft as the store keeps it: the roster's shifts per agent (the store's `RosterDocument`
 * shape: `agents[].shifts[]` with ISO `start`/`end`, `template`, `breaks`, `activities`) plus what
 * re-checking a hand edit needs without re-running anything: the agents and rules as given, the
 * requirement and the load per slot, the retraining sessions' seats, and the verdict of the last
 * check. Built once from a roster run (`draftFromRoster`); edits change `agents` and `sessions`.
 */
import type { QueueParams } from '../../erlang/types.js';
import type { AgentsInput, RosterRulesInput } from '../../contracts/roster.js';
import type { CheckViolation } from '../../scheduler/rules-check/index.js';
import type {
  RosterCoverageInterval,
  RosterDay,
  RosterBody,
  RosterResult,
} from '../../scheduler/roster/result-types.js';
import type { PreviousRoster } from '../../scheduler/roster/types.js';

export const DRAFT_FORMAT = 'wfm-roster-draft';

export interface DraftBreak {
  start: string;
  end: string;
  kind: 'break';
  name: string;
  paid: boolean;
}

export interface DraftActivity {
  start: string;
  end: string;
  kind: 'retraining' | 'coaching';
  pool: string;
  hours: number;
}

export interface DraftShift {
  start: string;
  end: string;
  template: string;
  /** Local date in the roster's zone. */
  date: string;
  paidHours: number;
  extra: boolean;
  breaks: DraftBreak[];
  activities: DraftActivity[];
  /** A multi-skill plan's shift: the skills it was planned for (the re-check flags an agent lacking one). */
  skills?: string[];
}

export interface DraftAgent {
  id: string;
  name: string;
  team: string;
  shifts: DraftShift[];
}

export interface DraftSession {
  pool: string;
  day: string;
  start: string;
  end: string;
  seats: number;
}

export interface DraftVerdict {
  /** Met or falls short, its line and shortfalls, as every roster says (docs/semantics.md, "Verdict"). */
  met: boolean;
  line: string;
  shortfalls: string[];
  /** Hard-rule violations by the independent checker (src/scheduler/rules-check). */
  hardViolations: CheckViolation[];
  underAgentIntervals: number;
  overAgentIntervals: number;
  serviceLevel: RosterResult['quality']['serviceLevel'];
  paidHours: number;
}

export interface DraftSlots {
  onPhone: number[];
  serviceLevel: (number | null)[];
}

export interface DraftOverride {
  at: string;
  by: string;
  reason: string;
  /** `label`: the rule in words (absent on overrides kept before labels were added). */
  rules: { agent: string; rule: string; label?: string; detail: string }[];
}

export interface RosterDraftDocument {
  format: typeof DRAFT_FORMAT;
  grid: RosterResult['grid'];
  /** The templates' display names (id -> name) from the roster run, for calendars and the page. */
  templateNames?: Record<string, string>;
  agents: DraftAgent[];
  sessions: DraftSession[];
  inputs: {
    /** The agents and rules as given to the roster (parsed again on each check). */
    agents: AgentsInput;
    rules: RosterRulesInput;
    /** Agents required and on the phones in the plan, per slot. */
    required: number[];
    planOnPhone: number[];
    load: { volume: (number | null)[]; ahtSeconds: (number | null)[] } | null;
    answerSeconds: number;
    /** The queue the plan was staffed for: the SL is re-checked on its model (absent: Erlang C). */
    queue?: QueueParams | undefined;
    /** The week before the roster (its rules carry across the edge; edits are re-checked with it). */
    previous?: PreviousRoster | undefined;
  };
  /**
   * On-phone agents and SL per slot after the last check (compact: the full coverage per interval
   * is recomputed on read, `draftCoverage`); unchanged slots keep their SL on the next check.
   */
  slots: DraftSlots;
  verdict: DraftVerdict;
  overrides: DraftOverride[];
}

/** A roster run's result and its inputs, as the draft keeps them (no check is run here). */
export function draftFromRoster(
  result: RosterResult,
  inputs: {
    agents: AgentsInput;
    rules: RosterRulesInput;
    answerSeconds: number;
    load?: { volume: (number | null)[]; ahtSeconds: (number | null)[] } | undefined;
    queue?: QueueParams | undefined;
    previous?: PreviousRoster | undefined;
  },
): RosterDraftDocument {
  return {
    format: DRAFT_FORMAT,
    grid: result.grid,
    ...(result.templateNames ? { templateNames: result.templateNames } : {}),
    agents: result.agents.map((a) => ({ id: a.id, name: a.name, team: a.team, shifts: a.days.map(shiftOfDay) })),
    sessions: result.retraining.sessions.map((s) => ({
      pool: s.pool,
      day: s.day,
      start: s.start,
      end: s.end,
      seats: s.seats,
    })),
    inputs: {
      agents: inputs.agents,
      rules: inputs.rules,
      required: result.coverage.map((c) => c.required),
      planOnPhone: result.coverage.map((c) => c.planOnPhone),
      load: inputs.load ?? null,
      answerSeconds: inputs.answerSeconds,
      ...(inputs.queue ? { queue: inputs.queue } : {}),
      ...(inputs.previous ? { previous: inputs.previous } : {}),
    },
    slots: { onPhone: result.coverage.map((c) => c.onPhone), serviceLevel: result.coverage.map((c) => c.serviceLevel) },
    verdict: {
      // Filled in by the checker (checkDraft) before the draft is kept.
      met: false,
      line: 'falls short: not checked yet',
      shortfalls: ['not checked yet'],
      hardViolations: [],
      underAgentIntervals: result.quality.rosterUnderAgentIntervals,
      overAgentIntervals: result.coverage.reduce((t, c) => t + c.over, 0),
      serviceLevel: result.quality.serviceLevel,
      paidHours: result.quality.paidHours,
    },
    overrides: [],
  };
}

function shiftOfDay(d: RosterDay): DraftShift {
  return {
    start: d.start,
    end: d.end,
    template: d.template,
    date: d.date,
    paidHours: d.paidHours,
    extra: d.extra,
    breaks: d.breaks.map((b) => ({ start: b.start, end: b.end, kind: 'break', name: b.name, paid: b.paid })),
    activities: d.retraining.map((r) => ({ start: r.start, end: r.end, kind: r.kind, pool: r.pool, hours: r.hours })),
    ...(d.skills ? { skills: [...d.skills] } : {}),
  };
}

/**
 * The draft in the roster result's shape, for the independent checkers (`checkRoster`,
 * `checkPulls`): sessions' seat lists are re-derived from who holds each activity; an activity at
 * a time the plan has no session for counts against the session the edit added.
 */
export function rosterViewOfDraft(doc: RosterDraftDocument, coverage: RosterCoverageInterval[]): RosterBody {
  // Sessions of one pool starting together are one room: their seats add up.
  const byKey = new Map<string, DraftSession & { retraining: string[]; coaching: string[]; emptySeats: number }>();
  for (const s of doc.sessions) {
    const key = `${s.pool}|${Date.parse(s.start)}`;
    const held = byKey.get(key);
    if (held) held.seats += s.seats;
    else byKey.set(key, { ...s, retraining: [], coaching: [], emptySeats: 0 });
  }
  const sessions = [...byKey.values()];
  for (const a of doc.agents)
    for (const sh of a.shifts)
      for (const act of sh.activities) byKey.get(`${act.pool}|${Date.parse(act.start)}`)?.[act.kind].push(a.id);
  for (const s of sessions) s.emptySeats = Math.max(0, s.seats - s.retraining.length - s.coaching.length);
  return {
    grid: doc.grid,
    ...(doc.templateNames ? { templateNames: doc.templateNames } : {}),
    agents: doc.agents.map((a) => ({
      id: a.id,
      name: a.name,
      team: a.team,
      days: a.shifts.map((s) => ({
        date: s.date,
        template: s.template,
        start: s.start,
        end: s.end,
        paidHours: s.paidHours,
        extra: s.extra,
        ...(s.skills ? { skills: [...s.skills] } : {}),
        breaks: s.breaks.map((b) => ({ name: b.name, paid: b.paid, start: b.start, end: b.end })),
        retraining: s.activities.map((r) => ({
          pool: r.pool,
          start: r.start,
          end: r.end,
          hours: r.hours,
          kind: r.kind,
        })),
      })),
      weeks: [],
      preferences: { met: 0, total: 0 },
      retrainingHoursNeeded: 0,
      retrainingHoursAssigned: 0,
      violations: [],
    })),
    unfilledShifts: [],
    coverage,
    retraining: { sessions, days: [] },
    score: { hard: 0, soft: 0, feasible: true, byRule: [] },
    quality: {
      shiftsRequired: 0,
      shiftsFilled: 0,
      extraShifts: 0,
      planUnderAgentIntervals: 0,
      rosterUnderAgentIntervals: 0,
      coverageLossAgentIntervals: 0,
      serviceLevel: null,
      paidHours: 0,
    },
    search: { seed: 0, iterations: 0, restarts: 0, stoppedBy: 'iterations' },
  };
}
