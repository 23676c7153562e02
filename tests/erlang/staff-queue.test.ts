import { describe, expect, it } from 'vitest';
import { solveInterval, staffQueue } from '../../src/erlang/index.js';
import type { QueueParams } from '../../src/erlang/index.js';

const params: QueueParams = { model: 'erlang-c', targets: { serviceLevel: 0.8, answerSeconds: 20 }, shrinkage: 0.3 };

describe('staffQueue', () => {
  it('solves one interval, evaluates one with its own agents, and sums totals', () => {
    // ../shared/reference/erlang-cases.json C01 (14 agents, SL 0.888350019179, ASA 7.83593701178)
    // and C04 (13 agents given: SL 0.795594788418, ASA 17.1162271822), 30-minute intervals.
    const out = staffQueue({
      intervalMinutes: 30,
      params,
      intervals: [
        { volume: 100, ahtSeconds: 180 },
        { volume: 100, ahtSeconds: 180, agents: 13 },
      ],
    });
    const [solved, given] = out.intervals;
    expect(solved).toMatchObject({ agents: 14, headcount: 20, met: true, binding: 'serviceLevel' });
    expect(given).toMatchObject({ agents: 13, agentsFractional: 13, headcount: 19, met: false, binding: 'given' });
    expect(given!.note).toMatch(/serviceLevel/);
    const t = out.totals;
    // Computed by hand from the two rows.
    expect(t.intervals).toBe(2);
    expect(t.volume).toBe(200);
    expect(t.agentHours).toBeCloseTo((14 + 13) * 0.5, 12);
    expect(t.agentHoursFractional).toBeCloseTo((solved!.agentsFractional + 13) * 0.5, 12);
    expect(t.headcountHours).toBeCloseTo((20 + 19) * 0.5, 12);
    expect(t.serviceLevel).toBeCloseTo((0.888350019179 + 0.795594788418) / 2, 10);
    expect(t.asaSeconds).toBeCloseTo((7.83593701178 + 17.1162271822) / 2, 8);
    expect(t.occupancy).toBeCloseTo(10 / 13.5, 12); // 10 Erlangs x 1 hour busy over 13.5 agent-hours
    expect(t.worstServiceLevel).toBeCloseTo(0.795594788418, 10);
    expect(t.unmetIntervals).toBe(1);
    expect(t.unstableIntervals).toBe(0);
    expect(t.abandonRate).toBeUndefined();
  });

  it('pooling: summed fractional requirements stay below summed integer ones (no stacked round-ups)', () => {
    const intervals = Array.from({ length: 96 }, (_, i) => ({
      volume: 40 + 30 * Math.sin(i / 8) ** 2,
      ahtSeconds: 240,
    }));
    const out = staffQueue({ intervalMinutes: 15, params, intervals });
    expect(out.totals.agentHoursFractional).toBeLessThan(out.totals.agentHours);
    expect(out.totals.agentHours - out.totals.agentHoursFractional).toBeLessThan(96 * 0.25);
    expect(
      out.intervals.every(
        (r, i) => r.agents === solveInterval({ ...intervals[i]!, intervalMinutes: 15 }, params).agents,
      ),
    ).toBe(true);
  });

  it('Erlang A totals carry the volume-weighted abandonment and say abandonment was capped', () => {
    const out = staffQueue({
      intervalMinutes: 30,
      params: {
        model: 'erlang-a',
        targets: { serviceLevel: 0.8, answerSeconds: 20, maxAbandonRate: 0.03 },
        patienceSeconds: 300,
      },
      intervals: [
        { volume: 100, ahtSeconds: 180 },
        { volume: 300, ahtSeconds: 180 },
      ],
    });
    const [a, b] = out.intervals;
    expect(a!.abandonmentCapped).toBe(true);
    expect(out.totals.abandonRate).toBeCloseTo((100 * a!.abandonRate! + 300 * b!.abandonRate!) / 400, 12);
    expect(out.totals.abandonRate!).toBeLessThanOrEqual(0.03);
  });

  it('Erlang A without an abandonment cap says so', () => {
    const solved = solveInterval(
      { volume: 100, ahtSeconds: 180, intervalMinutes: 30 },
      { model: 'erlang-a', targets: { serviceLevel: 0.8, answerSeconds: 20 }, patienceSeconds: 300 },
    );
    expect(solved.abandonmentCapped).toBe(false);
    expect(solved.note).toMatch(/abandonment not capped/);
  });
});
