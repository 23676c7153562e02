/**
 * The roster inputs: the shift plan (`wfm shift-plan` JSON), the agents (JSON or CSV) and the
 * weekly rules. Validated here once; the roster core trusts the result. Every bad field or CSV row
 * is named in the error.
 */
import { loadFromCoverage } from '../scheduler/roster/load.js';
import { QueueParamsSchema } from './staffing.js';
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { WfmError, type WfmIssue } from '../errors.js';
import { parseWith } from './validate.js';
import { parseInstant } from '../time/instant.js';
import { RULE_KEYS, type RuleKey } from '../scheduler/roster/problem.js';
import type { Preference, PreviousRoster, RosterAgent, RosterRules, TimeOff } from '../scheduler/roster/types.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';
import { clockSchema, WeekdaySchema } from './weekdays.js';
import { checkPreviousBefore, parsePreviousRoster, PreviousRosterInputSchema } from './previous-roster.js';

const Weekdays = z.array(WeekdaySchema).describe('ISO weekdays 1-7 (1 = Monday) or mon ... sun.');
const clock = clockSchema;
const iso = z.string().min(10);

// ---- The plan: the fields of `ShiftPlan` the roster reads (others are kept, not checked). ----
const BreakSchema = z.looseObject({
  name: z.string(),
  paid: z.boolean(),
  start: iso,
  end: iso,
  startSlot: z.int(),
  endSlot: z.int(),
});
const PlannedShiftSchema = z.looseObject({
  template: z.string().min(1),
  day: z.iso.date(),
  weekday: z.int().min(1).max(7),
  start: iso,
  end: iso,
  startSlot: z.int(),
  endSlot: z.int(),
  paidHours: z.number().positive().max(24),
  count: z.int().min(0).max(100_000),
  instances: z.array(z.looseObject({ breaks: z.array(BreakSchema) })),
});
const SessionSchema = z.looseObject({
  pool: z.string(),
  day: z.iso.date(),
  start: iso,
  end: iso,
  startSlot: z.int(),
  endSlot: z.int(),
  seats: z.int().min(0),
});
const CoverageSchema = z.looseObject({
  slot: z.int().min(0),
  start: iso,
  required: z.number().min(0),
  onPhone: z.number().min(0),
  under: z.number().min(0),
  volume: z.number().min(0).nullable().optional().describe('Offered contacts (optional, for the SL after rostering).'),
  ahtSeconds: z.number().positive().nullable().optional(),
});
export const RosterPlanSchema = z.looseObject({
  grid: z.looseObject({
    start: iso,
    intervalMinutes: z.int().min(1).max(60),
    slotCount: z.int().min(1).max(100_000),
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'unknown IANA time zone'),
  }),
  templates: z.array(z.string().min(1)).max(50).optional().describe('Every template of the rules, used or not.'),
  templateNames: z
    .record(z.string(), z.string().max(64))
    .optional()
    .describe('Display names of the templates that have one (id -> name).'),
  shifts: z.array(PlannedShiftSchema).max(200_000),
  retraining: z.array(SessionSchema).default([]),
  coverage: z.array(CoverageSchema).default([]),
  queue: QueueParamsSchema.optional().describe("The queue the plan was staffed for (the roster's SL uses its model)."),
});

/** Validates a shift plan for rostering; returns it as the shift plan's type plus optional load. */
export function parseRosterPlan(data: unknown): {
  plan: ShiftPlan;
  load?: { volume: (number | null)[]; ahtSeconds: (number | null)[] };
} {
  const parsed = parseWith(RosterPlanSchema, data, 'shift plan');
  if (Number.isNaN(Date.parse(parsed.grid.start))) {
    throw new WfmError('WFM_ERR_INPUT_TIME', 'Invalid shift plan: grid.start is not an ISO instant.', {
      issues: [{ path: ['grid', 'start'], message: 'not an ISO instant' }],
    });
  }
  checkRosterHorizon(parsed.grid);
  const issues: WfmIssue[] = [];
  parsed.shifts.forEach((s, i) => {
    if (s.endSlot <= s.startSlot)
      issues.push({ path: ['shifts', i, 'endSlot'], message: 'endSlot must be after startSlot' });
    if (s.instances.length !== s.count)
      issues.push({
        path: ['shifts', i, 'instances'],
        message: `has ${s.instances.length} instances for count ${s.count}`,
      });
  });
  if (issues.length > 0)
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      `Invalid shift plan: ${issues[0]!.path.join('.')}: ${issues[0]!.message}`,
      { issues },
    );
  const plan = parsed as unknown as ShiftPlan;
  const load = loadFromCoverage(plan);
  return load ? { plan, load } : { plan };
}

