/**
 * Time to absorption of a pure death process: the queue ahead of a waiting contact. A contact
 * that arrives in position r (1 = first in line) moves to r - 1 at rate
 * rate(r) = base + (r - 1 + shift) x theta and is answered on leaving position 1. With shift 0 this
 * is the virtual wait V (its own patience ignored); with shift 1 it is V', the wait of a contact
 * that is eventually answered, tilted by its own patience
 * (E[e^{-theta V}; V <= t] = P(answered | r) P(V' <= t)).
 *
 * Returns sum_r mass[r] P(T_r <= t) for positions r = 1..positions (mass[r] at index r - 1).
 *
 * Closed form: the stages are theta (a + i), i = 0..r-1, a = base / theta + shift, and such a sum is
 * -ln(U) / theta with U ~ Beta(a, r). So P(T_r <= t) = 1 - I_x(a, r) = P(K >= r), x = e^{-theta t},
 * K negative binomial: P(K = j) = (a)_j / j! x^a (1 - x)^j. Summed over positions,
 * sum_r mass_r P(K >= r) = total - sum_j P(K = j) (mass beyond position j): positive terms, the
 * pmf by a log-space recurrence (no underflow of x^a for thousands of agents). theta = 0 is the
 * Gamma(r, base) limit: K Poisson(base t). O(positions).
 * The uniformization below computes the same quantity by another route (a test checks one against the other).
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
  if (positions === 0 || total === 0 || !(seconds > 0)) return 0;
  // pmf_j = v x e^{offset}: v is updated by the ratio pmf_j / pmf_{j-1} in float64 and the offset
  // moves by 200 ln 10 when v passes 1e200 (x^a alone underflows past a theta t = 745).
  let ratioConst: number; // Poisson: base t; negative binomial: 1 - x
  let a = 0;
  let offset: number;
  const poisson = theta === 0;
  if (poisson) {
    if (!(base > 0)) return 0;
    offset = -base * seconds;
    ratioConst = base * seconds;
  } else {
    a = base / theta + shift;
    if (!(a > 0)) return 0;
    offset = -a * theta * seconds; // log x^a
    ratioConst = -Math.expm1(-theta * seconds); // 1 - x
  }
  let v = 1;
  let scale = Math.exp(offset);
  // beyond = mass at positions r > j (r is 1-based: index r - 1); walk j = 0..positions-1.
  let beyond = total;
  let notYet = 0;
  for (let j = 0; j < positions && beyond > 0; j++) {
    if (j > 0) {
      v *= poisson ? ratioConst / j : ((a + j - 1) / j) * ratioConst;
      if (v > 1e200) {
        v *= 1e-200;
        offset += 200 * Math.LN10;
        scale = Math.exp(offset);
      }
    }
    notYet += v * scale * beyond;
    beyond -= mass[j]!;
  }
  return Math.min(total, Math.max(0, total - notYet));
}

/**
 * The same quantity as `absorbedWithin` by uniformization (Jensen's method): all terms are
 * non-negative, the error is the Poisson tail cut off (below 1e-18).
 * O(positions x (Lambda t + 9 sqrt(Lambda t))), Lambda = the largest rate. Kept as the
 * independent reference that the closed form is tested against.
 */
export function absorbedWithinUniformized(
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

// Per-thread scratch buffer, grown by doubling to the largest size asked for; never read across calls.
let buffer = new Float64Array(256);
function scratch(size: number): Float64Array {
  if (buffer.length < size) buffer = new Float64Array(Math.max(size, buffer.length * 2));
  return buffer;
}

// A one-entry cache of the last Poisson weights (first index and buffer), per thread; a pure function
// of its arguments, so a hit returns exactly what a recomputation would.
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
