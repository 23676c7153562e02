import { describe, expect, it } from 'vitest';
import {
  evaluateInterval,
  headcountAfterShrinkage,
  solveErlangCAgents,
  solveInterval,
  trafficErlangs,
} from '../../src/erlang/index.js';
import type { QueueParams } from '../../src/erlang/index.js';

const erlangC = (targets: QueueParams['targets']): QueueParams => ({ model: 'erlang-c', targets });

describe('traffic and shrinkage', () => {
  it('A = volume x AHT / (interval x 60) (computed by hand: 100 x 180 / 1800 = 10)', () => {
    expect(trafficErlangs({ volume: 100, ahtSeconds: 180, intervalMinutes: 30 })).toBe(10);
  });
  it('headcount = ceil(N / (1 - s) - eps) (computed by hand: 14 / 0.7 = 20; 10.5 / 0.7 = 15, not 16)', () => {
    expect(headcountAfterShrinkage(14, 0.3)).toBe(20);
    expect(10.5 / 0.7).toBeGreaterThan(15); // 15.000000000000002 in float64
    expect(headcountAfterShrinkage(10.5, 0.3)).toBe(15);
    expect(headcountAfterShrinkage(7, 0)).toBe(7);
    expect(headcountAfterShrinkage(0, 0.4)).toBe(0);
  });
});

describe('solver boundaries', () => {
  it('an occupancy cap uses an epsilon: A = 10.5 at 70 % needs 15 agents (10.5 / 0.7 = 15.000000000000002)', () => {
    // 10.5 Erlangs: 210 calls of 180 s in 60 minutes.
    const load = { volume: 210, ahtSeconds: 180, intervalMinutes: 60 };
    expect(trafficErlangs(load)).toBe(10.5);
    const solved = solveInterval(load, erlangC({ maxOccupancy: 0.7 }));
    expect(solved.agents).toBe(15);
    expect(solved.binding).toBe('maxOccupancy');
    expect(solved.agentsFractional).toBeCloseTo(15, 9);
    expect(solveErlangCAgents(10.5, 180, { maxOccupancy: 0.7 })).toBe(15);
  });

  it('A = 0 needs 0 agents, with SL 1 and no wait (../shared/reference/erlang-cases.json X06)', () => {
    const solved = solveInterval(
      { volume: 0, ahtSeconds: 180, intervalMinutes: 30 },
      erlangC({ serviceLevel: 0.8, answerSeconds: 20 }),
    );
    expect(solved).toMatchObject({
      agents: 0,
      agentsFractional: 0,
      headcount: 0,
      serviceLevel: 1,
      probWait: 0,
      asaSeconds: 0,
      met: true,
    });
    for (const model of ['erlang-a', 'chat'] as const) {
      const other = solveInterval(
        { volume: 0, ahtSeconds: 180, intervalMinutes: 30 },
        { model, targets: { serviceLevel: 0.8, answerSeconds: 20 }, patienceSeconds: 60 },
      );
      expect(other.agents, model).toBe(0);
      expect(other.met, model).toBe(true);
    }
  });

  it('never skips floor(A) + 1: with no target but stability, A = 10 needs 11 and A = 9.5 needs 10', () => {
    expect(solveErlangCAgents(10, 180, {})).toBe(11);
    expect(solveErlangCAgents(9.5, 180, {})).toBe(10);
    const solved = solveInterval({ volume: 100, ahtSeconds: 180, intervalMinutes: 30 }, erlangC({}));
    expect(solved).toMatchObject({ agents: 11, binding: 'stability', met: true });
    expect(solved.agentsFractional).toBeGreaterThan(10);
    expect(solved.agentsFractional).toBeLessThanOrEqual(11);
  });

  it('an SL target with no answer time does not crash: it is read as t = 0 (SL = 1 - C)', () => {
    const solved = solveInterval({ volume: 100, ahtSeconds: 180, intervalMinutes: 30 }, erlangC({ serviceLevel: 0.8 }));
    expect(solved.met).toBe(true);
    expect(1 - solved.probWait).toBeGreaterThanOrEqual(0.8);
    // One agent fewer: 1 - C(N - 1) < 0.8.
    const below = evaluateInterval(
      { volume: 100, ahtSeconds: 180, intervalMinutes: 30 },
      erlangC({}),
      solved.agents - 1,
    );
    expect(1 - below.probWait).toBeLessThan(0.8);
  });

  it('an out-of-range target is data, not an exception: met false with a note', () => {
    const solved = solveInterval(
      { volume: 100, ahtSeconds: 180, intervalMinutes: 30 },
      erlangC({ serviceLevel: 1.5, answerSeconds: 20 }),
    );
    expect(solved.met).toBe(false);
    expect(solved.note).toMatch(/no agent count/);
    expect(solveErlangCAgents(10, 180, { maxOccupancy: 0 })).toBe(-1);
  });

  it('an unstable interval evaluates to Pw 1, SL 0, ASA Infinity, flagged (../shared/reference/erlang-cases.json X04)', () => {
    const m = evaluateInterval(
      { volume: 100, ahtSeconds: 180, intervalMinutes: 30 },
      erlangC({ answerSeconds: 20 }),
      10,
    );
    expect(m).toMatchObject({ probWait: 1, serviceLevel: 0, asaSeconds: Infinity, occupancy: 1, unstable: true });
  });
});

