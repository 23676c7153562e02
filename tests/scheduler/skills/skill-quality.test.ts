/**
 * A multi-skill plan's cost counts each queue's shortage at its priority weight, as its model does
 * (docs/shift-plan.md, "Skills": the under-coverage penalty, 1000 in hard mode, times 1 for the lowest
 * priority plus 0.25 per step up), so the cost is never below its LP bound.
 */
import { describe, expect, it } from 'vitest';
import { parseShiftPlanRules } from '../../../src/contracts/shift-plan.js';
import { parseAgentsJson } from '../../../src/contracts/roster.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { planShifts } from '../../../src/scheduler/shift-plan/plan.js';
import { requirement } from '../shift-plan/helpers.js';

const hours = (from: number, to: number, agents: number) =>
  Array.from({ length: 24 }, (_, h) => (h >= from && h < to ? agents : 0));

describe('multi-skill plan cost', () => {
  it('weighs a higher-priority queue short by its weight: cost = paid hours + 1000 x 1.25 x short', async () => {
    // tech (priority 1, weight 1.25) needs 3 agents 08-16 and has one agent with its skill; sales
    // (priority 0) needs 2 and has five: 3 shifts of 8 h, tech 2 short in each of 8 hours = 16
    // agent-intervals (by construction, as in tests/scheduler/skills/skill-plan.test.ts).
    const sales = hours(8, 16, 2);
    const tech = hours(8, 16, 3);
    const req = {
      ...requirement(sales.map((x, i) => x + (tech[i] as number))),
      queues: [
        { name: 'sales', priority: 0, required: sales },
        { name: 'tech', priority: 1, required: tech },
      ],
    };
    const agents = parseAgentsJson(
      [
        { id: 't1', contract: { maxHoursPerWeek: 40 }, skills: ['tech'] },
        ...[1, 2, 3, 4, 5].map((k) => ({ id: `s${k}`, contract: { maxHoursPerWeek: 40 }, skills: ['sales'] })),
      ],
      'UTC',
    );
    const rules = { templates: [{ name: 'd8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00' }] }] };
    const p = planShifts(req, parseShiftPlanRules(rules).rules, { highs: await loadSolver(), agents });
    expect(p.queueCoverage?.queues.map((q) => q.underAgentIntervals)).toEqual([0, 16]);
    expect(p.quality.paidHours).toBe(24);
    expect(p.quality.objective).toBeCloseTo(24 + 1000 * 1.25 * 16, 6);
    expect(p.quality.objective).toBeGreaterThanOrEqual(p.quality.lpBound - 1e-6);
  });
});
