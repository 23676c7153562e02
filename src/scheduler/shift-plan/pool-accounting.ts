import type { SessionOnGrid } from './coverage.js';
import type { PoolDemand } from './model.js';
import type { PoolRule, ShiftPlanRules } from './rules.js';

/** One pool request on one day against the sessions placed for it, in agent-hours. */
export interface PoolAccount {
  demand: PoolDemand;
  pool: PoolRule;
  placedHours: number;
  /** max(0, requested - placed). */
  shortHours: number;
}

/**
 * Agent-hours placed per (pool, day) request: the seats of that pool's sessions on that day times
 * the session length. The one count behind both the plan's cost and its report. O(demands x sessions).
 */
export function poolAccounts(
  demands: readonly PoolDemand[],
  rules: ShiftPlanRules,
  sessions: readonly SessionOnGrid[],
): PoolAccount[] {
  return demands.map((demand) => {
    const pool = rules.pool[demand.pool] as PoolRule;
    const placedHours = sessions
      .filter((s) => s.pool === demand.pool && s.day === demand.day)
      .reduce((sum, s) => sum + (s.seats * pool.sessionMinutes) / 60, 0);
    return { demand, pool, placedHours, shortHours: Math.max(0, demand.requestedHours - placedHours) };
  });
}
