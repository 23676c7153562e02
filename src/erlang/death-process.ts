/**
 * Time to absorption of a pure death process, by uniformization (Jensen's method): the queue
 * ahead of a waiting contact. A contact that arrives in position r (1 = first in line) moves to
 * r - 1 at rate rate(r) = base + (r - 1 + shift) x theta and is answered on leaving position 1.
 * With shift 0 this is the virtual wait V (patience ignored for the contact itself); with shift 1
 * it is V', the wait of a contact that is eventually answered, tilted by its own patience
 * (E[e^{-theta V}; V <= t] = P(answered | r) P(V' <= t)).
 *
 * Returns sum_r mass[r] P(T_r <= t) for the positions r = 1..positions, mass[r] at index r - 1.
 * All quantities are non-negative, so there is no cancellation: the error is the Poisson tail
 * cut off (below 1e-16). O(positions x (Lambda t + 10 sqrt(Lambda t))), Lambda = the largest rate.
 */
export function absorbedWithin(
  mass: Float64Array,
  positions: number,
  base: number,
  theta: number,
  shift: number,
  seconds: number,
): number {
  let total = 0;
  for (let r = 0; r < positions; r++) total += mass[r]!;
  if (positions === 0 || total === 0) return 0;
  if (!(seconds > 0)) return 0;
  const maxRate = base + (positions - 1 + shift) * theta;
  if (!(maxRate > 0)) return 0;
  const lt = maxRate * seconds;
  const weights = poissonWeights(lt);
  const first = poissonFirst;
  const last = first + weights.length - 1;
  // y = the transient mass after m steps of the uniformized chain; stay probability 1 - rate/maxRate.
  const y = scratch(positions);
  for (let r = 0; r < positions; r++) y[r] = mass[r]!;
  let result = 0;
  let absorbed = 0; // mass absorbed after m steps
  let top = positions; // positions above `top` are empty
  for (let m = 0; m <= last; m++) {
    if (m >= first) result += weights[m - first]! * absorbed;
    // One step: position r (index r-1) leaves with probability rate(r) / maxRate.
    let carry = 0;
    for (let idx = top - 1; idx >= 0; idx--) {
      const leave = (y[idx]! * (base + (idx + shift) * theta)) / maxRate;
      y[idx] = y[idx]! - leave + carry;
      carry = leave;
    }
    absorbed += carry; // left position 1: answered
    while (top > 0 && y[top - 1] === 0) top--;
  }
  return Math.min(total, Math.max(0, result));
}

let buffer = new Float64Array(256);
function scratch(size: number): Float64Array {
  if (buffer.length < size) buffer = new Float64Array(Math.max(size, buffer.length * 2));
  return buffer;
}

let poissonFirst = 0;
let poissonBuffer = new Float64Array(256);
/**
 * Poisson(mean) probabilities from poissonFirst on, computed outward from the mode with ratios
 * (no e^{-mean}, which underflows past mean 745) and normalised; tails below 1e-18 dropped.
 */
function poissonWeights(mean: number): Float64Array {
  const mode = Math.floor(mean);
  // Walk out from the mode until the terms fall below 1e-20 of the mode's (the mass left beyond is
  // then below 1e-18 for every mean); 9 sqrt(mean) + 30 bounds the walk.
  const spread = Math.ceil(9 * Math.sqrt(mean) + 30);
  const size = 2 * spread + 1;
  if (poissonBuffer.length < size) poissonBuffer = new Float64Array(size * 2);
  const w = poissonBuffer;
  let hi = mode;
  let value = 1;
  w[spread] = 1;
  while (hi < mode + spread) {
    value = (value * mean) / (hi + 1);
    if (value < 1e-20) break;
    hi++;
    w[spread + hi - mode] = value;
  }
  let lo = mode;
  value = 1;
  while (lo > 0 && lo > mode - spread) {
    value = (value * lo) / mean;
    if (value < 1e-20) break;
    lo--;
    w[spread + lo - mode] = value;
  }
  const out = w.subarray(spread + lo - mode, spread + hi - mode + 1);
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += out[i]!;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  poissonFirst = lo;
  return out;
}
