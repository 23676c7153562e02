/**
 * The `wfm plan --config FILE` document: where the history and the agents come from, and the
 * options of every step (forecast, staffing, shift plan, roster), the time limits and the seed.
 * Validated here once (every bad field is named); each step's own schema then checks its part
 * (staffing targets, shift rules, agents, roster rules) with the same messages as the single
 * commands. See docs/plan.md for a complete example.
 *
 * File references (`history`, `specialDays`, `shiftPlan`, `agents`, `roster.rules` given as a
 * string) are paths relative to the config file; the CLI reads them before the pipeline runs.
 */
import { z } from 'zod';
import { parseWith } from './validate.js';
import {
  ContactHistoryRowSchema,
  ForecastOptionsSchema,
  IntervalHistoryRowSchema,
  MAX_HISTORY_ROWS,
  SpecialDaySchema,
} from './forecast.js';

const filePath = z.string().min(1).max(4096).describe('A path relative to the config file.');

/** The forecast options of `wfm forecast`, with special days inline or from a file. */
export const PlanForecastSchema = ForecastOptionsSchema.extend({
  specialDays: z
    .union([z.array(SpecialDaySchema).max(10_000), filePath])
    .optional()
    .describe('Special days inline, or a CSV/JSON file.'),
});

/** The queue of `wfm staff` (model, target, shrinkage, ...): checked by the staffing request schema. */
export const PlanStaffingSchema = z
  .looseObject({
    model: z.enum(['erlang-c', 'erlang-a', 'chat']).optional(),
    volumeQuantile: z
      .enum(['p10', 'p50', 'p90'])
      .optional()
      .describe('Staff at the forecast band: p10 | p50 (volume) | p90.'),
  })
  .describe(
    'model, target { serviceLevel, answerSeconds, maxAsaSeconds, maxOccupancy, maxAbandonRate ' +
      '}, shrinkage, patienceSeconds, queueCapacity, chat, volumeQuantile (docs/staffing.md).',
  );

/** The queue fields of a staffing request as the plan config gives them. */
export type PlanStaffing = z.output<typeof PlanStaffingSchema>;

/**
 * One queue of a multi-queue plan: its rows of the history CSV (`queue` column), its staffing model
 * and target (as `staffing`), its routing priority, and the log-normal handle-time cv of the simulation.
 */
export const PlanQueueSchema = PlanStaffingSchema.extend({
  name: z.string().min(1).max(100).describe('The value of the history CSV `queue` column.'),
  priority: z.number().min(-1000).max(1000).default(0).describe('Higher is served first by a freed agent.'),
  handleTimeCv: z.number().min(0).max(20).optional().describe('Simulation: log-normal handle times with this cv.'),
});
export type PlanQueue = z.output<typeof PlanQueueSchema>;

/** Replications of a plan's simulations (the roster per queue, the multi-queue plan check) unless given. */
export const PLAN_SIMULATION_REPLICATIONS = 10;

export const PlanSimulationSchema = z.strictObject({
  replications: z.int().min(2).max(200).default(PLAN_SIMULATION_REPLICATIONS),
});

export const PlanRosterSchema = z.strictObject({
  rules: z
    .union([filePath, z.record(z.string(), z.unknown())])
    .optional()
    .describe('Weekly rules (docs/roster.md), inline or a JSON file; default {}.'),
  maxIterations: z.int().min(0).max(1e10).optional().describe('Search move budget (default 5,000,000).'),
});

export const PlanLimitsSchema = z.strictObject({
  shiftPlanSeconds: z
    .number()
    .positive()
    .max(3600)
    .default(10)
    .describe('MIP time limit of the shift plan (overrides shiftPlan.solver.timeLimitSeconds).'),
  rosterSeconds: z.number().positive().max(3600).default(10).describe('Roster search time limit.'),
});

export const PlanConfigSchema = z.strictObject({
  name: z.string().max(200).optional().describe('A title for the report.'),
  history: z
    .union([
      filePath,
      z.array(IntervalHistoryRowSchema).min(1).max(MAX_HISTORY_ROWS),
      z.array(ContactHistoryRowSchema).min(1).max(MAX_HISTORY_ROWS),
    ])
    .describe('History file (CSV or JSON, as `wfm forecast --history`), or the rows inline.'),
  forecast: PlanForecastSchema.default({}),
  staffing: PlanStaffingSchema.default({}),
  shiftPlan: z
    .union([filePath, z.record(z.string(), z.unknown())])
    .describe('Shift-plan rules (docs/shift-plan.md), inline or a JSON file.'),
  agents: z
    .union([filePath, z.array(z.unknown()).min(1)])
    .describe('Agents (docs/roster.md), inline or a JSON/CSV file.'),
  queues: z
    .array(PlanQueueSchema)
    .min(1)
    .max(20)
    .optional()
    .describe(
      'Several queues: the history CSV split by its queue column, each queue forecast and staffed on its own; ' +
        'agents carry skills (docs/plan.md, "Several queues").',
    ),
  simulation: PlanSimulationSchema.default({ replications: PLAN_SIMULATION_REPLICATIONS }).describe(
    'The roster simulated per queue.',
  ),
  roster: PlanRosterSchema.default({}),
  previousRoster: z
    .union([filePath, z.record(z.string(), z.unknown())])
    .optional()
    .describe(
      "The previous week's roster (its roster.json or roster-agent-days.csv, or inline JSON): rest, days in a row, " +
        'days off, weekends and weekly hours apply across the edge (docs/roster.md).',
    ),
  limits: PlanLimitsSchema.default({ shiftPlanSeconds: 10, rosterSeconds: 10 }),
  seed: z.int().min(0).max(2_147_483_647).default(1).describe('Seed of the roster search and of the MIP.'),
});

export type PlanConfigInput = z.input<typeof PlanConfigSchema>;
export type PlanConfig = z.output<typeof PlanConfigSchema>;

/** Validates a config document; throws WFM_ERR_INPUT_INVALID naming every bad field. */
export function parsePlanConfig(data: unknown): PlanConfig {
  return parseWith(PlanConfigSchema, data, 'plan config');
}
