/**
 * The whole plan: history -> forecast -> staffing -> shift plan -> roster -> summary. Orchestrates
 * the use cases of each part with typed hand-offs (each stage's result goes to the next as it is,
 * with no JSON in between; no fs, no clock, no console): the solver, the clock and the progress
 * callback are passed in, and everything comes back in memory for an adapter to write
 * (src/io/plan-folder.ts renders the report and writes the folder).
 */
import { WfmError, isWfmError } from '../errors.js';
import { forecast } from '../forecast/forecast.js';
import type { ForecastOptions, ForecastResult, HistoryInput } from '../forecast/types.js';
import {
  parseAgentsJson,
  parseRosterRules,
  ROSTER_MAX_DAYS,
  type AgentsInput,
  type RosterRulesInput,
} from '../contracts/roster.js';
import { PLAN_SIMULATION_REPLICATIONS, type PlanStaffing } from '../contracts/plan-config.js';
import { parseShiftPlanRules, type ShiftPlanRulesInput } from '../contracts/shift-plan.js';
import { requirementFromStaffing, runShiftPlan, simulationCheckOf } from './shift-plan.js';
import { parseStaffingRequest, type StaffingResponse } from '../contracts/staffing.js';
import { staffRequest } from './staffing.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import { runRoster } from '../scheduler/roster/run.js';
import type { Highs } from '../scheduler/mip/solve.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';
import { loadOnPlanGrid } from './load-on-grid.js';
import { buildSummary, type PlanSummary } from './summary.js';
import { checkPreviousBefore, parsePreviousRoster, type ParsedPrevious } from '../contracts/previous-roster.js';
import type { PreviousRoster } from '../scheduler/roster/types.js';
import { pickPreviousWeek } from './previous-week.js';
import { combineForecasts, combineStaffing } from './combine-queues.js';
import { simulatePlanQueues, withQueueVerdict, type PlanQueuesResult } from './plan-queues.js';

/** The steps, in order, with their share of the progress bar (the solver steps dominate). */
export const PLAN_STEPS = [
  { step: 'forecast', label: 'forecast', weight: 10 },
  { step: 'staffing', label: 'staffing', weight: 5 },
  { step: 'shift-plan', label: 'shift plan (MIP)', weight: 40 },
  { step: 'roster', label: 'roster', weight: 40 },
  { step: 'report', label: 'report', weight: 5 },
] as const;
export type PlanStep = (typeof PLAN_STEPS)[number]['step'];

/** A progress event: a step starts or ends. `fraction` is the share of the whole work done, 0..1. */
export interface PlanProgress {
  step: PlanStep;
  label: string;
  /** 1-based position of the step, and the number of steps. */
  index: number;
  total: number;
  phase: 'start' | 'done';
  fraction: number;
  /** On 'done': the step's wall time by the injected clock, ms. */
  elapsedMs?: number;
  /** On 'done': a one-line result, e.g. "672 intervals, method combo". */
  detail?: string;
  /** On 'start': the step's time limit, seconds, when it has one. */
  timeLimitSeconds?: number;
}

/**
 * The pipeline's input: the config with its files already read (by the adapter), each part in the
 * form its schema accepts. `runPlan` parses each part once, before the long steps.
 */
export interface PlanInput {
  name: string;
  history: HistoryInput;
  forecast: ForecastOptions;
  /** The queue fields of a staffing request (model, target, shrinkage, ...). */
  staffing: PlanStaffing;
  /** Shift-plan rules (docs/shift-plan.md). */
  shiftRules: ShiftPlanRulesInput;
  /**
   * Agents in their JSON form (a list, or `{ agents }`). `rowLabels` names each agent in messages
   * instead of its index (e.g. `line 7` for an agent read from a CSV file).
   */
  agents: { json: AgentsInput; rowLabels?: readonly string[] };
  rosterRules: RosterRulesInput;
  /**
   * The previous week: read from a file (parsed), or JSON as given (`{ json }`, parsed by
   * `runPlan`), or the centre's published rosters (`{ candidates }`: the one ending latest before
   * the horizon is taken, none when none does).
   */
  previousRoster?: ParsedPrevious | { json: unknown } | { candidates: ParsedPrevious[] };
  maxIterations?: number | undefined;
  limits: { shiftPlanSeconds: number; rosterSeconds: number };
  seed: number;
  /**
   * Several queues (the config's `queues`): each with its history, forecast and staffed alone; the
   * shift plan and the roster cover their summed requirement, and the roster is simulated per queue.
   * `history` and `staffing` above are then unused.
   */
  queues?: { name: string; priority: number; handleTimeCv?: number; staffing: PlanStaffing; history: HistoryInput }[];
  simulation?: { replications: number };
  /**
   * The files the parts were read from, as the user named them (`history`, `shiftPlan`, `agents`,
   * `roster.rules`, `previousRoster`): an error in a part names its file before the config field.
   */
  sources?: Partial<Record<PlanSource, string>>;
}

