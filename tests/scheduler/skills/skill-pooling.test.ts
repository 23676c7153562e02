/**
 * A multi-skill plan with pooling (docs/shift-plan.md, "Skills"): subsets of queues are covered at
 * the requirement of their pooled load (Hall's conditions with the pooled Erlang requirement), and the
 * shortfall names the agents holding a short queue's skill.
 */
import { describe, expect, it } from 'vitest';
import { parseShiftPlanRules } from '../../../src/contracts/shift-plan.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { planShifts } from '../../../src/scheduler/shift-plan/plan.js';
import type { PlanRequirement } from '../../../src/scheduler/shift-plan/rules.js';
import { agents, erlangC, pooledDay, rules8 } from './fixtures.js';
import { requirement } from '../shift-plan/helpers.js';

describe('pooling in a multi-skill plan', () => {
  it('covers two queues served by the same agents at their pooled requirement, separate teams at the sum', async () => {
    // Erlang C at 80/20, AHT 180 s: 100 calls an hour alone and 200 pooled (src/erlang, the closed form).
    const alone = erlangC(100, 180);
    const pooled = erlangC(200, 180);
    expect(pooled).toBeLessThan(2 * alone); // the pooling gain exists at this load
    const team = agents(Array.from({ length: 2 * alone }, (_, k) => ({ id: `a${k}`, skills: ['sales', 'tech'] })));
    const p = planShifts(pooledDay(100), parseShiftPlanRules(rules8).rules, {
      highs: await loadSolver(),
      agents: team,
    });
    expect(p.verdict?.met).toBe(true);
    expect(p.quality.paidHours).toBe(8 * pooled); // one 8-hour shift per pooled agent
    expect(p.coverage[10]?.required).toBe(pooled);
    expect(p.quality.lpBound).toBeLessThanOrEqual(p.quality.objective + 1e-6);
    // The same queues with separate teams (one skill each): no pooling credit, each queue staffed alone.
    const separate = agents([
      ...Array.from({ length: alone + 2 }, (_, k) => ({ id: `s${k}`, skills: ['sales'] })),
      ...Array.from({ length: alone + 2 }, (_, k) => ({ id: `t${k}`, skills: ['tech'] })),
    ]);
    const sep = planShifts(pooledDay(100), parseShiftPlanRules(rules8).rules, {
      highs: await loadSolver(),
      agents: separate,
    });
    expect(sep.quality.paidHours).toBe(8 * 2 * alone);
  });
});

describe('the shortfall of a multi-skill plan per queue', () => {
  it('names the agents holding a short queue’s skill: "Thu 18:00-20:00 VIP: 6 required, 3 agents with the VIP skill can work then"', async () => {
    // Mon 2 Mar 2026 + 3 days: Thursday. VIP needs 6 agents 18-20 and standard 2 agents 16-20 on
    // Thursday; 3 agents hold VIP (and standard), 5 standard only: VIP is short of 3 agents by construction.
    const day = (from: number, to: number, n: number) =>
      Array.from({ length: 4 * 24 }, (_, s) => (s >= 72 + from && s < 72 + to ? n : 0));
    const vip = day(18, 20, 6);
    const std = day(16, 20, 2);
    const req: PlanRequirement = {
      ...requirement(vip.map((v, s) => v + (std[s] as number))),
      queues: [
        { name: 'VIP', priority: 1, required: vip },
        { name: 'standard', priority: 0, required: std },
      ],
    };
    const team = agents([
      ...['v1', 'v2', 'v3'].map((id) => ({ id, skills: ['VIP', 'standard'] })),
      ...['s1', 's2', 's3', 's4', 's5'].map((id) => ({ id, skills: ['standard'] })),
    ]);
    const rules = parseShiftPlanRules({
      templates: [{ name: 'late', paidMinutes: 240, starts: [{ from: '16:00', to: '16:00', stepMinutes: 60 }] }],
    }).rules;
    const p = planShifts(req, rules, { highs: await loadSolver(), agents: team });
    const vipShort = (p.shortfall ?? []).filter((s) => s.queue === 'VIP');
    expect(p.shortfall?.map((s) => s.message)).toEqual([
      'Thu 18:00-20:00 VIP: 6 required, 3 agents with the VIP skill can work then.',
    ]);
    expect(vipShort[0]).toMatchObject({ cause: 'too-few-agents', required: 6, available: 3, underAgentIntervals: 6 });
    expect(p.verdict?.shortfalls.join(' ')).toContain('VIP: 6 required, 3 agents with the VIP skill');
  });
});
