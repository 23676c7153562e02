/**
 * The multi-queue staffing request: a `POST /v1/staffing` body with `queues` (each a single-queue
 * staffing body with its name and priority) and the centre's skill `groups`. Parsed once here; the
 * single-queue body (src/contracts/staffing.ts) is unchanged. docs/staffing.md, "Several queues".
 *
 * Limits (before any work): at most `MAX_MULTI_QUEUES` queues, `MAX_MULTI_GROUPS` groups and
 * `MAX_MULTI_INTERVALS` intervals per queue (each distinct interval is staffed by simulation).
 */
import { z } from 'zod';
import { WfmError, type WfmIssue } from '../errors.js';
import type { SkillGroup } from '../multiskill/types.js';
import { inferIntervalMinutes, parseInstant } from '../time/instant.js';
import { singleOffsetZone } from '../time/offset-zone.js';
import { StaffingRequestSchema, type StaffingRequest } from './staffing.js';
import { parseWith } from './validate.js';

export const MAX_MULTI_QUEUES = 20;
export const MAX_MULTI_GROUPS = 50;
/** A week of 15-minute intervals. */
export const MAX_MULTI_INTERVALS = 672;

const name = z.string().min(1, 'name is empty').max(100);

export const MultiQueueStaffingRequestSchema = z
  .strictObject({
    queues: z
      .array(
        z.strictObject({
          name,
          priority: z.number().min(-1000).max(1000).default(0).describe('Higher is served first by a freed agent.'),
          handleTimeCv: z.number().min(0).max(20).optional().describe('Log-normal handle times; absent = exponential.'),
          request: StaffingRequestSchema.describe('The queue as a single-queue `POST /v1/staffing` body.'),
        }),
      )
      .min(1)
      .max(MAX_MULTI_QUEUES, `at most ${MAX_MULTI_QUEUES} queues`),
    groups: z
      .array(
        z.strictObject({
          name: name.optional(),
          skills: z.array(name).min(1, 'at least one skill'),
          proficiency: z.record(z.string(), z.number().gt(0).max(10)).optional(),
        }),
      )
      .max(MAX_MULTI_GROUPS, `at most ${MAX_MULTI_GROUPS} groups`)
      .optional()
      .describe('Skill groups (sets of queues agents may serve); default one specialist group per queue.'),
    seed: z.int().min(0).max(0xffffffff).default(1),
    replications: z.int().min(2).max(50).default(6),
    acceptance: z.enum(['interval', 'mean', 'strict']).default('interval'),
  })
  .describe('Several queues and skill groups: agents per group and interval, verified by simulation.');

export type MultiQueueStaffingRequestInput = z.input<typeof MultiQueueStaffingRequestSchema>;

export interface ParsedQueue {
  name: string;
  priority: number;
  handleTimeCv?: number;
  /** The queue's own request (its Erlang requirement and formula SL come from it). */
  request: StaffingRequest;
  volume: number[];
  ahtSeconds: number[];
  answerSeconds: number;
  targetServiceLevel: number;
  patienceSeconds?: number;
}

export interface ParsedMultiQueueStaffing {
  intervalMinutes: number;
  timeZone: string;
  startsMs: number[];
  queues: ParsedQueue[];
  groups: SkillGroup[];
  seed: number;
  replications: number;
  acceptance: 'interval' | 'mean' | 'strict';
}

/** True when a raw `POST /v1/staffing` body is the multi-queue form (it has `queues`). */
export function isMultiQueueBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'queues' in body;
}

/**
 * Validates a multi-queue staffing body: every queue on the same interval starts, an Erlang C or A
 * model with a service-level target, every group's skills naming queues. Throws
 * WFM_ERR_INPUT_INVALID naming each bad field, WFM_ERR_INPUT_TOO_LARGE over a limit.
 */
