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
import { WfmError, type WfmIssue } from '../errors.js';
import { learningCurveFactor, tenureMonthsAt, type LearningCurve } from '../multiskill/proficiency.js';
import type { SimGroup, SimModel, SimQueue } from '../simulation/types.js';
import { INTERVAL_MINUTES, parseInstant } from '../time/instant.js';
import { epochDayOfDate } from '../time/local-time.js';
import { MAX_SECONDS, MAX_VOLUME } from './staffing.js';
import { parseWith } from './validate.js';

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
    activities: z.array(span).max(20).optional().describe('Off the phones (a stored roster version\'s activities).'),
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

/**
 * Validates a simulation request and builds the core's model. Throws WFM_ERR_INPUT_INVALID naming
 * every bad field (`queues[1].volume: needs 96 values`, `agents[3].skills[0]: no queue "x"`), and
 * WFM_ERR_INPUT_TOO_LARGE over a limit.
 */
export function parseSimulationRequest(data: unknown): ParsedSimulationRequest {
  const r = parseWith(SimulationRequestSchema, data, 'simulation request');
  const intervals = r.queues[0]?.volume.length ?? 0;
  checkLimits(r, intervals);
  const issues: WfmIssue[] = [];
  const queueIndex = new Map<string, number>();
  r.queues.forEach((q, k) => {
    if (queueIndex.has(q.name))
      issues.push({ path: ['queues', k, 'name'], message: `queue "${q.name}" is listed twice` });
    queueIndex.set(q.name, k);
    if (q.volume.length !== intervals)
      issues.push({ path: ['queues', k, 'volume'], message: `needs ${intervals} values (as queues[0])` });
  });
  if (r.warmUpIntervals >= intervals)
    issues.push({ path: ['warmUpIntervals'], message: `must be below the ${intervals} intervals` });
  const startMs = parseInstant(r.start, r.timeZone, 'start');
  const queues = r.queues.map(toSimQueue);
  const built = r.groups
    ? groupsFromStaffing(r.groups, queueIndex, intervals, issues)
    : groupsFromRoster(r, queueIndex, startMs, intervals, issues);
  if (issues.length > 0) {
    const first = issues[0] as WfmIssue;
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      `Invalid simulation request: ${first.path.join('.')}: ${first.message}`,
      {
        issues,
      },
    );
  }
  return {
    model: { intervalMinutes: r.intervalMinutes, intervals, startMs, queues, groups: built.groups },
    seed: r.seed,
    replications: r.replications,
    fromInterval: r.warmUpIntervals,
    timeZone: r.timeZone,
    groupLabels: built.labels,
  };
}

function checkLimits(r: SimulationRequest, intervals: number): void {
  const tooLarge = (path: string, message: string): never => {
    throw new WfmError('WFM_ERR_INPUT_TOO_LARGE', `Simulation request too large: ${path}: ${message}`, {
      issues: [{ path: [path], message }],
    });
  };
  if (intervals > MAX_SIM_INTERVALS) tooLarge('queues', `at most ${MAX_SIM_INTERVALS} intervals (got ${intervals})`);
  let contacts = 0;
  for (const q of r.queues) for (const v of q.volume) contacts += v;
  if (contacts * r.replications > MAX_SIMULATED_CONTACTS) {
    tooLarge(
      'replications',
      `${Math.round(contacts)} expected contacts x ${r.replications} replications is over ${MAX_SIMULATED_CONTACTS}`,
    );
  }
}

function toSimQueue(q: SimulationRequest['queues'][number]): SimQueue {
  const meanSeconds = Array.isArray(q.ahtSeconds) ? weightedAht(q.volume, q.ahtSeconds) : q.ahtSeconds;
  const queue: SimQueue = {
    name: q.name,
    priority: q.priority,
    volume: Float64Array.from(q.volume),
    handleTime:
      q.handleTimeCv === undefined
        ? { kind: 'exponential', meanSeconds }
        : { kind: 'lognormal', meanSeconds, cv: q.handleTimeCv },
    answerSeconds: q.target.answerSeconds,
    targetServiceLevel: q.target.serviceLevel,
  };
  if (q.patienceSeconds !== undefined) queue.patienceSeconds = q.patienceSeconds;
  return queue;
}

/** Volume-weighted mean of per-interval handle times (the plain mean of the positive ones with no volume). */
function weightedAht(volume: readonly number[], aht: readonly number[]): number {
  let v = 0;
  let w = 0;
  volume.forEach((x, i) => {
    v += x;
    w += x * (aht[i] as number);
  });
  if (v > 0 && w > 0) return w / v;
  const positive = aht.filter((a) => a > 0);
  return positive.length > 0 ? positive.reduce((s, a) => s + a, 0) / positive.length : 1;
}

interface BuiltGroups {
  groups: SimGroup[];
  labels: ParsedSimulationRequest['groupLabels'];
}

/** Queue indices of `skills` and their factors; unknown names are issues at `path`. */
function skillIndices(
  skills: readonly string[],
  prof: Record<string, number> | undefined,
  queueIndex: ReadonlyMap<string, number>,
  path: (string | number)[],
  issues: WfmIssue[],
): { skills: number[]; factors: number[] } {
  const out = { skills: [] as number[], factors: [] as number[] };
  skills.forEach((s, j) => {
    const q = queueIndex.get(s);
    if (q === undefined) issues.push({ path: [...path, 'skills', j], message: `no queue "${s}"` });
    else if (out.skills.includes(q))
      issues.push({ path: [...path, 'skills', j], message: `skill "${s}" is listed twice` });
    else {
      out.skills.push(q);
      out.factors.push(prof?.[s] ?? 1);
    }
  });
  for (const key of Object.keys(prof ?? {})) {
    if (!skills.includes(key))
      issues.push({ path: [...path, 'proficiency', key], message: `"${key}" is not one of its skills` });
  }
  return out;
}

