/**
 * Erlang B blocking probability B(N, A) of an M/M/N/N loss system, by the forward recursion
 * B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)) in float64. Never factorials or powers: every step is
 * a ratio in [0, 1], so it is stable for thousands of servers (B(5000, 10000) = 0.500100).
 * O(N). Example: `erlangB(10, 20)` is 0.537963 (reference README).
 */
export function erlangB(servers: number, erlangs: number): number {
  if (erlangs <= 0) return servers <= 0 ? 1 : 0;
  let b = 1;
  for (let n = 1; n <= servers; n++) {
    const ab = erlangs * b;
    b = ab / (n + ab);
  }
  return b;
}

/**
 * 1 / B(N, A) by the same recursion on the reciprocal, R(n) = 1 + n R(n-1) / A, unrolled four
 * steps at a time so that the dependent chain is one multiply-add per four agents (the hot path
 * of the Erlang C solver). Overflows to Infinity (B = 0) only when B is below float64 range.
 * O(N). Requires erlangs > 0. Example: `1 / erlangBInverse(10, 20)` is 0.537963, as `erlangB(10, 20)`.
 */
export function erlangBInverse(servers: number, erlangs: number): number {
  const inv = 1 / erlangs;
  let r = 1;
  let n = 1;
  // R(n+3) = c0 + c1 R(n-1) with c's independent of R: four steps per dependent multiply-add.
  for (; n + 3 <= servers; n += 4) {
    const a1 = n * inv;
    const a2 = (n + 1) * inv;
    const a3 = (n + 2) * inv;
    const a4 = (n + 3) * inv;
    const c1 = a1 * a2 * a3 * a4;
    const c0 = 1 + a4 * (1 + a3 * (1 + a2));
    r = c0 + c1 * r;
  }
  for (; n <= servers; n++) r = 1 + n * inv * r;
  return r;
}