describe('scale', () => {
  it('5,000 Erlangs: the solve lands just above A and is consistent with evaluation at N and N - 1', () => {
    const load = { volume: 25_000, ahtSeconds: 180, intervalMinutes: 15 };
    expect(trafficErlangs(load)).toBe(5000);
    const params = erlangC({ serviceLevel: 0.8, answerSeconds: 20 });
    const solved = solveInterval(load, params);
    expect(solved.agents).toBe(solveErlangCAgents(5000, 180, params.targets));
    expect(solved.agents).toBeGreaterThan(5000);
    expect(solved.agents).toBeLessThan(5100);
    expect(solved.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(evaluateInterval(load, params, solved.agents - 1).serviceLevel).toBeLessThan(0.8);
    expect(Number.isFinite(solved.asaSeconds)).toBe(true);
  });

  it('5,000 Erlangs with abandonment: the Erlang A chain stays finite (log space)', () => {
    const load = { volume: 25_000, ahtSeconds: 180, intervalMinutes: 15 };
    const solved = solveInterval(load, {
      model: 'erlang-a',
      targets: { serviceLevel: 0.8, answerSeconds: 20, maxAbandonRate: 0.05 },
      patienceSeconds: 120,
    });
    expect(solved.met).toBe(true);
    for (const key of ['serviceLevel', 'abandonRate', 'asaSeconds', 'slVirtual', 'occupancy'] as const) {
      expect(Number.isFinite(solved[key]), key).toBe(true);
    }
  });

  it('tiny AHT (0.2 s, ../shared/reference/erlang-cases.json C19 load) solves with finite metrics', () => {
    const load = { volume: 432_000, ahtSeconds: 0.2, intervalMinutes: 60 };
    const solved = solveInterval(load, erlangC({ serviceLevel: 0.9, answerSeconds: 20 }));
    // 24 Erlangs; with t / AHT = 100 any stable N gives SL ~ 1, so N = floor(A) + 1 = 25.
    expect(solved.agents).toBe(25);
    expect(solved.serviceLevel).toBeGreaterThan(0.9);
  });
});

describe('models without patience', () => {
  it('Erlang A with no patience and no lines is Erlang C exactly, even within 1e-8 of capacity', () => {
    // 99.9999999 calls of 180 s in 30 minutes: A = 9.99999999 on 10 agents.
    const load = { volume: 99.9999999, ahtSeconds: 180, intervalMinutes: 30 };
    const a = evaluateInterval(load, { model: 'erlang-a', targets: { answerSeconds: 20 } }, 10);
    const c = evaluateInterval(load, erlangC({ answerSeconds: 20 }), 10);
    expect(a.probWait).toBe(c.probWait);
    expect(a.serviceLevel).toBe(c.serviceLevel);
    expect(a.abandonRate).toBe(0);
  });

  it('a chat chain that would need millions of states is a coded error, not a wrong number', () => {
    const load = { volume: 99.9999999, ahtSeconds: 180, intervalMinutes: 30 };
    expect(() =>
      evaluateInterval(
        load,
        { model: 'chat', targets: { answerSeconds: 20 }, chat: { ahtSecondsByConcurrency: [180] } },
        10,
      ),
    ).toThrowError(expect.objectContaining({ code: 'WFM_ERR_ERLANG_NUMERIC' }));
  });
});

describe('Erlang A below the traffic', () => {
  it('with abandonment allowed, the minimal N can be below A (patience 120 s, AHT 300 s, 10 % may abandon)', () => {
    // 100 Erlangs: 300 calls of 300 s in 15 minutes. Without abandonment any N <= 100 would be unstable.
    const load = { volume: 300, ahtSeconds: 300, intervalMinutes: 15 };
    const solved = solveInterval(load, { model: 'erlang-a', targets: { maxAbandonRate: 0.1 }, patienceSeconds: 120 });
    expect(solved.met).toBe(true);
    expect(solved.agents).toBeLessThan(100);
    expect(solved.unstable).toBe(false);
    expect(solved.abandonRate!).toBeLessThanOrEqual(0.1);
    // Carried load: answered x AHT <= N agents (computed by hand: 100 x (1 - abandonRate) <= N).
    expect(100 * (1 - solved.abandonRate!)).toBeLessThanOrEqual(solved.agents + 1e-9);
  });
});
