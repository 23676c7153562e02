/**
 * The agents' proficiency in the shift plan (docs/shift-plan.md, "Proficiency"): each queue is sized
 * at AHT x the harmonic mean of the handle-time factors (proficiency x learning curve by tenure at the
 * plan's start) of the agents holding its skill. Expected requirements are the repo's Erlang C
 * (src/erlang, `solveInterval`) at AHT x the factor, computed here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShiftPlanRules, type ShiftPlanRulesInput } from '../../../src/contracts/shift-plan.js';
import { parseAgentsJson } from '../../../src/contracts/roster.js';
import { supplyLines } from '../../../src/cli/commands/shift-plan.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { planShifts } from '../../../src/scheduler/shift-plan/plan.js';
import type { PlanRequirement } from '../../../src/scheduler/shift-plan/rules.js';
import type { RosterAgent } from '../../../src/scheduler/roster/types.js';
import type { ShiftPlan } from '../../../src/scheduler/shift-plan/types.js';
import { harmonicMean } from '../../../src/scheduler/shift-plan/handle-time.js';
import { erlangC, pooledDay, rules8, TARGET } from './fixtures.js';
import { requirement } from '../shift-plan/helpers.js';

const VOLUME = 60; // contacts an hour per queue 08-16, AHT 180 s (pooledDay)
const OPEN = Array.from({ length: 8 }, (_, h) => 8 + h);

interface Spec {
  id: string;
  skills: string[];
  proficiency?: Record<string, number>;
  hireDate?: string;
}

function team(spec: Spec[]): RosterAgent[] {
  return parseAgentsJson(
    spec.map((a) => ({ ...a, contract: { maxHoursPerWeek: 40, maxDaysPerWeek: 5 } })),
    'UTC',
  );
}

/** `n` agents of one skill, each with `extra` fields (ids prefixed by the skill). */
function many(n: number, skill: string, extra: (k: number) => Partial<Spec> = () => ({})): Spec[] {
  return Array.from({ length: n }, (_, k) => ({ id: `${skill}${k}`, skills: [skill], ...extra(k) }));
}

async function planFor(req: PlanRequirement, agents: RosterAgent[], rules: ShiftPlanRulesInput = rules8) {
  return planShifts(req, parseShiftPlanRules(rules).rules, { highs: await loadSolver(), agents });
}

const queueOf = (p: ShiftPlan, name: string) => p.queueCoverage?.queues.find((q) => q.name === name);
const shiftsFor = (p: ShiftPlan, skill: string) =>
  p.shifts.filter((s) => s.skills?.includes(skill)).reduce((n, s) => n + s.count, 0);

