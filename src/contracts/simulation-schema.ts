/**
 * The simulation request: the JSON body of `wfm simulate --input FILE.json` and of `POST /v1/simulations`.
 * A multi-skill centre on an interval grid (queues with their forecast volume, AHT, patience, target and
 * priority) staffed either by a staffing result (`groups`: agents per skill group and interval) or by a
 * roster (`agents`: named agents with skills, optional proficiency per skill and tenure, and their
 * shifts with breaks and retraining). Parsed once here into the core's `SimModel`
 * (src/simulation/types.ts); docs/simulation.md describes the model.
 *
 * Limits (enforced before any work): at most `MAX_SIM_INTERVALS` intervals, `MAX_SIM_QUEUES` queues,
 * `MAX_SIM_GROUPS` groups, `MAX_SIM_AGENTS` named agents, `MAX_REPLICATIONS` replications, and
 * `MAX_SIMULATED_CONTACTS` expected contacts summed over the replications (413 / WFM_ERR_INPUT_TOO_LARGE).
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { SimModel } from '../simulation/types.js';
import { INTERVAL_MINUTES } from '../time/instant.js';
import { MAX_SECONDS, MAX_VOLUME } from './staffing.js';

export const MAX_SIM_INTERVALS = 50_000;
export const MAX_SIM_QUEUES = 50;
export const MAX_SIM_GROUPS = 200;
export const MAX_SIM_AGENTS = 5_000;
export const MAX_REPLICATIONS = 200;
/** Expected contacts (sum of volume) x replications: about 25 s of one thread's CPU at 2 million contacts/s. */
export const MAX_SIMULATED_CONTACTS = 50_000_000;
export const DEFAULT_REPLICATIONS = 10;

const name = z.string().min(1, 'name is empty').max(100);
const seconds = (what: string) =>
  z
    .number({ error: `${what} must be a finite number of seconds` })
    .gt(0, `${what} must be > 0`)
    .max(MAX_SECONDS, `${what} must be at most ${MAX_SECONDS} s`);
const factor = z.number().gt(0, 'a proficiency factor must be > 0').max(10, 'a proficiency factor is at most 10');
const instant = z
  .string()
  .min(1, 'empty time')
  .max(64)
  .describe('ISO 8601 with offset, or wall-clock time in timeZone.');
const span = z.object({ start: instant, end: instant });

export const SimQueueInputSchema = z
  .strictObject({
    name,
    priority: z.number().min(-1000).max(1000).default(0).describe('Higher is served first by a freed agent.'),
    volume: z
      .array(z.number().min(0, 'volume must be >= 0').max(MAX_VOLUME))
      .min(1)
      .describe('Contacts offered per interval (the forecast), one value per interval of the grid.'),
    ahtSeconds: z
      .union([seconds('ahtSeconds'), z.array(z.number().min(0).max(MAX_SECONDS))])
      .describe('Mean handle time, s: one number, or one per interval (the volume-weighted mean is simulated).'),
    handleTimeCv: z
      .number()
      .min(0)
      .max(20)
      .optional()
      .describe('Coefficient of variation of a log-normal handle time; absent = exponential.'),
    patienceSeconds: seconds('patienceSeconds')
      .optional()
      .describe('Mean patience (exponential); absent = none abandon.'),
    target: z
      .strictObject({
        serviceLevel: z.number().gt(0).lt(1).default(0.8),
        answerSeconds: z.number().min(0).max(MAX_SECONDS).default(20),
      })
      .default({ serviceLevel: 0.8, answerSeconds: 20 }),
  })
  .superRefine((q, ctx) => {
    if (Array.isArray(q.ahtSeconds) && q.ahtSeconds.length !== q.volume.length)
      ctx.addIssue({ code: 'custom', path: ['ahtSeconds'], message: 'one ahtSeconds per volume value' });
  });

const proficiency = z
  .record(z.string(), factor)
  .optional()
  .describe('Handle-time factor per skill (queue name): 1.2 = 20 % slower than the queue AHT. Default 1.');

export const SimGroupInputSchema = z.strictObject({
  name: name.optional(),
  skills: z.array(name).min(1, 'at least one skill').max(MAX_SIM_QUEUES),
  proficiency,
  agents: z.array(z.int().min(0).max(100_000)).describe('Agents on the phones per interval (a staffing result).'),
});

export const SimShiftInputSchema = z
  .object({
    start: instant,
    end: instant,
    breaks: z.array(span).max(20).optional().describe('Off the phones (breaks, lunch).'),
    retraining: z.array(span).max(20).optional().describe('Off the phones (retraining, coaching).'),
    activities: z.array(span).max(20).optional().describe("Off the phones (a stored roster version's activities)."),
  })
  .describe('A shift as `wfm roster` writes an agent day or a stored roster holds it: extra fields are ignored.');

export const SimAgentInputSchema = z
  .object({
    id: z.string().min(1).max(100),
    skills: z.array(name).min(1, 'at least one skill').max(MAX_SIM_QUEUES),
    proficiency,
    tenureMonths: z.number().min(0).max(1200).optional(),
    hireDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'hireDate is YYYY-MM-DD')
      .optional(),
    shifts: z.array(SimShiftInputSchema).max(400),
  })
  .describe('A named agent of a roster; fields beyond these are ignored.');

export const LearningCurveSchema = z
  .strictObject({
    firstMonthFactor: z.number().min(1).max(5).default(1.5),
    proficientMonth: z.int().min(1).max(120).default(9),
  })
  .describe('Handle-time factor by tenure: firstMonthFactor in month one easing to 1.0 by proficientMonth.');

export const SimulationRequestSchema = z
  .strictObject({
    start: instant.describe('Start of the first interval.'),
    timeZone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), 'unknown IANA time zone')
      .default('UTC'),
    intervalMinutes: z.union(INTERVAL_MINUTES.map((m) => z.literal(m))),
    queues: z.array(SimQueueInputSchema).min(1).max(MAX_SIM_QUEUES),
    groups: z.array(SimGroupInputSchema).max(MAX_SIM_GROUPS).optional(),
    agents: z.array(SimAgentInputSchema).max(MAX_SIM_AGENTS).optional(),
    learningCurve: LearningCurveSchema.optional(),
    seed: z.int().min(0).max(0xffffffff).default(1),
    replications: z.int().min(2).max(MAX_REPLICATIONS).default(DEFAULT_REPLICATIONS),
    warmUpIntervals: z
      .int()
      .min(0)
      .default(0)
      .describe('Leading intervals left out of the totals (the centre starts empty).'),
  })
  .superRefine((r, ctx) => {
    if ((r.groups === undefined) === (r.agents === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: 'give exactly one of groups (a staffing) or agents (a roster)',
      });
  });

export type SimulationRequestInput = z.input<typeof SimulationRequestSchema>;
export type SimulationRequest = z.output<typeof SimulationRequestSchema>;

/** A validated request as the simulation takes it: the core's model plus the labels of the output. */
export interface ParsedSimulationRequest {
  model: SimModel;
  seed: number;
  replications: number;
  fromInterval: number;
  timeZone: string;
  /** Per group: its label and the queue names it serves. */
  groupLabels: { name: string; skills: string[]; agents: number }[];
}
