/**
 * Parses a simulation request (src/contracts/simulation-schema.ts) into the core's `SimModel`
 * (src/simulation/types.ts) with the labels of the output; docs/simulation.md describes it.
 */
import { WfmError, type WfmIssue } from '../errors.js';
import type { SimQueue } from '../simulation/types.js';
import { parseInstant } from '../time/instant.js';
import { groupsFromRoster, groupsFromStaffing } from './simulation-groups.js';
import {
  MAX_SIMULATED_CONTACTS,
  MAX_SIM_INTERVALS,
  SimulationRequestSchema,
  type ParsedSimulationRequest,
  type SimulationRequest,
} from './simulation-schema.js';
import { parseWith } from './validate.js';

export * from './simulation-schema.js';

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
