/**
 * A multi-queue plan's per-queue verdict: the roster (named agents with their skills, proficiency
 * and shifts) simulated against every live queue's forecast, and per queue and interval the
 * requirement (the queue staffed alone), the agents covering it (on the phones with the skill),
 * the service level by formula (the queue alone at its requirement) and by simulation with its
 * 95 % interval. Chat and deferred queues are staffed but not simulated (the simulation models
 * live queues only).
 */
import type { PlanQueue } from '../contracts/plan-config.js';
import type { LearningCurve } from '../multiskill/proficiency.js';
import { parseSimulationRequest, type SimulationRequestInput } from '../contracts/simulation.js';
import type { StaffingResponse } from '../contracts/staffing.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import type { RosterAgent } from '../scheduler/roster/types.js';
import type { Verdict, VerdictServiceLevel } from '../scheduler/shift-plan/verdict-types.js';
import { buildVerdict, clock, pct } from '../scheduler/shift-plan/verdict.js';
import type { PlanQueueCoverage, QueueCoverage } from '../scheduler/shift-plan/types.js';
import { queueShortfalls } from '../scheduler/shift-plan/skill-report.js';
import { simulateReplications } from '../simulation/index.js';
import { summariseSimulation, type CellOut, type EstimateOut } from './simulation.js';

export interface PlanQueueInterval {
  start: string;
  volume: number;
  requirement: number;
  /** Agents on the phones with the skill; null for a queue that is not simulated (chat, deferred). */
  covered: number | null;
  /**
   * Agents the shift plan gives the queue (its requirement less its shortage, at most `requirement`); null
   * when the plan was not made per queue (no agents' skills to plan with).
   */
  plannedCover: number | null;
  serviceLevelFormula: number;
  serviceLevelSimulated: CellOut | null;
}

export interface PlanQueueReport {
  name: string;
  priority: number;
  model: string;
  /** The service-level target (live and chat queues; null for deferred work). */
  targetServiceLevel: number | null;
  /** The target's answer time in seconds; null when the queue has no service-level target. */
  targetAnswerSeconds: number | null;
  /** False for chat and deferred queues: staffed, not simulated. */
  simulated: boolean;
  /** The queue's simulated SL over the week with its interval; null when not simulated. */
  serviceLevel: EstimateOut | null;
  abandonRate: EstimateOut | null;
  asaSeconds: EstimateOut | null;
  /** The target is inside or below the simulated SL's 95 % interval (true when not simulated). */
  met: boolean;
  /** Agent-intervals the shift plan leaves the queue short of its requirement (null: not planned per queue). */
  plannedShortAgentIntervals: number | null;
  intervals: PlanQueueInterval[];
}

export interface PlanQueuesResult {
  seed: number;
  replications: number;
  queues: PlanQueueReport[];
}

export interface PlanQueueInput {
  name: string;
  priority: number;
  handleTimeCv?: number;
  staffing: PlanQueue | Omit<PlanQueue, 'name' | 'priority' | 'handleTimeCv'>;
  response: StaffingResponse;
}

const isLive = (q: PlanQueueInput) =>
  q.response.model !== 'chat' && q.response.deferred === undefined && q.response.target.answerSeconds !== undefined;

/**
 * Simulates the roster against the live queues (in this thread: a week of a mid-size centre is a
 * fraction of a second per replication) and reports every queue. Agents without `skills` serve every
 * live queue. Deterministic for a seed.
 */
export function simulatePlanQueues(
  queues: readonly PlanQueueInput[],
  roster: RosterResult,
  agents: readonly RosterAgent[],
  options: {
    seed: number;
    replications: number;
    planned?: PlanQueueCoverage | undefined;
    /** The shift-plan rules' learning curve: agents with a `hireDate` are slower by tenure at the first interval. */
    learningCurve?: LearningCurve | undefined;
  },
): PlanQueuesResult {
  const live = queues.filter(isLive);
  const planned = (name: string) => options.planned?.queues.find((q) => q.name === name);
  const sim =
    live.length > 0 && roster.agents.some((a) => a.days.length > 0)
      ? simulateLive(live, roster, agents, options)
      : null;
  return {
    seed: options.seed,
    replications: options.replications,
    queues: queues.map((q) =>
      report(
        q,
        sim?.queues.find((s) => s.name === q.name),
        sim?.covered.get(q.name),
        planned(q.name),
      ),
    ),
  };
}

