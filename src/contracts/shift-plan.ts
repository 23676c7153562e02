/**
 * The shift-plan inputs: the rules JSON (`wfm shift-plan --rules FILE`, `POST /v1/shift-plans`
 * `rules`) and the requirement (the output of `wfm staff`, JSON or CSV). Validated here once; the
 * core (src/scheduler/shift-plan) trusts the result. Every bad field is named in the error.
 */
import { OpeningHoursSchema } from './opening-hours.js';
import { LearningCurveSchema } from './simulation-schema.js';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { WfmError, type WfmIssue } from '../errors.js';
import { parseWith } from './validate.js';

import type { QueueParams } from '../erlang/types.js';

import { type RequirementRowInput } from '../scheduler/shift-plan/requirement.js';
import type { ShiftPlanRules, ShiftTemplate } from '../scheduler/shift-plan/rules.js';
import { ALL_ISO_WEEKDAYS } from '../time/weekdays.js';
import { clockSchema, WeekdaySchema } from './weekdays.js';

const Weekday = WeekdaySchema;
const Weekdays = z
  .array(Weekday)
  .min(1, 'give at least one day')
  .describe('ISO weekdays 1-7 (1 = Monday) or mon ... sun; default every day.');

/** A local clock time `HH:mm`; `maxMinute` 1439 for a start, 1440 for an end (24:00). */
const clock = clockSchema;

const minutes = (what: string, min = 1) =>
  z
    .int(`${what} must be a whole number of minutes`)
    .min(min, `${what} must be >= ${min} minutes`)
    .max(1440, `${what} must be at most 1440 minutes`);

const StartWindowSchema = z.strictObject({
  days: Weekdays.optional(),
  from: clock(1439).describe('Earliest start, local HH:mm.'),
  to: clock(1439).describe('Latest start, local HH:mm (inclusive).'),
  stepMinutes: minutes('stepMinutes').optional().describe('Default: the interval length.'),
});

const TemplateSchema = z.strictObject({
  name: z.string().min(1).max(64).describe('The template id: agents, break rules and machine files name it.'),
  displayName: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe(
      'The name people read (calendar events, roster CSV, report), e.g. "Early shift"; default from the start time.',
    ),
  paidMinutes: minutes('paidMinutes').describe('Paid length; the shift spans this plus its unpaid breaks.'),
  starts: z.array(StartWindowSchema).min(1, 'give at least one start window'),
  costWeight: z.number().positive().max(1000).default(1).describe('Cost per paid hour, relative.'),
  minAgentsPerDay: z.int().min(0).max(100_000).optional(),
  maxAgentsPerDay: z.int().min(0).max(100_000).optional(),
});

const BreakSchema = z.strictObject({
  name: z.string().min(1).max(64),
  minutes: minutes('minutes'),
  paid: z.boolean(),
  earliestStartMinutes: minutes('earliestStartMinutes', 0).describe('Earliest break start after the shift start.'),
  latestStartMinutes: minutes('latestStartMinutes', 0).describe(
    'Latest break start after the shift start (inclusive).',
  ),
  stepMinutes: minutes('stepMinutes')
    .optional()
    .describe('Break starts fall on multiples of this on the local clock; default: the interval length.'),
});

const BreakRulesSchema = z.strictObject({
  template: z.string().min(1),
  breaks: z.array(BreakSchema).max(10),
});

const PoolSchema = z.strictObject({
  name: z.string().min(1).max(64),
  days: Weekdays.optional(),
  dates: z.array(z.iso.date()).optional().describe('Local dates yyyy-MM-dd (in addition to days).'),
  windowStart: clock(1439),
  windowEnd: clock(1440),
  sessionMinutes: minutes('sessionMinutes'),
  seatsPerSession: z.int().min(1).max(10_000).default(1),
  sessionsPerDay: z.int().min(0).max(10_000).optional(),
  agentHoursPerDay: z.number().min(0).max(100_000).optional(),
  priority: z.enum(['must', 'as-much-as-possible']).default('must'),
  stepMinutes: minutes('stepMinutes').optional().describe('Default: the interval length.'),
  maxParallelSessions: z.int().min(1).max(10_000).optional(),
  shortfallPenaltyPerHour: z
    .number()
    .min(0)
    .max(1e6)
    .default(1.5)
    .describe('Per agent-hour not placed (as-much-as-possible), paid-hour cost units.'),
});