export function parseMultiQueueStaffing(data: unknown): ParsedMultiQueueStaffing {
  const r = parseWith(MultiQueueStaffingRequestSchema, data, 'multi-queue staffing request');
  const issues: WfmIssue[] = [];
  const first = r.queues[0]?.request as StaffingRequest;
  if (first.intervals.length > MAX_MULTI_INTERVALS) {
    throw new WfmError('WFM_ERR_INPUT_TOO_LARGE', `At most ${MAX_MULTI_INTERVALS} intervals per queue.`, {
      issues: [{ path: ['queues', 0, 'request', 'intervals'], message: `at most ${MAX_MULTI_INTERVALS}` }],
    });
  }
  // As a single queue: written in the starts' one offset when no zone is given (+02:00 stays +02:00).
  const timeZone = first.timeZone ?? singleOffsetZone(first.intervals.map((row) => row.start)).zone ?? 'UTC';
  const startsOf = (q: StaffingRequest, k: number) =>
    q.intervals.map((row, i) =>
      parseInstant(row.start, q.timeZone ?? 'UTC', `queues[${k}].request.intervals[${i}].start`),
    );
  const startsMs = startsOf(first, 0);
  const index = new Map<string, number>();
  const queues = r.queues.map((q, k): ParsedQueue => {
    const at = ['queues', k];
    if (index.has(q.name)) issues.push({ path: [...at, 'name'], message: `queue "${q.name}" is listed twice` });
    index.set(q.name, k);
    const req = q.request;
    const starts = startsOf(req, k);
    if (starts.length !== startsMs.length || starts.some((s, i) => s !== startsMs[i]))
      issues.push({ path: [...at, 'request', 'intervals'], message: 'needs the same interval starts as queues[0]' });
    if (req.model === 'chat' || req.deferred)
      issues.push({ path: [...at, 'request', 'model'], message: 'several queues take erlang-c or erlang-a queues' });
    if (req.target.serviceLevel === undefined || req.target.answerSeconds === undefined)
      issues.push({ path: [...at, 'request', 'target'], message: 'needs serviceLevel and answerSeconds' });
    const parsed: ParsedQueue = {
      name: q.name,
      priority: q.priority,
      request: req,
      volume: req.intervals.map((row) => row.volume),
      ahtSeconds: req.intervals.map((row) => row.ahtSeconds),
      answerSeconds: req.target.answerSeconds ?? 20,
      targetServiceLevel: req.target.serviceLevel ?? 0.8,
    };
    if (q.handleTimeCv !== undefined) parsed.handleTimeCv = q.handleTimeCv;
    if (req.model === 'erlang-a' && req.patienceSeconds !== undefined) parsed.patienceSeconds = req.patienceSeconds;
    return parsed;
  });
  const groups = (r.groups ?? queues.map((q) => ({ name: q.name, skills: [q.name] }))).map((g, k): SkillGroup => {
    const skills: number[] = [];
    const factors: number[] = [];
    g.skills.forEach((s, j) => {
      const q = index.get(s);
      if (q === undefined) issues.push({ path: ['groups', k, 'skills', j], message: `no queue "${s}"` });
      else if (skills.includes(q)) issues.push({ path: ['groups', k, 'skills', j], message: `"${s}" is listed twice` });
      else {
        skills.push(q);
        factors.push(('proficiency' in g ? g.proficiency?.[s] : undefined) ?? 1);
      }
    });
    return { name: g.name ?? g.skills.join('+'), skills, handleTimeFactors: factors };
  });
  queues.forEach((q, k) => {
    if (!groups.some((g) => g.skills.includes(k)))
      issues.push({ path: ['queues', k, 'name'], message: `no group serves queue "${q.name}"` });
  });
  if (issues.length > 0) {
    const head = issues[0] as WfmIssue;
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      `Invalid multi-queue staffing request: ${head.path.join('.')}: ${head.message}`,
      { issues },
    );
  }
  const intervalMinutes = first.intervalMinutes ?? inferIntervalMinutes([...startsMs].sort((a, b) => a - b));
  return {
    intervalMinutes,
    timeZone,
    startsMs,
    queues,
    groups,
    seed: r.seed,
    replications: r.replications,
    acceptance: r.acceptance,
  };
}

