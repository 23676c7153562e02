import { EPS as EPS_, MAX_EXTRA_AGENTS as MAX_EXTRA_AGENTS_ } from './constants.js';
import { erlangBInverse } from './erlang-b.js';
import type { StaffingTargets } from './types.js';

// Module-local copies: an imported binding can cost a getter call per use under some loaders.
const EPS = EPS_;
const MAX_EXTRA_AGENTS = MAX_EXTRA_AGENTS_;

/**
 * Minimal agents N for Erlang C meeting every active target at once (service level X in t s,
 * ASA ceiling, occupancy cap; an abandonment cap is met trivially: Erlang C has no abandonment).
 * Returns 0 for A = 0, and -1 when no N up to start + MAX_EXTRA_AGENTS meets the targets or a
 * target is out of range (callers report that as `met: false`).
 *
 * Method: start at max(floor(A) + 1, ceil(A / maxOccupancy - eps)) (never below, and never
 * skipping, the first stable N), one reciprocal Erlang B recursion R = 1/B to the start, then O(1)
 * per extra agent: R(n) = 1 + n R(n-1) / A, and e^{-(n-A)t/AHT} updated by one multiply. With
 * C = n / (R (n - A) + A) the tests are division-free: SL >= s - eps iff n e <= (1 - s + eps)
 * (R (n - A) + A); ASA <= w + eps iff n AHT <= (w + eps)(n - A)(R (n - A) + A).
 * Allocation-free: no objects are created per call.
 *
 * O(N). Example: `solveErlangCAgents(10, 180, { serviceLevel: 0.8, answerSeconds: 20 })` is 13.
 */
export function solveErlangCAgents(erlangs: number, ahtSeconds: number, targets: StaffingTargets): number {
  if (!(erlangs > 0)) return 0;
  const sl = targets.serviceLevel;
  const maxAsa = targets.maxAsaSeconds;
  const maxOcc = targets.maxOccupancy;
  let n = Math.floor(erlangs) + 1;
  if (maxOcc !== undefined) {
    if (!(maxOcc > 0)) return -1;
    const occupancyBound = Math.ceil(erlangs / maxOcc - EPS);
    if (occupancyBound > n) n = occupancyBound;
  }
  const checkSl = sl !== undefined && sl > EPS;
  const checkAsa = maxAsa !== undefined;
  if (checkSl && !(sl < 1 + EPS)) return -1;
  if (checkAsa && !(maxAsa > -EPS)) return -1;
  if (!checkSl && !checkAsa) return n;

  const t = targets.answerSeconds ?? 0;
  const slSlack = checkSl ? 1 - sl + EPS : 0;
  const asaBound = checkAsa ? maxAsa + EPS : 0;
  const inv = 1 / erlangs;
  const decay = Math.exp(-t / ahtSeconds);
  let r = erlangBInverse(n, erlangs);
  let e = Math.exp((-(n - erlangs) * t) / ahtSeconds);
  const cap = n + MAX_EXTRA_AGENTS;
  for (;;) {
    const spare = n - erlangs;
    const denom = r * spare + erlangs;
    if ((!checkSl || n * e <= slSlack * denom) && (!checkAsa || n * ahtSeconds <= asaBound * spare * denom)) {
      return n;
    }
    if (n >= cap) return -1;
    n++;
    r = 1 + n * inv * r;
    e *= decay;
  }
}
