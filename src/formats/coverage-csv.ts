import type { ShiftPlan } from '../scheduler/shift-plan/types.js';

/** Coverage rows for the CSV output (`--coverage-csv`), snake_case columns. */
export const COVERAGE_CSV_COLUMNS = [
  'start',
  'required',
  'on_shift',
  'on_phone',
  'on_break',
  'in_retraining',
  'over',
  'under',
  'service_level',
] as const;

export function coverageCsvRows(plan: ShiftPlan): Record<string, unknown>[] {
  return plan.coverage.map((c) => ({
    start: c.start,
    required: c.required,
    on_shift: c.onShift,
    on_phone: c.onPhone,
    on_break: c.onBreak,
    in_retraining: c.inRetraining,
    over: c.over,
    under: c.under,
    service_level: c.serviceLevel ?? '',
  }));
}
