/**
 * The solver-memory limit: a model whose estimated HiGHS heap is over the 2 GiB WebAssembly heap
 * is refused before the solver is called (WFM_ERR_INPUT_TOO_LARGE naming the size and the limit),
 * instead of aborting HiGHS after a long solve.
 */
import { describe, expect, it } from 'vitest';
import { runShiftPlan } from '../../../src/app/shift-plan.js';
import { parseShiftPlanRules } from '../../../src/contracts/shift-plan.js';
import { isWfmError, type WfmError } from '../../../src/errors.js';
import { MAX_MODEL_NONZEROS, estimateSolverBytes, SOLVER_HEAP_BYTES } from '../../../src/scheduler/mip/model-size.js';
import type { Highs } from '../../../src/scheduler/mip/solve.js';

/** A solver that must not be reached. */
const untouchable = new Proxy({} as Highs, {
  get: () => {
    throw new Error('the solver was called');
  },
});

function refusal(run: () => unknown): WfmError {
  try {
    run();
  } catch (error) {
    if (isWfmError(error)) return error;
    throw error;
  }
  throw new Error('expected a WfmError');
}

describe('the solver-memory limit', () => {
  it('a 24/7 month at 5 minutes with starts every 5 minutes is refused before HiGHS is called', () => {
    // 6,720 intervals (the request limit) x 4 templates starting at every interval: each of the
    // 26,880 shift columns covers 48-96 intervals, about 2.0 million nonzeros in one block.
    const rows = Array.from({ length: 6_720 }, (_x, i) => ({
      start: new Date(Date.UTC(2026, 2, 2) + i * 300_000).toISOString(),
      agents: 20 + (i % 288 < 144 ? 30 : 0),
      where: ['row', i],
    }));
    const templates = [240, 360, 420, 480].map((paidMinutes) => ({
      name: `t${paidMinutes}`,
      paidMinutes,
      starts: [{ from: '00:00', to: '23:55' }],
    }));
    const rules = parseShiftPlanRules({ templates });
    const error = refusal(() => runShiftPlan({ rows, intervalMinutes: 5 }, rules, { highs: untouchable }));
    expect(error.code).toBe('WFM_ERR_INPUT_TOO_LARGE');
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/over the limit of 2,048 MiB \(HiGHS's WebAssembly heap\)/);
    expect(error.message).toMatch(/\d[\d,]* nonzeros/);
  });

  it('the limit is the 2 GiB heap, and MAX_MODEL_NONZEROS is the largest count under it', () => {
    expect(SOLVER_HEAP_BYTES).toBe(2 ** 31);
    const lines = { numCols: 0, numRows: 0 };
    expect(estimateSolverBytes({ ...lines, indices: new Int32Array(MAX_MODEL_NONZEROS) })).toBeLessThanOrEqual(2 ** 31);
    expect(estimateSolverBytes({ ...lines, indices: new Int32Array(MAX_MODEL_NONZEROS + 1) })).toBeGreaterThan(2 ** 31);
  });
});
