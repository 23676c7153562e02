import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ShiftPlanRulesInput } from '../../../src/contracts/shift-plan.js';
import { plan, recompute, requirement } from './helpers.js';

const fourHours = (from = '08:00', to = '16:00'): ShiftPlanRulesInput => ({
  templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from, to, stepMinutes: 60 }] }],
});

/** Hourly demand for one day, 0 outside [8, 20). */
function day(blocks: [from: number, to: number, agents: number][]): number[] {
  const out = new Array<number>(24).fill(0);
  for (const [from, to, agents] of blocks) for (let h = from; h < to; h++) out[h] = agents;
  return out;
}

describe('shift plan: exact small cases', () => {
  it('solves a single day without breaks exactly (LP = MIP)', async () => {
    // Computed by hand: demand 2 (08-12), 3 (12-16), 1 (16-20) with 4-hour shifts starting on the
    // hour 08:00-16:00 is covered exactly by 2 x 08:00, 3 x 12:00, 1 x 16:00 = 24 paid hours, and
    // 24 agent-hours of demand is also the LP bound (every paid hour covers one demanded hour).
    const p = await plan(
      requirement(
        day([
          [8, 12, 2],
          [12, 16, 3],
          [16, 20, 1],
        ]),
      ),
      fourHours(),
    );
    expect(p.quality.paidHours).toBe(24);
    expect(p.quality.lpBound).toBeCloseTo(24, 6);
    expect(p.quality.paidOverBound).toBeCloseTo(1, 9);
    expect(p.quality.status).toBe('optimal');
    expect(p.quality.underCoverageAgentIntervals).toBe(0);
    expect(p.quality.overCoverageAgentIntervals).toBe(0);
    expect(p.shifts.map((s) => [s.start, s.count])).toEqual([
      ['2026-03-02T08:00:00Z', 2],
      ['2026-03-02T12:00:00Z', 3],
      ['2026-03-02T16:00:00Z', 1],
    ]);
  });

  it('reports an interval no shift can cover by name, and still plans the rest', async () => {
    // 06:00 has demand but shifts start 08:00 at the earliest.
    const req = day([[8, 12, 1]]);
    req[6] = 1;
    const p = await plan(requirement(req), fourHours());
    expect(p.uncoverable).toHaveLength(1);
    expect(p.uncoverable[0]?.start).toBe('2026-03-02T06:00:00Z');
    expect(p.uncoverable[0]?.reason).toMatch(/'pt4' starts 08:00-16:00/);
    expect(p.quality.underCoverageAgentIntervals).toBe(1);
    expect(p.quality.paidHours).toBe(4);
  });

  it('places an unpaid lunch so that on-phone coverage is exact', async () => {
    // Computed by hand: 2 agents needed 08-17 on 30-min intervals; a 480-min paid shift with a
    // 30-min unpaid lunch spans 08:00-16:30 or 08:30-17:00. Two agents cannot cover 18 intervals
    // of 2 with lunches: the plan needs a third agent at least during lunches.
    const req = new Array<number>(48).fill(0);
    for (let s = 16; s < 34; s++) req[s] = 2;
    const p = await plan(requirement(req, 30), {
      templates: [
        { name: 'ft8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:30', stepMinutes: 30 }] },
        { name: 'pt4', paidMinutes: 240, costWeight: 1.2, starts: [{ from: '08:00', to: '13:00', stepMinutes: 30 }] },
      ],
      breakRules: [
        {
          template: 'ft8',
          breaks: [
            {
              name: 'lunch',
              minutes: 30,
              paid: false,
              earliestStartMinutes: 180,
              latestStartMinutes: 300,
              stepMinutes: 30,
            },
          ],
        },
      ],
    });
    const r = recompute(p);
    expect(p.quality.underCoverageAgentIntervals).toBe(0);
    p.coverage.forEach((c, s) => expect(c.onPhone).toBe((r.onShift[s] as number) - (r.onBreak[s] as number)));
    expect(p.shifts.flatMap((s) => s.instances.flatMap((i) => i.breaks.map((b) => b.name)))).toContain('lunch');
  });

  it('keeps the 23 hours of a spring-forward day (Europe/Paris, 2026-03-29)', async () => {
    // 2026-03-29 00:00+01:00 is 2026-03-28T23:00Z; the local day has 23 hourly intervals.
    const req = new Array<number>(23).fill(0);
    for (let s = 9; s < 17; s++) req[s] = 1; // 10:00-18:00 local (after the 02:00 -> 03:00 jump)
    const p = await plan(requirement(req, 60, '2026-03-28T23:00:00Z', 'Europe/Paris'), fourHours('10:00', '14:00'));
    expect(p.grid.slotCount).toBe(23);
    expect(p.shifts[0]?.start).toBe('2026-03-29T10:00:00+02:00');
    expect(p.quality.underCoverageAgentIntervals).toBe(0);
    expect(p.quality.paidHours).toBe(8);
  });

  it('keeps the 25 hours of a fall-back day (Europe/Paris, 2026-10-25)', async () => {
    // 2026-10-25 00:00+02:00 is 2026-10-24T22:00Z; 02:00-03:00 local happens twice: 25 hourly intervals.
    const req = new Array<number>(25).fill(0);
    for (let s = 11; s < 19; s++) req[s] = 2; // 10:00-18:00 local (+01:00 after the change)
    const p = await plan(requirement(req, 60, '2026-10-24T22:00:00Z', 'Europe/Paris'), fourHours('10:00', '14:00'));
    expect(p.grid.slotCount).toBe(25);
    expect(p.shifts.map((s) => [s.start, s.count])).toEqual([
      ['2026-10-25T10:00:00+01:00', 2],
      ['2026-10-25T14:00:00+01:00', 2],
    ]);
    expect(p.quality.underCoverageAgentIntervals).toBe(0);
  });

  it('reports demand outside the opening hours once per day and does not staff it', async () => {
    const req = day([[8, 12, 1]]);
    req[21] = 3; // 21:00, after closing at 20:00
    const p = await plan(requirement(req), { ...fourHours(), openingHours: [{ open: '08:00', close: '20:00' }] });
    const closed = p.issues.filter((i) => i.code === 'closed-demand');
    expect(closed).toHaveLength(1);
    expect(closed[0]?.message).toMatch(/1 intervals from 2026-03-02T21:00:00Z .*3 agent-intervals/);
    expect(p.quality.paidHours).toBe(4);
  });
});

