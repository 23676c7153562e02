/**
 * The load the whole plan's roster re-computes its service level with (src/app/load-on-grid.ts):
 * the staffing's volume, at the AHT the shift plan was sized at for its agents' speed when the
 * plan's coverage gives one (docs/shift-plan.md, step 13 "Proficiency").
 */
import { describe, expect, it } from 'vitest';
import { loadOnPlanGrid } from '../../src/app/load-on-grid.js';
import type { CoverageInterval, ShiftPlan } from '../../src/scheduler/shift-plan/types.js';

const grid: ShiftPlan['grid'] = {
  start: '2026-03-02T08:00:00Z',
  intervalMinutes: 60,
  slotCount: 2,
  timeZone: 'UTC',
  cyclic: false,
};
const staffing = {
  intervalMinutes: 60,
  intervals: [
    { start: '2026-03-02T08:00:00Z', volume: 60, ahtSeconds: 180 },
    { start: '2026-03-02T09:00:00Z', volume: 30, ahtSeconds: 200 },
  ],
} as unknown as Parameters<typeof loadOnPlanGrid>[1];

describe('load on the plan grid', () => {
  it("takes the staffing's volume, at the AHT the plan was sized at for its agents (AHT x 1.5 here)", () => {
    expect(loadOnPlanGrid({ grid }, staffing)).toEqual({ volume: [60, 30], ahtSeconds: [180, 200] });
    const coverage = [{ ahtSeconds: 270 }, { ahtSeconds: 300 }] as CoverageInterval[];
    expect(loadOnPlanGrid({ grid, coverage }, staffing)).toEqual({ volume: [60, 30], ahtSeconds: [270, 300] });
  });
});
