import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runWhatIf, evaluateQueueScenario, scenarioParams } from '../../src/what-if/run.js';
import { expandScenarios, sweepSize } from '../../src/what-if/scenarios.js';
import { whatIfJson } from '../../src/formats/what-if-json.js';
import { runWhatIfParallel, runWhatIfTask, splitRanges, WHAT_IF_HANDLER } from '../../src/app/what-if-parallel.js';
import type { WhatIfInput, WhatIfQueue } from '../../src/what-if/types.js';

/** Two 30-minute intervals; 100 calls each at 180 s is 10 Erlangs (reference case C01). */
function week(volume: number[], extra: Partial<WhatIfQueue> = {}): WhatIfQueue {
  return {
    name: 'q',
    intervalMinutes: 30,
    params: { model: 'erlang-c', targets: { serviceLevel: 0.8, answerSeconds: 20 }, shrinkage: 0.3 },
    volume: Float64Array.from(volume),
    ahtSeconds: Float64Array.from(volume.map(() => 180)),
    ...extra,
  };
}

describe('what-if core', () => {
  it('staffs the base as the reference: 10 Erlangs at 80/20 need 14 agents, SL 0.888350019179 (../shared/reference/erlang-cases.json C01)', () => {
    const r = evaluateQueueScenario(week([100, 100]), { name: 'base' }, 'intervals');
    // Headcount: ceil(14 / (1 - 0.3)) = 20 (computed by hand). Hours: 2 intervals x 0.5 h.
    expect(Array.from(r.headcount ?? [])).toEqual([20, 20]);
    expect(r.agentHours).toBe(14);
    expect(r.headcountHours).toBe(20);
    expect(r.peakHeadcount).toBe(20);
    expect(r.serviceLevel).toBeCloseTo(0.888350019179, 9);
    expect(r.unmetIntervals).toBe(0);
  });

  it('applies a volume factor: 50 calls x 2 is the same 10 Erlangs (C01)', () => {
    const r = evaluateQueueScenario(week([50, 50]), { name: 'x2', volumeFactor: 2 }, 'summary');
    expect(r.agentHours).toBe(14);
    expect(r.headcount).toBeUndefined();
    expect(r.serviceLevel).toBeCloseTo(0.888350019179, 9);
  });

  it('applies an AHT factor and a target: 60 calls per 30 min at 180 x 2 s, 80/60 s in 1 h terms is C10 (13 agents)', () => {
    // C10: 200 calls per hour at 180 s = 10 Erlangs; 80 % in 60 s -> 13 agents, SL 0.895054865154.
    const q = week([100], { ahtSeconds: Float64Array.of(90) });
    const r = evaluateQueueScenario(q, { name: 's', ahtFactor: 2, answerSeconds: 60, shrinkage: 0 }, 'intervals');
    expect(Array.from(r.headcount ?? [])).toEqual([13]);
    expect(r.serviceLevel).toBeCloseTo(0.895054865154, 9);
  });

  it("evaluates a fixed roster under the scenario's shrinkage: 19 heads -> 13 on the phones (C04), 16 -> 11 (C02)", () => {
    const q = week([100, 100], { rosterHeadcount: Float64Array.of(19, 16) });
    const r = evaluateQueueScenario(q, { name: 'base' }, 'intervals');
    // floor(19 x 0.7) = 13: SL 0.795594788418 (C04); floor(16 x 0.7) = 11: SL 0.389613811729 (C02).
    expect(r.roster?.serviceLevelByInterval?.[0]).toBeCloseTo(0.795594788418, 9);
    expect(r.roster?.serviceLevelByInterval?.[1]).toBeCloseTo(0.389613811729, 9);
    expect(r.roster?.serviceLevel).toBeCloseTo((0.795594788418 + 0.389613811729) / 2, 9);
    // 14 required in each: short by 1 and 3 (computed by hand).
    expect(r.roster?.intervalsUnderRequirement).toBe(2);
    expect(r.roster?.shortAgentIntervals).toBe(4);
  });

  it('adds queues into scenario totals, volume-weighting the service level', () => {
    const input: WhatIfInput = {
      queues: [
        week([100, 100]),
        {
          ...week([100]),
          name: 'r',
          ahtSeconds: Float64Array.of(90),
          params: { model: 'erlang-c', targets: { serviceLevel: 0.8, answerSeconds: 60 } },
        },
      ],
      scenarios: [{ name: 'base', ahtFactor: 2 }, { name: 'base' }],
      detail: 'summary',
    };
    const [first] = runWhatIf(input, 0, 1).scenarios;
    const a = evaluateQueueScenario(input.queues[0] as WhatIfQueue, { name: 'base', ahtFactor: 2 }, 'summary');
    const b = evaluateQueueScenario(input.queues[1] as WhatIfQueue, { name: 'base', ahtFactor: 2 }, 'summary');
    expect(first?.totals.agentHours).toBeCloseTo(a.agentHours + b.agentHours, 12);
    expect(first?.totals.serviceLevel).toBeCloseTo(
      ((a.serviceLevel as number) * 200 + (b.serviceLevel as number) * 100) / 300,
      12,
    );
  });

  it('drops Erlang A fields when a scenario switches a queue to Erlang C, and replaces targets', () => {
    const q = week([1], {
      params: {
        model: 'erlang-a',
        patienceSeconds: 60,
        queueCapacity: 50,
        targets: { serviceLevel: 0.8, answerSeconds: 20, maxAbandonRate: 0.05 },
      },
    });
    const p = scenarioParams(q, {
      name: 'c',
      model: 'erlang-c',
      serviceLevel: 0.9,
      maxOccupancy: 0.85,
      shrinkage: 0.25,
    });
    expect(p).toEqual({
      model: 'erlang-c',
      targets: { serviceLevel: 0.9, answerSeconds: 20, maxOccupancy: 0.85 },
      shrinkage: 0.25,
    });
  });

  it('evaluates a roster under Erlang A and under Erlang C: 14 on the phones give 0.916792091864 (A01) and 0.888350019179 (C01)', () => {
    const q = week([100], {
      params: {
        model: 'erlang-a',
        patienceSeconds: 300,
        targets: { serviceLevel: 0.8, answerSeconds: 20 },
        shrinkage: 0.3,
      },
      rosterHeadcount: Float64Array.of(20),
    });
    // floor(20 x 0.7) = 14 agents on the phones (computed by hand).
    const a = evaluateQueueScenario(q, { name: 'a' }, 'intervals');
    expect(a.roster?.serviceLevel).toBeCloseTo(0.916792091864, 9);
    const c = evaluateQueueScenario(q, { name: 'c', model: 'erlang-c' }, 'intervals');
    expect(c.roster?.serviceLevel).toBeCloseTo(0.888350019179, 9);
    // With abandonment, no more agents than Erlang C's 14 are needed for 80/20.
    expect(a.agentHours).toBeLessThanOrEqual(c.agentHours);
    expect(c.agentHours).toBe(7);
  });

  it('more volume never needs fewer heads (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (volumes, factor) => {
          const q = week(volumes);
          const base = evaluateQueueScenario(q, { name: 'b' }, 'intervals');
          const more = evaluateQueueScenario(q, { name: 'm', volumeFactor: factor }, 'intervals');
          base.headcount?.forEach((h, i) => expect(more.headcount?.[i] as number).toBeGreaterThanOrEqual(h));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('scenarios', () => {
  it('expands the list first, then every combination of the sweep, the last key varying fastest', () => {
    const s = expandScenarios([{ name: 'mine', ahtFactor: 1.1 }], { volumeFactor: [1, 1.1], serviceLevel: [0.8, 0.9] });
    expect(sweepSize({ volumeFactor: [1, 1.1], serviceLevel: [0.8, 0.9] })).toBe(4);
    expect(s.map((x) => [x.serviceLevel, x.volumeFactor])).toEqual([
      [undefined, undefined],
      [0.8, 1],
      [0.8, 1.1],
      [0.9, 1],
      [0.9, 1.1],
    ]);
    expect(s[0]?.name).toBe('mine');
    expect(s[2]?.name).toBe('volume x1.1, SL 80%/base s');
  });

  it('is the base alone with neither a list nor a sweep', () => {
    expect(expandScenarios([], undefined)).toEqual([{ name: 'base' }]);
    expect(expandScenarios([], {})).toEqual([{ name: 'base' }]);
  });
});

describe('parallel split', () => {
  it('cuts scenarios into contiguous ranges covering each exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 16 }), (count, parts) => {
        const ranges = splitRanges(count, parts);
        expect(ranges[0]?.[0]).toBe(0);
        expect(ranges.at(-1)?.[1]).toBe(count);
        for (let k = 1; k < ranges.length; k++) expect(ranges[k]?.[0]).toBe(ranges[k - 1]?.[1]);
      }),
    );
  });

  it('gives the same result as the single-threaded path, whatever the split', async () => {
    const input: WhatIfInput = {
      queues: [week([100, 80, 120, 0])],
      scenarios: expandScenarios([], { volumeFactor: [0.9, 1, 1.1, 1.2, 1.3], shrinkage: [0.2, 0.3] }),
      detail: 'intervals',
    };
    const runner = {
      threads: 3,
      run: async (name: string, payload: unknown) => {
        expect(name).toBe(WHAT_IF_HANDLER);
        return structuredClone(runWhatIfTask(structuredClone(payload) as Parameters<typeof runWhatIfTask>[0]));
      },
    };
    const parallel = await runWhatIfParallel(runner, input, { minCellsPerThread: 1 });
    expect(parallel).toEqual(runWhatIf(input));
    expect(parallel.scenarios.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('JSON form', () => {
  it('writes columns as arrays and an unmet interval (NaN) as null', () => {
    const json = whatIfJson({
      scenarioCount: 1,
      intervalCount: 2,
      scenarios: [
        {
          index: 0,
          name: 'base',
          changes: {},
          totals: { agentHours: 1, headcountHours: 1, serviceLevel: 0.9, unmetIntervals: 1, rosterServiceLevel: 0.5 },
          queues: [
            {
              name: 'q',
              agentHours: 1,
              headcountHours: 1,
              peakHeadcount: 2,
              serviceLevel: 0.9,
              unmetIntervals: 1,
              headcount: Float64Array.of(2, NaN),
              roster: {
                serviceLevel: 0.5,
                intervalsUnderRequirement: 1,
                shortAgentIntervals: 1,
                serviceLevelByInterval: Float64Array.of(0.5, 0.25),
              },
            },
          ],
        },
      ],
    });
    const q = json.scenarios[0]?.queues[0];
    expect(q?.headcount).toEqual([2, null]);
    expect(q?.roster?.serviceLevelByInterval).toEqual([0.5, 0.25]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
