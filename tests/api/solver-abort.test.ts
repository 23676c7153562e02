/**
 * HiGHS out of memory in a worker thread: the task fails with a coded solver error, and the
 * thread that held the aborted solver (its WebAssembly heap never shrinks) is ended, so the next
 * task runs on a fresh thread with a fresh heap. Needs `npm run build` (worker threads load dist/).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { afterAll, describe, expect, it } from 'vitest';
import { runTask, type WfmPool } from '../../src/app/parallel/pool.js';
import { isWfmError } from '../../src/errors.js';

const built = existsSync(new URL('../../dist/app/parallel/worker.js', import.meta.url));
if (!built) console.warn('tests/api/solver-abort.test.ts: skipped, dist/ is missing (run `npm run build`).');

describe.skipIf(!built)('a HiGHS abort in a worker thread', () => {
  const pool = new Piscina({
    filename: fileURLToPath(new URL('./fixtures/solver-abort-worker.mjs', import.meta.url)),
    maxThreads: 1,
    minThreads: 1,
  }) as unknown as WfmPool;
  afterAll(() => pool.destroy());
  // The fixture's handlers are not in the registry: address them by name through the untyped door.
  const run = (name: string) =>
    runTask(pool, name as 'staffing.batch', undefined as never) as unknown as Promise<{
      threadId: number;
      heapBytes: number;
    }>;

  it('fails the task with WFM_ERR_SCHEDULER_SOLVER and runs the next task on a fresh thread', async () => {
    const before = await run('test.heap');
    const error = await run('test.abort').catch((e: unknown) => e);
    expect(isWfmError(error) && error.code).toBe('WFM_ERR_SCHEDULER_SOLVER');
    expect((error as Error).message).toMatch(/HiGHS aborted during the test\.abort task/);
    const after = await run('test.heap');
    expect(after.threadId).not.toBe(before.threadId);
    // A fresh instance: the heap is back to its initial size, not the aborted one's grown heap.
    expect(after.heapBytes).toBe(before.heapBytes);
  });
});
