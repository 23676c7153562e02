/**
 * Days off decided with the shifts (docs/shift-plan.md, "Supply"): each agent group's shifts per day
 * are capped by its agents' day patterns under the roster's hard day rules, so the plan holds no
 * shift the roster cannot fill. Expected counts come from counting patterns by hand (comments).
 */
import { describe, expect, it } from 'vitest';
import { parseShiftPlanRules, type ShiftPlanRulesInput } from '../../../src/contracts/shift-plan.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { dayPatternRules } from '../../../src/scheduler/roster/day-pattern-rules.js';
import { rosterPlan } from '../../../src/scheduler/roster/roster.js';
import type { RosterAgent, RosterRules } from '../../../src/scheduler/roster/types.js';
import { keepsDayRules, maximalPatterns, NO_DAY_RULES } from '../../../src/scheduler/shift-plan/day-patterns.js';
import { planShifts } from '../../../src/scheduler/shift-plan/plan.js';
import type { ShiftPlan } from '../../../src/scheduler/shift-plan/types.js';
import { oneAgent, restRules } from '../roster/fixtures.js';
import { requirement } from './helpers.js';

const WEEK = 0b1111111;
const twoOff = { ...NO_DAY_RULES, twoConsecutiveDaysOffPerWeek: true };
const bits = (m: number) => [...Array(7).keys()].filter((i) => (m >> i) & 1);

describe('day patterns', () => {
  it('a full week at most 5 days with two consecutive days off: the 6 places of the pair of days off', () => {
    // 5 working days leave 2 off; they must be adjacent inside the week: (Mon,Tue) ... (Sat,Sun) = 6.
    const patterns = maximalPatterns(WEEK, 7, 5, twoOff);
    expect(patterns).toHaveLength(6);
    for (const p of patterns) {
      expect(bits(p)).toHaveLength(5);
      const off = bits(~p & WEEK);
      expect(off[1]! - off[0]!).toBe(1);
    }
  });

  it('keeps runs of days and of days off inside the week; runs at its edges are not cut short', () => {
    const rules = { ...NO_DAY_RULES, maxConsecutiveDays: 3, minConsecutiveDays: 2, minConsecutiveDaysOff: 2 };
    expect(keepsDayRules(0b0001111, 7, 7, rules)).toBe(false); // Mon-Thu: 4 in a row
    expect(keepsDayRules(0b1100111, 7, 7, rules)).toBe(true); // Mon-Wed, Sat-Sun
    expect(keepsDayRules(0b1101011, 7, 7, rules)).toBe(false); // a single day off between working days
    expect(keepsDayRules(0b0110011, 7, 7, rules)).toBe(true); // Mon-Tue, Fri-Sat: runs of 2
    expect(keepsDayRules(0b1000001, 7, 7, rules)).toBe(true); // Mon and Sun alone: runs at the edges
    expect(keepsDayRules(0b0000010, 7, 7, rules)).toBe(false); // Tue alone, inside the week
    // a partial week (5 days) has no two-days-off rule
    expect(keepsDayRules(0b11111, 5, 5, twoOff)).toBe(true);
  });
});

async function planWith(agents: RosterAgent[], roster: RosterRules | null): Promise<ShiftPlan> {
  const rules: ShiftPlanRulesInput = {
    templates: [{ name: 'd8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00', stepMinutes: 60 }] }],
  };
  // Monday 2026-03-02 for 7 days, 2 agents required 08-16 every day (hourly intervals).
  const required: number[] = [];
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) required.push(h >= 8 && h < 16 ? 2 : 0);
  return planShifts(requirement(required), parseShiftPlanRules(rules).rules, {
    highs: await loadSolver(),
    agents,
    ...(roster ? { dayRules: dayPatternRules(roster) } : {}),
  });
}

const shiftCount = (p: ShiftPlan) => p.shifts.reduce((t, s) => t + s.count, 0);

describe('shift plan with day patterns', () => {
  const agents = ['ana', 'ben'].map((id) =>
    oneAgent({ id, name: id, contract: { minHoursPerWeek: 0, maxHoursPerWeek: 56, maxDaysPerWeek: 6 } }),
  );

  it('never plans a group on more days than two consecutive days off allow, and the roster fills every shift', async () => {
    // 2 agents, at most 6 days each: 12 shifts without the rule; with two consecutive days off in
    // the week each works at most 5 days, so at most 10 of the 14 agent-days are planned.
    const loose = await planWith(agents, null);
    expect(shiftCount(loose)).toBe(12);
    const rules = { ...restRules(11), twoConsecutiveDaysOffPerWeek: true };
    const held = await planWith(agents, rules);
    expect(shiftCount(held)).toBe(10);
    const roster = rosterPlan(held, agents, rules, {
      seed: 1,
      timeLimitMs: 5000,
      maxIterations: 200_000,
      now: () => performance.now(),
      highs: await loadSolver(),
    });
    expect(roster.quality.shiftsFilled).toBe(10);
    expect(roster.score.feasible).toBe(true);
  });

  it('keeps the maximum days in a row, and leaves a soft rule out', async () => {
    // at most 3 days in a row over 7 days: at most 6 days (3 on, 1 off, 3 on) per agent, so 12;
    // the same rule soft in the roster does not hold the plan back (14, one a day each).
    const three = { ...restRules(11), maxConsecutiveDays: 3 };
    const one = [
      oneAgent({ contract: { minHoursPerWeek: 0, maxHoursPerWeek: 56, maxDaysPerWeek: 7 } }),
      oneAgent({ id: 'ben', contract: { minHoursPerWeek: 0, maxHoursPerWeek: 56, maxDaysPerWeek: 7 } }),
    ];
    expect(shiftCount(await planWith(one, three))).toBe(12);
    const soft = { ...three, settings: { maxConsecutiveDays: { hard: false } } };
    expect(shiftCount(await planWith(one, soft))).toBe(14);
  });
});
