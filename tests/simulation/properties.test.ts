/**
 * Properties of the simulation (fast-check, fixed seeds): conservation, monotone staffing,
 * priorities. Monotone staffing holds exactly for one FCFS queue under common random numbers: each
 * contact carries its own arrival time, patience and handle time, and the Kiefer-Wolfowitz
 * workload recursion of G/G/c is monotone in c (Kiefer & Wolfowitz 1955, Ann. Math. Stat. 26(1)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  simulateReplication,
  simulateReplications,
  summariseReplications,
  type SimModel,
} from '../../src/simulation/index.js';
import { singleQueueModel } from './helpers.js';

const modelArb: fc.Arbitrary<SimModel> = fc
  .record({
    intervals: fc.integer({ min: 1, max: 6 }),
    queues: fc.integer({ min: 1, max: 3 }),
    groups: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ intervals, queues, groups }) =>
    fc.record({
      intervalMinutes: fc.constantFrom(15, 30),
      intervals: fc.constant(intervals),
      queues: fc.array(
        fc.record({
          name: fc.constant('q'),
          priority: fc.integer({ min: 0, max: 2 }),
          volume: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: intervals, maxLength: intervals }),
          handleTime: fc.oneof(
            fc.record({ kind: fc.constant('exponential' as const), meanSeconds: fc.integer({ min: 30, max: 600 }) }),
            fc.record({
              kind: fc.constant('lognormal' as const),
              meanSeconds: fc.integer({ min: 30, max: 600 }),
              cv: fc.double({ min: 0, max: 2, noNaN: true }),
            }),
          ),
          patienceSeconds: fc.option(fc.integer({ min: 5, max: 600 }), { nil: undefined }),
          answerSeconds: fc.integer({ min: 0, max: 60 }),
        }),
        { minLength: queues, maxLength: queues },
      ),
      groups: fc.array(
        fc.record({
          name: fc.constant('g'),
          skills: fc.uniqueArray(fc.integer({ min: 0, max: queues - 1 }), { minLength: 1, maxLength: queues }),
          agents: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: intervals, maxLength: intervals }),
        }),
        { minLength: groups, maxLength: groups },
      ),
    }),
  )
  .map((m) => m as SimModel);

describe('simulation properties (fast-check)', () => {
  it('offered = answered + abandoned + still waiting at the end, per queue and interval', () => {
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 0, max: 2 ** 31 }), (model, seed) => {
        const r = simulateReplication(model, seed, 0);
        let total = 0;
        for (let k = 0; k < r.offered.length; k++) {
          expect(r.offered[k]).toBe(
            (r.answered[k] as number) + (r.abandoned[k] as number) + (r.waitingAtEnd[k] as number),
          );
          expect(r.answeredWithin[k]).toBeLessThanOrEqual(r.answered[k] as number);
          expect(r.abandonedWithin[k]).toBeLessThanOrEqual(r.abandoned[k] as number);
          total += r.offered[k] as number;
        }
        expect(total).toBe(r.contacts);
        // Agent time is never negative and never exceeds the interval's length times the group's
        // agents (its largest staffing: a busy agent past its slot still counts).
        const seconds = model.intervalMinutes * 60;
        model.groups.forEach((g, k) => {
          const most = Math.max(...Array.from(g.agents ?? [0]));
          for (let i = 0; i < model.intervals; i++) {
            const busy = r.busySeconds[k * model.intervals + i] as number;
            const idle = r.idleSeconds[k * model.intervals + i] as number;
            expect(busy).toBeGreaterThanOrEqual(0);
            expect(idle).toBeGreaterThanOrEqual(-1e-6);
            expect(busy + idle).toBeLessThanOrEqual(most * seconds + 1e-6);
          }
        });
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it('one queue, common random numbers: one more agent never lowers the SL nor raises the ASA (FCFS G/G/c with handle times drawn per contact)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 200 }),
        fc.integer({ min: 60, max: 400 }),
        fc.option(fc.integer({ min: 10, max: 600 }), { nil: undefined }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (volume, aht, patience, seed) => {
          const erlangs = (volume * aht) / 1800;
          let prevSl = -1;
          let prevAsa = Infinity;
          for (let n = Math.max(1, Math.floor(erlangs) - 2); n <= Math.ceil(erlangs) + 6; n++) {
            const o = {
              volumePerInterval: volume,
              intervalMinutes: 30,
              intervals: 8,
              ahtSeconds: aht,
              agents: n,
              answerSeconds: 20,
            };
            const model = singleQueueModel(patience === undefined ? o : { ...o, patienceSeconds: patience });
            const q = summariseReplications([simulateReplication(model, seed, 0)]).queues[0]!;
            const sl = q.serviceLevel.mean;
            const asa = q.answered.mean > 0 ? q.asaSeconds.mean : 0;
            expect(sl).toBeGreaterThanOrEqual(prevSl - 1e-12);
            if (patience === undefined) expect(asa).toBeLessThanOrEqual(prevAsa + 1e-9);
            prevSl = sl;
            prevAsa = asa;
          }
        },
      ),
      { numRuns: 25, seed: 20261203 },
    );
  });

  it('a higher-priority queue never waits longer on average than a lower one under equal load', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 100 }),
        fc.integer({ min: 100, max: 300 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (volume, aht, seed) => {
          const I = 16;
          const erlangs = (2 * volume * aht) / 1800;
          const q = (priority: number): SimModel['queues'][number] => ({
            name: `p${priority}`,
            priority,
            volume: new Array<number>(I).fill(volume),
            handleTime: { kind: 'exponential', meanSeconds: aht },
            answerSeconds: 20,
          });
          const model: SimModel = {
            intervalMinutes: 30,
            intervals: I,
            queues: [q(1), q(0)],
            groups: [
              { name: 'both', skills: [0, 1], agents: new Array<number>(I).fill(Math.ceil(erlangs * 1.05) + 1) },
            ],
          };
          const s = summariseReplications(simulateReplications(model, { seed, replications: 4 }));
          const [high, low] = s.queues;
          expect(high!.asaSeconds.mean).toBeLessThanOrEqual(low!.asaSeconds.mean);
        },
      ),
      { numRuns: 15, seed: 20261203 },
    );
  });
});