const QueueSchema = z.strictObject({
  model: z.enum(['erlang-c', 'erlang-a', 'chat']).default('erlang-c'),
  target: z
    .strictObject({
      serviceLevel: z.number().gt(0).lt(1).optional(),
      answerSeconds: z.number().min(0).max(86_400).optional(),
    })
    .loose()
    .default({ serviceLevel: 0.8, answerSeconds: 20 }),
  patienceSeconds: z.number().positive().max(86_400).optional(),
  queueCapacity: z.int().min(1).optional(),
  chat: z.strictObject({ ahtSecondsByConcurrency: z.array(z.number().positive()).min(1).max(16) }).optional(),
});

const ShiftPlanRulesObject = z.strictObject({
  timeZone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'unknown IANA time zone')
    .optional()
    .describe("Zone of the clock times; default: the requirement's, else UTC."),
  templates: z.array(TemplateSchema).min(1, 'give at least one shift template').max(50),
  breakRules: z.array(BreakRulesSchema).default([]),
  openingHours: OpeningHoursSchema.optional(),
  coverage: z
    .strictObject({
      mode: z.enum(['hard', 'soft']).default('hard'),
      underPenaltyPerAgentInterval: z.number().positive().max(1e6).default(1),
    })
    .default({ mode: 'hard', underPenaltyPerAgentInterval: 1 }),
  pool: z.array(PoolSchema).default([]),
  cyclic: z.boolean().default(false).describe('Wrap shifts past the horizon end to its start (a steady-state week).'),
  solver: z
    .strictObject({
      timeLimitSeconds: z.number().positive().max(3600).default(10),
      relativeGap: z.number().min(0).max(1).default(0.005),
      seed: z.int().min(0).max(2_147_483_647).default(1),
    })
    .default({ timeLimitSeconds: 10, relativeGap: 0.005, seed: 1 }),
  queue: QueueSchema.optional().describe(
    "Queue model and targets for the SL re-computation (default: the requirement's).",
  ),
  learningCurve: LearningCurveSchema.optional().describe(
    "With agents: new hires' handle-time factor by tenure (their hireDate) at the plan's start, " +
      'times their proficiency; each queue is sized for its agents (docs/shift-plan.md, "Proficiency").',
  ),
});

type RulesShape = z.output<typeof ShiftPlanRulesObject>;

/** Template names are unique, day caps ordered, start windows inside one day; returns name -> index. */
function checkTemplates(rules: RulesShape, ctx: z.RefinementCtx): Map<string, number> {
  const names = new Map<string, number>();
  rules.templates.forEach((t, i) => {
    if (names.has(t.name))
      ctx.addIssue({
        code: 'custom',
        path: ['templates', i, 'name'],
        message: `duplicate template name "${t.name}"`,
      });
    names.set(t.name, i);
    if (t.minAgentsPerDay !== undefined && t.maxAgentsPerDay !== undefined && t.minAgentsPerDay > t.maxAgentsPerDay) {
      ctx.addIssue({
        code: 'custom',
        path: ['templates', i, 'minAgentsPerDay'],
        message: 'minAgentsPerDay is above maxAgentsPerDay',
      });
    }
    t.starts.forEach((w, wi) => {
      if (w.from > w.to)
        ctx.addIssue({
          code: 'custom',
          path: ['templates', i, 'starts', wi, 'to'],
          message: 'the start window ends before it begins (a start window lies inside one day)',
        });
    });
  });
  return names;
}

/** Break rules name a known template once, fit inside the shift and keep their windows apart. */
function checkBreakRules(rules: RulesShape, names: Map<string, number>, ctx: z.RefinementCtx): void {
  const seenRules = new Set<string>();
  rules.breakRules.forEach((br, i) => {
    const ti = names.get(br.template);
    if (ti === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['breakRules', i, 'template'],
        message: `unknown template "${br.template}" (templates: ${[...names.keys()].join(', ')})`,
      });
      return;
    }
    if (seenRules.has(br.template))
      ctx.addIssue({
        code: 'custom',
        path: ['breakRules', i, 'template'],
        message: `break rules for "${br.template}" given twice`,
      });
    seenRules.add(br.template);
    const t = rules.templates[ti] as { paidMinutes: number };
    const span = t.paidMinutes + br.breaks.filter((b) => !b.paid).reduce((s, b) => s + b.minutes, 0);
    const paidBreaks = br.breaks.filter((b) => b.paid).reduce((s, b) => s + b.minutes, 0);
    if (paidBreaks >= t.paidMinutes)
      ctx.addIssue({
        code: 'custom',
        path: ['breakRules', i, 'breaks'],
        message: `paid breaks (${paidBreaks} min) take the whole paid length (${t.paidMinutes} min)`,
      });
    br.breaks.forEach((b, k) => {
      const path = ['breakRules', i, 'breaks', k];
      if (b.minutes >= span)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'minutes'],
          message: `the break (${b.minutes} min) is not shorter than the shift (${span} min)`,
        });
      if (b.earliestStartMinutes > b.latestStartMinutes)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'latestStartMinutes'],
          message: 'latestStartMinutes is before earliestStartMinutes',
        });
      if (b.earliestStartMinutes < 1)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'earliestStartMinutes'],
          message: 'a break cannot start with the shift',
        });
      if (b.latestStartMinutes + b.minutes > span - 1)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'latestStartMinutes'],
          message:
            `the break window runs to ` +
            `the end of the ${span}` +
            `-minute shift (a break must ` +
            `end before the shift ends)`,
        });
      const next = br.breaks[k + 1];
      if (next && b.latestStartMinutes + b.minutes > next.earliestStartMinutes) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'latestStartMinutes'],
          message:
            `the window of "${b.name}" overlaps the next break "${next.name}" (list breaks in ` +
            `time order with windows apart)`,
        });
      }
    });
  });
}

