/**
 * Per-queue requirements of a multi-skill shift plan (docs/shift-plan.md, "Skills"): the
 * `POST /v1/shift-plans` body's `queues`, or the multi-queue staffing answer of `wfm staff` /
 * `POST /v1/staffing` (JSON). Each queue's requirement is read as a single requirement is; the plan
 * covers their sum. Limits (before any work): `MAX_PLAN_QUEUES` queues, and `MAX_PLAN_QUEUE_INTERVALS`
 * queue-intervals in all.
 */
import { z } from 'zod';
import { isWfmError, WfmError, type WfmIssue } from '../errors.js';
import type { QueueParams } from '../erlang/types.js';
import { parseWith } from './validate.js';
import { MAX_PLAN_INTERVALS, parseRequirementJson, type RequirementDocument } from './shift-plan.js';

/** Queues in one plan at most (as a whole plan's config). */
export const MAX_PLAN_QUEUES = 20;
/** Intervals of every queue together at most: 20 queues of a week of 15-minute intervals. */
export const MAX_PLAN_QUEUE_INTERVALS = 20 * 672;

/** One queue of a plan: its name, priority (higher is served first) and own requirement. */
export interface QueueRequirement {
  name: string;
  priority: number;
  requirement: RequirementDocument;
}

const queueName = z.string().min(1, 'name is empty').max(100);

export const PlanQueueSchema = z.strictObject({
  name: queueName.describe('The queue (the name agents list in their `skills`).'),
  priority: z.number().min(-1000).max(1000).default(0).describe('Higher is short last (a higher tier).'),
  requirement: z
    .unknown()
    .describe("The queue's own agents per interval: a `wfm staff` JSON answer (or its intervals array)."),
});

export const PlanQueuesSchema = z
  .array(PlanQueueSchema)
  .min(1, 'give at least one queue')
  .max(MAX_PLAN_QUEUES, `at most ${MAX_PLAN_QUEUES} queues`)
  .describe(
    'Several queues, each with its own requirement on the same interval starts: the plan covers their sum ' +
      'and, with agents, each queue with agents holding its skill (queueCoverage). Needs `agents` when 2 or more.',
  );

/** Parses `queues` of a request: each requirement read alone, errors under `queues[k].requirement`. */
export function parsePlanQueues(data: unknown): QueueRequirement[] {
  const queues = parseWith(z.object({ queues: PlanQueuesSchema }), { queues: data }, 'shift-plan request').queues;
  checkNames(queues.map((q) => q.name));
  checkSize(queues.map((q) => (Array.isArray(q.requirement) ? q.requirement : intervalsOf(q.requirement))?.length));
  return queues.map((q, k) => {
    const head = ['queues', k, 'requirement'];
    const requirement = under(head, () => parseRequirementJson(q.requirement));
    // Rows name their place in the body, also in the errors of the grid and the plan.
    const rows = requirement.rows.map((row) => ({ ...row, where: [...head, ...row.where] }));
    return { name: q.name, priority: q.priority, requirement: { ...requirement, rows } };
  });
}

const StaffingAnswerSchema = z.looseObject({
  multiQueue: z.literal(true),
  intervalMinutes: z.number().optional(),
  timeZone: z.string().optional(),
  queues: z
    .array(
      z
        .looseObject({
          name: queueName,
          priority: z.number().min(-1000).max(1000).default(0),
          // The queue's own service parameters (answers since they carry them; older answers have none).
          model: z.enum(['erlang-c', 'erlang-a']).optional(),
          target: z
            .looseObject({ serviceLevel: z.number().gt(0).max(1), answerSeconds: z.number().min(0).max(86_400) })
            .optional(),
          patienceSeconds: z.number().positive().optional(),
          intervals: z
            .array(
              z.looseObject({
                start: z.string().min(1).max(64),
                requirement: z.number().min(0).max(1_000_000),
                volume: z.number().min(0).optional(),
                ahtSeconds: z.number().min(0).max(86_400).nullable().optional(),
              }),
            )
            .min(1)
            .max(MAX_PLAN_INTERVALS),
        })
        .refine((q) => q.model !== 'erlang-a' || q.patienceSeconds !== undefined, {
          path: ['patienceSeconds'],
          message: 'the erlang-a model needs patienceSeconds',
        }),
    )
    .min(1)
    .max(MAX_PLAN_QUEUES, `at most ${MAX_PLAN_QUEUES} queues`),
});

/** True when a JSON document is a multi-queue staffing answer (`multiQueue: true`). */
export function isMultiQueueAnswer(data: unknown): boolean {
  return data !== null && typeof data === 'object' && (data as { multiQueue?: unknown }).multiQueue === true;
}

/**
 * The queues of a multi-queue staffing answer: each queue's `requirement` (the queue alone) per
 * interval, and its own model, target and patience where the answer gives them (`queueOfAnswer`).
 */
export function queuesOfStaffingAnswer(data: unknown): QueueRequirement[] {
  const answer = parseWith(StaffingAnswerSchema, data, 'multi-queue staffing answer');
  checkNames(answer.queues.map((q) => q.name));
  checkSize(answer.queues.map((q) => q.intervals.length));
  return answer.queues.map((q, k) => ({
    name: q.name,
    priority: q.priority,
    requirement: {
      timeZone: answer.timeZone,
      intervalMinutes: answer.intervalMinutes,
      queue: queueOfAnswer(q),
      rows: q.intervals.map((r, i) => ({
        start: r.start,
        agents: r.requirement,
        volume: r.volume,
        ahtSeconds: r.ahtSeconds ?? undefined,
        where: ['queues', k, 'intervals', i, 'start'],
      })),
    },
  }));
}