/** The config fields whose value may be a file. */
export type PlanSource = 'history' | 'shiftPlan' | 'agents' | 'roster.rules' | 'previousRoster';

export interface PlanDeps {
  /** A loaded HiGHS solver. */
  highs: Highs;
  /** A monotonic clock, ms (time limits are measured with it). */
  now: () => number;
  onProgress?: (event: PlanProgress) => void;
}

/** Everything the pipeline produced (written by the adapter as files). */
export interface PlanArtifacts {
  forecast: ForecastResult;
  staffing: StaffingResponse;
  shiftPlan: ShiftPlan;
  roster: RosterResult;
  summary: PlanSummary;
  /** The week before the roster, when one was given or found (its rules carried across the edge). */
  previous?: PreviousRoster;
  /** A multi-queue plan: each queue's forecast and staffing, and the roster simulated per queue. */
  queues?: { names: string[]; forecasts: ForecastResult[]; staffing: StaffingResponse[]; verdict: PlanQueuesResult };
  /** Wall time of each step by the injected clock, ms (not part of summary.json: not reproducible). */
  stepMs: Record<PlanStep, number>;
}

/**
 * Runs the whole plan. Inputs are checked before the long steps start (rules and agents parse
 * first), and every error names the config field it comes from (`staffing.target.serviceLevel`,
 * `shiftPlan.templates[0].paidMinutes`, `agents[3].contract`). Throws WfmError; the adapter writes
 * nothing unless this returns.
 *
 * Complexity: dominated by the shift-plan MIP and the roster search, each bounded by its limit.
 *
 * @example const artifacts = runPlan(input, { highs: await loadSolver(), now: () => performance.now() })
 */
