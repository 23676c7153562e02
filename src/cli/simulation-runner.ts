import type { TaskRunner } from '../app/parallel/runner.js';

/**
 * Runs `fn` on `threads` worker threads (default: the CPU count), at most `useful` of them; one
 * thread runs inline, with no pool started. The pool is closed when `fn` settles.
 */
export async function withSimulationRunner<T>(
  threads: number | undefined,
  useful: number,
  fn: (runner: TaskRunner) => Promise<T>,
): Promise<T> {
  const { availableParallelism } = await import('node:os');
  const n = Math.min(threads ?? availableParallelism(), useful);
  if (n <= 1) {
    const { inlineRunner } = await import('../app/parallel/runner.js');
    const { simulationHandlers } = await import('../app/parallel/handlers/simulation.js');
    return fn(inlineRunner(simulationHandlers as never));
  }
  const { createPoolRunner } = await import('../app/parallel/pool-runner.js');
  const runner = createPoolRunner({ maxThreads: n });
  try {
    return await fn(runner);
  } finally {
    await runner.close();
  }
}
