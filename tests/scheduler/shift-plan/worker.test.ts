import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWfmError } from '../../../src/errors.js';
import type { ShiftPlan } from '../../../src/scheduler/shift-plan/types.js';
import { createPool, runTask, type WfmPool } from '../../../src/app/parallel/pool.js';
import { parseShiftPlanRequest } from '../../../src/contracts/shift-plan-request.js';

// Runs the compiled worker (dist/): `npm run build` first, as `npm test` does.
let pool: WfmPool;
beforeAll(() => {
  pool = createPool({ maxThreads: 1 });
});
afterAll(async () => {
  await pool.destroy();
});

const requirement = {
  intervalMinutes: 60,
  timeZone: 'UTC',
  intervals: Array.from({ length: 8 }, (_x, h) => ({
    start: `2026-03-02T${String(8 + h).padStart(2, '0')}:00:00Z`,
    agents: 2,
  })),
};

describe('shift plan on the worker pool', () => {
  it('plans through the shift-plan.solve handler (one HiGHS per worker thread)', async () => {
    // Computed by hand: 2 agents 08-16 with 4-hour shifts from 08:00 to 12:00 is 2 x 08:00 + 2 x 12:00 = 16 h.
    const payload = parseShiftPlanRequest({
      requirement,
      rules: { templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '12:00' }] }] },
    });
    const plan = (await runTask(pool, 'shift-plan.solve', payload)) as ShiftPlan;
    expect(plan.quality.paidHours).toBe(16);
    expect(plan.quality.underCoverageAgentIntervals).toBe(0);
  });

  it('refuses bad rules at the boundary, before any task, as a WfmError naming the field', async () => {
    const error = await Promise.resolve()
      .then(() => runTask(pool, 'shift-plan.solve', parseShiftPlanRequest({ requirement, rules: { templates: [] } })))
      .catch((e: unknown) => e);
    expect(isWfmError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('WFM_ERR_SCHEDULER_RULES');
    expect((error as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual(['templates']);
  });
});
