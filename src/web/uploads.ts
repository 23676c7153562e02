/**
 * The page's uploads read by the same readers as the CLI: a history CSV (`wfm forecast --history`)
 * and an agents file, CSV or JSON (`wfm roster --agents`). Errors name the line and the field.
 * What comes back is what the page sends on to the API, with a few facts to show the user what
 * was loaded (rows, interval, date range, queues, agents, teams).
 */
import { agentsCsvToJson } from '../formats/agents-csv.js';
import { historyQueuesFromCsv } from '../formats/history-csv.js';
import { parseAgentsJson, type AgentInput } from '../contracts/roster.js';
import type { HistoryInput } from '../forecast/types.js';
import { looksLikeJson, parseJsonText } from '../io/files.js';

export type PageHistoryRow =
  { start: string; volume: number; ahtSeconds?: number } | { timestamp: string; handleSeconds?: number };

/** What the page shows of a loaded history. */
export interface HistoryFacts {
  rows: number;
  /** The most common step between interval starts, minutes; null for contact records or one row. */
  intervalMinutes: number | null;
  first: string | null;
  last: string | null;
}

/** The history rows as `/v1/forecast` takes them: no line numbers, no empty fields. */
export function pageHistoryRows(history: HistoryInput): PageHistoryRow[] {
  return history.map((row) =>
    'volume' in row
      ? {
          start: String(row.start),
          volume: row.volume,
          ...(row.ahtSeconds === undefined ? {} : { ahtSeconds: row.ahtSeconds }),
        }
      : {
          timestamp: String(row.timestamp),
          ...(row.handleSeconds === undefined ? {} : { handleSeconds: row.handleSeconds }),
        },
  );
}

/** Rows, interval and date range of a history. O(rows). */
export function historyFacts(rows: readonly PageHistoryRow[]): HistoryFacts {
  const times = rows.map((r) => ('start' in r ? r.start : r.timestamp));
  const steps = new Map<number, number>();
  if (rows.every((r) => 'start' in r)) {
    const ms = times.map((t) => Date.parse(t)).sort((a, b) => a - b);
    for (let i = 1; i < ms.length; i++) {
      const step = ((ms[i] as number) - (ms[i - 1] as number)) / 60_000;
      if (step > 0 && step <= 60) steps.set(step, (steps.get(step) ?? 0) + 1);
    }
  }
  const common = [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const sorted = [...times].sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    rows: rows.length,
    intervalMinutes: common ? common[0] : null,
    first: sorted[0] ?? null,
    last: sorted[sorted.length - 1] ?? null,
  };
}

/**
 * A history CSV: one queue (`history`) or several (`queues`, a `queue` column naming more than
 * one), with the facts of each. Errors as `historyQueuesFromCsv`: the line and the column.
 */
export function readHistoryUpload(csv: string): {
  queues: { queue: string; history: PageHistoryRow[]; facts: HistoryFacts }[];
} {
  return {
    queues: historyQueuesFromCsv(csv).map(({ queue, history }) => {
      const rows = pageHistoryRows(history);
      return { queue, history: rows, facts: historyFacts(rows) };
    }),
  };
}

/**
 * An agents file, CSV or JSON (by its name, else by its first character), checked as the CLI checks
 * it (`parseAgentsJson`: messages name the CSV line or the agent's index and the field) and given
 * back in its JSON form, the body `/v1/rosters` takes. `timeZone` reads local times (availability,
 * time off); `templates` are the shift templates agents may name, when the rules are loaded.
 */
export function readAgentsUpload(
  text: string,
  fileName: string,
  timeZone: string,
  templates?: readonly string[],
): { agents: AgentInput[]; format: 'csv' | 'json'; teams: number } {
  const known = templates ? { names: templates, complete: true } : undefined;
  const format = looksLikeJson(fileName, text) ? 'json' : 'csv';
  let agents: AgentInput[];
  if (format === 'json') {
    const data = parseJsonText(text, fileName || 'agents JSON');
    parseAgentsJson(data, timeZone, undefined, known);
    agents = (Array.isArray(data) ? data : (data as { agents: AgentInput[] }).agents) as AgentInput[];
  } else {
    const { json, rowLabels } = agentsCsvToJson(text);
    parseAgentsJson(json, timeZone, rowLabels, known);
    agents = json;
  }
  return { agents, format, teams: new Set(agents.map((a) => a.team ?? '')).size };
}
