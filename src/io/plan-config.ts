/**
 * Adapter: a validated plan config -> the pipeline's input, reading the files it names (paths
 * relative to the config file's folder) with the same readers as the single commands.
 */
import { isAbsolute, join } from 'node:path';
import { readHistory, readHistoryQueues, readSpecialDays } from './history-files.js';
import { WfmError, type WfmIssue } from '../errors.js';
import { looksLikeJson, parseJsonText } from './files.js';
import { namingFile, readInput } from './input-file.js';
import type { ForecastOptions, HistoryInput } from '../forecast/types.js';
import type { IntervalMinutes } from '../time/instant.js';
import type { PlanConfig } from '../contracts/plan-config.js';
import type { PlanInput, PlanSource } from '../app/whole-plan.js';
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
  // A file as the user can find it: the config's folder as given on the command line, joined with the entry.
  const path = (p: string) => (isAbsolute(p) ? p : join(baseDir, p));
  const sources: Partial<Record<PlanSource, string>> = {};
  const source = (field: PlanSource, value: unknown): void => {
    if (typeof value === 'string') sources[field] = path(value);
  };
  source('history', config.history);
  source('shiftPlan', config.shiftPlan);
  source('agents', config.agents);
  source('roster.rules', config.roster.rules);
  source('previousRoster', config.previousRoster);
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
    typeof value === 'string' ? readInput(path(value), field, (text) => parseJsonText(text, path(value))) : value;
  return {
    name: config.name ?? 'Workforce plan',
    history,
    forecast,
    staffing: config.staffing,
    shiftRules: json(config.shiftPlan, 'shiftPlan') as ShiftPlanRulesInput,
    agents: planAgents(config.agents, path, read),
    rosterRules: (config.roster.rules === undefined
      ? {}
      : json(config.roster.rules, 'roster.rules')) as RosterRulesInput,
    maxIterations: config.roster.maxIterations,
    ...(config.previousRoster === undefined
      ? {}
      : {
          previousRoster:
            typeof config.previousRoster === 'string'
              ? readPreviousRoster(path(config.previousRoster), 'previousRoster')
              : { json: config.previousRoster },
        }),
    limits: config.limits,
    seed: config.seed,
    ...(queues ? { queues, simulation: config.simulation } : {}),
    sources,
  };
}

/** The config's agents: inline JSON, or a JSON or CSV file (its columns checked here, its values by the plan). */
function planAgents(
  value: PlanConfig['agents'],
  path: (p: string) => string,
  read: CsvReadOptions,
): PlanInput['agents'] {
  if (typeof value !== 'string') return { json: value as AgentsInput };
  const file = path(value);
  return readInput(file, 'agents', (text) =>
    looksLikeJson(file, text) ? { json: parseJsonText(text, file) as AgentsInput } : agentsCsvToJson(text, read),
  );
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
  const file = path(config.history);
  const byName = new Map(readHistoryQueues(file).map((q) => [q.queue, q.history]));
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
    const fix = 'list every queue of the history under queues, each name as the queue column writes it';
    const error = new WfmError('WFM_ERR_INPUT_INVALID', `plan config queues: ${issues[0]?.message ?? ''}: ${fix}.`, {
      issues,
    });
    throw namingFile(error, file, 'the history of the config queues');
  }
  return out;
}
