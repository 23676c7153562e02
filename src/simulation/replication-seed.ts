/**
 * The 32-bit seed of one random stream of one replication, derived only from (seed, replication,
 * stream): replication r runs the same whichever thread or batch runs it, so splitting the
 * replications across workers gives identical results.
 *
 * Three rounds of the MurmurHash3 32-bit finaliser (fmix32, Appleby 2011) over the inputs, each
 * multiplied by an odd constant first so that (seed, r) and (r, seed) differ. O(1).
 * Example: `replicationSeed(42, 0, 0)` is 2323680265; `replicationSeed(42, 1, 0)` is 4284794245.
 */
export function replicationSeed(seed: number, replication: number, stream = 0): number {
  let h = fmix32((seed >>> 0) ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(replication + 1, 0x85ebca6b));
  h = fmix32(h ^ Math.imul(stream + 1, 0xc2b2ae35));
  return h >>> 0;
}

/** MurmurHash3's 32-bit avalanche: every input bit flips about half of the output bits. */
function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