/** The longest roster horizon, in local days (6 weeks): the rules are weekly, rotations up to 6 weeks. */
export const ROSTER_MAX_DAYS = 42;

/** Refuses a plan grid longer than `ROSTER_MAX_DAYS` local days, before any work starts. */
export function checkRosterHorizon(grid: {
  start: string;
  intervalMinutes: number;
  slotCount: number;
  timeZone: string;
}): void {
  const start = DateTime.fromISO(grid.start, { zone: grid.timeZone });
  const last = start.plus({ minutes: grid.slotCount * grid.intervalMinutes - 1 });
  const days = Math.round(last.startOf('day').diff(start.startOf('day'), 'days').days) + 1;
  if (days > ROSTER_MAX_DAYS)
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      `Invalid shift plan: grid: the roster horizon is ${days} days; ` +
        `at most ${ROSTER_MAX_DAYS} (6 weeks) are rostered at once.`,
      { issues: [{ path: ['grid', 'slotCount'], message: `${days} days; at most ${ROSTER_MAX_DAYS}` }] },
    );
}

// ---- Agents ----
const WindowSchema = z.strictObject({ days: Weekdays.optional(), from: clock(1439), to: clock(2879) });
const TimeOffSchema = z.union([
  z.strictObject({ date: z.iso.date().describe('A whole local day off.') }),
  z.strictObject({ start: iso, end: iso }),
]);
const PreferenceSchema = z.strictObject({
  type: z.enum(['preferred-day', 'unwanted-day', 'preferred-start', 'unwanted-start']),
  days: Weekdays.optional(),
  from: clock(1439).optional(),
  to: clock(1440).optional(),
  weight: z.number().min(0).max(1e6).default(1),
});
const RotationSchema = z
  .strictObject({
    kind: z
      .enum(['same-start', 'early-late'])
      .describe(
        'same-start: one start time per week, repeating every `weeks` weeks; early-late: early weeks then late weeks.',
      ),
    weeks: z.int().min(1).max(6).describe('Length of the rotation cycle in weeks.'),
    phase: z
      .int()
      .min(0)
      .max(5)
      .default(0)
      .describe("The horizon's first week is this position of the cycle (0-based)."),
  })
  .refine((r) => r.phase < r.weeks, { path: ['phase'], message: 'must be below weeks' });

export const AgentSchema = z.strictObject({
  id: z.string().min(1).max(128),
  name: z.string().max(256).optional(),
  team: z.string().max(128).default(''),
  contract: z.strictObject({
    minHoursPerWeek: z.number().min(0).max(168).default(0),
    maxHoursPerWeek: z.number().min(0).max(168),
    maxDaysPerWeek: z.int().min(0).max(7).default(5),
    templates: z.array(z.string().min(1)).optional().describe('Templates the agent may work (all when absent).'),
    rotation: RotationSchema.optional().describe(
      'A rotation over the weeks of the horizon (docs/roster.md, "Rotations").',
    ),
  }),
  availability: z
    .strictObject({
      days: Weekdays.optional(),
      windows: z.array(WindowSchema).optional(),
      timeOff: z.array(TimeOffSchema).default([]),
    })
    .default({ timeOff: [] }),
  preferences: z.array(PreferenceSchema).default([]),
  seniority: z.number().min(0).default(0),
  retraining: z
    .strictObject({ hoursNeeded: z.number().min(0).max(1000) })
    .optional()
    .describe('Flagged for retraining with hours still needed.'),
  workedPreviousWeekend: z.boolean().default(false),
  skills: z
    .array(z.string().min(1).max(100))
    .max(50)
    .optional()
    .describe('Queues the agent may serve (multi-skill centres); absent = the one queue.'),
  proficiency: z
    .record(z.string(), z.number().gt(0, 'a proficiency factor must be > 0').max(10))
    .optional()
    .describe('Handle-time factor per skill: 1.2 = 20 % slower than the queue AHT (default 1).'),
  hireDate: z.iso.date().optional().describe('For the learning curve by tenure (docs/simulation.md).'),
});
export const AgentsSchema = z.union([
  z.array(AgentSchema),
  z.strictObject({ agents: z.array(AgentSchema) }).transform((o) => o.agents),
]);
export type AgentInput = z.input<typeof AgentSchema>;
export type AgentsInput = z.input<typeof AgentsSchema>;

