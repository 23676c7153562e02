import { describe, expect, it } from 'vitest';
import { parseShiftPlanRules, type ShiftPlanRulesInput } from '../../../src/contracts/shift-plan.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { planShifts } from '../../../src/scheduler/shift-plan/plan.js';
import type { PlanRequirement } from '../../../src/scheduler/shift-plan/rules.js';
import type { SupplyAgent } from '../../../src/scheduler/shift-plan/supply-agents.js';
import type { ShiftPlan } from '../../../src/scheduler/shift-plan/types.js';
import { requirement } from './helpers.js';

async function planFor(req: PlanRequirement, rules: ShiftPlanRulesInput, agents?: SupplyAgent[]): Promise<ShiftPlan> {
  return planShifts(req, parseShiftPlanRules(rules).rules, {
    highs: await loadSolver(),
    ...(agents ? { agents } : {}),
  });
}

function agent(
  id: string,
  over: Partial<SupplyAgent['contract']> = {},
  avail: Partial<SupplyAgent['availability']> = {},
): SupplyAgent {
  return {
    id,
    contract: { minHoursPerWeek: 0, maxHoursPerWeek: 40, maxDaysPerWeek: 5, ...over },
    availability: { timeOff: [], ...avail },
  };
}

/** Hourly demand over `days` days, `agents` in [from, to) each day, 0 elsewhere. */
function days(count: number, from: number, to: number, agents: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < count; d++) for (let h = 0; h < 24; h++) out.push(h >= from && h < to ? agents : 0);
  return out;
}

const hourly = (from: string, to: string) => [{ from, to, stepMinutes: 60 }];
const shiftCount = (p: ShiftPlan, template?: string) =>
  p.shifts.filter((s) => !template || s.template === template).reduce((sum, s) => sum + s.count, 0);

