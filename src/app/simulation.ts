/**
 * Simulates a staffing or a roster (a parsed simulation request) on the worker threads: the
 * replications are cut into contiguous batches (a few per thread), each batch runs the core's
 * `simulateReplications`, and the results are put back in replication order before they are
 * summarised. Replication r depends only on (model, seed, r), so the figures are identical for a seed
 * whatever the thread count. Output: per queue and interval the service level, ASA, abandonment and
 * the occupancy of the groups serving the queue, each with its 95 % confidence interval
 * (docs/simulation.md, "Replications and confidence intervals").
 */
import type { ParsedSimulationRequest } from '../contracts/simulation.js';
import { runNamed, type TaskRunner } from './parallel/runner.js';
import { unpackReplications } from './simulation-pack.js';
import { splitRanges } from './what-if-parallel.js';
import { summariseSimulation, type SimulationResult } from './simulation-summary.js';

export * from './simulation-summary.js';

/** Batches of replications per thread when there are several threads (each batch one pool task). */
export const BATCHES_PER_THREAD = 3;

/** The worker handler name (src/app/parallel/handlers/simulation.ts). */
export const SIMULATION_HANDLER = 'simulation.replications' as const;

/**
 * Runs the request's replications on `runner` (on at most `threads` threads, `BATCHES_PER_THREAD`
 * batches each) and summarises them. The same seed gives the same result for any thread count.
 */
export async function runSimulation(
  runner: Pick<TaskRunner, 'threads' | 'run'>,
  request: ParsedSimulationRequest,
  options: { signal?: AbortSignal; threads?: number } = {},
): Promise<SimulationResult> {
  const threads = Math.max(1, Math.min(options.threads ?? runner.threads, runner.threads));
  // Several batches per thread: a thread slowed by other work on a shared machine takes fewer.
  const batches = splitRanges(request.replications, threads === 1 ? 1 : BATCHES_PER_THREAD * threads);
  const packed = await Promise.all(
    batches.map(([from, to]) =>
      runNamed(
        runner,
        SIMULATION_HANDLER,
        { model: request.model, seed: request.seed, firstReplication: from, replications: to - from },
        options.signal,
      ),
    ),
  );
  const results = packed.flatMap(unpackReplications).sort((a, b) => a.replication - b.replication);
  return summariseSimulation(request, results);
}