/**
 * Validates agents JSON (an array, or `{ agents: [...] }`) into the core's model. Local times in
 * `timeZone`. `rowLabels[i]` names agent i in messages instead of its index (e.g. `line 7` of a CSV).
 */
export function parseAgentsJson(
  data: unknown,
  timeZone: string,
  rowLabels?: readonly string[],
  templates?: KnownTemplates,
  /** The plan's queues: an agent's skill naming none of them is refused (skills are queue names). */
  queues?: readonly string[],
): RosterAgent[] {
  if (!rowLabels) return parseAgentList(data, timeZone, templates, queues);
  try {
    return parseAgentList(data, timeZone, templates, queues);
  } catch (error) {
    throw relabelRows(error, rowLabels);
  }
}

/** A WfmError whose issue paths and message name rows by label instead of index. */
function relabelRows(error: unknown, rowLabels: readonly string[]): unknown {
  if (!(error instanceof WfmError)) return error;
  const issues = error.issues.map((i) =>
    typeof i.path[0] === 'number' ? { ...i, path: [rowLabels[i.path[0]] ?? i.path[0], ...i.path.slice(1)] } : i,
  );
  const message = error.message.replace(
    /agents: \[?(\d+)\]?/,
    (_, n: string) => `agents: ${rowLabels[Number(n)] ?? n}`,
  );
  return new WfmError(error.code, message, { issues, cause: error });
}

/**
 * The shift templates agents may name: every template of the rules (`complete`), or only those a plan
 * file happens to use (then only near-misses of a used name, differing in case or spaces, are refused).
 */
export interface KnownTemplates {
  names: readonly string[];
  complete: boolean;
}

/** The templates of a plan: its full list when it carries one, else the names its shifts use. */
export function planTemplates(plan: Pick<ShiftPlan, 'shifts' | 'templates'>): KnownTemplates {
  return plan.templates
    ? { names: plan.templates, complete: true }
    : { names: [...new Set(plan.shifts.map((s) => s.template))], complete: false };
}

/** Issues for template names an agent gives that are not shift templates. */
function unknownTemplateIssues(
  names: readonly string[] | undefined,
  known: KnownTemplates | undefined,
  i: number,
  id: string,
): WfmIssue[] {
  if (!names || !known) return [];
  const issues: WfmIssue[] = [];
  names.forEach((name, k) => {
    if (known.names.includes(name)) return;
    const exact = known.names.find((n) => normName(n) === normName(name));
    if (!known.complete && exact === undefined) return;
    const near = exact ?? nearName(name, known.names);
    issues.push({
      path: [i, 'contract', 'templates', k],
      message:
        `agent "${id}" names template "${name}", which is not a shift template ` +
        `(templates: ${known.names.join(', ')})${near !== undefined ? `; did you mean "${near}"?` : ''}`,
    });
  });
  return issues;
}

/**
 * Issues for skills an agent gives that misspell one of the plan's queues (the same ignoring case,
 * spaces, '-' and '_', or one letter off): such a skill would serve nothing. Other skills are kept:
 * an agents file may list skills for queues this plan does not cover.
 */
function unknownSkillIssues(
  skills: readonly string[] | undefined,
  queues: readonly string[] | undefined,
  i: number,
  id: string,
): WfmIssue[] {
  if (!skills || !queues) return [];
  return skills.flatMap((name, k) => {
    const near = queues.includes(name) ? undefined : nearName(name, queues);
    if (near === undefined) return [];
    return [
      {
        path: [i, 'skills', k],
        message:
          `agent "${id}" has skill "${name}", which is not a queue of the plan ` +
          `(queues: ${queues.join(', ')}); did you mean "${near}"?`,
      },
    ];
  });
}

/** The name of `names` that `name` misspells: the same ignoring case, spaces, '-' and '_', or one letter off. */
function nearName(name: string, names: readonly string[]): string | undefined {
  const own = normName(name);
  return names.find((n) => normName(n) === own) ?? names.find((n) => withinOneEdit(normName(n), own));
}

/** A name as compared for near misses: lower case, without spaces, '-' or '_'. */
function normName(t: string): string {
  return t.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * True when `a` and `b` differ by at most one inserted, deleted or changed letter ("erly" and
 * "early"), or two neighbouring letters swapped ("phnoe" and "phone").
 */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) =>
    x.slice(i + (a.length >= b.length ? 1 : 0)) === y.slice(i + (b.length >= a.length ? 1 : 0));
  const swapped = a.length === b.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return i === Math.max(a.length, b.length) || rest(a, b) || swapped;
}

