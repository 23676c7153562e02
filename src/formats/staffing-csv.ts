import { toCsv } from './csv.js';
import { type IntervalResult, type StaffingResponse } from '../contracts/staffing.js';

const BASE_COLUMNS = [
  'start',
  'volume',
  'ahtSeconds',
  'erlangs',
  'agents',
  'agentsFractional',
  'headcount',
  'serviceLevel',
  'asaSeconds',
  'occupancy',
  'probWait',
  'queueLength',
  'unstable',
  'evaluated',
  'met',
  'binding',
] as const;

const ABANDON_COLUMNS = [
  'abandonRate',
  'slAnsweredOfAnswered',
  'slWaitEndedWithin',
  'slVirtual',
  'asaVirtualSeconds',
  'asaAllSeconds',
  'blockRate',
  'abandonmentCapped',
] as const;

/** Every column the staffing CSV may carry (snake_case), so that readers of it accept its whole header. */
export const STAFFING_CSV_COLUMNS: readonly string[] = [...BASE_COLUMNS, ...ABANDON_COLUMNS, 'note'].map(snakeCase);

const INFINITE_WHEN_NULL = new Set(['asaSeconds', 'queueLength', 'asaVirtualSeconds', 'asaAllSeconds']);

export function snakeCase(key: string): string {
  return key.replace(/[A-Z0-9]+/g, (m) => `_${m.toLowerCase()}`);
}

/**
 * The per-interval CSV: the JSON keys in snake_case, numbers to 4 decimals (the JSON has them in
 * full); infinite means are written `Infinity`.
 */
export function staffingCsv(response: Pick<StaffingResponse, 'model' | 'intervals'>): string {
  const keys: string[] = [...BASE_COLUMNS, ...(response.model === 'erlang-c' ? [] : ABANDON_COLUMNS), 'note'];
  const rows = response.intervals.map((r: IntervalResult) => {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const value = (r as Record<string, unknown>)[key];
      out[snakeCase(key)] = value === null && INFINITE_WHEN_NULL.has(key) ? Infinity : value;
    }
    return out;
  });
  return toCsv(rows, keys.map(snakeCase), { decimals: 4 });
}

/** The headcount view as CSV: `start,agents,headcount`, one row per interval. */
export function headcountCsv(response: StaffingResponse): string {
  return toCsv(
    response.intervals.map((r) => ({ start: r.start, agents: r.agents, headcount: r.headcount })),
    ['start', 'agents', 'headcount'],
  );
}
