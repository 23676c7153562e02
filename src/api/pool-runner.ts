import type { TaskRunner } from './runner.js';

/** The default runner: the piscina pool of src/workers/pool.ts. */
export function createPoolRunner(): TaskRunner {
  throw new Error('createPoolRunner: the worker pool is not available yet; pass a runner to buildApp.');
}
