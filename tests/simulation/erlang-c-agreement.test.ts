/**
 * One queue, one skill, exponential handle times, infinite patience: the simulation is an M/M/N
 * queue, so its service level and ASA must agree with Erlang C (src/erlang, checked against
 * ../shared/reference/erlang-cases.json) within the simulation's own 95 % confidence interval.
 * Each case simulates >= 100,000 contacts and >= 1,000 hours (10 replications, `simulateStationary`);
 * interval 0 (the warm-up from empty) and the last interval (contacts still waiting at the end) are
 * left out of the totals.
 */
import { describe, expect, it } from 'vitest';
import { evaluateErlangC } from '../../src/erlang/index.js';
import { casesPresent, referenceCase, simulateStationary } from './helpers.js';

interface Case {
  id: string;
  volume: number;
  intervalMinutes: number;
  aht: number;
  agents: number;
  answer: number;
}

/** The reference cases as given in ../shared/reference/erlang-cases.json (ids and inputs). */
const CASES: Case[] = [
  { id: 'C01', volume: 100, intervalMinutes: 30, aht: 180, agents: 14, answer: 20 },
  { id: 'C03', volume: 100, intervalMinutes: 30, aht: 180, agents: 12, answer: 20 },
  { id: 'C04', volume: 100, intervalMinutes: 30, aht: 180, agents: 13, answer: 20 },
  { id: 'C07', volume: 25, intervalMinutes: 10, aht: 180, agents: 11, answer: 20 },
  { id: 'C08', volume: 360, intervalMinutes: 30, aht: 240, agents: 55, answer: 15 },
];

describe('one queue, one skill: the simulation agrees with Erlang C', () => {
  for (const c of CASES) {
    it(`${c.id}: ${c.volume} calls / ${c.intervalMinutes} min, AHT ${c.aht} s, ${c.agents} agents: SL and ASA within the 95 % interval`, () => {
      const s = simulateStationary(c, 20261203);
      const q = s.queues[0]!;
      expect(q.offered.mean * q.offered.n).toBeGreaterThanOrEqual(100_000);
      const erlangs = (c.volume * c.aht) / (c.intervalMinutes * 60);
      const exact = evaluateErlangC(erlangs, c.aht, c.agents, c.answer);
      expect(Math.abs(q.serviceLevel.mean - exact.serviceLevel)).toBeLessThanOrEqual(q.serviceLevel.halfWidth);
      expect(Math.abs(q.asaSeconds.mean - exact.asaSeconds)).toBeLessThanOrEqual(q.asaSeconds.halfWidth);
      expect(Math.abs(s.groupOccupancy[0]!.mean - exact.occupancy)).toBeLessThanOrEqual(s.groupOccupancy[0]!.halfWidth);
    });
  }

  it.skipIf(!casesPresent)('the Erlang C figures compared are the reference file values (../shared/reference)', () => {
    for (const c of CASES) {
      const ref = referenceCase(c.id);
      const erlangs = (c.volume * c.aht) / (c.intervalMinutes * 60);
      expect(ref.arrivalsPerInterval).toBe(c.volume);
      expect(ref.intervalSeconds).toBe(c.intervalMinutes * 60);
      const exact = evaluateErlangC(erlangs, c.aht, c.agents, c.answer);
      expect(exact.serviceLevel).toBeCloseTo(ref.expected.serviceLevel as number, 9);
      expect(exact.asaSeconds).toBeCloseTo(ref.expected.asaSeconds as number, 7);
    }
  });
  if (!casesPresent)
    it.skip('../shared/reference/erlang-cases.json is absent: reference values not re-checked', () => {});
});
