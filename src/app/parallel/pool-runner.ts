import { availableParallelism } from 'node:os';
import { createPool, runTask } from './pool.js';
import type { HandlerName, HandlerPayload } from './tasks.js';
import type { TaskRunner } from './runner.js';

/**
 * The default runner: the piscina pool of src/app/parallel/pool.ts over the single worker module.
 * Threads start on first use and one is kept warm, so the first request after start-up does not
 * wait for a thread to boot. Aborting a task's signal ends the thread running it (piscina), which
 * frees the worker for the next task.
 */
export function createPoolRunner(options: { maxThreads?: number; threadNiceness?: number } = {}): TaskRunner {
  const threads = Math.max(1, Math.floor(options.maxThreads ?? availableParallelism()));
  const pool = createPool({
    maxThreads: threads,
    minThreads: 1,
    ...(options.threadNiceness ? { threadNiceness: options.threadNiceness } : {}),
  });
  return {
    threads,
    run: (name, payload, signal) =>
      runTask(pool, name as HandlerName, payload as HandlerPayload<HandlerName>, signal ? { signal } : {}),
    close: async () => {
      await pool.close({ force: true });
    },
  };
}