/**
 * A queue's service parameters as a multi-queue staffing answer (JSON or CSV) gives them: its
 * model and target, and patience for Erlang A; none when the answer has no target (an older answer:
 * the rules' `queue` then applies). Erlang C when the model is not given.
 */
export function queueOfAnswer(q: {
  model?: 'erlang-c' | 'erlang-a' | undefined;
  target?: { serviceLevel: number; answerSeconds: number } | undefined;
  patienceSeconds?: number | undefined;
}): QueueParams | undefined {
  if (!q.target) return undefined;
  const model = q.model ?? 'erlang-c';
  return {
    model,
    targets: { serviceLevel: q.target.serviceLevel, answerSeconds: q.target.answerSeconds },
    ...(model === 'erlang-a' && q.patienceSeconds !== undefined ? { patienceSeconds: q.patienceSeconds } : {}),
  };
}

/**
 * The plan's requirement: the queues' agents summed per interval, volumes summed and handle times
 * workload-weighted (each queue staffed alone: no pooling credit). Every queue must have the same
 * starts as the first, else an error naming the queue and interval. The first queue's zone and
 * interval are the sum's; its queue (model, target) only when every queue has the same: the plan's
 * service level on the summed load means nothing for queues at different targets (each queue's
 * own service is the simulation check's; the rules' `queue`, if given, is the sum's).
 */
export function sumQueueRequirements(queues: readonly QueueRequirement[]): RequirementDocument {
  const first = (queues[0] as QueueRequirement).requirement;
  queues.forEach((q, k) => {
    const rows = q.requirement.rows;
    const i = first.rows.findIndex((r, j) => rows[j]?.start !== r.start);
    if (rows.length !== first.rows.length || i >= 0) {
      const at = i >= 0 ? i : Math.min(rows.length, first.rows.length);
      const message = `its interval ${at} (${rows[at]?.start ?? 'missing'}) is not "${queues[0]?.name}"'s (${first.rows[at]?.start ?? 'missing'}): every queue needs the same starts`;
      throw new WfmError('WFM_ERR_INPUT_INVALID', `Queue "${q.name}": ${message}.`, {
        issues: [{ path: ['queues', k, 'requirement', 'intervals', at, 'start'], message }],
      });
    }
  });
  const rows = first.rows.map((row, i) => {
    const parts = queues.map((q) => q.requirement.rows[i] as (typeof first.rows)[number]);
    const known = parts.every((p) => p.volume !== undefined);
    const volume = known ? parts.reduce((s, p) => s + (p.volume ?? 0), 0) : undefined;
    const work = parts.reduce((s, p) => s + (p.volume ?? 0) * (p.ahtSeconds ?? 0), 0);
    const timed = known && parts.every((p) => p.ahtSeconds !== undefined || p.volume === 0);
    return {
      start: row.start,
      agents: parts.reduce((s, p) => s + p.agents, 0),
      volume,
      ahtSeconds: timed && volume !== undefined ? (volume > 0 ? work / volume : 0) : undefined,
      where: row.where,
    };
  });
  const same = queues.every((q) => JSON.stringify(q.requirement.queue) === JSON.stringify(first.queue));
  return {
    rows,
    timeZone: first.timeZone,
    intervalMinutes: first.intervalMinutes,
    queue: same ? first.queue : undefined,
  };
}

/** Several queues need the agents (their skills say who serves which queue). */
export function checkQueuesHaveAgents(queues: readonly QueueRequirement[] | undefined, agents: unknown, field: string) {
  if (!queues || queues.length < 2 || agents !== undefined) return;
  throw new WfmError(
    'WFM_ERR_INPUT_INVALID',
    `${field}: a plan of ${queues.length} queues needs the agents, with their skills (the queues each may serve).`,
    { issues: [{ path: [field], message: 'required with two or more queues' }] },
  );
}

function intervalsOf(requirement: unknown): unknown[] | undefined {
  const intervals = (requirement as { intervals?: unknown } | null)?.intervals;
  return Array.isArray(intervals) ? intervals : undefined;
}

function checkNames(names: readonly string[]): void {
  const k = names.findIndex((name, j) => names.indexOf(name) !== j);
  if (k < 0) return;
  throw new WfmError('WFM_ERR_INPUT_INVALID', `queues[${k}].name: "${names[k]}" is named twice.`, {
    issues: [{ path: ['queues', k, 'name'], message: `"${names[k]}" is named twice` }],
  });
}

function checkSize(lengths: readonly (number | undefined)[]): void {
  const total = lengths.reduce<number>((s, n) => s + (n ?? 0), 0);
  if (total <= MAX_PLAN_QUEUE_INTERVALS) return;
  throw new WfmError(
    'WFM_ERR_INPUT_TOO_LARGE',
    `The queues have ${total} intervals in all; at most ${MAX_PLAN_QUEUE_INTERVALS} per plan (e.g. 20 queues of a week of 15-minute intervals).`,
    { issues: [{ path: ['queues'], message: `${total} queue-intervals, at most ${MAX_PLAN_QUEUE_INTERVALS}` }] },
  );
}

/** Runs `fn`; an input error gets `head` before its issue paths and in its message. */
function under<T>(head: (string | number)[], fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!isWfmError(error) || error.status >= 500) throw error;
    const issues = error.issues.map((issue): WfmIssue => ({ ...issue, path: [...head, ...issue.path] }));
    const first = issues[0];
    const where = first ? `${first.path.join('.')}: ${first.message}` : error.message;
    throw new WfmError(error.code, `Invalid shift-plan request: ${where}`, { issues, cause: error });
  }
}