function parseAgentList(
  data: unknown,
  timeZone: string,
  templates?: KnownTemplates,
  queues?: readonly string[],
): RosterAgent[] {
  const parsed = parseWith(AgentsSchema, data, 'agents');
  const issues: WfmIssue[] = [];
  const seen = new Set<string>();
  const agents = parsed.map((a, i): RosterAgent => {
    if (seen.has(a.id)) issues.push({ path: [i, 'id'], message: `duplicate agent id "${a.id}"` });
    seen.add(a.id);
    for (const key of Object.keys(a.proficiency ?? {})) {
      if (!a.skills?.includes(key))
        issues.push({ path: [i, 'proficiency', key], message: `"${key}" is not one of the agent's skills` });
    }
    issues.push(...unknownTemplateIssues(a.contract.templates, templates, i, a.id));
    issues.push(...unknownSkillIssues(a.skills, queues, i, a.id));
    if (a.contract.minHoursPerWeek > a.contract.maxHoursPerWeek)
      issues.push({ path: [i, 'contract', 'minHoursPerWeek'], message: 'above maxHoursPerWeek' });
    const timeOff: TimeOff[] = a.availability.timeOff.map((t, k) => {
      const path = [i, 'availability', 'timeOff', k];
      if ('date' in t) {
        const day = DateTime.fromISO(t.date, { zone: timeZone }).startOf('day');
        return { startMs: day.toMillis(), endMs: day.plus({ days: 1 }).toMillis() };
      }
      try {
        const startMs = parseInstant(t.start, timeZone, path.join('.'));
        const endMs = parseInstant(t.end, timeZone, path.join('.'));
        if (endMs <= startMs) issues.push({ path: [...path, 'end'], message: 'ends before it starts' });
        return { startMs, endMs };
      } catch (error) {
        issues.push({ path, message: (error as Error).message });
        return { startMs: 0, endMs: 0 };
      }
    });
    const preferences: Preference[] = a.preferences.map((p) => ({
      kind: p.type,
      weight: p.weight,
      ...(p.days ? { days: p.days } : {}),
      ...(p.from !== undefined ? { fromMinute: p.from } : {}),
      ...(p.to !== undefined ? { toMinute: p.to } : {}),
    }));
    return {
      id: a.id,
      name: a.name ?? a.id,
      team: a.team,
      contract: {
        minHoursPerWeek: a.contract.minHoursPerWeek,
        maxHoursPerWeek: a.contract.maxHoursPerWeek,
        maxDaysPerWeek: a.contract.maxDaysPerWeek,
        ...(a.contract.templates ? { templates: a.contract.templates } : {}),
        ...(a.contract.rotation ? { rotation: a.contract.rotation } : {}),
      },
      availability: {
        ...(a.availability.days ? { days: a.availability.days } : {}),
        ...(a.availability.windows
          ? {
              windows: a.availability.windows.map((w) => ({
                ...(w.days ? { days: w.days } : {}),
                fromMinute: w.from,
                toMinute: w.to,
              })),
            }
          : {}),
        timeOff,
      },
      preferences,
      seniority: a.seniority,
      retrainingHoursNeeded: a.retraining?.hoursNeeded ?? 0,
      workedPreviousWeekend: a.workedPreviousWeekend,
      ...(a.skills ? { skills: a.skills } : {}),
      ...(a.proficiency ? { proficiency: a.proficiency } : {}),
      ...(a.hireDate ? { hireDate: a.hireDate } : {}),
    };
  });
  if (issues.length > 0)
    throw new WfmError('WFM_ERR_INPUT_INVALID', `Invalid agents: ${issues[0]!.path.join('.')}: ${issues[0]!.message}`, {
      issues,
    });
  return agents;
}

