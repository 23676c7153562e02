/**
 * Adapter: a validated plan config -> the pipeline's input, reading the files it names (paths
 * relative to the config file's folder) with the same readers as the single commands.
 */
import { isAbsolute, resolve } from 'node:path';
import { readHistory, readHistoryQueues, readSpecialDays } from './history-files.js';
import { WfmError, type WfmIssue } from '../errors.js';
import { looksLikeJson, parseJsonText, readInputFile } from './files.js';
import type { ForecastOptions, HistoryInput } from '../forecast/types.js';
import type { IntervalMinutes } from '../time/instant.js';
import type { PlanConfig } from '../contracts/plan-config.js';
import type { PlanInput } from '../app/whole-plan.js';
import type { AgentsInput, RosterRulesInput } from '../contracts/roster.js';
import type { ShiftPlanRulesInput } from '../contracts/shift-plan.js';
import { agentsCsvToJson } from '../formats/agents-csv.js';
import type { CsvReadOptions } from '../formats/csv.js';
import { readPreviousRoster } from './previous-roster.js';

/**
 * Reads the config's files and returns the pipeline input (JSON as read; each part is validated
 * by its schema once, when the plan runs). Throws WfmError naming the config
 * field of a file that cannot be read or parsed.
 */
export function planInputFromConfig(config: PlanConfig, baseDir: string, read: CsvReadOptions = {}): PlanInput {
  const path = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  const queues = config.queues ? planQueues(config, path) : undefined;
  const history: HistoryInput = queues
    ? (queues[0]?.history as HistoryInput)
    : typeof config.history === 'string'
      ? readHistory(path(config.history), read)
      : (config.history as HistoryInput);
  const { specialDays, intervalMinutes, ...forecastRest } = config.forecast;
  const forecast: ForecastOptions = {
    ...forecastRest,
    ...(intervalMinutes !== undefined ? { intervalMinutes: intervalMinutes as IntervalMinutes } : {}),
    ...(specialDays !== undefined
      ? { specialDays: typeof specialDays === 'string' ? readSpecialDays(path(specialDays), read) : specialDays }
      : {}),
  };
  const json = (value: string | Record<string, unknown>, field: string): unknown =>
    typeof value === 'string' ? parseJsonText(readInputFile(path(value), field), `${field} ${value}`) : value;
  let agents: PlanInput['agents'];
  if (typeof config.agents === 'string') {
    const text = readInputFile(path(config.agents), 'agents');
    agents = looksLikeJson(config.agents, text)
      ? { json: parseJsonText(text, `agents ${config.agents}`) as AgentsInput }
      : agentsCsvToJson(text, read);
  } else {
    agents = { json: config.agents as AgentsInput };
  }
  return {
    name: config.name ?? 'Workforce plan',
    history,
    forecast,
    staffing: config.staffing,
    shiftRules: json(config.shiftPlan, 'shiftPlan') as ShiftPlanRulesInput,
    agents,
    rosterRules: (config.roster.rules === undefined
      ? {}
      : json(config.roster.rules, 'roster.rules')) as RosterRulesInput,
    maxIterations: config.roster.maxIterations,
    ...(config.previousRoster === undefined
      ? {}
      : {
          previousRoster:
            typeof config.previousRoster === 'string'
              ? readPreviousRoster(path(config.previousRoster), `previousRoster ${config.previousRoster}`)
              : { json: config.previousRoster },
        }),
    limits: config.limits,
    seed: config.seed,
    ...(queues ? { queues, simulation: config.simulation } : {}),
  };
}

/** Each configured queue with its rows of the history (a CSV with a `queue` column); every name must match. */
function planQueues(config: PlanConfig, path: (p: string) => string): NonNullable<PlanInput['queues']> {
  if (typeof config.history !== 'string') {
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      'plan config queues: the history must be a CSV file with a queue column.',
      {
        issues: [{ path: ['history'], message: 'a file with a queue column is needed with queues' }],
      },
    );
  }
  const byName = new Map(readHistoryQueues(path(config.history)).map((q) => [q.queue, q.history]));
  const issues: WfmIssue[] = [];
  const out = (config.queues ?? []).map((q, k) => {
    const history = byName.get(q.name);
    if (!history) issues.push({ path: ['queues', k, 'name'], message: `no rows of queue "${q.name}" in the history` });
    const { name, priority, handleTimeCv, ...staffing } = q;
    return {
      name,
      priority,
      ...(handleTimeCv !== undefined ? { handleTimeCv } : {}),
      staffing,
      history: history as HistoryInput,
    };
  });
  for (const name of byName.keys()) {
    if (!config.queues?.some((q) => q.name === name))
      issues.push({ path: ['queues'], message: `the history has queue "${name}", which the config does not list` });
  }
  if (issues.length > 0) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `plan config queues: ${issues[0]?.message ?? ''}`, { issues });
  }
  return out;
}
