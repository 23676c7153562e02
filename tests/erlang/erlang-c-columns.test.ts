import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staffErlangCColumns } from '../../src/erlang/erlang-c-columns.js';
import { staffQueue } from '../../src/erlang/index.js';
import type { StaffingTargets } from '../../src/erlang/index.js';

describe('staffErlangCColumns', () => {
  it('solves the reference interval: 100 calls in 30 min at 180 s, 80 % in 20 s', () => {
    // ../shared/reference/erlang-cases.json C01: 14 agents; headcount at 30 % shrinkage
    // ceil(14 / 0.7) = 20 (computed by hand).
    const out = staffErlangCColumns({
      intervalMinutes: 30,
      count: 2,
      volume: Float64Array.of(100, 0),
      ahtSeconds: Float64Array.of(180, 0),
      targets: { serviceLevel: 0.8, answerSeconds: 20 },
      shrinkage: 0.3,
    });
    expect(Array.from(out.agents)).toEqual([14, 0]); // no volume needs no agent (design.md)
    expect(Array.from(out.headcount)).toEqual([20, 0]);
    expect(out.firstUnreachable).toBe(-1);
  });

  it('refuses a count beyond its arrays', () => {
    expect(() =>
      staffErlangCColumns({
        intervalMinutes: 15,
        count: 3,
        volume: new Float64Array(2),
        ahtSeconds: new Float64Array(2),
        targets: {},
      }),
    ).toThrow(RangeError);
  });

  const targets: fc.Arbitrary<StaffingTargets> = fc
    .record(
      {
        serviceLevel: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        answerSeconds: fc.integer({ min: 0, max: 120 }),
        maxAsaSeconds: fc.double({ min: 0.5, max: 300, noNaN: true }),
        maxOccupancy: fc.double({ min: 0.3, max: 1, noNaN: true }),
      },
      { requiredKeys: [] },
    )
    .filter((t) => t.serviceLevel === undefined || t.answerSeconds !== undefined);

  it("gives staffQueue's agents and headcount, interval by interval, on random queues", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(5, 10, 15, 30, 60),
        fc.array(
          fc.record({
            volume: fc.oneof(
              fc.constant(0),
              fc.integer({ min: 0, max: 2000 }),
              fc.double({ min: 0, max: 500, noNaN: true }),
            ),
            ahtSeconds: fc.integer({ min: 1, max: 900 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        targets,
        fc.option(fc.double({ min: 0, max: 0.95, noNaN: true }), { nil: undefined }),
        fc.boolean(),
        (intervalMinutes, distinct, t, shrinkage, repeat) => {
          // Repeated loads in a row too (the solver reuses the answer of an identical interval).
          const loads = repeat ? distinct.flatMap((l) => [l, l, { ...l, ahtSeconds: l.ahtSeconds + 1 }]) : distinct;
          const full = staffQueue({
            intervalMinutes,
            params: { model: 'erlang-c', targets: t, ...(shrinkage === undefined ? {} : { shrinkage }) },
            intervals: loads,
          });
          const cols = staffErlangCColumns({
            intervalMinutes,
            count: loads.length,
            volume: Float64Array.from(loads, (l) => l.volume),
            ahtSeconds: Float64Array.from(loads, (l) => l.ahtSeconds),
            targets: t,
            shrinkage,
          });
          full.intervals.forEach((row, i) => {
            if (!row.met) {
              expect(cols.agents[i]).toBe(-1);
              return;
            }
            expect(cols.agents[i]).toBe(row.agents);
            expect(cols.headcount[i]).toBe(row.headcount);
          });
          expect(cols.firstUnreachable).toBe(full.intervals.findIndex((row) => !row.met));
        },
      ),
      { numRuns: 300 },
    );
  });
});
