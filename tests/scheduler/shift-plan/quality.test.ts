import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShiftPlan } from '../../../src/app/shift-plan.js';
import { parseShiftPlanRules } from '../../../src/contracts/shift-plan.js';
import { createSlotGrid } from '../../../src/time/slot-grid.js';
import { candidateShifts, templatesOnGrid } from '../../../src/scheduler/shift-plan/candidates.js';
import { computeCoverage } from '../../../src/scheduler/shift-plan/coverage.js';
import { buildShiftPlanModel } from '../../../src/scheduler/shift-plan/model.js';
import { roundAndRepair } from '../../../src/scheduler/shift-plan/repair.js';
import { withDefaultSteps } from '../../../src/scheduler/shift-plan/rules.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { plan, requirement } from './helpers.js';

describe('shift plan: quality figures and partial plans', () => {
  it('re-computes the SL on the on-phone staff: a fully covered plan meets the staffing target everywhere', async () => {
    // The requirement is `wfm staff` output: agents = the minimal N meeting 80 % in 20 s (staffing
    // core, Erlang C). README example: 100 contacts / 30 min at 180 s need 14 agents. A plan that
    // covers every interval has onPhone >= agents, so each interval's SL is >= 0.8.
    const intervals = Array.from({ length: 16 }, (_x, k) => ({
      start: `2026-06-01T${String(8 + Math.floor(k / 2)).padStart(2, '0')}:${k % 2 === 0 ? '00' : '30'}:00Z`,
      volume: k < 8 ? 100 : 60,
      ahtSeconds: 180,
      agents: k < 8 ? 14 : 9,
    }));
    const p = runShiftPlan(
      {
        rows: intervals.map((r, i) => ({ ...r, where: ['intervals', i] })),
        queue: { model: 'erlang-c', targets: { serviceLevel: 0.8, answerSeconds: 20 } },
      },
      parseShiftPlanRules({ templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '12:00' }] }] }),
      { highs: await loadSolver() },
    );
    expect(p.quality.underCoverageAgentIntervals).toBe(0);
    expect(p.quality.serviceLevel).not.toBeNull();
    expect(p.quality.serviceLevel?.worst).toBeGreaterThanOrEqual(0.8);
    for (const c of p.coverage) expect(c.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it('returns a partial plan listing its shortage when hard cover is infeasible (template cap)', async () => {
    // Demand 3 agents 08-12, but at most 2 agents a day on the only template.
    const req = new Array<number>(24).fill(0);
    for (let h = 8; h < 12; h++) req[h] = 3;
    const p = await plan(requirement(req), {
      templates: [{ name: 'pt4', paidMinutes: 240, maxAgentsPerDay: 2, starts: [{ from: '08:00', to: '08:00' }] }],
    });
    expect(p.quality.paidHours).toBe(8);
    expect(p.quality.underCoverageAgentIntervals).toBe(4);
    expect(p.issues.map((i) => i.code)).toContain('under-coverage');
  });

  it('soft mode leaves an interval short when covering it costs more than its penalty', async () => {
    // One agent-hour short at 08:00 costs 0.5; covering it needs a whole 4-hour shift (cost 4).
    const req = new Array<number>(24).fill(0);
    req[8] = 1;
    const p = await plan(requirement(req), {
      templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '08:00' }] }],
      coverage: { mode: 'soft', underPenaltyPerAgentInterval: 0.5 },
    });
    expect(p.quality.paidHours).toBe(0);
    expect(p.quality.underCoverageAgentIntervals).toBe(1);
    expect(p.quality.objective).toBeCloseTo(0.5, 9);
    expect(p.quality.lpBound).toBeCloseTo(0.5, 9);
  });

  it('never runs more pool sessions at once than maxParallelSessions', async () => {
    // Two 1-hour sessions asked, the window 09:00-10:00 holds one start, one room: 1 of 2 h placed.
    const req = new Array<number>(24).fill(0);
    for (let h = 8; h < 16; h++) req[h] = 1;
    const p = await plan(requirement(req), {
      templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '12:00' }] }],
      pool: [
        {
          name: 'coaching',
          windowStart: '09:00',
          windowEnd: '10:00',
          sessionMinutes: 60,
          sessionsPerDay: 2,
          maxParallelSessions: 1,
          priority: 'as-much-as-possible',
          shortfallPenaltyPerHour: 10,
        },
      ],
    });
    expect(p.retraining).toHaveLength(1);
    expect(p.quality.poolHoursPlaced).toBe(1);
    expect(p.quality.poolHoursRequested).toBe(2);
    expect(p.issues.map((i) => i.code)).toContain('pool-short');
  });

  it('the rounding + repair fallback alone covers every coverable interval', () => {
    const req = new Array<number>(48).fill(0);
    for (let s = 16; s < 40; s++) req[s] = 1 + (s % 4);
    const rules = withDefaultSteps(
      parseShiftPlanRules({
        templates: [{ name: 'ft6', paidMinutes: 360, starts: [{ from: '08:00', to: '14:00' }] }],
        breakRules: [
          {
            template: 'ft6',
            breaks: [{ name: 'lunch', minutes: 30, paid: false, earliestStartMinutes: 120, latestStartMinutes: 240 }],
          },
        ],
      }).rules,
      30,
    );
    const grid = createSlotGrid(Date.parse('2026-03-02T00:00:00Z'), 30, 48, 'UTC');
    const onGrid = templatesOnGrid(rules, 30);
    const built = buildShiftPlanModel({
      grid,
      rules,
      onGrid,
      candidates: candidateShifts(grid, rules, onGrid),
      required: req,
      shortPenalty: req.map(() => null),
    });
    const { instances, sessions } = roundAndRepair({
      grid,
      rules,
      onGrid,
      candidates: built.candidates,
      windows: built.windows,
      required: req,
      lpCounts: null,
      poolCols: built.poolCols,
      poolDemands: built.poolDemands,
    });
    const c = computeCoverage(48, false, instances, sessions);
    for (let s = 0; s < 48; s++)
      expect((c.onShift[s] as number) - (c.onBreak[s] as number)).toBeGreaterThanOrEqual(req[s] as number);
  });
});

