/** Routing, staffing changes and on-phone masks, on small centres whose outcome is known. */
import { describe, expect, it } from 'vitest';
import { simulateReplication, summariseReplications, type SimModel } from '../../src/simulation/index.js';
import { benchmarkCentre } from '../../benchmarks/lib/simulation-centre.js';

const exp = (meanSeconds: number) => ({ kind: 'exponential' as const, meanSeconds });

describe('routing and staffing', () => {
  it('specialists first: with enough specialists idle, cross-trained agents never serve', () => {
    const I = 4;
    const model: SimModel = {
      intervalMinutes: 30,
      intervals: I,
      queues: [
        { name: 'a', priority: 0, volume: [20, 20, 20, 20], handleTime: exp(60), answerSeconds: 20 },
        { name: 'b', priority: 0, volume: [0, 0, 0, 0], handleTime: exp(60), answerSeconds: 20 },
      ],
      groups: [
        { name: 'generalists', skills: [0, 1], agents: [5, 5, 5, 5] },
        { name: 'specialists', skills: [0], agents: [30, 30, 30, 30] },
      ],
    };
    const r = simulateReplication(model, 1, 0);
    for (let i = 0; i < I; i++) expect(r.busySeconds[i]).toBe(0);
    expect(r.busySeconds.slice(I).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('all agents on at all times: per-agent masks and per-interval counts give the same run', () => {
    const counts = benchmarkCentre(24);
    const masks: SimModel = {
      ...counts,
      groups: counts.groups.map(({ agents, ...g }) => ({
        ...g,
        onPhoneMasks: Array.from({ length: Math.max(...Array.from(agents ?? [])) }, () =>
          new Array<number>(24).fill(1),
        ),
      })),
    };
    const flat: SimModel = {
      ...counts,
      groups: counts.groups.map((g, k) => ({
        ...g,
        agents: new Array<number>(24).fill(masks.groups[k]!.onPhoneMasks!.length),
      })),
    };
    expect(simulateReplication(masks, 5, 0)).toEqual(simulateReplication(flat, 5, 0));
  });

  for (const staffing of ['mask', 'count'] as const) {
    it(`an agent pulled off the phones (${staffing}) finishes the contact in hand, then takes no new one`, () => {
      // One agent on in interval 0 only; handle time 10 h: the contact answered in interval 0
      // keeps the agent busy through interval 1, and nobody arriving in interval 1 is answered.
      const group = staffing === 'mask' ? { onPhoneMasks: [[1, 0]] } : { agents: [1, 0] };
      const model: SimModel = {
        intervalMinutes: 30,
        intervals: 2,
        queues: [{ name: 'a', priority: 0, volume: [5, 5], handleTime: exp(36_000), answerSeconds: 20 }],
        groups: [{ name: 'g', skills: [0], ...group }],
      };
      const r = simulateReplication(model, 3, 0);
      expect(r.answered[0]).toBe(1);
      expect(r.answered[1]).toBe(0);
      expect(r.busySeconds[1]).toBe(1800);
      expect(r.waitingAtEnd[1]).toBe(r.offered[1]);
    });
  }

  it('nobody on the phones: every contact abandons or is still waiting, SL 0', () => {
    const model: SimModel = {
      intervalMinutes: 15,
      intervals: 2,
      queues: [
        { name: 'a', priority: 0, volume: [50, 50], handleTime: exp(100), patienceSeconds: 60, answerSeconds: 20 },
      ],
      groups: [{ name: 'g', skills: [0], agents: [0, 0] }],
    };
    const s = summariseReplications([simulateReplication(model, 1, 0)]);
    expect(s.queues[0]!.answered.mean).toBe(0);
    expect(s.queues[0]!.serviceLevel.mean).toBe(0);
    expect(s.queues[0]!.abandoned.mean + s.queues[0]!.waitingAtEnd.mean).toBe(s.queues[0]!.offered.mean);
  });

  it('a new hire with handle-time factor 1.5 is busy about 1.5 times as long per contact', () => {
    const I = 40;
    const base: SimModel = {
      intervalMinutes: 30,
      intervals: I,
      queues: [
        { name: 'a', priority: 0, volume: new Array<number>(I).fill(50), handleTime: exp(120), answerSeconds: 20 },
      ],
      groups: [{ name: 'g', skills: [0], agents: new Array<number>(I).fill(20) }],
    };
    const slow: SimModel = { ...base, groups: [{ ...base.groups[0]!, handleTimeFactors: [1.5] }] };
    const busy = (m: SimModel) => simulateReplication(m, 8, 0).busySeconds.reduce((a, b) => a + b, 0);
    // Not exactly 1.5: services running at the grid's end are cut there.
    expect(busy(slow) / busy(base)).toBeCloseTo(1.5, 2);
  });

  it('misuse throws WFM_ERR_INPUT_INVALID with the path of every problem', () => {
    const model = {
      intervalMinutes: 30,
      intervals: 2,
      queues: [{ name: 'a', priority: 0, volume: [1], handleTime: exp(-1), answerSeconds: 20 }],
      groups: [{ name: 'g', skills: [3], agents: [1, 1.5] }],
    } as SimModel;
    expect(() => simulateReplication(model, 1, 0)).toThrowError(
      expect.objectContaining({ code: 'WFM_ERR_INPUT_INVALID' }),
    );
    try {
      simulateReplication(model, 1, 0);
    } catch (e) {
      const paths = (e as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(['queues.0.volume', 'queues.0.handleTime', 'groups.0.skills.0', 'groups.0.agents.1']);
    }
  });
});
