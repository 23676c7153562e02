/**
 * A multi-skill shift plan (docs/shift-plan.md, "Skills"): each queue's requirement is covered by
 * flows from the agents who have its skill, plan shifts carry the skill set they were planned for,
 * and the roster and the independent rule checker keep agents without a skill off its shifts.
 */
import { describe, expect, it } from 'vitest';
import { parseShiftPlanRules, type ShiftPlanRulesInput } from '../../../src/contracts/shift-plan.js';
import { parseAgentsJson, parseRosterRules } from '../../../src/contracts/roster.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { planShifts } from '../../../src/scheduler/shift-plan/plan.js';
import type { PlanRequirement } from '../../../src/scheduler/shift-plan/rules.js';
import type { ShiftPlan } from '../../../src/scheduler/shift-plan/types.js';
import type { RosterAgent } from '../../../src/scheduler/roster/types.js';
import { runRoster } from '../../../src/scheduler/roster/run.js';
import { blockedWords } from '../../../src/scheduler/roster/roster-shifts.js';
import { problemFromPlan } from '../../../src/scheduler/roster/from-plan.js';
import { checkRoster } from '../../../src/scheduler/rules-check/index.js';
import { requirement } from '../shift-plan/helpers.js';

/** Hourly demand over `count` days: `agents` in [from, to) each day, 0 elsewhere. */
function days(count: number, from: number, to: number, agents: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < count; d++) for (let h = 0; h < 24; h++) out.push(h >= from && h < to ? agents : 0);
  return out;
}

const rules: ShiftPlanRulesInput = {
  templates: [{ name: 'd8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00', stepMinutes: 60 }] }],
};

function agents(spec: { id: string; skills?: string[] }[]): RosterAgent[] {
  return parseAgentsJson(
    spec.map((a) => ({
      id: a.id,
      contract: { maxHoursPerWeek: 40, maxDaysPerWeek: 5 },
      ...(a.skills ? { skills: a.skills } : {}),
    })),
    'UTC',
  );
}

/** Two queues, sales and tech; the summed requirement is the sum of theirs. */
function twoQueues(sales: number[], tech: number[]): PlanRequirement {
  const summed = requirement(sales.map((x, i) => x + (tech[i] as number)));
  return {
    ...summed,
    queues: [
      { name: 'sales', priority: 0, required: sales },
      { name: 'tech', priority: 0, required: tech },
    ],
  };
}

async function planFor(req: PlanRequirement, team: RosterAgent[]): Promise<ShiftPlan> {
  return planShifts(req, parseShiftPlanRules(rules).rules, { highs: await loadSolver(), agents: team });
}

describe('multi-skill shift plan', () => {
  it('covers a queue only with the few agents who have its skill', async () => {
    // tech needs 3 agents 08-16, sales 2; one agent has tech (and sales), five have sales only. The
    // summed requirement (5) is met by 5 of the 6 agents, but tech can have at most its one agent:
    // 2 agents short in each of 8 hours = 16 agent-intervals (by construction).
    const team = agents([
      { id: 't1', skills: ['sales', 'tech'] },
      ...['s1', 's2', 's3', 's4', 's5'].map((id) => ({ id, skills: ['sales'] })),
    ]);
    const p = await planFor(twoQueues(days(1, 8, 16, 2), days(1, 8, 16, 3)), team);
    const tech = p.queueCoverage?.queues.find((q) => q.name === 'tech');
    expect(tech).toBeDefined();
    for (let s = 8; s < 16; s++) expect(tech?.covered[s]).toBeLessThanOrEqual(1 + 1e-9);
    expect(tech?.underAgentIntervals).toBeCloseTo(16, 6);
    expect(p.queueCoverage?.queues.find((q) => q.name === 'sales')?.underAgentIntervals).toBeCloseTo(0, 6);
    // Shifts that serve tech are planned for agents with tech: one at most.
    const techShifts = p.shifts.filter((s) => s.skills?.includes('tech')).reduce((n, s) => n + s.count, 0);
    expect(techShifts).toBe(1);
    expect(p.verdict?.met).toBe(false);
    expect(p.verdict?.shortfalls.join(' ')).toContain('queue tech: 16 agent-intervals short');
  });

  it('meets every queue when the skilled agents suffice, and says which queues each skill set serves', async () => {
    // tech 1, sales 2, 08-16: t1 on tech, two sales-only agents on sales (3 shifts, the minimum).
    const team = agents([
      { id: 't1', skills: ['sales', 'tech'] },
      ...['s1', 's2', 's3'].map((id) => ({ id, skills: ['sales'] })),
    ]);
    const p = await planFor(twoQueues(days(1, 8, 16, 2), days(1, 8, 16, 1)), team);
    expect(p.verdict?.met).toBe(true);
    expect(p.quality.paidHours).toBe(24);
    for (const q of p.queueCoverage?.queues ?? []) expect(q.underAgentIntervals).toBe(0);
    const both = p.queueCoverage?.classes.find((c) => c.skills.join() === 'sales,tech');
    expect(both?.serves[8]).toContain('tech');
    const salesOnly = p.queueCoverage?.classes.find((c) => c.skills.join() === 'sales');
    expect(salesOnly?.serves[8]).toEqual(['sales']);
  });

  it('a single queue plans as before: no skill sets on shifts, no per-queue coverage', async () => {
    const team = agents([{ id: 'a' }, { id: 'b' }]);
    const req = requirement(days(1, 8, 16, 2));
    const plain = await planFor(req, team);
    const one = await planFor({ ...req, queues: [{ name: 'sales', priority: 0, required: req.required }] }, team);
    expect(JSON.stringify(one)).toBe(JSON.stringify(plain));
    expect(plain.shifts.every((s) => s.skills === undefined)).toBe(true);
    expect(plain.queueCoverage).toBeUndefined();
  });
});

