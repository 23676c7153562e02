/** The built-in demo centre: deterministic, the documented mix, holidays marked and visible in the history. */
import { describe, expect, it } from 'vitest';
import { parsePlanConfig } from '../../src/contracts/plan-config.js';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';
import { parseAgentsJson } from '../../src/contracts/roster.js';
import { parseShiftPlanRules } from '../../src/contracts/shift-plan.js';

describe('buildDemoCentre', () => {
  const demo = buildDemoCentre();

  it('is deterministic, and the seed changes it', () => {
    expect(buildDemoCentre()).toEqual(demo);
    expect(buildDemoCentre({ seed: 7 }).history).not.toEqual(demo.history);
  });

  it('is a valid plan config whose rules and agents parse', () => {
    expect(() => parsePlanConfig(demo)).not.toThrow();
    expect(parseShiftPlanRules(demo.shiftPlan).rules.templates.map((t) => t.name)).toEqual([
      'ft8',
      'we7',
      'pt6',
      'pt5',
    ]);
    expect(parseAgentsJson(demo.agents, 'America/New_York')).toHaveLength(150);
  });

  it('has 10 weeks of 15-minute history: 304 open intervals a week (5 x 48 + 2 x 32)', () => {
    expect(demo.history).toHaveLength(10 * 304);
    expect(demo.history[0]?.start).toBe('2026-03-23T08:00:00-04:00'); // 10 weeks before Monday 2026-06-01
  });

  it('marks the holidays in the history as special days and scales their volume down', () => {
    expect(demo.forecast.specialDays.map((d) => d.date)).toEqual(['2026-04-03', '2026-05-25']);
    const dayVolume = (date: string) =>
      demo.history.filter((r) => r.start.startsWith(date)).reduce((s, r) => s + r.volume, 0);
    // Memorial Day (Monday, factor 0.25) against the Monday before and after.
    expect(dayVolume('2026-05-25')).toBeLessThan(0.4 * dayVolume('2026-05-18'));
    expect(dayVolume('2026-05-25')).toBeLessThan(0.4 * dayVolume('2026-05-11'));
  });

  it('has the documented contract mix, teams and retraining flags', () => {
    const agents = demo.agents as {
      contract: { maxHoursPerWeek: number; templates: string[] };
      team: string;
      retraining?: unknown;
      availability: { days?: string[] };
    }[];
    const fullTime = agents.filter((a) => a.contract.maxHoursPerWeek === 40).length;
    const weekend = agents.filter((a) => a.availability.days?.join() === 'fri,sat,sun').length;
    const partTime = agents.filter((a) => [20, 25, 30].includes(a.contract.maxHoursPerWeek)).length;
    expect(fullTime + weekend + partTime).toBe(150);
    // 60 / 25 / 15 % by the golden-ratio spread, within two agents.
    expect(Math.abs(fullTime - 90)).toBeLessThanOrEqual(2);
    expect(Math.abs(partTime - 37.5)).toBeLessThanOrEqual(2);
    expect(Math.abs(weekend - 22.5)).toBeLessThanOrEqual(2);
    expect(new Set(agents.map((a) => a.team)).size).toBe(4);
    const flagged = agents.filter((a) => a.retraining !== undefined).length;
    expect(flagged).toBeGreaterThanOrEqual(15); // one in eight of the non-weekend agents
    expect(flagged).toBeLessThanOrEqual(19);
  });
});
