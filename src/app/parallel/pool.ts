/**
 * The typed worker pool: one piscina pool over `worker.ts`, tasks addressed by handler name.
 *
 * @example
 * const pool = createPool({ maxThreads: 2 });
 * const result = await runTask(pool, 'staffing.batch', batch, { transfer: [batch.volume, batch.ahtSeconds] });
 * await pool.close();
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { WfmError } from '../../errors.js';
import type { HandlerName, HandlerPayload, HandlerResult, WorkerResult, WorkerTask } from './tasks.js';
import type { WorkerErrorPayload } from './worker.js';
import { SOLVER_ABORT_EXIT_CODE } from './solver-abort.js';
import { workerFile } from './worker-url.js';

export type WfmPool = Piscina<WorkerTask, WorkerResult>;

export interface PoolOptions {
  /** Threads at most; default `os.availableParallelism()`. */
  maxThreads?: number;
  /** Threads kept alive; default 0 (threads start on demand). */
  minThreads?: number;
  /** Milliseconds an idle thread lives; default 30,000. */
  idleTimeoutMs?: number;
  /** Tasks waiting at most before `run` rejects; default unbounded. */
  maxQueue?: number;
  /**
   * Nice value of the pool's threads (Linux; 0 or absent keeps the caller's priority). The service
   * sets it so that its event loop is scheduled ahead of the solvers (./thread-priority.ts).
   */
  threadNiceness?: number;
}

/** Creates the pool. Close it with `await pool.close()` (or `destroy()`) when done. */
export function createPool(options: PoolOptions = {}): WfmPool {
  const maxThreads = Math.max(1, Math.floor(options.maxThreads ?? availableParallelism()));
  return new Piscina<WorkerTask, WorkerResult>({
    filename: workerFile(import.meta.url, 'worker'),
    maxThreads,
    minThreads: Math.min(maxThreads, options.minThreads ?? 0),
    idleTimeout: options.idleTimeoutMs ?? 30_000,
    ...(options.maxQueue === undefined ? {} : { maxQueue: options.maxQueue }),
    ...(options.threadNiceness ? { workerData: { threadNiceness: options.threadNiceness } } : {}),
  });
}

export interface RunTaskOptions {
  /** Aborting rejects the task with WFM_ERR_JOB_CANCELLED (a running task's thread is stopped). */
  signal?: AbortSignal;
  /** Typed arrays whose buffers move to the worker instead of being copied (they become empty here). */
  transfer?: readonly ArrayBufferView[];
}

/** Runs one named handler on the pool, with its payload and result typed by the handler. */
export async function runTask<K extends HandlerName>(
  pool: WfmPool,
  handler: K,
  payload: HandlerPayload<K>,
  options: RunTaskOptions = {},
): Promise<HandlerResult<K>> {
  const transferList = [...new Set((options.transfer ?? []).map((view) => view.buffer as ArrayBuffer))];
  try {
    const task = { handler, payload } as WorkerTask;
    return (await pool.run(task, {
      transferList,
      ...(options.signal ? { signal: options.signal } : {}),
    })) as HandlerResult<K>;
  } catch (error) {
    const moved = (error as Partial<WorkerErrorPayload> | null)?.wfmError;
    if (moved) throw new WfmError(moved.code, moved.message, { issues: moved.issues });
    if (options.signal?.aborted || (error as Error | null)?.name === 'AbortError') {
      throw new WfmError('WFM_ERR_JOB_CANCELLED', `The ${handler} task was cancelled.`, { cause: error });
    }
    if ((error as Error | null)?.message === `worker exited with code: ${SOLVER_ABORT_EXIT_CODE}`) {
      throw new WfmError(
        'WFM_ERR_SCHEDULER_SOLVER',
        `HiGHS aborted during the ${handler} task (out of its 2 GiB WebAssembly heap, or a fatal solver error); ` +
          'its worker thread was ended to give the memory back, and a fresh one takes the next task.',
        { cause: error },
      );
    }
    throw error;
  }
}