export function runPlan(input: PlanInput, deps: PlanDeps): PlanArtifacts {
  const tracker = progressTracker(deps);
  // Parse every part first, so that a bad rules file fails in milliseconds, not after the forecast.
  const sources = input.sources ?? {};
  const shiftRules = within(
    'shiftPlan',
    () => parseShiftPlanRules(withSeed(input.shiftRules, input.seed)),
    sources.shiftPlan,
  );
  const rosterRules = within('roster.rules', () => parseRosterRules(input.rosterRules ?? {}), sources['roster.rules']);
  const timeZone = shiftRules.timeZone ?? input.forecast.timeZone ?? 'UTC';
  const templates = { names: shiftRules.rules.templates.map((t) => t.name), complete: true };
  const agents = within(
    'agents',
    () =>
      parseAgentsJson(
        input.agents.json,
        timeZone,
        input.agents.rowLabels,
        templates,
        input.queues?.map((q) => q.name),
      ),
    sources.agents,
  );
  if ((input.forecast.weeks ?? 1) * 7 > ROSTER_MAX_DAYS)
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      `forecast.weeks: ${input.forecast.weeks} weeks; the roster takes at most ${ROSTER_MAX_DAYS / 7} weeks at once.`,
      { issues: [{ path: ['forecast', 'weeks'], message: `at most ${ROSTER_MAX_DAYS / 7} for a whole plan` }] },
    );
  const previousInput = input.previousRoster;
  const previousGiven =
    previousInput && 'json' in previousInput
      ? parsePreviousRoster(previousInput.json, 'previousRoster')
      : previousInput;

  const queues = input.queues;
  const forecasts = tracker.run(
    'forecast',
    undefined,
    () =>
      ofHistoryFile(sources.history, () =>
        queues ? queues.map((q) => forecast(q.history, input.forecast)) : [forecast(input.history, input.forecast)],
      ),
    (f) =>
      `${f[0]?.intervals.length ?? 0} intervals, method ` +
      (queues ? f.map((x, k) => `${queues[k]?.name}: ${x.method}`).join(', ') : (f[0]?.method ?? '')),
  );
  const staffed = tracker.run(
    'staffing',
    undefined,
    () => staffAll(forecasts, input),
    ({ staffing: s }) => `peak ${s.totals.peakAgents} agents, ${round1(s.totals.agentHours)} agent-hours`,
  );
  const { forecast: forecastResult, staffing } = staffed;
  const shiftPlan = tracker.run(
    'shift-plan',
    input.limits.shiftPlanSeconds,
    () =>
      within(
        'shiftPlan',
        () =>
          runShiftPlan(requirementFromStaffing(staffing), shiftRules, {
            highs: deps.highs,
            timeLimitSeconds: input.limits.shiftPlanSeconds,
            timeZone,
            agents,
            rosterRules,
            ...(queues
              ? {
                  simulationCheck: simulationCheckOf(input.seed, deps.now, input.simulation?.replications),
                  queues: queues.map((q, k) => ({
                    name: q.name,
                    priority: q.priority,
                    requirement: requirementFromStaffing(staffed.perQueue[k] as StaffingResponse),
                  })),
                }
              : {}),
          }),
        sources.shiftPlan,
      ),
    (p) =>
      `${p.quality.status}, ${p.quality.paidHours} paid h, cost ${round1(p.quality.objective)} vs LP bound ` +
      `${round1(p.quality.lpBound)}`,
  );
  let previous: PreviousRoster | undefined;
  const rostered = tracker.run(
    'roster',
    input.limits.rosterSeconds,
    () => {
      const options = {
        seed: input.seed,
        timeLimitSeconds: input.limits.rosterSeconds,
        maxIterations: input.maxIterations ?? 5_000_000,
        answerSeconds: (staffing.target.answerSeconds as number | undefined) ?? 20,
      };
      const load = loadOnPlanGrid(shiftPlan, staffing);
      previous = previousOfPlan(previousGiven, shiftPlan);
      return runRoster(
        { plan: shiftPlan, load, agents, rules: rosterRules, ...(previous ? { previous } : {}), options },
        deps.now,
        deps.highs,
      );
    },
    (r) =>
      `${r.quality.shiftsFilled}/${r.quality.shiftsRequired} shifts filled, ` +
      (r.score.feasible ? 'no hard violations' : `hard violations ${r.score.hard}`),
  );
  const verdict =
    queues &&
    simulatePlanQueues(
      queues.map((q, k) => ({ ...q, response: staffed.perQueue[k] as StaffingResponse })),
      rostered,
      agents,
      {
        seed: input.seed,
        replications: input.simulation?.replications ?? PLAN_SIMULATION_REPLICATIONS,
        planned: shiftPlan.queueCoverage,
        learningCurve: shiftRules.rules.learningCurve,
      },
    );
  // A queue the plan leaves short, or whose simulated SL falls short, makes the plan fall short, named in its verdict.
  const roster = verdict
    ? { ...rostered, verdict: withQueueVerdict(rostered.verdict, verdict, shiftPlan.queueCoverage, timeZone) }
    : rostered;
  const summary = tracker.run(
    'report',
    undefined,
    () => buildSummary({ name: input.name, forecast: forecastResult, staffing, shiftPlan, roster, queues: verdict }),
    (s) => `${s.roster.shiftsFilled}/${s.roster.shiftsRequired} shifts filled`,
  );
  const artifacts: PlanArtifacts = {
    forecast: forecastResult,
    staffing,
    shiftPlan,
    roster,
    summary,
    ...(previous ? { previous } : {}),
    stepMs: tracker.stepMs,
  };
  if (queues && verdict) {
    const names = queues.map((q) => q.name);
    artifacts.queues = { names, forecasts, staffing: staffed.perQueue, verdict };
  }
  return artifacts;
}

/** Each queue staffed alone on its forecast (errors name `queues[k]`), then summed for the shift plan. */
function staffAll(
  forecasts: readonly ForecastResult[],
  input: PlanInput,
): { forecast: ForecastResult; staffing: StaffingResponse; perQueue: StaffingResponse[] } {
  const queues = input.queues;
  if (!queues) {
    const f = forecasts[0] as ForecastResult;
    return { forecast: f, staffing: staffForecast(f, input.staffing), perQueue: [] };
  }
  const perQueue = queues.map((q, k) =>
    within(`queues.${k}`, () => staffForecast(forecasts[k] as ForecastResult, q.staffing)),
  );
  const names = queues.map((q) => q.name);
  return {
    forecast: combineForecasts(forecasts, names),
    staffing: combineStaffing(perQueue, names),
    perQueue,
  };
}

