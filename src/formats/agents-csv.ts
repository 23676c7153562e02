/** The agents CSV: one row per agent, lists `|`-separated; read into the agents JSON form, then validated like JSON. */
import { parseAgentsJson, type AgentInput, type KnownTemplates } from '../contracts/roster.js';
import type { RosterAgent } from '../scheduler/roster/types.js';
import { csvNumber, parseCsv, type CsvReadOptions } from './csv.js';
import { WfmError } from '../errors.js';

/** CSV columns for agents (one row per agent; lists are `|`-separated). */
export const AGENT_CSV_COLUMNS = {
  required: ['id', 'max_hours'],
  optional: [
    'name',
    'team',
    'min_hours',
    'max_days',
    'templates',
    'days',
    'window_from',
    'window_to',
    'time_off',
    'preferred_days',
    'unwanted_days',
    'preferred_start_from',
    'preferred_start_to',
    'preference_weight',
    'seniority',
    'retraining_hours',
    'worked_previous_weekend',
    'rotation',
    'rotation_weeks',
    'rotation_phase',
    'skills',
    'proficiency',
    'hire_date',
  ],
} as const;

/** Other header names of the agents CSV columns (as `csvColumnName` writes them: `Agent ID` -> `agent_id`). */
export const AGENT_CSV_ALIASES: Readonly<Record<string, string>> = {
  agent_id: 'id',
  agent: 'id',
  employee_id: 'id',
  contract_hours: 'max_hours',
  weekly_hours: 'max_hours',
  max_weekly_hours: 'max_hours',
};

/** Reads agents from CSV text into the JSON form, then validates it like JSON; messages name CSV lines. */
export function parseAgentsCsv(
  text: string,
  timeZone: string,
  templates?: KnownTemplates,
  read: CsvReadOptions = {},
  queues?: readonly string[],
): RosterAgent[] {
  const { json, rowLabels } = agentsCsvToJson(text, read);
  return parseAgentsJson(json, timeZone, rowLabels, templates, queues);
}

/**
 * Reads agents from CSV text into their JSON form (not yet validated), with each agent's CSV line
 * as its label for messages (`line 7`).
 */
export function agentsCsvToJson(text: string, read: CsvReadOptions = {}): { json: AgentInput[]; rowLabels: string[] } {
  const { rows } = parseCsv(text, {
    required: AGENT_CSV_COLUMNS.required,
    optional: AGENT_CSV_COLUMNS.optional,
    what: 'agents',
    aliases: AGENT_CSV_ALIASES,
    ...read,
  });
  const list = (v: string | undefined): string[] | undefined =>
    v && v.trim() !== ''
      ? v
          .split(/[|,;]/)
          .map((x) => x.trim())
          .filter((x) => x !== '')
      : undefined;
  const days = (v: string | undefined): (number | string)[] | undefined =>
    list(v)?.map((x) => (/^\d+$/.test(x) ? Number(x) : (weekdayName(x) ?? x)));
  const json = rows.map((row) => {
    const c = row.cells;
    const what = 'agents';
    const weight = csvNumber(row, 'preference_weight', what, true) ?? 1;
    const preferences: unknown[] = [];
    if (days(c.preferred_days)) preferences.push({ type: 'preferred-day', days: days(c.preferred_days), weight });
    if (days(c.unwanted_days)) preferences.push({ type: 'unwanted-day', days: days(c.unwanted_days), weight });
    if (c.preferred_start_from || c.preferred_start_to)
      preferences.push({
        type: 'preferred-start',
        from: c.preferred_start_from || '00:00',
        to: c.preferred_start_to || '24:00',
        weight,
      });
    const retrainingHours = csvNumber(row, 'retraining_hours', what, true);
    return {
      id: c.id,
      ...(c.name ? { name: c.name } : {}),
      ...(c.team ? { team: c.team } : {}),
      contract: {
        maxHoursPerWeek: csvNumber(row, 'max_hours', what),
        ...(c.min_hours ? { minHoursPerWeek: csvNumber(row, 'min_hours', what) } : {}),
        ...(c.max_days ? { maxDaysPerWeek: csvNumber(row, 'max_days', what) } : {}),
        ...(list(c.templates) ? { templates: list(c.templates) } : {}),
        ...(c.rotation
          ? {
              rotation: {
                kind: c.rotation,
                weeks: csvNumber(row, 'rotation_weeks', what, true) ?? 1,
                ...(c.rotation_phase ? { phase: csvNumber(row, 'rotation_phase', what) } : {}),
              },
            }
          : {}),
      },
      availability: {
        ...(days(c.days) ? { days: days(c.days) } : {}),
        ...(c.window_from || c.window_to
          ? { windows: [{ from: c.window_from || '00:00', to: c.window_to || '24:00' }] }
          : {}),
        timeOff: (list(c.time_off) ?? []).map((date) => ({ date })),
      },
      preferences,
      ...(c.seniority ? { seniority: csvNumber(row, 'seniority', what) } : {}),
      ...(retrainingHours ? { retraining: { hoursNeeded: retrainingHours } } : {}),
      ...(list(c.skills) ? { skills: list(c.skills) } : {}),
      ...(list(c.proficiency) ? { proficiency: proficiencyOf(list(c.proficiency) as string[], row.line) } : {}),
      ...(c.hire_date ? { hireDate: c.hire_date } : {}),
      ...(c.worked_previous_weekend
        ? { workedPreviousWeekend: /^(1|true|yes)$/i.test(c.worked_previous_weekend) }
        : {}),
    };
  });
  return { json: json as AgentInput[], rowLabels: rows.map((row) => `line ${row.line}`) };
}

/** `sales:1.2|service:1` into `{ sales: 1.2, service: 1 }`; a pair without a number is an error naming the line. */
function proficiencyOf(pairs: readonly string[], line: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf(':');
    const factor = at > 0 ? Number(pair.slice(at + 1).replace(',', '.')) : NaN;
    if (!Number.isFinite(factor)) {
      throw new WfmError(
        'WFM_ERR_INPUT_INVALID',
        `agents (line ${line}): proficiency "${pair}" is not skill:factor (e.g. sales:1.2).`,
        { issues: [{ path: [`line ${line}`, 'proficiency'], message: 'expected skill:factor' }] },
      );
    }
    out[pair.slice(0, at).trim()] = factor;
  }
  return out;
}

const FULL_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** `Mon`, `mon`, `Monday` as `mon`; anything else undefined (left for the schema to name). */
function weekdayName(text: string): string | undefined {
  const k = text.trim().toLowerCase();
  const i = FULL_NAMES.findIndex((full) => full === k || full.slice(0, 3) === k);
  return i < 0 ? undefined : (FULL_NAMES[i] as string).slice(0, 3);
}