describe('roster and rule checker on a multi-skill plan', () => {
  it('never puts an agent without the skill on a skill shift', async () => {
    // A week: tech 1 agent and sales 2 agents 08-16 each day. Three agents have tech, four sales only.
    const team = agents([
      ...['t1', 't2', 't3'].map((id) => ({ id, skills: ['sales', 'tech'] })),
      ...['s1', 's2', 's3', 's4'].map((id) => ({ id, skills: ['sales'] })),
    ]);
    const p = await planFor(twoQueues(days(7, 8, 16, 2), days(7, 8, 16, 1)), team);
    expect(p.shifts.some((s) => s.skills?.includes('tech'))).toBe(true);
    const rosterRules = parseRosterRules({});
    const roster = runRoster(
      {
        plan: p,
        agents: team,
        rules: rosterRules,
        options: { seed: 1, timeLimitSeconds: 30, maxIterations: 20_000, answerSeconds: 20 },
      },
      () => 0,
      await loadSolver(),
    );
    const byId = new Map(team.map((a) => [a.id, a]));
    let techDays = 0;
    for (const a of roster.agents)
      for (const d of a.days) {
        for (const q of d.skills ?? []) expect(byId.get(a.id)?.skills).toContain(q);
        if (d.skills?.includes('tech')) techDays++;
      }
    // The tech shifts the roster fills go to tech agents only (checked above); tech needs 1 agent 08-16
    // every day, so the plan has at least 7 of them and three tech agents fill at least one a day.
    const planned = p.shifts.filter((s) => s.skills?.includes('tech')).reduce((n, s) => n + s.count, 0);
    expect(planned).toBeGreaterThanOrEqual(7);
    expect(techDays).toBeGreaterThanOrEqual(7);
    expect(techDays).toBeLessThanOrEqual(planned);
    expect(checkRoster(roster, team, rosterRules).filter((v) => v.rule === 'skill')).toEqual([]);
  });

  it('marks a skill shift unavailable to an agent without the skill (search and sub-MIP read the same mask)', async () => {
    const team = agents([{ id: 't1', skills: ['sales', 'tech'] }, { id: 's1', skills: ['sales'] }, { id: 'any' }]);
    const p = await planFor(twoQueues(days(1, 8, 16, 1), days(1, 8, 16, 1)), team);
    const { problem, shiftOfCell } = problemFromPlan(p, team, parseRosterRules({}));
    const techCell = shiftOfCell.findIndex((s) => s.skills?.includes('tech'));
    expect(techCell).toBeGreaterThanOrEqual(0);
    const allowed = (id: string) => problem.agents.find((a) => a.id === id)?.allowed[techCell];
    expect([allowed('t1'), allowed('s1'), allowed('any')]).toEqual([1, 0, 1]);
  });

  it('names agents without the skill as the reason a skill shift stays unfilled, apart from unavailable ones', async () => {
    const planned = agents([
      { id: 't1', skills: ['sales', 'tech'] },
      { id: 's1', skills: ['sales'] },
    ]);
    const p = await planFor(twoQueues(days(1, 8, 16, 1), days(1, 8, 16, 1)), planned);
    // The roster's team has nobody with tech: the tech shift cannot be filled, and says why.
    const team = agents([
      { id: 's1', skills: ['sales'] },
      { id: 's2', skills: ['sales'] },
    ]);
    const roster = runRoster(
      {
        plan: p,
        agents: team,
        rules: parseRosterRules({}),
        options: { seed: 1, timeLimitSeconds: 30, maxIterations: 5_000, answerSeconds: 20 },
      },
      () => 0,
    );
    const unfilled = roster.unfilledShifts.find((u) => u.skills?.includes('tech'));
    expect(unfilled?.blockedBy).toEqual({ "lacks the shift's skills": 2 });
    expect(unfilled?.why).toBe("2 agents lack the shift's skills");
  });

  it('the independent checker flags a hand-made skill violation', async () => {
    const team = agents([
      { id: 't1', skills: ['sales', 'tech'] },
      { id: 's1', skills: ['sales'] },
    ]);
    const p = await planFor(twoQueues(days(1, 8, 16, 1), days(1, 8, 16, 1)), team);
    const rosterRules = parseRosterRules({});
    const roster = runRoster(
      {
        plan: p,
        agents: team,
        rules: rosterRules,
        options: { seed: 1, timeLimitSeconds: 30, maxIterations: 5_000, answerSeconds: 20 },
      },
      () => 0,
    );
    expect(checkRoster(roster, team, rosterRules)).toEqual([]);
    // Swap the two agents' days by hand: s1 now works the tech shift.
    const [a, b] = roster.agents;
    const swapped = {
      ...roster,
      agents: [
        { ...a!, days: b!.days },
        { ...b!, days: a!.days },
      ],
    };
    const violations = checkRoster(swapped, team, rosterRules).filter((v) => v.rule === 'skill');
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ agent: 's1', rule: 'skill' });
    expect(violations[0]?.detail).toContain('tech');
  });
});

describe('why a shift stayed unfilled, in words', () => {
  it('names rules by their words, most agents first', () => {
    expect(
      blockedWords({ consecutiveDaysOffPerWeek: 6, "lacks the shift's skills": 32, unavailable: 1, maxDays: 6 }),
    ).toBe(
      "32 agents lack the shift's skills; " +
        '6 agents would break "two days off in a row each week"; 6 agents would break "working days per week"; ' +
        '1 agent unavailable (availability, time off or template)',
    );
  });
});
