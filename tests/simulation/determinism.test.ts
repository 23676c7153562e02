/** The same (model, seed, replication) gives the same result, however replications are batched. */
import { mulberry32 } from '../../src/random/mulberry32.js';
import { RandomStreams } from '../../src/simulation/random-streams.js';
import { describe, expect, it } from 'vitest';
import {
  replicationSeed,
  simulateReplication,
  simulateReplications,
  type SimModel,
} from '../../src/simulation/index.js';
import { benchmarkCentre } from '../../benchmarks/lib/simulation-centre.js';

const model: SimModel = benchmarkCentre(96);

describe('determinism', () => {
  it('same seed, same results', () => {
    const a = simulateReplication(model, 42, 3);
    const b = simulateReplication(model, 42, 3);
    expect(a).toEqual(b);
    expect(a.contacts).toBeGreaterThan(1000);
  });

  it('replications split 1 + 1 equal the 2 of one call', () => {
    const both = simulateReplications(model, { seed: 9, replications: 2 });
    const first = simulateReplications(model, { seed: 9, replications: 1, firstReplication: 0 });
    const second = simulateReplications(model, { seed: 9, replications: 1, firstReplication: 1 });
    expect([...first, ...second]).toEqual(both);
  });

  it('another seed or replication gives another sample path', () => {
    const a = simulateReplication(model, 42, 0);
    expect(simulateReplication(model, 43, 0).offered).not.toEqual(a.offered);
    expect(simulateReplication(model, 42, 1).offered).not.toEqual(a.offered);
  });

  it('replication seeds depend on (seed, r, stream) only and differ across each', () => {
    const seen = new Set<number>();
    for (let s = 0; s < 20; s++)
      for (let r = 0; r < 20; r++) for (let k = 0; k < 3; k++) seen.add(replicationSeed(s, r, k));
    expect(seen.size).toBe(1200);
    expect(replicationSeed(5, 7, 1)).toBe(replicationSeed(5, 7, 1));
  });
});

describe('random streams', () => {
  it('each stream is mulberry32 (src/random/mulberry32.ts) seeded with replicationSeed(seed, r, k)', () => {
    const streams = new RandomStreams(42, 3, 2);
    const a = mulberry32(replicationSeed(42, 3, 0));
    const b = mulberry32(replicationSeed(42, 3, 1));
    for (let k = 0; k < 100; k++) {
      expect(streams.uniform(0)).toBe(a());
      expect(streams.uniform(1)).toBe(b());
    }
  });
});

describe('replication seeds', () => {
  it('replicationSeed(42, 0, 0) = 2323680265 and (42, 1, 0) = 4284794245 (the JSDoc example; a change here changes every result)', () => {
    expect(replicationSeed(42, 0, 0)).toBe(2323680265);
    expect(replicationSeed(42, 1, 0)).toBe(4284794245);
  });
});