/** A cell of the simulated service level: mean and 95 % interval, null where undefined. */
const SimulatedCellSchema = z.object({
  mean: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

/** The answer to a multi-queue `POST /v1/staffing` body (and `wfm staff` on several queues, JSON). */
export const MultiQueueStaffingResponseSchema = z
  .object({
    multiQueue: z.literal(true),
    met: z.boolean().describe('Every queue meets its target in every interval.'),
    intervalMinutes: z.number(),
    timeZone: z.string(),
    seed: z.number(),
    replications: z.number(),
    groups: z
      .array(
        z.object({
          name: z.string(),
          skills: z.array(z.string()),
          agents: z.array(z.number()).describe('Agents of the group per interval.'),
          agentHours: z.number(),
        }),
      )
      .describe('Agents per skill group and interval: the staffing of the centre.'),
    queues: z.array(
      z.object({
        name: z.string(),
        priority: z.number(),
        model: z.enum(['erlang-c', 'erlang-a']).describe("The queue's model, as its request gave it."),
        target: z
          .object({ serviceLevel: z.number(), answerSeconds: z.number() })
          .describe("The queue's own target: `serviceLevel` of contacts answered within `answerSeconds` s."),
        patienceSeconds: z.number().optional().describe('Mean patience, s (Erlang A only).'),
        targetServiceLevel: z.number().describe('`target.serviceLevel`, kept for readers of older answers.'),
        intervals: z.array(
          z.object({
            start: z.string(),
            volume: z.number(),
            ahtSeconds: z.number(),
            requirement: z.number().describe('Agents the queue needs alone (Erlang C or A).'),
            serviceLevelFormula: z.number().describe('Service level of the queue alone at its requirement.'),
            covered: z.number().describe('Agents of the groups that serve the queue (shared with other queues).'),
            serviceLevelSimulated: SimulatedCellSchema.nullable(),
            met: z.boolean(),
          }),
        ),
      }),
    ),
    intervals: z.array(z.object({ start: z.string(), method: z.string(), iterations: z.number(), met: z.boolean() })),
    issues: z.array(z.object({ code: z.string(), start: z.string(), queue: z.string(), message: z.string() })),
  })
  .describe('Several queues: agents per skill group verified by simulation, and per queue the requirement and SL.');

/**
 * `wfm staff --queues FILE`: each queue's model, target and priority (as a plan config's `queues`;
 * a whole plan config is read for its `queues`), and optionally the skill `groups`, `seed`,
 * `replications` and `acceptance` of the multi-queue body. A bare list is read as the queues.
 */
export const StaffQueuesConfigSchema = z.looseObject({
  queues: z
    .array(
      z.looseObject({
        name,
        priority: z.number().min(-1000).max(1000).default(0),
        handleTimeCv: z.number().min(0).max(20).optional(),
      }),
    )
    .min(1)
    .max(MAX_MULTI_QUEUES, `at most ${MAX_MULTI_QUEUES} queues`),
  groups: MultiQueueStaffingRequestSchema.shape.groups,
  seed: z.int().min(0).max(0xffffffff).optional(),
  replications: z.int().min(2).max(50).optional(),
  acceptance: z.enum(['interval', 'mean', 'strict']).optional(),
});
export type StaffQueuesConfig = z.output<typeof StaffQueuesConfigSchema>;

/** Validates a `--queues` document (a list is the queues). */
export function parseStaffQueuesConfig(data: unknown): StaffQueuesConfig {
  return parseWith(StaffQueuesConfigSchema, Array.isArray(data) ? { queues: data } : data, 'queues config');
}
