/**
 * Staffing several queues served by skill groups: agents per group and interval from the pooled
 * approximation, verified and corrected by simulation (`staffMultiSkill`, docs/simulation.md), one
 * stationary centre per interval at that interval's volumes and handle times. Intervals are
 * independent and use the same seed, so the intervals are cut into ranges over the worker threads
 * and the answer is identical whatever the thread count. Beside the groups' agents, per queue and
 * interval: the queue's own Erlang requirement and its service level by formula (the single-queue
 * answer), the agents covering it (of the groups that serve it), and its simulated service level
 * with the 95 % interval.
 */
import type { z } from 'zod';
import type { MultiQueueStaffingResponseSchema, ParsedMultiQueueStaffing } from '../contracts/multi-queue-staffing.js';
import type { MultiSkillInterval } from '../multiskill/types.js';
import { formatInstant } from '../time/instant.js';
import { runNamed, type TaskRunner } from './parallel/runner.js';
import { staffRequest } from './staffing.js';
import { splitRanges } from './what-if-parallel.js';

export { staffMultiQueueRange, type MultiQueueRangeTask } from './multi-queue-range.js';

export interface MultiQueueInterval {
  start: string;
  volume: number;
  ahtSeconds: number;
  /** Agents the queue needs alone (Erlang C or A, as a single-queue request). */
  requirement: number;
  /** Service level of the queue alone at `requirement`, by formula. */
  serviceLevelFormula: number;
  /** Agents of the groups that serve the queue (shared with their other queues). */
  covered: number;
  /** Simulated service level at the groups' agents; null where the interval was decided by formula. */
  serviceLevelSimulated: { mean: number | null; low: number | null; high: number | null } | null;
  met: boolean;
}

/** One queue of the answer: its service parameters (as its request gave them) and its intervals. */
export interface MultiQueueOfResult {
  name: string;
  priority: number;
  /** The queue's model: what `wfm shift-plan` simulates it with. */
  model: 'erlang-c' | 'erlang-a';
  /** The queue's own service-level target: `serviceLevel` of contacts answered within `answerSeconds`. */
  target: { serviceLevel: number; answerSeconds: number };
  /** Mean patience, s (Erlang A only). */
  patienceSeconds?: number;
  /** `target.serviceLevel`, kept for readers of older answers. */
  targetServiceLevel: number;
  intervals: MultiQueueInterval[];
}

export interface MultiQueueStaffingResult {
  multiQueue: true;
  /** Every queue meets its target in every interval. */
  met: boolean;
  intervalMinutes: number;
  timeZone: string;
  seed: number;
  replications: number;
  groups: { name: string; skills: string[]; agents: number[]; agentHours: number }[];
  queues: MultiQueueOfResult[];
  intervals: { start: string; method: string; iterations: number; met: boolean }[];
  issues: { code: string; start: string; queue: string; message: string }[];
}

/** The answer's type is the documented schema's (OpenAPI): a drift between them fails the typecheck. */
export type DocumentedMultiQueueResult = Documented<MultiQueueStaffingResult>;
type Documented<T extends z.output<typeof MultiQueueStaffingResponseSchema>> = T;

/** The worker handler name (src/app/parallel/handlers/simulation.ts). */
export const MULTI_QUEUE_HANDLER = 'multiskill.staff-range' as const;

/** Staffs every interval on `runner` (a few ranges per thread) and assembles the answer. */
export async function runMultiQueueStaffing(
  runner: Pick<TaskRunner, 'threads' | 'run'>,
  request: ParsedMultiQueueStaffing,
  signal?: AbortSignal,
): Promise<MultiQueueStaffingResult> {
  const n = request.startsMs.length;
  const ranges = splitRanges(n, runner.threads === 1 ? 1 : 3 * runner.threads);
  const parts = await Promise.all(
    ranges.map(([from, to]) => runNamed(runner, MULTI_QUEUE_HANDLER, { request, from, to }, signal)),
  );
  return assemble(request, parts.flat());
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

function assemble(request: ParsedMultiQueueStaffing, intervals: MultiSkillInterval[]): MultiQueueStaffingResult {
  const starts = request.startsMs.map((ms) => formatInstant(ms, request.timeZone));
  const hours = request.intervalMinutes / 60;
  const groups = request.groups.map((g, k) => {
    const agents = intervals.map((r) => r.agents[k] as number);
    return {
      name: g.name,
      skills: g.skills.map((q) => request.queues[q]?.name as string),
      agents,
      agentHours: agents.reduce((s, a) => s + a, 0) * hours,
    };
  });
  const queues = request.queues.map((q, k): MultiQueueOfResult => {
    const alone = staffRequest(q.request).intervals;
    const serving = request.groups.flatMap((g, j) => (g.skills.includes(k) ? [j] : []));
    return {
      name: q.name,
      priority: q.priority,
      model: q.request.model === 'erlang-a' ? 'erlang-a' : 'erlang-c',
      target: { serviceLevel: q.targetServiceLevel, answerSeconds: q.answerSeconds },
      ...(q.patienceSeconds !== undefined ? { patienceSeconds: q.patienceSeconds } : {}),
      targetServiceLevel: q.targetServiceLevel,
      intervals: intervals.map((r, i): MultiQueueInterval => {
        const v = r.queues[k];
        const sim = v?.serviceLevel;
        const formula = alone[i];
        return {
          start: starts[i] as string,
          volume: q.volume[i] as number,
          ahtSeconds: q.ahtSeconds[i] as number,
          requirement: formula?.agents ?? 0,
          serviceLevelFormula: formula?.serviceLevel ?? 1,
          covered: serving.reduce((s, j) => s + (r.agents[j] as number), 0),
          serviceLevelSimulated: sim ? { mean: num(sim.mean), low: num(sim.low), high: num(sim.high) } : null,
          met: v?.met ?? true,
        };
      }),
    };
  });
  const issues = intervals.flatMap((r, i) =>
    r.met
      ? []
      : r.queues
          .filter((v) => !v.met)
          .map((v) => ({
            code: 'iteration-cap',
            start: starts[i] as string,
            queue: request.queues[v.queue]?.name as string,
            message: `the correction stopped after ${r.iterations} steps with ${request.queues[v.queue]?.name} below its target`,
          })),
  );
  return {
    multiQueue: true,
    met: intervals.every((r) => r.met),
    intervalMinutes: request.intervalMinutes,
    timeZone: request.timeZone,
    seed: request.seed,
    replications: request.replications,
    groups,
    queues,
    intervals: intervals.map((r, i) => ({
      start: starts[i] as string,
      method: r.method,
      iterations: r.iterations,
      met: r.met,
    })),
    issues,
  };
}
