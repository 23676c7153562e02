import type { PlanQueuesResult } from '../app/plan-queues.js';
import { toCsv } from './csv.js';

export const QUEUES_CSV_COLUMNS = [
  'queue',
  'start',
  'volume',
  'requirement',
  'covered',
  'service_level_formula',
  'service_level_simulated',
  'service_level_simulated_low',
  'service_level_simulated_high',
  'planned_cover',
] as const;

/**
 * queues.csv of a multi-queue plan: per queue and interval its own requirement, the agents covering it
 * (on the phones with the skill), its service level by formula (alone at its requirement) and by
 * simulation of the roster with the 95 % interval (empty when not simulated or undefined), and the
 * agents the shift plan gives it (`planned_cover`; empty when the plan was not made per queue).
 */
export function queuesCsv(result: PlanQueuesResult): string {
  const blank = (x: number | null | undefined) => (x === null || x === undefined ? '' : x);
  const rows = result.queues.flatMap((q) =>
    q.intervals.map((i) => ({
      queue: q.name,
      start: i.start,
      volume: i.volume,
      requirement: i.requirement,
      covered: blank(i.covered),
      service_level_formula: i.serviceLevelFormula,
      service_level_simulated: blank(i.serviceLevelSimulated?.mean),
      service_level_simulated_low: blank(i.serviceLevelSimulated?.low),
      service_level_simulated_high: blank(i.serviceLevelSimulated?.high),
      planned_cover: blank(i.plannedCover),
    })),
  );
  return toCsv(rows, QUEUES_CSV_COLUMNS);
}