function simulateLive(
  live: readonly PlanQueueInput[],
  roster: RosterResult,
  agents: readonly RosterAgent[],
  options: { seed: number; replications: number; learningCurve?: LearningCurve | undefined },
) {
  const names = live.map((q) => q.name);
  const byId = new Map(agents.map((a) => [a.id, a]));
  const first = live[0] as PlanQueueInput;
  // The staffing skips closed intervals: lay every queue on the whole grid from the first start.
  const lenMs = first.response.intervalMinutes * 60_000;
  const starts = first.response.intervals.map((r) => Date.parse(r.start as string));
  const firstMs = starts[0] as number;
  const slots = starts.map((ms) => Math.round((ms - firstMs) / lenMs));
  const slotCount = (slots[slots.length - 1] as number) + 1;
  const onGrid = (values: readonly number[]) => {
    const out = new Array<number>(slotCount).fill(0);
    values.forEach((v, i) => (out[slots[i] as number] = v));
    return out;
  };
  const body: SimulationRequestInput = {
    start: first.response.intervals[0]?.start as string,
    timeZone: first.response.timeZone,
    intervalMinutes: first.response.intervalMinutes as SimulationRequestInput['intervalMinutes'],
    queues: live.map((q) => ({
      name: q.name,
      priority: q.priority,
      volume: onGrid(q.response.intervals.map((r) => r.volume)),
      ahtSeconds: onGrid(q.response.intervals.map((r) => r.ahtSeconds)),
      ...(q.handleTimeCv !== undefined ? { handleTimeCv: q.handleTimeCv } : {}),
      ...(q.response.model === 'erlang-a' && q.staffing.patienceSeconds !== undefined
        ? { patienceSeconds: q.staffing.patienceSeconds as number }
        : {}),
      target: {
        serviceLevel: q.response.target.serviceLevel ?? 0.8,
        answerSeconds: q.response.target.answerSeconds as number,
      },
    })),
    agents: roster.agents.flatMap((a) => {
      const agent = byId.get(a.id);
      const skills = (agent?.skills ?? names).filter((s) => names.includes(s));
      if (skills.length === 0 || a.days.length === 0) return [];
      const proficiency = Object.fromEntries(
        Object.entries(agent?.proficiency ?? {}).filter(([s]) => skills.includes(s)),
      );
      const hired = options.learningCurve && agent?.hireDate ? { hireDate: agent.hireDate } : {};
      return [{ id: a.id, skills, proficiency, ...hired, shifts: a.days }];
    }),
    ...(options.learningCurve ? { learningCurve: options.learningCurve } : {}),
    seed: options.seed,
    replications: options.replications,
  };
  const request = parseSimulationRequest(body);
  const result = summariseSimulation(request, simulateReplications(request.model, request));
  // Back to the staffing's rows: row i is slot slots[i].
  const covered = new Map<string, number[]>();
  for (const name of names) {
    const sum = new Array<number>(slots.length).fill(0);
    for (const g of result.groups) {
      if (!g.skills.includes(name)) continue;
      slots.forEach((slot, i) => (sum[i] = (sum[i] as number) + (g.intervals[slot]?.agents ?? 0)));
    }
    covered.set(name, sum);
  }
  const queues = result.queues.map((q) => ({ ...q, intervals: slots.map((slot) => q.intervals[slot]) }));
  return { queues, covered };
}

function report(
  q: PlanQueueInput,
  sim: ReturnType<typeof simulateLive>['queues'][number] | undefined,
  covered: number[] | undefined,
  planned: QueueCoverage | undefined,
): PlanQueueReport {
  // The plan's slots are the staffing's rows when the grids match (a finer rule grid: the first slot of each row).
  const perRow = planned && planned.required.length === q.response.intervals.length ? 1 : null;
  return {
    name: q.name,
    priority: q.priority,
    model: q.response.deferred ? 'deferred' : q.response.model,
    // A chat queue keeps its target (staffed and planned for it, not simulated); deferred work has a deadline instead.
    targetServiceLevel: q.response.deferred ? null : (q.response.target.serviceLevel ?? null),
    targetAnswerSeconds: q.response.deferred ? null : (q.response.target.answerSeconds ?? null),
    simulated: sim !== undefined,
    serviceLevel: sim?.totals.serviceLevel ?? null,
    abandonRate: sim?.totals.abandonRate ?? null,
    asaSeconds: sim?.totals.asaSeconds ?? null,
    met: sim?.met ?? true,
    plannedShortAgentIntervals: planned ? planned.underAgentIntervals : null,
    intervals: q.response.intervals.map((r, i) => ({
      start: r.start as string,
      volume: r.volume,
      requirement: r.agents,
      covered: covered ? (covered[i] ?? 0) : null,
      plannedCover: planned && perRow ? (planned.covered[i] ?? 0) : null,
      serviceLevelFormula: r.serviceLevel,
      serviceLevelSimulated: sim?.intervals[i]?.serviceLevel ?? null,
    })),
  };
}

