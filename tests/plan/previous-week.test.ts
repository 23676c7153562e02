/**
 * `previousRoster` in the plan config: the whole plan's roster continues the week before it
 * (docs/plan.md; docs/roster.md, "Across week edges").
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlanConfig } from '../../src/contracts/plan-config.js';
import { parseAgentsJson, parseRosterRules, type AgentInput } from '../../src/contracts/roster.js';
import { planInputFromConfig } from '../../src/io/plan-config.js';
import { runPlan, type PlanArtifacts } from '../../src/app/whole-plan.js';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';
import { loadSolver } from '../../src/scheduler/mip/highs.js';
import { checkRoster } from '../../src/scheduler/rules-check/index.js';

const demo = buildDemoCentre({ agents: 30, historyWeeks: 6, shiftPlanSeconds: 1, rosterSeconds: 0.5 });
const config = { ...demo, roster: { ...demo.roster, maxIterations: 50_000 } };

let first: PlanArtifacts;
let highs: Awaited<ReturnType<typeof loadSolver>>;
beforeAll(async () => {
  highs = await loadSolver();
  first = runPlan(planInputFromConfig(parsePlanConfig(config), '.'), { highs, now: () => 0 });
}, 120_000);

/**
 * Agents free all week (no availability days or windows, no time off): some of the demo's have
 * only morning windows, which a late Sunday would leave without a Monday and a contract week.
 */
const free = (config.agents as AgentInput[]).filter(
  (a) => !a.availability?.days && !a.availability?.windows && (a.availability?.timeOff ?? []).length === 0,
);

/** The agent-days CSV of a week before `horizonStart` in which the free agents work Sunday 15:00-23:00. */
function lateSundayCsv(horizonStart: string, zone: string): string {
  const monday = DateTime.fromISO(horizonStart, { zone }).startOf('day');
  const sunday = monday.minus({ days: 1 });
  const rows = ['agent_id,date,status,start,end,paid_hours,template'];
  for (const a of free) {
    const s = sunday.set({ hour: 15 });
    rows.push(`${a.id},${sunday.toISODate()},work,${s.toISO()},${s.plus({ hours: 8 }).toISO()},8,late`);
    rows.push(`${a.id},${monday.minus({ days: 7 }).toISODate()},off,,,0,`);
  }
  return `${rows.join('\n')}\n`;
}

describe('wfm plan with previousRoster', () => {
  it('rosters none of the agents who worked Sunday until 23:00 on Monday before 10:00 (11 h rest)', () => {
    const { grid } = first.roster;
    const dir = mkdtempSync(join(tmpdir(), 'wfm-plan-prev-'));
    writeFileSync(join(dir, 'previous.csv'), lateSundayCsv(grid.start, grid.timeZone));
    const input = planInputFromConfig(parsePlanConfig({ ...config, previousRoster: 'previous.csv' }), dir);
    // 19 agents off Monday morning is a tight week: 50,000 moves left rest and day-off breaks in
    // it (measured while writing this test); 400,000 reach a feasible roster (the default is 5,000,000)
    const next = runPlan({ ...input, maxIterations: 400_000 }, { highs, now: () => 0 });
    expect(free.length).toBeGreaterThan(5);
    expect(next.previous?.agents).toHaveLength(free.length);
    const monday = DateTime.fromISO(grid.start, { zone: grid.timeZone }).toISODate();
    const ids = new Set(free.map((a) => a.id));
    const mondayOf = (r: PlanArtifacts) =>
      r.roster.agents.filter((a) => ids.has(a.id)).flatMap((a) => a.days.filter((d) => d.date === monday));
    const before10 = (d: { start: string }) => DateTime.fromISO(d.start, { zone: grid.timeZone }).hour < 10;
    // without the previous week the same plan puts some of them on Monday before 10:00
    expect(mondayOf(first).some(before10)).toBe(true);
    expect(mondayOf(next).some(before10)).toBe(false);
    expect(next.roster.score.feasible).toBe(true);
    const agents = parseAgentsJson(config.agents, grid.timeZone);
    const rules = parseRosterRules(config.roster.rules ?? {});
    expect(checkRoster(next.roster, agents, rules, next.previous).filter((v) => v.rule === 'minRest')).toEqual([]);
  });

  it('refuses a previous roster that does not end before the horizon, naming previousRoster', () => {
    const { grid } = first.roster;
    const later = DateTime.fromISO(grid.start, { zone: grid.timeZone }).plus({ days: 7 }).toISO()!;
    const dir = mkdtempSync(join(tmpdir(), 'wfm-plan-prev-'));
    writeFileSync(join(dir, 'previous.csv'), lateSundayCsv(later, grid.timeZone));
    const input = planInputFromConfig(parsePlanConfig({ ...config, previousRoster: 'previous.csv' }), dir);
    expect(() => runPlan(input, { highs, now: () => 0 })).toThrow(/previousRoster.*not before the horizon's first day/);
  });

  it('refuses a whole plan of 7 weeks before the forecast, naming forecast.weeks (the roster takes 1 to 6)', () => {
    const input = planInputFromConfig(parsePlanConfig({ ...config, forecast: { ...config.forecast, weeks: 7 } }), '.');
    expect(() => runPlan(input, { highs, now: () => 0 })).toThrow(
      /forecast\.weeks: 7 weeks; the roster takes at most 6/,
    );
  });
});