/** Random small instances: 1 day of 30-min intervals, demand 0..4 between 08:00 and 20:00. */
const instance = fc.record({
  demand: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 24, maxLength: 24 }),
  soft: fc.boolean(),
  withPool: fc.boolean(),
  seats: fc.integer({ min: 1, max: 2 }),
});

function randomRules(soft: boolean, withPool: boolean, seats: number): ShiftPlanRulesInput {
  return {
    templates: [
      { name: 'ft6', paidMinutes: 360, starts: [{ from: '08:00', to: '14:00', stepMinutes: 30 }] },
      { name: 'pt3', paidMinutes: 180, costWeight: 1.1, starts: [{ from: '08:00', to: '17:00', stepMinutes: 30 }] },
    ],
    breakRules: [
      {
        template: 'ft6',
        breaks: [
          {
            name: 'break-1',
            minutes: 30,
            paid: true,
            earliestStartMinutes: 60,
            latestStartMinutes: 120,
            stepMinutes: 30,
          },
          {
            name: 'lunch',
            minutes: 30,
            paid: false,
            earliestStartMinutes: 180,
            latestStartMinutes: 270,
            stepMinutes: 30,
          },
        ],
      },
    ],
    coverage: soft ? { mode: 'soft', underPenaltyPerAgentInterval: 0.2 } : { mode: 'hard' },
    pool: withPool
      ? [
          {
            name: 'training',
            windowStart: '09:00',
            windowEnd: '18:00',
            sessionMinutes: 60,
            seatsPerSession: seats,
            sessionsPerDay: 2,
            priority: 'as-much-as-possible',
          },
        ]
      : [],
    solver: { timeLimitSeconds: 5, relativeGap: 0, seed: 1 },
  };
}

function requirementOf(demand: number[]): number[] {
  const req = new Array<number>(48).fill(0);
  demand.forEach((d, k) => (req[16 + k] = d));
  return req;
}

describe('shift plan: properties over random small instances', () => {
  it('coverage in the output equals coverage recomputed from the listed shifts, breaks and sessions', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async ({ demand, soft, withPool, seats }) => {
        const p = await plan(requirement(requirementOf(demand), 30), randomRules(soft, withPool, seats));
        const r = recompute(p);
        p.coverage.forEach((c, s) => {
          expect(c.onShift).toBe(r.onShift[s]);
          expect(c.onBreak).toBe(r.onBreak[s]);
          expect(c.inRetraining).toBe(r.inRetraining[s]);
          expect(c.onPhone).toBe((r.onShift[s] as number) - (r.onBreak[s] as number) - (r.inRetraining[s] as number));
          expect(c.under).toBe(Math.max(0, c.required - c.onPhone));
          expect(c.over).toBe(Math.max(0, c.onPhone - c.required));
        });
        expect(p.quality.underCoverageAgentIntervals).toBe(p.coverage.reduce((sum, c) => sum + c.under, 0));
        expect(p.quality.paidHours).toBe(p.shifts.reduce((sum, s) => sum + s.count * s.paidHours, 0));
        // Suggested seating: each attendee is on shift for the whole session and not on break in it.
        for (const session of p.retraining) {
          for (const a of session.attendees ?? []) {
            const shift = p.shifts[a.shift];
            expect(shift && shift.startSlot <= session.startSlot && shift.endSlot >= session.endSlot).toBe(true);
            const breaks = shift?.instances[a.instance]?.breaks ?? [];
            expect(breaks.some((b) => b.startSlot < session.endSlot && b.endSlot > session.startSlot)).toBe(false);
          }
        }
      }),
      { numRuns: 15, seed: 4 },
    );
  });

  it('hard mode never returns under-coverage on coverable intervals', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async ({ demand, withPool, seats }) => {
        const p = await plan(requirement(requirementOf(demand), 30), randomRules(false, withPool, seats));
        expect(p.uncoverable).toEqual([]);
        expect(p.quality.underCoverageAgentIntervals).toBe(0);
        expect(p.coverage.every((c) => c.onPhone >= c.required)).toBe(true);
        expect(p.quality.lpBound).toBeLessThanOrEqual(p.quality.objective + 1e-6);
      }),
      { numRuns: 15, seed: 5 },
    );
  });

  it('pool sessions never push coverage below the requirement (soft mode included)', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async ({ demand, soft, seats }) => {
        const p = await plan(requirement(requirementOf(demand), 30), randomRules(soft, true, seats));
        for (const c of p.coverage) if (c.inRetraining > 0) expect(c.onPhone).toBeGreaterThanOrEqual(c.required);
        expect(p.quality.poolHoursPlaced).toBeLessThanOrEqual(p.quality.poolHoursRequested + 1e-9);
      }),
      { numRuns: 15, seed: 6 },
    );
  });
});