describe('shift plan with the agents it has (supply)', () => {
  it('never plans a template nobody may work', async () => {
    // Demand 2 agents 08-12: one 4-hour 'pt4' per agent covers it for 8 paid hours, the cheapest plan
    // without agents; with agents allowed only 'ft8', 'pt4' must not appear (2 x ft8 = 16 paid hours).
    const rules: ShiftPlanRulesInput = {
      templates: [
        { name: 'pt4', paidMinutes: 240, starts: hourly('08:00', '08:00') },
        { name: 'ft8', paidMinutes: 480, starts: hourly('08:00', '08:00') },
      ],
    };
    const req = requirement(days(1, 8, 12, 2));
    const free = await planFor(req, rules);
    expect(shiftCount(free, 'pt4')).toBe(2);
    const agents = [agent('a', { templates: ['ft8'] }), agent('b', { templates: ['ft8'] })];
    const held = await planFor(req, rules, agents);
    expect(shiftCount(held, 'pt4')).toBe(0);
    expect(shiftCount(held, 'ft8')).toBe(2);
    expect(held.quality.underCoverageAgentIntervals).toBe(0);
    expect(held.supply).toMatchObject({ checked: true, agents: 2 });
  });

  it('caps the shifts working in an availability window by the agents whose window allows it, and names the shortfall', async () => {
    // Demand 3 agents 08-20 on one day; 'd8' starts 08:00 (8 h), 'e4' starts 16:00 (4 h). Of 5 agents,
    // 4 (team "day") have the window 08:00-16:00 and 1 may work any time: 08-16 is covered by three
    // of the day team, and at most 1 agent can be on a shift covering 16:00-20:00, so those 4 hours
    // are 2 agents short each (by construction).
    const rules: ShiftPlanRulesInput = {
      templates: [
        { name: 'd8', paidMinutes: 480, starts: hourly('08:00', '08:00') },
        { name: 'e4', paidMinutes: 240, starts: hourly('16:00', '16:00') },
      ],
    };
    const dayWindow = { windows: [{ fromMinute: 8 * 60, toMinute: 16 * 60 }] };
    const agents = [
      ...['d1', 'd2', 'd3', 'd4'].map((id) => ({ ...agent(id, {}, dayWindow), team: 'day' })),
      { ...agent('e1'), team: 'evening' },
    ];
    const p = await planFor(requirement(days(1, 8, 20, 3)), rules, agents);
    const late = p.shifts.filter((s) => s.endSlot > 16).reduce((sum, s) => sum + s.count, 0);
    expect(late).toBe(1);
    for (const c of p.coverage.slice(16, 20)) expect(c.onShift).toBeLessThanOrEqual(1);
    expect(p.shortfall).toHaveLength(1);
    const short = p.shortfall?.[0];
    expect(short).toMatchObject({ required: 3, available: 1, cause: 'too-few-agents', startSlot: 16, endSlot: 20 });
    expect(short?.reasons[0]).toEqual({ agents: 4, group: 'day', detail: 'windows end at 16:00' });
    expect(short?.message).toBe('Mon 16:00-20:00: 3 agents required, 1 can work then (4 day: windows end at 16:00).');
    expect(p.issues.some((i) => i.code === 'supply-short' && i.message === short?.message)).toBe(true);
  });

  it("keeps each group's weekly days and paid hours inside the contracts", async () => {
    // Demand 2 agents 08-16 on each of 5 days (10 eight-hour shifts). Group A: 2 agents at most 2 days;
    // group B: 1 agent at most 16 paid hours (5 days allowed). At most 2 x 2 + 2 = 6 shifts fit.
    const rules: ShiftPlanRulesInput = {
      templates: [{ name: 'ft8', paidMinutes: 480, starts: hourly('08:00', '08:00') }],
    };
    const agents = [
      { ...agent('a1', { maxDaysPerWeek: 2 }), team: 'A' },
      { ...agent('a2', { maxDaysPerWeek: 2 }), team: 'A' },
      { ...agent('b1', { maxHoursPerWeek: 16 }), team: 'B' },
    ];
    const p = await planFor(requirement(days(5, 8, 16, 2)), rules, agents);
    expect(shiftCount(p)).toBe(6);
    expect(p.quality.paidHours).toBe(48);
    expect(p.supply?.groups).toBe(2);
    // Every day keeps to the agents there are (at most 3 a day), and the short days are named.
    for (const s of p.shifts) expect(s.count).toBeLessThanOrEqual(3);
    expect(p.shortfall?.every((s) => s.cause === 'weekly-limits' && s.available === 3)).toBe(true);
    // 6 of the 10 shifts fit (above), so no plan for these agents covers more: 4 missing shifts x 8
    // hourly intervals = 32 agent-intervals short at least (the supply bound), as this plan; the
    // sentence names the weekly limits alone
    expect(p.quality.underCoverageAgentIntervals).toBe(32);
    expect(p.shortfall?.length).toBeGreaterThan(0);
    for (const s of p.shortfall ?? []) {
      expect(s.message).toContain('their weekly days and hours leave');
      expect(s.message).toContain('no plan for these agents leaves fewer than 32 short over the horizon; this plan 32');
      expect(s.message).not.toContain('coverage penalty');
    }
  });

  it('names the coverage penalty, not the weekly limits, when the agents could cover the run', async () => {
    // Demand 1 agent 08-16 on one day (hourly intervals); two agents who may work it. A short
    // agent-interval costs 0.01 (soft cover) against 8 paid hours for the shift: the plan leaves all
    // 8 intervals short although the agents could cover every one of them.
    const rules: ShiftPlanRulesInput = {
      templates: [{ name: 'ft8', paidMinutes: 480, starts: hourly('08:00', '08:00') }],
      coverage: { mode: 'soft', underPenaltyPerAgentInterval: 0.01 },
    };
    const p = await planFor(requirement(days(1, 8, 16, 1)), rules, [agent('a1'), agent('a2')]);
    expect(shiftCount(p)).toBe(0);
    expect(p.shortfall).toHaveLength(1);
    const short = p.shortfall?.[0];
    expect(short).toMatchObject({ cause: 'coverage-penalty', available: 2, underAgentIntervals: 8 });
    expect(short?.message).toContain('they could cover all but 0 of the 8 agent-intervals the plan leaves short here');
    expect(short?.message).toContain('the coverage penalty (0.01 per agent-interval) costs less than the shifts');
    expect(short?.message).not.toMatch(/their weekly days and hours leave/);
  });

  it('says it did not check supply when no agents are given', async () => {
    const rules: ShiftPlanRulesInput = {
      templates: [{ name: 'pt4', paidMinutes: 240, starts: hourly('08:00', '16:00') }],
    };
    const p = await planFor(requirement(days(1, 8, 12, 1)), rules);
    expect(p.supply).toMatchObject({ checked: false, agents: 0 });
    expect(p.shortfall).toEqual([]);
    expect(p.issues.some((i) => i.code === 'supply-unchecked')).toBe(true);
  });
});