describe('proficiency in the shift plan', () => {
  it('plans more agents on a queue whose agents are all 1.5x slower: Erlang C at AHT x 1.5', async () => {
    const plain = team([...many(12, 'sales'), ...many(12, 'tech')]);
    const slow = team([...many(12, 'sales'), ...many(12, 'tech', () => ({ proficiency: { tech: 1.5 } }))]);
    const base = await planFor(pooledDay(VOLUME), plain);
    const sized = await planFor(pooledDay(VOLUME), slow);
    const atAht = erlangC(VOLUME, 180);
    const atSlow = erlangC(VOLUME, 180 * 1.5);
    expect(atSlow).toBeGreaterThan(atAht);
    for (const h of OPEN) {
      expect(queueOf(base, 'tech')?.required[h]).toBe(atAht);
      expect(queueOf(sized, 'tech')?.required[h]).toBe(atSlow);
      expect(queueOf(sized, 'sales')?.required[h]).toBe(atAht);
    }
    expect(shiftsFor(base, 'tech')).toBe(atAht);
    expect(shiftsFor(sized, 'tech')).toBe(atSlow);
    expect(shiftsFor(sized, 'sales')).toBe(atAht);
    expect(queueOf(sized, 'tech')?.handleTimeFactor).toBe(1.5);
    expect(queueOf(sized, 'sales')?.handleTimeFactor).toBeUndefined();
    expect(sized.queueCoverage?.classes.find((c) => c.skills.join() === 'tech')?.proficiency).toEqual({ tech: 1.5 });
    expect(sized.issues.filter((i) => i.code === 'proficiency').map((i) => i.message)).toEqual([
      "tech sized at AHT x 1.5 for its 12 agents' proficiency (harmonic mean)",
    ]);
    expect(base.issues.some((i) => i.code === 'proficiency')).toBe(false);
    // `wfm shift-plan` prints it under the supply line.
    expect(supplyLines(sized)[1]).toBe(`  ${sized.issues.find((i) => i.code === 'proficiency')?.message}`);
    expect(sized.verdict?.met).toBe(true);
  });

  it('the harmonic mean keeps capacity: n agents at H serve as the pool does, min <= H <= mean', () => {
    const factor = fc.double({ min: 0.1, max: 10, noNaN: true });
    fc.assert(
      fc.property(fc.array(factor, { minLength: 1, maxLength: 50 }), (fs) => {
        const h = harmonicMean(fs);
        const capacity = fs.reduce((sum, f) => sum + 1 / f, 0);
        expect(fs.length / h).toBeCloseTo(capacity, 9);
        expect(h).toBeGreaterThanOrEqual(Math.min(...fs) - 1e-12);
        expect(h).toBeLessThanOrEqual(fs.reduce((a, b) => a + b, 0) / fs.length + 1e-12);
      }),
    );
  });

  it('uses the harmonic mean of a mixed pool (agents without a factor count as 1)', async () => {
    // tech: 3 agents without a factor, 3 at 1.5, 3 at 3: 9 / (3 + 3/1.5 + 3/3) = 1.5 (the arithmetic
    // mean would be 1.83). The sales agents' own factor (2) does not touch tech.
    const agents = team([
      ...many(12, 'sales', () => ({ proficiency: { sales: 2 } })),
      ...many(9, 'tech', (k) => (k < 3 ? {} : { proficiency: { tech: k < 6 ? 1.5 : 3 } })),
    ]);
    const p = await planFor(pooledDay(VOLUME), agents);
    expect(queueOf(p, 'tech')?.handleTimeFactor).toBe(1.5);
    expect(queueOf(p, 'sales')?.handleTimeFactor).toBe(2);
    for (const h of OPEN) {
      expect(queueOf(p, 'tech')?.required[h]).toBe(erlangC(VOLUME, 180 * 1.5));
      expect(queueOf(p, 'sales')?.required[h]).toBe(erlangC(VOLUME, 180 * 2));
    }
  });

  it('pools a linked pair at its agents’ factors', async () => {
    // Every agent holds both skills at 1.5 on tech: the pair's pooled load is 60 x 180 + 60 x 270 s.
    const agents = team(
      Array.from({ length: 20 }, (_, k) => ({ id: `a${k}`, skills: ['sales', 'tech'], proficiency: { tech: 1.5 } })),
    );
    const p = await planFor(pooledDay(VOLUME), agents);
    const pooled = erlangC(2 * VOLUME, (180 + 270) / 2);
    expect(pooled).toBeLessThan(erlangC(VOLUME, 180) + erlangC(VOLUME, 270));
    for (const h of OPEN) expect(p.coverage[h]?.required).toBe(pooled);
  });

  it('applies the learning curve by hire date at the plan’s start', async () => {
    // The plan starts 2026-03-02. With { firstMonthFactor: 1.5, proficientMonth: 9 }: hired 2026-02-20
    // (month 1) -> 1.5; hired 2025-01-01 (month 15) -> 1 (src/multiskill/proficiency.ts).
    const agents = team([
      ...many(12, 'sales', () => ({ hireDate: '2025-01-01' })),
      ...many(12, 'tech', () => ({ hireDate: '2026-02-20' })),
    ]);
    const curve = { ...rules8, learningCurve: { firstMonthFactor: 1.5, proficientMonth: 9 } };
    const without = await planFor(pooledDay(VOLUME), agents);
    const withCurve = await planFor(pooledDay(VOLUME), agents, curve);
    expect(queueOf(without, 'tech')?.handleTimeFactor).toBeUndefined();
    expect(queueOf(withCurve, 'tech')?.handleTimeFactor).toBe(1.5);
    expect(queueOf(withCurve, 'sales')?.handleTimeFactor).toBeUndefined();
    for (const h of OPEN) {
      expect(queueOf(without, 'tech')?.required[h]).toBe(erlangC(VOLUME, 180));
      expect(queueOf(withCurve, 'tech')?.required[h]).toBe(erlangC(VOLUME, 270));
    }
    // Month 5 (hired 2025-10-15: 4.5 months before) -> 1 + 0.5 x 4/8 = 1.25.
    const month5 = team([...many(12, 'sales'), ...many(12, 'tech', () => ({ hireDate: '2025-10-15' }))]);
    const p5 = await planFor(pooledDay(VOLUME), month5, curve);
    expect(queueOf(p5, 'tech')?.handleTimeFactor).toBe(1.25);
  });

  it('sizes a single queue with a load by Erlang C at AHT x factor, and scales one without', async () => {
    const vol = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? VOLUME : 0));
    const alone = vol.map((v) => (v > 0 ? erlangC(v, 180) : 0));
    const withLoad: PlanRequirement = {
      ...requirement(alone),
      volume: vol,
      ahtSeconds: vol.map(() => 180),
      queue: { model: 'erlang-c', targets: TARGET },
    };
    const agents = team(many(12, 'support', () => ({ proficiency: { support: 1.5 } })));
    const sized = await planFor(withLoad, agents);
    for (const h of OPEN) {
      expect(sized.coverage[h]?.required).toBe(erlangC(VOLUME, 270));
      expect(sized.coverage[h]?.ahtSeconds).toBe(270);
    }
    expect(sized.issues.find((i) => i.code === 'proficiency')?.message).toContain('sized at AHT x 1.5');
    // Agents per interval alone (no volume or AHT): the requirement times the factor, rounded up.
    const bare = await planFor(requirement(alone), agents);
    for (const h of OPEN) expect(bare.coverage[h]?.required).toBe(Math.ceil(erlangC(VOLUME, 180) * 1.5));
    expect(bare.issues.find((i) => i.code === 'proficiency')?.message).toContain('requirement x 1.5');
  });
});
