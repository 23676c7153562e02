/** Multi-skill staffing: reduction to Erlang, verified correction, infeasible as data. */
import { describe, expect, it } from 'vitest';
import { solveInterval } from '../../src/erlang/index.js';
import {
  approximateGroupAgents,
  distinctSkillGroups,
  queueComponents,
  staffMultiSkill,
  type MultiSkillCentre,
} from '../../src/multiskill/index.js';

const exp = (meanSeconds: number) => ({ kind: 'exponential' as const, meanSeconds });

describe('skill groups', () => {
  it('the distinct skill sets of the agents, in order of first appearance', () => {
    expect(distinctSkillGroups([[0], [1, 0], [0, 1], [2]])).toEqual([
      { skills: [0], agents: [0] },
      { skills: [0, 1], agents: [1, 2] },
      { skills: [2], agents: [3] },
    ]);
  });

  it('queues linked by a group share a component', () => {
    expect(Array.from(queueComponents(4, [[0], [1, 2], [2]]))).toEqual([0, 1, 1, 2]);
  });
});

describe('staffMultiSkill', () => {
  it('one queue, one group: plain Erlang C staffing, no simulation (10 Erlangs at 80/20: 14 agents, C01)', () => {
    const centre: MultiSkillCentre = {
      intervalMinutes: 30,
      intervals: 3,
      queues: [
        {
          name: 'a',
          priority: 0,
          volume: [100, 0, 200],
          handleTime: exp(180),
          answerSeconds: 20,
          targetServiceLevel: 0.8,
        },
      ],
      groups: [{ name: 'g', skills: [0] }],
    };
    const r = staffMultiSkill(centre, { seed: 1 });
    const erlang = (volume: number) =>
      solveInterval(
        { volume, ahtSeconds: 180, intervalMinutes: 30 },
        { model: 'erlang-c', targets: { serviceLevel: 0.8, answerSeconds: 20 } },
      ).agents;
    expect(r.agents).toEqual([[erlang(100), 0, erlang(200)]]);
    expect(r.agents[0]![0]).toBe(14);
    expect(r.intervals.map((i) => i.method)).toEqual(['erlang', 'none', 'erlang']);
    expect(r.met).toBe(true);
  });

  it('one queue with patience: plain Erlang A staffing (src/erlang solveInterval)', () => {
    const centre: MultiSkillCentre = {
      intervalMinutes: 30,
      intervals: 1,
      queues: [
        {
          name: 'a',
          priority: 0,
          volume: [100],
          handleTime: exp(180),
          patienceSeconds: 300,
          answerSeconds: 20,
          targetServiceLevel: 0.9,
        },
      ],
      groups: [{ name: 'g', skills: [0], handleTimeFactors: [1.2] }],
    };
    const expected = solveInterval(
      { volume: 100, ahtSeconds: 216, intervalMinutes: 30 },
      { model: 'erlang-a', targets: { serviceLevel: 0.9, answerSeconds: 20 }, patienceSeconds: 300 },
    ).agents;
    expect(staffMultiSkill(centre, { seed: 1 }).agents).toEqual([[expected]]);
  });

  const mixed: MultiSkillCentre = {
    intervalMinutes: 30,
    intervals: 2,
    queues: [
      { name: 'a', priority: 1, volume: [100, 100], handleTime: exp(180), answerSeconds: 20, targetServiceLevel: 0.8 },
      {
        name: 'b',
        priority: 0,
        volume: [60, 60],
        handleTime: { kind: 'lognormal', meanSeconds: 300, cv: 0.8 },
        patienceSeconds: 200,
        answerSeconds: 30,
        targetServiceLevel: 0.8,
      },
    ],
    groups: [
      { name: 'A', skills: [0] },
      { name: 'B', skills: [1] },
      { name: 'AB', skills: [0, 1], handleTimeFactors: [1.2, 1.2] },
    ],
  };

  it('two queues, three equally proficient groups: the corrected staffing meets every target (mean SL >= target) with no more agents than separate Erlang teams', () => {
    // Cross-trained agents as fast as the specialists (with factor 1.2 they cost more than they pool).
    const proficient = { ...mixed, groups: mixed.groups.map((g) => ({ name: g.name, skills: g.skills })) };
    const r = staffMultiSkill(proficient, { seed: 7, acceptance: 'mean' });
    expect(r.met).toBe(true);
    expect(r.issues).toEqual([]);
    const iv = r.intervals[0]!;
    expect(iv.method).toBe('simulation');
    for (const q of iv.queues) expect(q.serviceLevel!.mean).toBeGreaterThanOrEqual(q.targetServiceLevel);
    // Identical intervals are solved once.
    expect(r.intervals[1]!.agents).toEqual(iv.agents);
    // Separate teams: Erlang C for a (14 at 80/20, C01) plus Erlang A for b with AHT 300 s.
    const separate =
      14 +
      solveInterval(
        { volume: 60, ahtSeconds: 300, intervalMinutes: 30 },
        { model: 'erlang-a', targets: { serviceLevel: 0.8, answerSeconds: 30 }, patienceSeconds: 200 },
      ).agents;
    const total = iv.agents.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(separate);
  });

  it('the loop out of iterations is an iteration-cap issue in the result, not an exception', () => {
    const r = staffMultiSkill(mixed, { seed: 7, acceptance: 'strict', maxIterations: 0 });
    const approx = approximateGroupAgents(
      mixed,
      0,
      queueComponents(
        2,
        mixed.groups.map((g) => g.skills),
      ),
    );
    expect(r.intervals[0]!.agents).toEqual(approx.agents);
    expect(r.met).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'iteration-cap', interval: 0 });
    expect(r.issues).toHaveLength(2);
  });

  it('misuse: a queue without a target throws WFM_ERR_INPUT_INVALID', () => {
    const bad: MultiSkillCentre = {
      ...mixed,
      queues: mixed.queues.map((q) => ({ ...q, targetServiceLevel: undefined })),
    };
    expect(() => staffMultiSkill(bad, { seed: 1 })).toThrowError(
      expect.objectContaining({ code: 'WFM_ERR_INPUT_INVALID' }),
    );
  });
});
