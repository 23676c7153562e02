/**
 * Adapter: a validated plan config -> the pipeline's input, reading the files it names (paths
 * relative to the config file's folder) with the same readers as the single commands.
 */
import { isAbsolute, resolve } from 'node:path';
import { readHistory, readSpecialDays } from './history-files.js';
import { looksLikeJson, parseJsonText, readInputFile } from './files.js';
import type { ForecastOptions, HistoryInput } from '../forecast/types.js';
import type { IntervalMinutes } from '../time/instant.js';
import type { PlanConfig } from '../contracts/plan-config.js';
import type { PlanInput } from '../app/whole-plan.js';
import type { AgentsInput, RosterRulesInput } from '../contracts/roster.js';
import type { ShiftPlanRulesInput } from '../contracts/shift-plan.js';
import { agentsCsvToJson } from '../formats/agents-csv.js';
import { readPreviousRoster } from './previous-roster.js';

/**
 * Reads the config's files and returns the pipeline input (JSON as read; each part is validated
 * by its schema once, when the plan runs). Throws WfmError naming the config
 * field of a file that cannot be read or parsed.
 */
export function planInputFromConfig(config: PlanConfig, baseDir: string): PlanInput {
  const path = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  const history: HistoryInput =
    typeof config.history === 'string' ? readHistory(path(config.history)) : (config.history as HistoryInput);
  const { specialDays, intervalMinutes, ...forecastRest } = config.forecast;
  const forecast: ForecastOptions = {
    ...forecastRest,
    ...(intervalMinutes !== undefined ? { intervalMinutes: intervalMinutes as IntervalMinutes } : {}),
    ...(specialDays !== undefined
      ? { specialDays: typeof specialDays === 'string' ? readSpecialDays(path(specialDays)) : specialDays }
      : {}),
  };
  const json = (value: string | Record<string, unknown>, field: string): unknown =>
    typeof value === 'string' ? parseJsonText(readInputFile(path(value), field), `${field} ${value}`) : value;
  let agents: PlanInput['agents'];
  if (typeof config.agents === 'string') {
    const text = readInputFile(path(config.agents), 'agents');
    agents = looksLikeJson(config.agents, text)
      ? { json: parseJsonText(text, `agents ${config.agents}`) as AgentsInput }
      : agentsCsvToJson(text);
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
  };
}
