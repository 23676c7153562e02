/** The verdict object (docs/semantics.md, "Verdict") and the figures beside it: bounds and time off. */
import { describe, expect, it } from 'vitest';
import { breachesText, buildVerdict } from '../../src/scheduler/shift-plan/verdict.js';
import { ruleBreach, rosterVerdict } from '../../src/scheduler/roster/verdict.js';
import { rosterPlan } from '../../src/scheduler/roster/roster.js';
import { checkRoster } from '../../src/scheduler/rules-check/index.js';
import type { RosterResult } from '../../src/scheduler/roster/result-types.js';
import { plan, requirement } from './shift-plan/helpers.js';
import { generateInstance } from './roster/generate.js';

const cell = (start: string, serviceLevel: number | null, volume: number, under = 0) => ({
  start,
  serviceLevel,
  volume,
  under,
});

describe('buildVerdict', () => {
  it('judges every interval with contacts against the target and names the worst', () => {
    // By hand: SL 0.9 and 0.5 on 10 contacts each -> volume-weighted 0.7; one interval below 0.8.
    const v = buildVerdict({
      shifts: null,
      hardRules: null,
      coverage: [
        cell('2026-06-01T09:00:00Z', 0.9, 10),
        cell('2026-06-01T09:15:00Z', 0.5, 10, 1),
        cell('2026-06-01T09:30:00Z', null, 0),
      ],
      targets: { serviceLevel: 0.8, answerSeconds: 20 },
      timeZone: 'UTC',
    });
    expect(v.met).toBe(false);
    expect(v.serviceLevel).toMatchObject({ volumeWeighted: 0.7, worst: 0.5, intervalsBelowTarget: 1 });
    expect(v.line).toBe(
      'falls short: worst interval SL 50.0 % at Mon 01/06 09:15 (target 80.0 % in 20 s); 1 intervals below target',
    );
    expect(v.shortfalls).toEqual(['1 intervals below the 80.0 % target, worst 50.0 % at Mon 01/06 09:15']);
  });

  it('is met when every interval reaches the target', () => {
    const v = buildVerdict({
      shifts: { required: 3, filled: 3, unfilled: 0 },
      hardRules: { met: true, breaches: [] },
      coverage: [cell('2026-06-01T09:00:00Z', 0.85, 4)],
      targets: { serviceLevel: 0.8, answerSeconds: 20 },
      timeZone: 'UTC',
    });
    expect(v.met).toBe(true);
    expect(v.line).toMatch(/^met: 3\/3 shifts filled; every hard rule met; worst interval SL 85.0 %/);
  });

  it('stands in coverage for the service level when the run has no volume or target', () => {
    const v = buildVerdict({
      shifts: null,
      hardRules: null,
      coverage: [cell('2026-06-01T09:00:00Z', null, 0, 2)],
      targets: undefined,
      timeZone: 'UTC',
    });
    expect(v.met).toBe(false);
    expect(v.shortfalls).toEqual(['1 intervals under-covered (2 agent-intervals short)']);
  });
});

describe('rosterVerdict', () => {
  it('counts agents per hard rule and shows minutes as hours', () => {
    // Two agents 60 and 90 minutes of rest short: 150 minutes = 2.5 h.
    const agent = (id: string, amount: number) => ({
      id,
      violations: [{ rule: 'minRest', hard: true, amount, unit: 'minutes of rest short' }],
    });
    const roster = {
      agents: [agent('a', 60), agent('b', 90)],
      coverage: [],
      score: {
        hard: 150,
        soft: 0,
        feasible: false,
        byRule: [{ rule: 'minRest', hard: true, weight: 1, amount: 150, penalty: 150, unit: 'minutes of rest short' }],
      },
      quality: { shiftsRequired: 4, shiftsFilled: 4 },
      grid: { start: '2026-06-01T00:00:00Z', intervalMinutes: 15, slotCount: 0, timeZone: 'UTC' },
    } as unknown as RosterResult;
    const v = rosterVerdict(roster, undefined);
    expect(v.hardRules?.breaches).toEqual([
      { rule: 'minRest', label: 'rest between shifts', agents: 2, amount: 2.5, unit: 'h of rest short' },
    ]);
    expect(v.line).toContain('hard rules broken: rest between shifts: 2 agents, 2.5 h of rest short');
    expect(v.met).toBe(false);
  });
});

describe('bounds beside the figures they bound', () => {
  it('shows paid / bound only when the cost is the paid hours; cost / bound is at least 1', async () => {
    // 2 agents 08-16 on one template: paid 16 h; with cost weight 2 the cost is 32 and the LP bound 32.
    const demand = new Array<number>(24).fill(0).map((_, h) => (h >= 8 && h < 16 ? 2 : 0));
    const unit = await plan(requirement(demand), {
      templates: [{ name: 'd8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00' }] }],
    });
    expect(unit.quality.paidOverBound).toBeCloseTo(1, 9);
    const weighted = await plan(requirement(demand), {
      templates: [{ name: 'd8', paidMinutes: 480, costWeight: 2, starts: [{ from: '08:00', to: '08:00' }] }],
    });
    expect(weighted.quality.paidHours).toBe(16);
    expect(weighted.quality.paidOverBound).toBeNull();
    expect(weighted.quality.objectiveOverBound).toBeGreaterThanOrEqual(1 - 1e-9);
  });
});

describe('approved time off and the contract minimum', () => {
  it('credits each day off up to the average working day, in the roster and in the checker', () => {
    // generate.ts seed 5, 4 agents; agent 0 gets a 40 h minimum over at most 5 days (8 h a day) and
    // two whole days off: the week's minimum becomes 40 - 2 x 8 = 24 h (computed by hand).
    const g = generateInstance(5, { agents: 4 });
    const a = g.agents[0]!;
    const day = (d: string) => ({ startMs: Date.parse(`${d}T00:00:00Z`), endMs: Date.parse(`${d}T23:59:59.999Z`) + 1 });
    a.contract = { ...a.contract, minHoursPerWeek: 40, maxDaysPerWeek: 5 };
    a.availability = { ...a.availability, timeOff: [day('2026-03-02'), day('2026-03-03')] };
    const r = rosterPlan(g.plan, g.agents, g.rules, {
      seed: 1,
      timeLimitMs: Infinity,
      maxIterations: 50_000,
      now: () => 0,
    });
    const weeks = r.agents.find((x) => x.id === a.id)!.weeks;
    expect(weeks[0]!.minHours).toBe(24);
    const worked = r.agents.find((x) => x.id === a.id)!.days.reduce((t, d) => t + d.paidHours, 0);
    const minViolations = checkRoster(r, g.agents, g.rules).filter((v) => v.agent === a.id && v.rule === 'minMinutes');
    expect(minViolations.length).toBe(worked >= 24 ? 0 : 1);
  });
});

describe('rules of the independent checker in words', () => {
  it('names a checker-only rule in words and counts once and times', () => {
    // A hand edit that puts two shifts on one agent's day is refused by the checker
    // (src/scheduler/rules-check, rule twoShiftsOneDay); the verdict line reads it in words.
    const once = ruleBreach('twoShiftsOneDay', 1, 1);
    expect(once.label).toBe('two shifts on one day');
    expect(breachesText([once, ruleBreach('pullBelowRequirement', 1, 5)])).toBe(
      'two shifts on one day: 1 agent, once, sessions pulling the phones below the requirement: 1 agent, 5 times',
    );
    // A rule of the roster's own model keeps its unit.
    expect(breachesText([ruleBreach('minRest', 2, 150)])).toBe('rest between shifts: 2 agents, 2.5 h of rest short');
  });
});