// ---- Rules ----
const RuleSettingSchema = z.strictObject({
  hard: z.boolean().optional(),
  weight: z.number().min(0).max(1e9).optional(),
});
export type RosterRulesInput = z.input<typeof RosterRulesSchema>;
export const RosterRulesSchema = z
  .strictObject({
    minRestHours: z.number().min(0).max(48).default(11),
    maxConsecutiveDays: z.int().min(1).max(366).default(6),
    minConsecutiveDays: z.int().min(1).max(366).default(1),
    minConsecutiveDaysOff: z.int().min(1).max(366).default(1),
    twoConsecutiveDaysOffPerWeek: z.boolean().default(true),
    weekendsOffEveryOtherWeek: z.boolean().default(false),
    maxWeekends: z.int().min(0).max(60).optional(),
    maxStartSpreadMinutes: z
      .int()
      .min(0)
      .max(1440)
      .optional()
      .describe('Similar start times: max spread within a week.'),
    lateShiftFrom: clock(1439)
      .default(14 * 60)
      .describe('Shifts starting at or after this local time are late shifts (fairness).'),
    settings: z
      .partialRecord(z.enum(RULE_KEYS), RuleSettingSchema)
      .default({})
      .describe(
        'Per rule: hard (true/false) and weight per unit of violation; defaults: cover, preferences, spread ' +
          'and fairness soft, the rest hard.',
      ),
  })
  .superRefine((r, ctx) => {
    for (const k of ['fairnessWeekend', 'fairnessLate', 'preference'] as const) {
      if (r.settings[k]?.hard)
        ctx.addIssue({ code: 'custom', path: ['settings', k, 'hard'], message: `${k} can only be soft` });
    }
  });

/** Validates the rules JSON (all fields optional; `{}` gives the defaults). */
export function parseRosterRules(data: unknown): RosterRules {
  const r = parseWith(RosterRulesSchema, data ?? {}, 'roster rules', 'WFM_ERR_SCHEDULER_RULES');
  return {
    minRestHours: r.minRestHours,
    maxConsecutiveDays: r.maxConsecutiveDays,
    minConsecutiveDays: r.minConsecutiveDays,
    minConsecutiveDaysOff: r.minConsecutiveDaysOff,
    twoConsecutiveDaysOffPerWeek: r.twoConsecutiveDaysOffPerWeek,
    weekendsOffEveryOtherWeek: r.weekendsOffEveryOtherWeek,
    maxWeekends: r.maxWeekends ?? Infinity,
    maxStartSpreadMinutes: r.maxStartSpreadMinutes ?? Infinity,
    lateShiftFromMinute: r.lateShiftFrom,
    settings: r.settings as Partial<Record<RuleKey, { hard?: boolean; weight?: number }>>,
  };
}

// ---- One request: what `wfm roster`, the worker and `POST /v1/rosters` run. ----
export const RosterRequestSchema = z.strictObject({
  plan: z.unknown(),
  agents: z.unknown(),
  rules: z.unknown().optional(),
  previous: PreviousRosterInputSchema.optional(),
  options: z
    .strictObject({
      seed: z.int().min(0).max(2_147_483_647).default(1),
      timeLimitSeconds: z.number().positive().max(3600).default(10),
      maxIterations: z.int().min(0).max(1e10).default(5_000_000),
      answerSeconds: z
        .number()
        .min(0)
        .max(86_400)
        .default(20)
        .describe('SL threshold for the re-computed service level when the plan carries no queue (then Erlang C).'),
    })
    .default({ seed: 1, timeLimitSeconds: 10, maxIterations: 5_000_000, answerSeconds: 20 }),
});
export type RosterRequestInput = z.input<typeof RosterRequestSchema>;

/** Parsed and ready for the core: plan, agents, rules, options (the clock is added by the caller). */
export interface ParsedRosterRequest {
  plan: ShiftPlan;
  load?: { volume: (number | null)[]; ahtSeconds: (number | null)[] };
  agents: RosterAgent[];
  rules: RosterRules;
  /** The week before the horizon (its rules carry across the edge). */
  previous?: PreviousRoster;
  options: z.output<typeof RosterRequestSchema>['options'];
}

/** Validates a whole roster request (agents as JSON; CSV agents are read by the CLI first). */
export function parseRosterRequest(data: unknown): ParsedRosterRequest {
  const req = parseWith(RosterRequestSchema, data, 'roster request');
  const { plan, load } = parseRosterPlan(req.plan);
  const agents = parseAgentsJson(req.agents, plan.grid.timeZone, undefined, planTemplates(plan));
  const rules = parseRosterRules(req.rules ?? {});
  const previous = req.previous === undefined ? undefined : parsePreviousFor(req.previous, plan.grid, 'previous');
  return { plan, ...(load ? { load } : {}), agents, rules, ...(previous ? { previous } : {}), options: req.options };
}

/** Parses a previous roster in any JSON form and checks that it ends before `grid`'s horizon. */
export function parsePreviousFor(
  data: unknown,
  grid: { start: string; timeZone: string },
  what: string,
): PreviousRoster {
  const parsed = parsePreviousRoster(data, what);
  checkPreviousBefore(parsed, grid, what);
  return parsed.previous;
}