function groupsFromStaffing(
  groups: NonNullable<SimulationRequest['groups']>,
  queueIndex: ReadonlyMap<string, number>,
  intervals: number,
  issues: WfmIssue[],
): BuiltGroups {
  const out: BuiltGroups = { groups: [], labels: [] };
  groups.forEach((g, k) => {
    const { skills, factors } = skillIndices(g.skills, g.proficiency, queueIndex, ['groups', k], issues);
    if (g.agents.length !== intervals)
      issues.push({ path: ['groups', k, 'agents'], message: `needs ${intervals} values` });
    const label = g.name ?? g.skills.join('+');
    out.groups.push({ name: label, skills, handleTimeFactors: factors, agents: Int32Array.from(g.agents) });
    out.labels.push({ name: label, skills: g.skills, agents: Math.max(0, ...g.agents) });
  });
  return out;
}

/**
 * Named agents on their shifts: one on-phone mask per agent (on in an interval when at least half of it
 * is inside a shift and outside its breaks and retraining), agents with the same skills and factors
 * (proficiency x learning curve) in one group, groups in order of first appearance.
 */
function groupsFromRoster(
  r: SimulationRequest,
  queueIndex: ReadonlyMap<string, number>,
  startMs: number,
  intervals: number,
  issues: WfmIssue[],
): BuiltGroups {
  const byKey = new Map<
    string,
    { group: SimGroup & { onPhoneMasks: Uint8Array[] }; label: BuiltGroups['labels'][number] }
  >();
  const grid = { startMs, intervalMs: r.intervalMinutes * 60_000, intervals, zone: r.timeZone };
  (r.agents ?? []).forEach((a, k) => {
    const path = ['agents', k];
    const { skills, factors } = skillIndices(a.skills, a.proficiency, queueIndex, path, issues);
    const curve = tenureFactor(a, r.learningCurve, startMs, path, issues);
    const scaled = factors.map((f) => +(f * curve).toFixed(6));
    const key = `${skills.join(',')}|${scaled.join(',')}`;
    let entry = byKey.get(key);
    if (!entry) {
      const skillNames = skills.map((q) => r.queues[q]?.name as string);
      const tag = scaled.some((f) => f !== 1) ? ` x${scaled.join('/')}` : '';
      const label = { name: `${skillNames.join('+')}${tag}`, skills: skillNames, agents: 0 };
      entry = { group: { name: label.name, skills, handleTimeFactors: scaled, onPhoneMasks: [] }, label };
      byKey.set(key, entry);
    }
    entry.group.onPhoneMasks.push(onPhoneMask(a.shifts, grid, path, issues));
    entry.label.agents++;
  });
  const values = [...byKey.values()];
  return { groups: values.map((v) => v.group), labels: values.map((v) => v.label) };
}

function tenureFactor(
  a: z.output<typeof SimAgentInputSchema>,
  curve: LearningCurve | undefined,
  startMs: number,
  path: (string | number)[],
  issues: WfmIssue[],
): number {
  if (!curve) return 1;
  if (a.tenureMonths !== undefined) return learningCurveFactor(a.tenureMonths, curve);
  if (a.hireDate !== undefined) {
    const day = epochDayOfDate(a.hireDate);
    if (day === undefined) {
      issues.push({ path: [...path, 'hireDate'], message: `"${a.hireDate}" is not a date` });
      return 1;
    }
    return learningCurveFactor(tenureMonthsAt(day * 86_400_000, startMs), curve);
  }
  return 1;
}

interface MaskGrid {
  startMs: number;
  intervalMs: number;
  intervals: number;
  zone: string;
}

function onPhoneMask(
  shifts: z.output<typeof SimShiftInputSchema>[],
  grid: MaskGrid,
  path: (string | number)[],
  issues: WfmIssue[],
): Uint8Array {
  // Milliseconds on the phones per interval: + for a shift, - for its breaks and retraining.
  const onMs = new Float64Array(grid.intervals);
  const add = (s: { start: string; end: string }, sign: number, at: (string | number)[]): void => {
    const a = safeInstant(s.start, grid.zone, [...at, 'start'], issues);
    const b = safeInstant(s.end, grid.zone, [...at, 'end'], issues);
    if (a === null || b === null) return;
    if (!(b > a)) {
      issues.push({ path: [...at, 'end'], message: 'must be after start' });
      return;
    }
    const first = Math.max(0, Math.floor((a - grid.startMs) / grid.intervalMs));
    const last = Math.min(grid.intervals - 1, Math.floor((b - 1 - grid.startMs) / grid.intervalMs));
    for (let i = first; i <= last; i++) {
      const lo = grid.startMs + i * grid.intervalMs;
      onMs[i] = (onMs[i] as number) + sign * (Math.min(b, lo + grid.intervalMs) - Math.max(a, lo));
    }
  };
  shifts.forEach((s, j) => {
    const at = [...path, 'shifts', j];
    add(s, 1, at);
    s.breaks?.forEach((b, n) => add(b, -1, [...at, 'breaks', n]));
    s.retraining?.forEach((b, n) => add(b, -1, [...at, 'retraining', n]));
    s.activities?.forEach((b, n) => add(b, -1, [...at, 'activities', n]));
  });
  const mask = new Uint8Array(grid.intervals);
  for (let i = 0; i < grid.intervals; i++) mask[i] = (onMs[i] as number) * 2 >= grid.intervalMs ? 1 : 0;
  return mask;
}

function safeInstant(text: string, zone: string, path: (string | number)[], issues: WfmIssue[]): number | null {
  try {
    return parseInstant(text, zone, path.join('.'));
  } catch (error) {
    issues.push({ path, message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