/** The previous week of the plan's horizon: the one given (checked to end before it), or the store's pick. */
function previousOfPlan(
  given: ParsedPrevious | { candidates: ParsedPrevious[] } | undefined,
  plan: ShiftPlan,
): PreviousRoster | undefined {
  if (!given) return undefined;
  if ('candidates' in given) return pickPreviousWeek(given.candidates, plan.grid)?.previous;
  checkPreviousBefore(given, plan.grid, 'previousRoster');
  return given.previous;
}

/** The staffing request for a forecast: its intervals with the configured queue. */
export function staffForecast(result: ForecastResult, queue: PlanStaffing): StaffingResponse {
  const intervals = result.intervals.map((row, i) => {
    if (row.ahtSeconds === null && row.volume > 0) {
      throw new WfmError(
        'WFM_ERR_INPUT_INVALID',
        `The history has no handle times (forecast interval ${row.start}): set forecast.defaultAhtSeconds ` +
          `in the config.`,
        {
          issues: [
            {
              path: ['forecast', 'defaultAhtSeconds'],
              message: `needed: intervals[${i}] has volume but no handle time`,
            },
          ],
        },
      );
    }
    return {
      start: row.start,
      volume: row.volume,
      ahtSeconds: row.ahtSeconds ?? 0,
      volumeP10: row.volumeP10,
      volumeP90: row.volumeP90,
    };
  });
  return within('staffing', () =>
    staffRequest(
      parseStaffingRequest({ ...queue, intervalMinutes: result.intervalMinutes, timeZone: result.timeZone, intervals }),
    ),
  );
}

/** The config's seed is the MIP's seed unless the rules give one. */
function withSeed(rules: ShiftPlanRulesInput, seed: number): ShiftPlanRulesInput {
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return rules;
  const solver = (rules as { solver?: unknown }).solver;
  if (solver !== undefined && (solver === null || typeof solver !== 'object')) return rules;
  const given = (solver ?? {}) as Record<string, unknown>;
  return { ...rules, solver: { ...given, seed: given.seed ?? seed } } as ShiftPlanRulesInput;
}

/**
 * Runs `fn`; an input WfmError (4xx) from it gets `prefix` on its issue paths and message, so it
 * names the config field, and names `file` first when the field's value was read from one.
 */
function within<T>(prefix: string, fn: () => T, file?: string): T {
  try {
    return fn();
  } catch (error) {
    if (!isWfmError(error) || error.status >= 500) throw error; // a solver failure is not the config's
    const head = prefix.split('.');
    const issues = error.issues.map((issue) => ({ ...issue, path: [...head, ...issue.path] }));
    const message = `${file === undefined ? '' : `${file} (`}plan config ${prefix}${file === undefined ? '' : ')'}`;
    throw new WfmError(error.code, `${message}: ${error.message}`, {
      issues,
      cause: error,
      ...(file === undefined ? {} : { file }),
    });
  }
}

/** Runs the forecast; an error about the history's rows or length names its file, when it was read from one. */
function ofHistoryFile<T>(file: string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const rows =
      isWfmError(error) &&
      (error.code === 'WFM_ERR_FORECAST_HISTORY_SHORT' ||
        error.issues.some((issue) => issue.path.some((part) => part === 'line' || part === 'history')));
    if (file === undefined || !rows || error.file !== undefined) throw error;
    throw new WfmError(error.code, `${file} (plan config history): ${error.message}`, {
      issues: error.issues,
      cause: error,
      file,
    });
  }
}

function progressTracker(deps: PlanDeps) {
  const totalWeight = PLAN_STEPS.reduce((s, x) => s + x.weight, 0);
  const stepMs = {} as Record<PlanStep, number>;
  let doneWeight = 0;
  return {
    stepMs,
    run<T>(step: PlanStep, timeLimitSeconds: number | undefined, fn: () => T, detail: (value: T) => string): T {
      const index = PLAN_STEPS.findIndex((s) => s.step === step);
      const meta = PLAN_STEPS[index] as (typeof PLAN_STEPS)[number];
      const base = { step, label: meta.label, index: index + 1, total: PLAN_STEPS.length };
      deps.onProgress?.({
        ...base,
        phase: 'start',
        fraction: doneWeight / totalWeight,
        ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}),
      });
      const t0 = deps.now();
      const value = fn();
      stepMs[step] = deps.now() - t0;
      doneWeight += meta.weight;
      deps.onProgress?.({
        ...base,
        phase: 'done',
        fraction: doneWeight / totalWeight,
        elapsedMs: stepMs[step],
        detail: detail(value),
      });
      return value;
    },
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