/**
 * The roster's verdict with every queue's target. With simulated queues the service level is judged
 * per queue and interval by the simulation (the roster's own formula SL is that of the summed load at
 * one target, which no queue has): an interval of a queue is below target when the upper end of its
 * simulated 95 % interval is below the queue's target. A queue the shift plan leaves short of its
 * requirement (`planned`), and a simulated queue whose week lies below its target,
 * are shortfalls too, named with their figures. Without simulated queues the roster's verdict stands,
 * with those shortfalls added.
 */
export function withQueueVerdict(
  verdict: Verdict,
  result: PlanQueuesResult,
  planned?: PlanQueueCoverage,
  timeZone = 'UTC',
): Verdict {
  const simulatedShort = result.queues
    .filter((q) => q.simulated && !q.met)
    .map(
      (q) =>
        `queue ${q.name}: simulated SL ${pct(q.serviceLevel?.mean ?? null)} ` +
        `(95 % ${pct(q.serviceLevel?.low ?? null)} - ${pct(q.serviceLevel?.high ?? null)}) below its ` +
        `${pct(q.targetServiceLevel)} target`,
    );
  // The plan's own per-queue shortfall, unless the plan's verdict already names it.
  const plannedShort = planned ? queueShortfalls(planned).filter((x) => !verdict.shortfalls.includes(x)) : [];
  const extra = [...plannedShort, ...simulatedShort];
  const judged = judgeQueues(result, verdict.serviceLevel, timeZone);
  if (judged)
    return buildVerdict({
      shifts: verdict.shifts,
      hardRules: verdict.hardRules,
      coverage: [],
      targets: undefined,
      timeZone,
      extra,
      judged,
    });
  if (extra.length === 0) return verdict;
  const rest = verdict.line.replace(/^(met|falls short): /, '');
  return {
    ...verdict,
    met: false,
    line: `falls short: ${rest}; ${extra.join('; ')}`,
    shortfalls: [...verdict.shortfalls, ...extra],
  };
}

/**
 * The service level of the simulated queues, per queue and interval (intervals with contacts and a
 * simulated SL): volume-weighted mean, the interval furthest below its queue's target, and the
 * intervals whose whole 95 % interval lies below the target, with a sentence per queue that has any.
 * Null when no queue was simulated. Under-coverage figures stay those of `base` (the roster's).
 */
export function judgeQueues(
  result: PlanQueuesResult,
  base: VerdictServiceLevel,
  timeZone: string,
): { serviceLevel: VerdictServiceLevel; shortfalls: string[] } | null {
  const simulated = result.queues.filter((q) => q.simulated && q.targetServiceLevel !== null);
  if (simulated.length === 0) return null;
  let weighted = 0;
  let volume = 0;
  let below = 0;
  let worst: { queue: PlanQueueReport; sl: number; start: string } | null = null;
  const shortfalls: string[] = [];
  for (const q of simulated) {
    const target = q.targetServiceLevel as number;
    let queueBelow = 0;
    let queueWorst: { sl: number; start: string } | null = null;
    for (const iv of q.intervals) {
      const sim = iv.serviceLevelSimulated;
      if (!sim || sim.mean === null || !(iv.volume > 0)) continue;
      weighted += iv.volume * sim.mean;
      volume += iv.volume;
      if (worst === null || sim.mean - target < worst.sl - (worst.queue.targetServiceLevel as number))
        worst = { queue: q, sl: sim.mean, start: iv.start };
      if (sim.high === null || sim.high >= target - 1e-9) continue;
      queueBelow += 1;
      if (queueWorst === null || sim.mean < queueWorst.sl) queueWorst = { sl: sim.mean, start: iv.start };
    }
    below += queueBelow;
    if (queueWorst)
      shortfalls.push(
        `queue ${q.name}: ${queueBelow} interval${queueBelow === 1 ? '' : 's'} below its ${pct(target)} target ` +
          `by simulation (the whole 95 % interval under it), worst ${pct(queueWorst.sl)} at ` +
          `${clock(queueWorst.start, timeZone)}`,
      );
  }
  return {
    serviceLevel: {
      ...base,
      target: worst?.queue.targetServiceLevel ?? null,
      answerSeconds: worst?.queue.targetAnswerSeconds ?? null,
      volumeWeighted: volume > 0 ? weighted / volume : null,
      worst: worst?.sl ?? null,
      worstStart: worst?.start ?? null,
      intervalsBelowTarget: below,
      ...(worst ? { worstQueue: worst.queue.name } : {}),
      judgedBy: 'simulation',
    },
    shortfalls,
  };
}
