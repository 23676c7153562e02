/**
 * The subsets of queues a multi-skill plan covers, their pooled requirements, and the simulation's
 * cuts that raise a queue's requirement where it misses its target (docs/shift-plan.md, "Skills").
 */
import { describe, expect, it } from 'vitest';
import { parseShiftPlanRules } from '../../../src/contracts/shift-plan.js';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { planWithSkillCuts, raiseRequirement } from '../../../src/scheduler/shift-plan/skill-cuts.js';
import { queueSubsets, subsetRequirements } from '../../../src/scheduler/shift-plan/skill-subsets.js';
import { agents, erlangC, pooledDay, rules8 } from './fixtures.js';
import { requirement } from '../shift-plan/helpers.js';

describe('subsets of queues and simulation cuts', () => {
  it('keeps the connected, closed subsets of queues (all of them up to 10 queues)', () => {
    // specialists of 0 and 1, a pair {0,1}, and queue 2 alone: {0,2} and {0,1,2} are not linked.
    expect(queueSubsets(3, [[0], [1], [0, 1], [2]])).toEqual([[0], [1], [2], [0, 1]]);
    // no specialists of 1: any agent of {1} holds 0 too, so {1}'s closure is {0,1} (its row is kept as a singleton).
    expect(queueSubsets(2, [[0], [0, 1]])).toEqual([[0], [1], [0, 1]]);
    // 12 queues in a chain of pairs (above 10 queues): singletons, closures of the pairs, of the unions of
    // overlapping pairs and the whole chain; every subset kept is linked, far fewer than 2^12.
    const chain = Array.from({ length: 11 }, (_, q) => [q, q + 1]);
    const subsets = queueSubsets(12, chain);
    for (let q = 0; q < 12; q++) expect(subsets).toContainEqual([q]);
    expect(subsets).toContainEqual([2, 3]);
    expect(subsets).toContainEqual([0, 1, 2]); // {1,2}: every agent of queue 0 holds 1, so its closure adds 0
    expect(subsets).not.toContainEqual([1, 2]);
    expect(subsets[subsets.length - 1]).toEqual(Array.from({ length: 12 }, (_, q) => q));
    expect(subsets.length).toBeLessThanOrEqual(12 + 11 + 10 + 1);
  });

  it('a subset requirement lies between its largest and the sum of its members’ own, raised by the cuts', () => {
    const req = pooledDay(100).queues!;
    const raised = raiseRequirement({ ...requirement(new Array(24).fill(0)), queues: req }, [{ queue: 1, slot: 9 }]);
    const subs = subsetRequirements(raised.queues!, [[0], [1], [0, 1]], 60, new Array(24).fill(true));
    const pooled = erlangC(200, 180);
    expect(subs[2]?.required[10]).toBe(pooled);
    expect(subs[2]?.required[9]).toBe(pooled + 1);
    expect(subs[1]?.required[9]).toBe((req[1]?.required[9] as number) + 1);
    expect(subs[2]?.required[3]).toBe(0);
  });

  it('re-plans with a queue raised where the simulation finds it below target, then stops', async () => {
    const alone = erlangC(100, 180);
    const team = agents(Array.from({ length: 2 * alone }, (_, k) => ({ id: `a${k}`, skills: ['sales', 'tech'] })));
    let calls = 0;
    const result = planWithSkillCuts(
      pooledDay(100),
      parseShiftPlanRules(rules8).rules,
      { highs: await loadSolver(), agents: team },
      {
        verify: () => (calls++ === 0 ? [{ queue: 0, slot: 10 }] : []),
        maxRounds: 3,
        timeBudgetMs: 1e9,
        now: () => 0,
      },
    );
    expect(result.rounds.map((r) => r.misses)).toEqual([1, 0]);
    expect(result.raised).toBe(1);
    // The pooled pair needs one agent more at 10:00: one more 8-hour shift.
    expect(result.rounds[1]!.paidHours).toBe(result.rounds[0]!.paidHours + 8);
    expect(result.plan.queueCoverage?.queues[0]?.required[10]).toBe(alone + 1);
  });
});
