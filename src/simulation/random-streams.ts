import { replicationSeed } from './replication-seed.js';

/**
 * One independent uniform stream per queue for one replication: mulberry32 (the generator of
 * src/random/mulberry32.ts, the same numbers for the same seed) on a shared state array, so that a
 * draw is a method call on one long-lived class rather than a call to a fresh closure per
 * replication (V8 keeps type feedback per closure, and a new closure per replication starts cold).
 * Stream k is seeded with `replicationSeed(seed, replication, k)`.
 */
export class RandomStreams {
  private readonly state: Uint32Array;

  constructor(seed: number, replication: number, streams: number) {
    this.state = new Uint32Array(streams);
    for (let k = 0; k < streams; k++) this.state[k] = replicationSeed(seed, replication, k);
  }

  /** The next number in [0, 1) of stream k. */
  uniform(k: number): number {
    const a = ((this.state[k] as number) + 0x6d2b79f5) >>> 0;
    this.state[k] = a;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
