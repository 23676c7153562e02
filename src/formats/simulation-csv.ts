import type { CellOut, SimulationResult } from '../app/simulation.js';
import { toCsv } from './csv.js';

export const SIMULATION_COLUMNS = [
  'queue',
  'start',
  'offered',
  'service_level',
  'service_level_low',
  'service_level_high',
  'asa_seconds',
  'asa_seconds_low',
  'asa_seconds_high',
  'abandon_rate',
  'abandon_rate_low',
  'abandon_rate_high',
  'occupancy',
  'occupancy_low',
  'occupancy_high',
] as const;

const blank = (x: number | null): number | string => (x === null ? '' : x);

function triple(prefix: string, c: CellOut): Record<string, number | string> {
  return { [prefix]: blank(c.mean), [`${prefix}_low`]: blank(c.low), [`${prefix}_high`]: blank(c.high) };
}

/**
 * One CSV row per queue and interval of a simulation: the means and the bounds of their 95 %
 * confidence intervals (empty where undefined: no contact offered in any replication).
 */
export function simulationCsv(result: SimulationResult): string {
  const rows: Record<string, unknown>[] = [];
  for (const q of result.queues) {
    for (const i of q.intervals) {
      rows.push({
        queue: q.name,
        start: i.start,
        offered: blank(i.offered.mean),
        ...triple('service_level', i.serviceLevel),
        ...triple('asa_seconds', i.asaSeconds),
        ...triple('abandon_rate', i.abandonRate),
        ...triple('occupancy', i.occupancy),
      });
    }
  }
  return toCsv(rows, SIMULATION_COLUMNS);
}
