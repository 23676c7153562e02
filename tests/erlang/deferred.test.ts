import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staffDeferred, staffQueue } from '../../src/erlang/index.js';

describe('staffDeferred (email: work within a deadline)', () => {
  it('steady work: 1 agent-hour per hour, 2-hour deadline (computed by hand)', () => {
    // 10 emails x 360 s = 1 agent-hour per hour. At hour 0 the smallest constant rate meeting every
    // later deadline is max(1/2, 2/3, 3/4, 4/5) = 0.8 (the horizon counts as open past its end);
    // one agent then clears each hour's work, so hours 1..3 need max(1/2, 2/3, 3/4), max(1/2, 2/3), 1/2.
    const plan = staffDeferred({
      intervalMinutes: 60,
      intervals: Array.from({ length: 4 }, () => ({ volume: 10, ahtSeconds: 360 })),
      deferred: { deadlineHours: 2 },
    });
    expect(plan.intervals.map((r) => r.agents)).toEqual([1, 1, 1, 1]);
    const fractional = plan.intervals.map((r) => r.agentsFractional);
    [0.8, 0.75, 2 / 3, 0.5].forEach((want, i) => expect(fractional[i]).toBeCloseTo(want, 12));
    expect(plan.intervals.every((r) => r.onTimeShare === 1)).toBe(true);
    expect(plan.totals).toMatchObject({
      workloadHours: 4,
      workedHours: 4,
      agentHours: 4,
      carriedOverHours: 0,
      lateHours: 0,
      occupancy: 1,
    });
  });

  it('a burst is spread over its deadline window, not done at the last moment (computed by hand)', () => {
    // 40 emails x 360 s = 4 agent-hours arriving in hour 0, due within 4 hours: 4 / 4 = 1 agent per hour.
    const plan = staffDeferred({
      intervalMinutes: 60,
      intervals: [
        { volume: 40, ahtSeconds: 360 },
        { volume: 0, ahtSeconds: 360 },
        { volume: 0, ahtSeconds: 360 },
        { volume: 0, ahtSeconds: 360 },
      ],
      deferred: { deadlineHours: 4 },
    });
    expect(plan.intervals.map((r) => r.agents)).toEqual([1, 1, 1, 1]);
    expect(plan.intervals[0]!.onTimeShare).toBe(1);
    // Done 1 hour in each of hours 0..3: mean delay (0 + 1 + 2 + 3) / 4 hours = 5,400 s.
    expect(plan.intervals[0]!.meanDelaySeconds).toBeCloseTo(5400, 9);
  });

  it('occupancy target and shrinkage: 1 agent-hour at 80 % is 1.25 agents -> 2, headcount 3 at 30 %', () => {
    const plan = staffDeferred({
      intervalMinutes: 60,
      intervals: [{ volume: 10, ahtSeconds: 360 }],
      deferred: { deadlineHours: 1, maxOccupancy: 0.8 },
      shrinkage: 0.3,
    });
    // Computed by hand: 1 / 0.8 = 1.25 -> 2 agents; ceil(2 / 0.7) = 3.
    expect(plan.intervals[0]).toMatchObject({ agents: 2, headcount: 3 });
    expect(plan.intervals[0]!.agentsFractional).toBeCloseTo(1.25, 12);
  });

  it('closed intervals: work whose whole window is closed is late and done at the next opening', () => {
    const plan = staffDeferred({
      intervalMinutes: 60,
      intervals: [
        { volume: 0, ahtSeconds: 360 },
        { volume: 10, ahtSeconds: 360 },
        { volume: 0, ahtSeconds: 360 },
      ],
      deferred: { deadlineHours: 1, open: [true, false, true] },
    });
    expect(plan.intervals[1]!.agents).toBe(0);
    expect(plan.intervals[2]!.agents).toBe(1);
    expect(plan.totals.lateHours).toBeCloseTo(1, 12);
    expect(plan.intervals[1]!.onTimeShare).toBe(0);
  });

  it('property: every contact whose window has an open interval is finished by its deadline', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            volume: fc.integer({ min: 0, max: 60 }),
            ahtSeconds: fc.integer({ min: 30, max: 900 }),
            open: fc.boolean(),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(15, 30, 60),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (rows, deadlineSteps, intervalMinutes, maxOccupancy) => {
          const deadlineHours = (deadlineSteps * intervalMinutes) / 60;
          const open = rows.map((r) => r.open);
          const plan = staffDeferred({
            intervalMinutes,
            intervals: rows,
            deferred: { deadlineHours, maxOccupancy, open },
          });
          // Independent replay: first-in-first-out with the reported agents x occupancy per interval.
          const n = rows.length;
          const left = rows.map((r) => (r.volume * r.ahtSeconds) / (intervalMinutes * 60));
          const finishedAt = left.map((w) => (w === 0 ? -1 : Infinity));
          let head = 0;
          for (let i = 0; i < n; i++) {
            const agents = plan.intervals[i]!.agents;
            expect(agents).toBeGreaterThanOrEqual(0);
            if (!open[i]) expect(agents).toBe(0);
            let capacity = agents * maxOccupancy;
            while (head <= i && head < n && capacity > 0) {
              const take = Math.min(capacity, left[head]!);
              left[head] = left[head]! - take;
              capacity -= take;
              if (left[head]! <= 1e-9) {
                if (finishedAt[head] === Infinity) finishedAt[head] = i;
                head++;
              } else break;
            }
            while (head <= i && head < n && left[head]! <= 1e-9) {
              if (finishedAt[head] === Infinity) finishedAt[head] = i;
              head++;
            }
          }
          for (let k = 0; k < n; k++) {
            const last = Math.min(k + deadlineSteps - 1, n - 1);
            let due = -1;
            for (let j = last; j >= k; j--)
              if (open[j]) {
                due = j;
                break;
              }
            if (due < 0 || k + deadlineSteps - 1 > n - 1) continue; // no open interval, or due past the horizon
            expect(finishedAt[k], `arrivals of interval ${k} due by ${due}`).toBeLessThanOrEqual(due);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('staffQueue with deferred work', () => {
  it('maps the plan to staffing rows: service level = share done by the deadline', () => {
    const out = staffQueue({
      intervalMinutes: 60,
      params: { model: 'erlang-c', targets: {} },
      intervals: Array.from({ length: 4 }, () => ({ volume: 10, ahtSeconds: 360 })),
      deferred: { deadlineHours: 2 },
    });
    expect(out.intervals.map((r) => r.agents)).toEqual([1, 1, 1, 1]);
    expect(out.totals.serviceLevel).toBe(1);
    expect(out.totals.agentHours).toBe(4);
    expect(out.totals.unmetIntervals).toBe(0);
  });
});
