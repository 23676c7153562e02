import { EPS as EPS_ } from './constants.js';
import type { IntervalLoad } from './types.js';

// Module-local copies: an imported binding can cost a getter call per use under some loaders.
const EPS = EPS_;

/**
 * Offered traffic in Erlangs: A = volume x ahtSeconds / (intervalMinutes x 60).
 * O(1). Example: `trafficErlangs({ volume: 100, ahtSeconds: 180, intervalMinutes: 30 })` is 10.
 */
export function trafficErlangs(load: IntervalLoad): number {
  return (load.volume * load.ahtSeconds) / (load.intervalMinutes * 60);
}

/**
 * Agents to schedule so that `agents` remain after shrinkage s (fraction of paid time not on
 * contacts): ceil(agents / (1 - s) - eps). Shrinkage 0 or absent gives `agents` back.
 * Example: `headcountAfterShrinkage(14, 0.3)` is 20; `headcountAfterShrinkage(10.5, 0.3)` is 15.
 */
export function headcountAfterShrinkage(agents: number, shrinkage = 0): number {
  if (agents <= 0) return 0;
  if (!(shrinkage > 0)) return Math.ceil(agents - EPS);
  if (shrinkage >= 1) return Infinity;
  return Math.ceil(agents / (1 - shrinkage) - EPS);
}
