/**
 * A re-plan of the simulation cuts starts from the last plan as it was (docs/shift-plan.md,
 * "Skills"): its integer columns kept, the continuous ones (which class serves which queue, the
 * shortages) re-optimised by an LP.
 */
import { describe, expect, it } from 'vitest';
import { parseShiftPlanRules } from '../../../src/contracts/shift-plan.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { ModelBuilder } from '../../../src/scheduler/mip/sparse-model.js';
import type { ShiftPlanModel } from '../../../src/scheduler/shift-plan/model.js';
import { planShiftsSolved } from '../../../src/scheduler/shift-plan/plan.js';
import { raiseRequirement } from '../../../src/scheduler/shift-plan/skill-cuts.js';
import {
  completeStart,
  integerColumns,
  startFromIntegers,
} from '../../../src/scheduler/shift-plan/start-completion.js';
import { agents, erlangC, pooledDay, rules8 } from './fixtures.js';

/** Two integer shift columns (cost 8 each) covering a row needing 3, and a shortage column (cost 10 each). */
function tinyModel(): ShiftPlanModel {
  const mb = new ModelBuilder();
  const need = mb.addRow(3, Infinity);
  mb.addCol(8, 0, 5, true, [need], [1]);
  mb.addCol(8, 0, 5, true, [need], [1]);
  mb.addCol(10, 0, Infinity, false, [need], [1]);
  return { model: mb.build() } as ShiftPlanModel;
}

describe('the warm start of a re-plan', () => {
  it('keeps the integer columns and sets the continuous ones to their cheapest values', async () => {
    const highs = await loadSolver();
    const built = tinyModel();
    const done = completeStart(highs, built, Float64Array.from([1, 1, 0]), { seconds: 1, seed: 1 });
    // 2 shifts placed, the row needs 3: one agent-interval short (the LP's only feasible, cheapest value).
    expect(Array.from(done ?? [])).toEqual([1, 1, 1]);
    const full = completeStart(highs, built, Float64Array.from([2, 2, 7]), { seconds: 1, seed: 1 });
    expect(Array.from(full ?? [])).toEqual([2, 2, 0]);
  });

  it('takes an earlier plan’s integer columns only into a model with the same columns and bounds', () => {
    const built = tinyModel();
    const earlier = integerColumns(built, Float64Array.from([2, 1, 0.5]));
    expect(Array.from(earlier.cols)).toEqual([0, 1]);
    expect(Array.from(startFromIntegers(built, earlier) ?? [])).toEqual([2, 1, 0]);
    expect(startFromIntegers(built, { cols: Int32Array.from([0]), values: Float64Array.from([2]) })).toBeNull();
    expect(startFromIntegers(built, { cols: Int32Array.from([0, 1]), values: Float64Array.from([6, 1]) })).toBeNull();
  });

  it('a re-plan with one queue raised starts from the last plan: no dearer than it plus one more shift', async () => {
    const alone = erlangC(100, 180);
    const team = agents(Array.from({ length: 2 * alone + 2 }, (_, k) => ({ id: `a${k}`, skills: ['sales', 'tech'] })));
    const rules = parseShiftPlanRules({ ...rules8, solver: { timeLimitSeconds: 5, relativeGap: 0, seed: 1 } }).rules;
    const options = { highs: await loadSolver(), agents: team };
    const first = planShiftsSolved(pooledDay(100), rules, options);
    expect(first.solved.integers?.cols.length).toBeGreaterThan(0);
    const raised = raiseRequirement(pooledDay(100), [{ queue: 0, slot: 10 }]);
    const again = planShiftsSolved(raised, rules, { ...options, warmStart: first.solved });
    // The raise costs at most one 8-hour shift more (the test's plan solves to optimality either way;
    // the warm start is what the MIP keeps when its clock runs out on a large centre).
    expect(again.plan.quality.objective).toBeLessThanOrEqual(first.plan.quality.objective + 8 + 1e-6);
    expect(again.plan.queueCoverage?.queues[0]?.underAgentIntervals).toBe(0);
  });
});
