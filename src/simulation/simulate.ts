import { simulateReplication } from './simulate-replication.js';
import { summariseReplications, type SummaryOptions } from './summarise.js';
import type { ReplicationResult, SimModel, SimulationSummary } from './types.js';

export interface SimulateOptions extends SummaryOptions {
  seed: number;
  /** Replications to run, default 10. */
  replications?: number;
  /** Index of the first replication, default 0 (a batch r0 .. r0 + n - 1 of a larger run). */
  firstReplication?: number;
}

/**
 * Replications `firstReplication ..` of `model` with `seed`, in this thread. Any split of the
 * indices across calls or threads gives the same results per index. O(replications x contacts log).
 */
export function simulateReplications(model: SimModel, options: SimulateOptions): ReplicationResult[] {
  const n = options.replications ?? 10;
  const r0 = options.firstReplication ?? 0;
  const out: ReplicationResult[] = [];
  for (let r = r0; r < r0 + n; r++) out.push(simulateReplication(model, options.seed, r));
  return out;
}

/**
 * Runs the replications and summarises them: means and 95 % confidence intervals per queue,
 * interval and group. Example: `simulate(model, { seed: 1, replications: 10 }).queues[0].serviceLevel`.
 */
export function simulate(model: SimModel, options: SimulateOptions): SimulationSummary {
  return summariseReplications(simulateReplications(model, options), options);
}
