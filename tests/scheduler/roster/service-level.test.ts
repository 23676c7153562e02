/**
 * The roster re-computes its service level with the queue model the shift plan used: an Erlang A
 * queue is re-checked with Erlang A, not with Erlang C. The expected values are the shift plan's
 * own SL function (`serviceLevelFromQueue`) at the roster's on-phone counts, so the test holds
 * whatever the staffing core's numbers are.
 */
import { describe, expect, it } from 'vitest';
import { parseShiftPlanRules } from '../../../src/contracts/shift-plan.js';
import type { QueueParams } from '../../../src/erlang/types.js';
import { runRoster } from '../../../src/scheduler/roster/run.js';
import { planShifts } from '../../../src/scheduler/shift-plan/plan.js';
import { serviceLevelFromQueue } from '../../../src/scheduler/shift-plan/service-level.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { requirement } from '../shift-plan/helpers.js';
import { oneAgent, restRules } from './fixtures.js';

// One Monday, 60-minute intervals, 3 agents required 08:00-16:00; 40 calls an hour of 300 s.
const required = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? 3 : 0));
const erlangA: QueueParams = {
  model: 'erlang-a',
  targets: { serviceLevel: 0.8, answerSeconds: 20 },
  patienceSeconds: 120,
};

describe('roster service level', () => {
  it("re-computes an Erlang A queue's SL with the shift plan's SL function, at the same coverage", async () => {
    const slFn = serviceLevelFromQueue(erlangA)!;
    const plan = planShifts(
      {
        ...requirement(required),
        volume: required.map((r) => (r > 0 ? 40 : 0)),
        ahtSeconds: required.map(() => 300),
        queue: erlangA,
      },
      parseShiftPlanRules({ templates: [{ name: 'day8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00' }] }] })
        .rules,
      { highs: await loadSolver(), serviceLevel: slFn },
    );
    expect(plan.queue).toEqual(erlangA);
    const agents = ['ana', 'ben', 'cy', 'dee'].map((id) => oneAgent({ id, name: id }));
    const roster = runRoster(
      {
        plan,
        load: {
          volume: plan.coverage.map((c) => c.volume ?? null),
          ahtSeconds: plan.coverage.map((c) => c.ahtSeconds ?? null),
        },
        agents,
        rules: restRules(11),
        options: { seed: 1, timeLimitSeconds: 10, maxIterations: 20_000, answerSeconds: 20 },
      },
      () => 0,
    );
    const open = roster.coverage.filter((c) => c.required > 0);
    expect(open.length).toBe(8);
    for (const c of open) {
      // the same coverage as the plan: three on the phones, so the same SL as the plan's interval
      expect(c.onPhone).toBe(plan.coverage[c.slot]!.onPhone);
      expect(c.serviceLevel).toBe(slFn(40, 300, 60, c.onPhone));
      expect(c.serviceLevel).toBe(plan.coverage[c.slot]!.serviceLevel);
    }
    // Erlang C (no abandonment) would give a lower SL at the same staff: the model really differs.
    const erlangC = serviceLevelFromQueue({ model: 'erlang-c', targets: erlangA.targets })!;
    expect(erlangC(40, 300, 60, 3)).toBeLessThan(open[0]!.serviceLevel!);
  });
});
