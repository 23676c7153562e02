import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { WfmError } from '../errors.js';
import type { JobManager } from './jobs.js';
import type { ApiLimits } from './options.js';
import type { TaskRunner } from '../app/parallel/runner.js';
import type { StoreAccess } from './store-access.js';

/** The fastify instance with zod schemas as its type provider (typed request bodies). */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every route module receives. */
export interface ApiContext {
  limits: ApiLimits;
  jobs: JobManager;
  runner: TaskRunner;
  /** The planning store and how its routes authenticate, when the service has one. */
  store?: StoreAccess | undefined;
}

/** A route module: registers its routes on the app. */
export type RouteModule = (app: ZodApp, ctx: ApiContext) => void;

/**
 * Throws 413 `WFM_ERR_INPUT_TOO_LARGE` when `count` is over `limit`, naming the field and the
 * limit. Checked before the schema so that a huge array is refused without validating each item.
 */
export function checkLimit(count: number, limit: number, path: (string | number)[], what: string): void {
  if (count > limit) {
    throw new WfmError('WFM_ERR_INPUT_TOO_LARGE', `At most ${limit} ${what} per request (got ${count}).`, {
      issues: [{ path, message: `at most ${limit} ${what}` }],
    });
  }
}

/** The length of `body[key]` when it is an array, else 0 (the schema reports the shape). */
export function arrayLength(body: unknown, key: string): number {
  if (typeof body !== 'object' || body === null) return 0;
  const value = (body as Record<string, unknown>)[key];
  return Array.isArray(value) ? value.length : 0;
}

/**
 * Runs `work` with an AbortSignal that fires after `limitMs` (reason: 422 `WFM_ERR_JOB_TIMEOUT`),
 * and rethrows that reason when the work fails because of it, so that a pooled call past its time
 * limit frees its thread and answers 422, not 409 or 500.
 */
export async function withTimeLimit<T>(
  limitMs: number,
  work: (signal: AbortSignal) => Promise<T>,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(
      new WfmError('WFM_ERR_JOB_TIMEOUT', `The request ran past its time limit of ${limitMs} ms and was stopped.`),
    );
  }, limitMs);
  const onOuter = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuter, { once: true });
  try {
    return await work(controller.signal);
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof WfmError) throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
}

/**
 * The offered load of each interval, Erlangs, bounded by `maxAgents`: staffing N agents costs
 * O(N) work, so a load that would need more agents than the limit is refused with 413 before any
 * work starts (a 10-million-call interval must not hold the event loop). `intervalMinutes`
 * absent (to be inferred) counts as the shortest interval, 5 minutes, so the bound is safe.
 */
export function checkLoad(
  rows: readonly { volume: number; ahtSeconds: number }[],
  intervalMinutes: number | undefined,
  maxAgents: number,
  path: (string | number)[],
  factor = 1,
): void {
  const seconds = (intervalMinutes ?? 5) * 60;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as { volume: number; ahtSeconds: number };
    const erlangs = ((row.volume * row.ahtSeconds) / seconds) * factor;
    if (erlangs > maxAgents) {
      throw new WfmError(
        'WFM_ERR_INPUT_TOO_LARGE',
        `The load of ${path.join('.')}[${i}] (${erlangs.toPrecision(4)} Erlangs) needs more than the ` +
          `${maxAgents} agents a request may staff.`,
        {
          issues: [{ path: [...path, i], message: `offered load over ${maxAgents} Erlangs` }],
        },
      );
    }
  }
}
