import { mulberry32 } from '../../random/mulberry32.js';

/** A seeded 32-bit PRNG (mulberry32): deterministic, fast, good enough for search moves. Seed 0 is
 * replaced by a fixed odd constant so that it does not start the sequence at the generator's origin. */
export function makeRng(seed: number): () => number {
  return mulberry32(seed >>> 0 || 0x9e3779b9);
}

/** Uniform integer in [0, n). */
export function randInt(rng: () => number, n: number): number {
  return Math.floor(rng() * n);
}
