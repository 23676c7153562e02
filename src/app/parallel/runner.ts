/**
 * Where the service runs CPU work. The default runner is the piscina pool (src/app/parallel/pool.ts),
 * so the event loop stays free for `/healthz` and other requests while a roster is being built.
 * Tests pass an inline runner with their own handlers (a slow one, a failing one).
 */

import { Piscina } from 'piscina';
import { WfmError } from '../../errors.js';
import type { HandlerName, HandlerPayload, HandlerResult } from './tasks.js';

/** A named worker handler applied to a validated payload. */
export type TaskHandler = (payload: unknown, signal?: AbortSignal) => unknown;

export interface TaskRunner {
  /**
   * Runs handler `name` on `payload`. Rejects when `signal` aborts (the pool then frees the
   * thread running it) or when the handler throws.
   */
  run(name: string, payload: unknown, signal?: AbortSignal): Promise<unknown>;
  /** Threads that can run tasks at once (1 for the inline runner). */
  readonly threads: number;
  /** Stops the threads (pending tasks are rejected). */
  close(): Promise<void>;
}

/**
 * Runs task `name` of the registry (./tasks.ts) on `runner`, typed end to end: the name fixes the
 * payload's type and the result's. The one way the app and the adapters call the worker threads.
 */
export function runNamed<K extends HandlerName>(
  runner: Pick<TaskRunner, 'run'>,
  name: K,
  payload: HandlerPayload<K>,
  signal?: AbortSignal,
): Promise<HandlerResult<K>> {
  return runner.run(name, payload, signal) as Promise<HandlerResult<K>>;
}

/** An abort error carrying the signal's reason (what piscina rejects with on abort). */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error('The task was aborted.');
  error.name = 'AbortError';
  return error;
}

/** A handler's result marked for moving (`Piscina.move`), as the pool would deliver it. */
function unwrapMoved(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && Piscina.valueSymbol in value) {
    return (value as Record<symbol, unknown>)[Piscina.valueSymbol];
  }
  return value;
}

/**
 * Runs handlers on the calling thread. An abort before the handler starts rejects at once; an
 * abort while an async handler runs rejects the returned promise (the handler itself sees the
 * signal). Synchronous work cannot be interrupted here: use the pool for real work.
 */
export function inlineRunner(handlers: Record<string, TaskHandler>): TaskRunner {
  return {
    threads: 1,
    async run(name, payload, signal) {
      const handler = handlers[name];
      if (!handler) throw new Error(`No task handler named "${name}".`);
      if (signal?.aborted) throw abortError(signal);
      const work = Promise.resolve()
        .then(() => handler(payload, signal))
        .then(unwrapMoved);
      if (!signal) return work;
      return new Promise((resolve, reject) => {
        const onAbort = (): void => reject(abortError(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        work.then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
    async close() {},
  };
}

/**
 * A runner that refuses (429 `WFM_ERR_API_QUEUE_FULL`) when `maxInFlight` calls are already
 * waiting for or running on `runner`: the pool's own queue is unbounded, and a flood of pooled
 * requests must not grow it without limit.
 */
export function gatedRunner(runner: TaskRunner, maxInFlight: number): TaskRunner & { inFlight(): number } {
  let inFlight = 0;
  return {
    threads: runner.threads,
    inFlight: () => inFlight,
    async run(name, payload, signal) {
      if (inFlight >= maxInFlight) {
        throw new WfmError(
          'WFM_ERR_API_QUEUE_FULL',
          `The worker pool is saturated (${maxInFlight} calls in flight); try again later.`,
          {
            issues: [{ path: [], message: `at most ${maxInFlight} pooled calls at once` }],
          },
        );
      }
      inFlight++;
      try {
        return await runner.run(name, payload, signal);
      } finally {
        inFlight--;
      }
    },
    close: () => runner.close(),
  };
}
