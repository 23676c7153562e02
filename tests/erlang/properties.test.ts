import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateInterval,
  meetsTargets,
  missedTargets,
  solveErlangCAgents,
  solveInterval,
} from '../../src/erlang/index.js';
import type { QueueParams, StaffingTargets } from '../../src/erlang/index.js';

const intervalMinutes = 15;
/** A load of `erlangs` with AHT `aht`: volume = A x 900 / AHT. */
const loadOf = (erlangs: number, aht: number) => ({
  volume: (erlangs * intervalMinutes * 60) / aht,
  ahtSeconds: aht,
  intervalMinutes,
});

const erlangsArb = fc.double({ min: 0.05, max: 300, noNaN: true });
const ahtArb = fc.integer({ min: 20, max: 900 });
const targetsArb: fc.Arbitrary<StaffingTargets> = fc.record(
  {
    serviceLevel: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
    answerSeconds: fc.integer({ min: 0, max: 120 }),
    maxAsaSeconds: fc.double({ min: 1, max: 300, noNaN: true }),
    maxOccupancy: fc.double({ min: 0.6, max: 0.95, noNaN: true }),
  },
  { requiredKeys: [] },
);

describe('Erlang C properties (fast-check)', () => {
  it('SL never falls, P(wait) never rises as N grows, and 0 <= P(wait) <= 1', () => {
    fc.assert(
      fc.property(erlangsArb, ahtArb, fc.integer({ min: 0, max: 60 }), (a, aht, t) => {
        const params: QueueParams = { model: 'erlang-c', targets: { answerSeconds: t } };
        let prev = evaluateInterval(loadOf(a, aht), params, 0);
        for (let n = 1; n <= Math.ceil(a) + 40; n++) {
          const m = evaluateInterval(loadOf(a, aht), params, n);
          expect(m.probWait).toBeGreaterThanOrEqual(0);
          expect(m.probWait).toBeLessThanOrEqual(1);
          expect(m.serviceLevel).toBeGreaterThanOrEqual(prev.serviceLevel - 1e-12);
          expect(m.probWait).toBeLessThanOrEqual(prev.probWait + 1e-12);
          prev = m;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the returned N meets every target, N - 1 misses one, agentsFractional is in (N - 1, N], and the hot path agrees', () => {
    fc.assert(
      fc.property(erlangsArb, ahtArb, targetsArb, (a, aht, targets) => {
        const params: QueueParams = { model: 'erlang-c', targets };
        const solved = solveInterval(loadOf(a, aht), params);
        expect(solved.met).toBe(true);
        expect(solveErlangCAgents(solved.erlangs, aht, targets)).toBe(solved.agents);
        expect(meetsTargets(evaluateInterval(loadOf(a, aht), params, solved.agents), targets)).toBe(true);
        expect(
          missedTargets(evaluateInterval(loadOf(a, aht), params, solved.agents - 1), targets).length,
        ).toBeGreaterThan(0);
        expect(solved.agents).toBeGreaterThan(solved.erlangs);
        expect(solved.agentsFractional).toBeGreaterThan(solved.agents - 1);
        expect(solved.agentsFractional).toBeLessThanOrEqual(solved.agents);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Erlang A and chat properties (fast-check)', () => {
  const patienceArb = fc.integer({ min: 10, max: 1200 });
  it('SL and abandonment improve with N; probabilities stay in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 80, noNaN: true }),
        ahtArb,
        patienceArb,
        fc.integer({ min: 0, max: 60 }),
        (a, aht, patience, t) => {
          const params: QueueParams = { model: 'erlang-a', targets: { answerSeconds: t }, patienceSeconds: patience };
          let prev = evaluateInterval(loadOf(a, aht), params, 0);
          for (let n = 1; n <= Math.ceil(a) + 20; n++) {
            const m = evaluateInterval(loadOf(a, aht), params, n);
            for (const key of [
              'probWait',
              'serviceLevel',
              'abandonRate',
              'slVirtual',
              'slWaitEndedWithin',
              'slAnsweredOfAnswered',
              'occupancy',
            ] as const) {
              expect(m[key], key).toBeGreaterThanOrEqual(-1e-12);
              expect(m[key], key).toBeLessThanOrEqual(1 + 1e-12);
            }
            expect(m.serviceLevel).toBeGreaterThanOrEqual(prev.serviceLevel - 1e-9);
            expect(m.abandonRate!).toBeLessThanOrEqual(prev.abandonRate! + 1e-12);
            // Answered within t <= wait ended within t, and <= answered.
            expect(m.serviceLevel).toBeLessThanOrEqual(m.slWaitEndedWithin! + 1e-12);
            expect(m.serviceLevel).toBeLessThanOrEqual(1 - m.abandonRate! + 1e-12);
            prev = m;
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the returned N meets every target (abandonment cap included) and N - 1 misses one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 150, noNaN: true }),
        ahtArb,
        patienceArb,
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        fc.option(fc.double({ min: 0.5, max: 0.95, noNaN: true }), { nil: undefined }),
        (a, aht, patience, maxAbandonRate, serviceLevel) => {
          const targets: StaffingTargets = {
            maxAbandonRate,
            answerSeconds: 20,
            ...(serviceLevel !== undefined ? { serviceLevel } : {}),
          };
          const params: QueueParams = { model: 'erlang-a', targets, patienceSeconds: patience };
          const solved = solveInterval(loadOf(a, aht), params);
          expect(solved.met).toBe(true);
          expect(solved.abandonmentCapped).toBe(true);
          expect(meetsTargets(solved, targets)).toBe(true);
          if (solved.agents > 0) {
            expect(
              missedTargets(evaluateInterval(loadOf(a, aht), params, solved.agents - 1), targets).length,
            ).toBeGreaterThan(0);
            expect(solved.agentsFractional).toBeGreaterThan(solved.agents - 1);
            expect(solved.agentsFractional).toBeLessThanOrEqual(solved.agents);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('minimality by brute force: no smaller N meets every target (Erlang A and chat, all target kinds)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        ahtArb,
        patienceArb,
        targetsArb,
        fc.option(fc.double({ min: 0.01, max: 0.3, noNaN: true }), { nil: undefined }),
        fc.constantFrom('erlang-a', 'chat'),
        (a, aht, patience, base, maxAbandonRate, model) => {
          const targets: StaffingTargets = { ...base, ...(maxAbandonRate !== undefined ? { maxAbandonRate } : {}) };
          const params: QueueParams = {
            model,
            targets,
            patienceSeconds: patience,
            ...(model === 'chat' ? { chat: { ahtSecondsByConcurrency: [aht, aht * 1.5] } } : {}),
          };
          const solved = solveInterval(loadOf(a, aht), params);
          expect(solved.met).toBe(true);
          for (let n = 0; n < solved.agents; n++) {
            expect(
              meetsTargets(evaluateInterval(loadOf(a, aht), params, n), targets),
              `N = ${n} < ${solved.agents}`,
            ).toBe(false);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('Erlang A tends to Erlang C as patience grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        ahtArb,
        fc.integer({ min: 2, max: 10 }),
        (a, aht, spare) => {
          const n = Math.floor(a) + spare;
          const asC = evaluateInterval(loadOf(a, aht), { model: 'erlang-c', targets: { answerSeconds: 20 } }, n);
          const asA = evaluateInterval(
            loadOf(a, aht),
            { model: 'erlang-a', targets: { answerSeconds: 20 }, patienceSeconds: 1e9 },
            n,
          );
          expect(Math.abs(asA.probWait - asC.probWait)).toBeLessThan(1e-4);
          expect(Math.abs(asA.serviceLevel - asC.serviceLevel)).toBeLessThan(1e-4);
          expect(Math.abs(asA.asaSeconds - asC.asaSeconds)).toBeLessThan(1e-3 * (1 + asC.asaSeconds));
          expect(asA.abandonRate!).toBeLessThan(1e-4);
          // The gap shrinks as patience grows (to float noise, ~1e-10 at patience 1e9).
          const shorter = evaluateInterval(
            loadOf(a, aht),
            { model: 'erlang-a', targets: { answerSeconds: 20 }, patienceSeconds: 1e5 },
            n,
          );
          expect(Math.abs(asA.serviceLevel - asC.serviceLevel)).toBeLessThanOrEqual(
            Math.abs(shorter.serviceLevel - asC.serviceLevel) + 1e-9,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('chat with one chat per agent is Erlang A (same chain)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 60, noNaN: true }),
        ahtArb,
        patienceArb,
        fc.integer({ min: 0, max: 70 }),
        (a, aht, patience, n) => {
          const targets = { answerSeconds: 20 };
          const asA = evaluateInterval(loadOf(a, aht), { model: 'erlang-a', targets, patienceSeconds: patience }, n);
          const asChat = evaluateInterval(
            loadOf(a, aht),
            { model: 'chat', targets, patienceSeconds: patience, chat: { ahtSecondsByConcurrency: [aht] } },
            n,
          );
          for (const key of [
            'probWait',
            'serviceLevel',
            'abandonRate',
            'asaSeconds',
            'slVirtual',
            'occupancy',
            'queueLength',
          ] as const) {
            const x = asA[key]!;
            expect(Math.abs(asChat[key]! - x), key).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(x)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('chat: more concurrency at the same per-chat AHT needs no more agents', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 60, noNaN: true }), ahtArb, (a, aht) => {
        const targets = { serviceLevel: 0.8, answerSeconds: 30, maxAbandonRate: 0.05 };
        const one = solveInterval(loadOf(a, aht), {
          model: 'chat',
          targets,
          patienceSeconds: 180,
          chat: { ahtSecondsByConcurrency: [aht] },
        });
        const two = solveInterval(loadOf(a, aht), {
          model: 'chat',
          targets,
          patienceSeconds: 180,
          chat: { ahtSecondsByConcurrency: [aht, aht * 1.4] },
        });
        expect(two.met && one.met).toBe(true);
        expect(two.agents).toBeLessThanOrEqual(one.agents);
      }),
      { numRuns: 40 },
    );
  });
});
