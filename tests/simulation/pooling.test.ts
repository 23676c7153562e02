/**
 * Two queues, one group of fully cross-trained agents, equal handle times and priorities: the
 * centre is one M/M/N queue fed by the sum of the two Poisson streams, so each queue's simulated
 * service level and ASA equal the pooled Erlang C (src/erlang) within the 95 % interval.
 */
import { describe, expect, it } from 'vitest';
import { evaluateErlangC } from '../../src/erlang/index.js';
import { staffMultiSkill } from '../../src/multiskill/index.js';
import { simulate, type SimModel } from '../../src/simulation/index.js';
import { solveErlangCAgents } from '../../src/erlang/index.js';

const I = 202;
const fill = (v: number) => new Array<number>(I).fill(v);
/** 60 + 40 calls per 30 min at 180 s: the pooled 100 calls of reference case C01 (10 Erlangs). */
const queues: SimModel['queues'] = [
  {
    name: 'a',
    priority: 0,
    volume: fill(60),
    handleTime: { kind: 'exponential', meanSeconds: 180 },
    answerSeconds: 20,
  },
  {
    name: 'b',
    priority: 0,
    volume: fill(40),
    handleTime: { kind: 'exponential', meanSeconds: 180 },
    answerSeconds: 20,
  },
];

describe('full cross-training pools two queues into one Erlang C queue', () => {
  it('60 + 40 calls / 30 min, AHT 180 s, 14 cross-trained agents: each queue at the pooled C(14, 10) SL 0.8884 and ASA 7.84 s (C01)', () => {
    const model: SimModel = {
      intervalMinutes: 30,
      intervals: I,
      queues,
      groups: [{ name: 'ab', skills: [0, 1], agents: fill(14) }],
    };
    const s = simulate(model, { seed: 11, replications: 10, fromInterval: 1, toInterval: I - 1 });
    const pooled = evaluateErlangC(10, 180, 14, 20);
    for (const q of s.queues) {
      expect(Math.abs(q.serviceLevel.mean - pooled.serviceLevel)).toBeLessThanOrEqual(q.serviceLevel.halfWidth);
      expect(Math.abs(q.asaSeconds.mean - pooled.asaSeconds)).toBeLessThanOrEqual(q.asaSeconds.halfWidth);
    }
  });

  it('the staffing approximation of the cross-trained centre is the pooled Erlang C requirement (14 at 80/20, C01)', () => {
    const r = staffMultiSkill(
      {
        intervalMinutes: 30,
        intervals: 1,
        queues: queues.map((q) => ({ ...q, volume: [q.volume[0] as number], targetServiceLevel: 0.8 })),
        groups: [{ name: 'ab', skills: [0, 1] }],
      },
      { seed: 3 },
    );
    expect(r.intervals[0]!.approximation).toEqual([
      solveErlangCAgents(10, 180, { serviceLevel: 0.8, answerSeconds: 20 }),
    ]);
    expect(r.intervals[0]!.approximation).toEqual([14]);
    expect(r.met).toBe(true);
  });
});
