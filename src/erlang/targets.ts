import { EPS as EPS_ } from './constants.js';
import type { IntervalMetrics, StaffingTargets } from './types.js';

// Module-local copies: an imported binding can cost a getter call per use under some loaders.
const EPS = EPS_;

/** A target that can decide the agent count; 'stability' is N > A for a queue without abandonment. */
export type BindingTarget = 'serviceLevel' | 'maxAsaSeconds' | 'maxOccupancy' | 'maxAbandonRate' | 'stability';

/**
 * The active targets that `metrics` misses, compared with the tolerance EPS (a target met to
 * within 1e-9 is met). An unstable queue also misses 'stability'. O(1).
 */
export function missedTargets(metrics: IntervalMetrics, targets: StaffingTargets): BindingTarget[] {
  const missed: BindingTarget[] = [];
  if (metrics.unstable) missed.push('stability');
  const { serviceLevel, maxAsaSeconds, maxOccupancy, maxAbandonRate } = targets;
  if (serviceLevel !== undefined && !(metrics.serviceLevel >= serviceLevel - EPS)) missed.push('serviceLevel');
  if (maxAsaSeconds !== undefined && !(metrics.asaSeconds <= maxAsaSeconds + EPS)) missed.push('maxAsaSeconds');
  if (maxOccupancy !== undefined && !(metrics.occupancy <= maxOccupancy + EPS)) missed.push('maxOccupancy');
  if (maxAbandonRate !== undefined && !((metrics.abandonRate ?? 0) <= maxAbandonRate + EPS)) {
    missed.push('maxAbandonRate');
  }
  return missed;
}

/** True when `metrics` meets every active target (and the queue is stable). */
export function meetsTargets(metrics: IntervalMetrics, targets: StaffingTargets): boolean {
  return missedTargets(metrics, targets).length === 0;
}

/** Answer speed 1 / ASA: 0 for an unstable queue, Infinity with no wait. */
function speed(asaSeconds: number): number {
  return asaSeconds > 0 ? 1 / asaSeconds : Infinity;
}

/** Where the straight line through (x0, y0), (x0 + 1, y1) reaches y; x0 + 1 when it cannot. */
function crossing(x0: number, y0: number, y1: number, y: number): number {
  const dy = y1 - y0;
  if (!Number.isFinite(y0) || !Number.isFinite(y1) || !Number.isFinite(y) || dy === 0) return x0 + 1;
  return x0 + (y - y0) / dy;
}

/**
 * The requirement continuous in N, and the target that decided N: for each target that N - 1
 * misses, where its metric crosses the target on the straight line between N - 1 and N (the
 * service level and abandonment rate directly; the ASA through its reciprocal, the answer speed,
 * which is 0 for an unstable queue; the occupancy cap exactly at A / maxOccupancy; stability at
 * A). The largest crossing wins and is clamped into (N - 1, N], so agentsFractional is
 * continuous in the load and summing it over intervals or queues does not stack round-ups.
 * `below` is the metrics at N - 1 (undefined when N = 0). O(1).
 */
export function fractionalRequirement(
  below: IntervalMetrics | undefined,
  at: IntervalMetrics,
  targets: StaffingTargets,
): { agentsFractional: number; binding: BindingTarget | 'none' } {
  const n = at.agents;
  if (below === undefined || n <= 0) return { agentsFractional: Math.max(0, n), binding: 'none' };
  const lo = n - 1;
  let best = -Infinity;
  let binding: BindingTarget | 'none' = 'none';
  for (const target of missedTargets(below, targets)) {
    let x: number;
    switch (target) {
      case 'stability':
        // Erlang C / A: N = floor(A) + 1, so A is in [N - 1, N). (Chat's capacity is not A: then N.)
        x = at.erlangs >= lo ? at.erlangs : n;
        break;
      case 'serviceLevel':
        x = crossing(lo, below.serviceLevel, at.serviceLevel, targets.serviceLevel ?? 0);
        break;
      case 'maxAsaSeconds': {
        x = crossing(lo, speed(below.asaSeconds), speed(at.asaSeconds), speed(targets.maxAsaSeconds ?? 0));
        break;
      }
      case 'maxOccupancy':
        x = at.erlangs / (targets.maxOccupancy ?? 1);
        if (at.abandonRate !== undefined) {
          x = crossing(lo, below.occupancy, at.occupancy, targets.maxOccupancy ?? 1);
        }
        break;
      case 'maxAbandonRate':
        x = crossing(lo, below.abandonRate ?? 0, at.abandonRate ?? 0, targets.maxAbandonRate ?? 0);
        break;
    }
    if (x > best) {
      best = x;
      binding = target;
    }
  }
  if (binding === 'none') return { agentsFractional: n, binding };
  // Clamp into (N - 1, N]: the bottom is open, so keep a hair above N - 1.
  const agentsFractional = Math.min(n, Math.max(best, lo + 1e-9));
  return { agentsFractional, binding };
}