const SHARED_TOY = join(process.cwd(), '..', 'shared', 'scheduling-benchmarks', 'dbai-shift-design-dzn', 'toy1.dzn');

describe.skipIf(!existsSync(SHARED_TOY))('DBAI toy instance (skipped when ../shared is absent)', () => {
  it('covers toy1 with zero excess (reference minExcess 0, ../shared/scheduling-benchmarks/dbai-shift-design-dzn/README.md)', async () => {
    const text = readFileSync(SHARED_TOY, 'utf8');
    const list = (key: string) =>
      (new RegExp(`${key}\\s*=\\s*\\[([^\\]]*)\\]`).exec(text)?.[1] ?? '').split(',').map(Number);
    const interval = Number(/interval\s*=\s*(\d+)/.exec(text)?.[1]);
    const [minStart, maxStart, minLength, maxLength] = [
      list('minStart'),
      list('maxStart'),
      list('minLength'),
      list('maxLength'),
    ];
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const templates = minStart.flatMap((from, i) =>
      Array.from({ length: (maxLength[i] as number) - (minLength[i] as number) + 1 }, (_x, k) => ({
        name: `t${i}-${(minLength[i] as number) + k}`,
        paidMinutes: ((minLength[i] as number) + k) * interval,
        starts: [{ from: hhmm(from * interval), to: hhmm((maxStart[i] as number) * interval), stepMinutes: interval }],
      })),
    );
    const demand = list('demand');
    const p = await plan(requirement(demand, interval), { templates, cyclic: true });
    expect(p.quality.underCoverageAgentIntervals).toBe(0);
    expect(p.quality.overCoverageAgentIntervals).toBe(0);
  });
});