function checkPool(rules: RulesShape, ctx: z.RefinementCtx): void {
  rules.pool.forEach((p, i) => {
    if ((p.sessionsPerDay === undefined) === (p.agentHoursPerDay === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pool', i, 'sessionsPerDay'],
        message: 'give exactly one of sessionsPerDay and agentHoursPerDay',
      });
    }
    if (p.windowEnd - p.windowStart < p.sessionMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['pool', i, 'windowEnd'],
        message:
          `the window (${p.windowStart}` +
          `-${p.windowEnd} min) is ` +
          `shorter than one ${p.sessionMinutes}` +
          `-minute session`,
      });
    }
  });
}

/** The rules, with the checks across fields that a schema alone cannot state. */
export const ShiftPlanRulesSchema = ShiftPlanRulesObject.superRefine((rules, ctx) => {
  const names = checkTemplates(rules, ctx);
  checkBreakRules(rules, names, ctx);
  checkPool(rules, ctx);
});

export type ShiftPlanRulesInput = z.input<typeof ShiftPlanRulesSchema>;
export type ShiftPlanRulesParsed = z.output<typeof ShiftPlanRulesSchema>;

/**
 * Validates the rules JSON and converts it to the core's `ShiftPlanRules` (minutes, ISO weekdays).
 * Throws `WFM_ERR_SCHEDULER_RULES` naming every bad field.
 */
export interface ParsedShiftPlanRules {
  rules: ShiftPlanRules;
  timeZone?: string;
  queue?: ShiftPlanRulesParsed['queue'];
}

export function parseShiftPlanRules(data: unknown): ParsedShiftPlanRules {
  const parsed = parseWith(ShiftPlanRulesSchema, data, 'shift-plan rules', 'WFM_ERR_SCHEDULER_RULES');
  const breaksOf = new Map(parsed.breakRules.map((br) => [br.template, br.breaks]));
  const templates: ShiftTemplate[] = parsed.templates.map((t) => ({
    name: t.name,
    ...(t.displayName !== undefined ? { displayName: t.displayName } : {}),
    paidMinutes: t.paidMinutes,
    costWeight: t.costWeight,
    ...(t.minAgentsPerDay !== undefined ? { minAgentsPerDay: t.minAgentsPerDay } : {}),
    ...(t.maxAgentsPerDay !== undefined ? { maxAgentsPerDay: t.maxAgentsPerDay } : {}),
    starts: t.starts.map((w) => ({
      weekdays: w.days ?? [...ALL_ISO_WEEKDAYS],
      fromMinute: w.from,
      toMinute: w.to,
      ...(w.stepMinutes !== undefined ? { stepMinutes: w.stepMinutes } : {}),
    })),
    breaks: (breaksOf.get(t.name) ?? []).map(({ stepMinutes, ...b }) => ({
      ...b,
      ...(stepMinutes !== undefined ? { stepMinutes } : {}),
    })),
  }));
  const rules: ShiftPlanRules = {
    templates,
    ...(parsed.openingHours ? { openingHours: parsed.openingHours } : {}),
    coverage: parsed.coverage,
    pool: parsed.pool.map((p) => ({
      name: p.name,
      ...(p.days ? { weekdays: p.days } : {}),
      ...(p.dates ? { dates: p.dates } : {}),
      windowStartMinute: p.windowStart,
      windowEndMinute: p.windowEnd,
      sessionMinutes: p.sessionMinutes,
      seatsPerSession: p.seatsPerSession,
      ...(p.sessionsPerDay !== undefined ? { sessionsPerDay: p.sessionsPerDay } : {}),
      ...(p.agentHoursPerDay !== undefined ? { agentHoursPerDay: p.agentHoursPerDay } : {}),
      priority: p.priority,
      ...(p.stepMinutes !== undefined ? { stepMinutes: p.stepMinutes } : {}),
      ...(p.maxParallelSessions !== undefined ? { maxParallelSessions: p.maxParallelSessions } : {}),
      shortfallPenaltyPerHour: p.shortfallPenaltyPerHour,
    })),
    cyclic: parsed.cyclic,
    solver: parsed.solver,
    ...(parsed.learningCurve ? { learningCurve: parsed.learningCurve } : {}),
  };
  return {
    rules,
    ...(parsed.timeZone ? { timeZone: parsed.timeZone } : {}),
    ...(parsed.queue ? { queue: parsed.queue } : {}),
  };
}

