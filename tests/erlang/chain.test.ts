/**
 * The Erlang A and chat chains against a naive dense implementation written here from the model's
 * definition (every state's log weight summed directly, normalised by log-sum-exp): an independent
 * check of the loss part via Erlang B, the scaled waiting tail, the truncation, lines and the
 * even spreading of chats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateInterval } from '../../src/erlang/index.js';
import type { QueueParams } from '../../src/erlang/index.js';

interface Dense {
  probWait: number;
  queueLength: number;
  abandonRate: number;
  blockRate: number;
  occupancy: number;
  inSystem: number;
}

/** Contacts in system 0..K; death rate = service(n) + theta (n - S)^+; waits when n >= S. */
function dense(
  lambda: number,
  service: (n: number) => number,
  slots: number,
  agents: number,
  theta: number,
  capacity: number,
): Dense {
  const maxState = Number.isFinite(capacity) ? capacity : slots + 4000;
  const logW = [0];
  for (let n = 1; n <= maxState; n++) {
    const death = service(Math.min(n, slots)) + theta * Math.max(0, n - slots);
    logW.push(logW[n - 1]! + Math.log(lambda) - Math.log(death));
  }
  const top = Math.max(...logW);
  const w = logW.map((l) => Math.exp(l - top));
  const z = w.reduce((a, b) => a + b, 0);
  const p = w.map((x) => x / z);
  let probWait = 0;
  let lq = 0;
  let busy = 0;
  let inSystem = 0;
  p.forEach((pn, n) => {
    if (n >= slots && n < maxState) probWait += pn;
    if (n === maxState && !Number.isFinite(capacity) && n >= slots) probWait += pn;
    lq += Math.max(0, n - slots) * pn;
    busy += Math.min(n, agents) * pn;
    inSystem += n * pn;
  });
  const blockRate = Number.isFinite(capacity) ? p[maxState]! : 0;
  return {
    probWait,
    queueLength: lq,
    abandonRate: (theta * lq) / lambda,
    blockRate,
    occupancy: agents > 0 ? busy / agents : 0,
    inSystem,
  };
}

function expectClose(got: number | undefined, want: number, label: string): void {
  expect(got, label).toBeDefined();
  expect(Math.abs(got! - want), `${label}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.abs(want) + 1e-13);
}

describe('chains against a dense reference', () => {
  it('Erlang A, with and without lines', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 60, noNaN: true }),
        fc.integer({ min: 30, max: 600 }),
        fc.integer({ min: 10, max: 900 }),
        fc.integer({ min: 0, max: 80 }),
        fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
        (a, aht, patience, agents, capacity) => {
          const load = { volume: (a * 900) / aht, ahtSeconds: aht, intervalMinutes: 15 };
          const params: QueueParams = {
            model: 'erlang-a',
            targets: {},
            patienceSeconds: patience,
            ...(capacity !== undefined ? { queueCapacity: capacity } : {}),
          };
          const m = evaluateInterval(load, params, agents);
          const lambda = load.volume / 900;
          const slots = Math.min(agents, capacity ?? Infinity);
          const d = dense(lambda, (n) => n / aht, slots, agents, 1 / patience, capacity ?? Infinity);
          for (const key of ['probWait', 'queueLength', 'abandonRate', 'blockRate', 'occupancy', 'inSystem'] as const) {
            expectClose(m[key], d[key], key);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('chat with concurrency-dependent handle times, spread evenly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 40, noNaN: true }),
        fc.array(fc.integer({ min: 60, max: 900 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 10, max: 900 }),
        fc.integer({ min: 0, max: 40 }),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
        (a, ahts, patience, agents, capacity) => {
          const load = { volume: (a * 900) / ahts[0]!, ahtSeconds: ahts[0]!, intervalMinutes: 15 };
          const params: QueueParams = {
            model: 'chat',
            targets: {},
            patienceSeconds: patience,
            chat: { ahtSecondsByConcurrency: ahts },
            ...(capacity !== undefined ? { queueCapacity: capacity } : {}),
          };
          const m = evaluateInterval(load, params, agents);
          const k = ahts.length;
          // n chats over N agents: n mod N agents hold floor(n/N) + 1, the rest floor(n/N); j chats -> j / AHT_j.
          const service = (n: number): number => {
            if (agents === 0) return 0;
            const q = Math.floor(n / agents);
            const rem = n - q * agents;
            const rate = (j: number) => (j === 0 ? 0 : j / ahts[j - 1]!);
            return (rem > 0 ? rem * rate(q + 1) : 0) + (agents - rem) * rate(q);
          };
          const slots = Math.min(agents * k, capacity ?? Infinity);
          const d = dense(load.volume / 900, service, slots, agents, 1 / patience, capacity ?? Infinity);
          for (const key of ['probWait', 'queueLength', 'abandonRate', 'blockRate', 'occupancy', 'inSystem'] as const) {
            expectClose(m[key], d[key], key);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