/** Convenience for messages: a WfmError for the rules with one issue. */
export function rulesError(path: (string | number)[], message: string): WfmError {
  const issue: WfmIssue = { path, message };
  return new WfmError('WFM_ERR_SCHEDULER_RULES', `Invalid shift-plan rules: ${path.join('.')}: ${message}`, {
    issues: [issue],
  });
}

// ---- The requirement: `wfm staff` output (JSON), or rows read from its CSV by the CLI. ----

/** At most this many intervals in one plan (e.g. 10 weeks of 15-minute intervals). */
export const MAX_PLAN_INTERVALS = 6_720;

const RequirementIntervalSchema = z.looseObject({
  start: z.string().min(1).max(64),
  agents: z.number().min(0, 'agents must be >= 0').max(1_000_000),
  agentsFractional: z.number().min(0).optional(),
  volume: z.number().min(0).optional(),
  ahtSeconds: z.number().min(0).max(86_400).optional(),
});

/** The JSON requirement: `wfm staff` output (extra keys such as `totals` are ignored). */
export const ShiftPlanRequirementSchema = z.looseObject({
  intervalMinutes: z.number().optional(),
  timeZone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'unknown IANA time zone')
    .optional(),
  model: z.enum(['erlang-c', 'erlang-a', 'chat']).optional(),
  target: z.looseObject({ serviceLevel: z.number().optional(), answerSeconds: z.number().optional() }).optional(),
  patienceSeconds: z.number().positive().optional(),
  queueCapacity: z.int().min(1).optional(),
  chat: z.looseObject({ ahtSecondsByConcurrency: z.array(z.number().positive()).min(1) }).optional(),
  intervals: z
    .array(RequirementIntervalSchema)
    .min(1, 'give at least one interval')
    .max(MAX_PLAN_INTERVALS, `at most ${MAX_PLAN_INTERVALS} intervals`),
});

export type ShiftPlanRequirementInput = z.input<typeof ShiftPlanRequirementSchema>;

/** A requirement read from JSON or CSV, before it is put on the grid. */
export interface RequirementDocument {
  rows: RequirementRowInput[];
  timeZone?: string | undefined;
  intervalMinutes?: number | undefined;
  queue?: QueueParams | undefined;
}

/** Validates a `wfm staff` JSON document (or a bare interval array) as a plan requirement. */
export function parseRequirementJson(data: unknown): RequirementDocument {
  const doc = parseWith(
    ShiftPlanRequirementSchema,
    Array.isArray(data) ? { intervals: data } : data,
    'shift-plan requirement',
  );
  return requirementOf(doc);
}

/**
 * The requirement of a checked document: the rows and the queue (model, SL target, patience,
 * capacity, chat) it names. Shared by the JSON reader above and the whole plan's in-memory
 * hand-off of a staffing answer (`requirementFromStaffing`), so both plan the same requirement.
 */
export function requirementOf(doc: z.output<typeof ShiftPlanRequirementSchema>): RequirementDocument {
  const rows = doc.intervals.map((r, i) => ({
    start: r.start,
    agents: r.agents,
    volume: r.volume,
    ahtSeconds: r.ahtSeconds,
    where: ['intervals', i, 'start'],
  }));
  let queue: QueueParams | undefined;
  if (doc.model !== undefined || doc.target !== undefined) {
    queue = {
      model: doc.model ?? 'erlang-c',
      targets: {
        ...(doc.target?.serviceLevel !== undefined ? { serviceLevel: doc.target.serviceLevel } : {}),
        ...(doc.target?.answerSeconds !== undefined ? { answerSeconds: doc.target.answerSeconds } : {}),
      },
      ...(doc.patienceSeconds !== undefined ? { patienceSeconds: doc.patienceSeconds } : {}),
      ...(doc.queueCapacity !== undefined ? { queueCapacity: doc.queueCapacity } : {}),
      ...(doc.chat ? { chat: { ahtSecondsByConcurrency: doc.chat.ahtSecondsByConcurrency } } : {}),
    };
  }
  return { rows, timeZone: doc.timeZone, intervalMinutes: doc.intervalMinutes, queue };
}
