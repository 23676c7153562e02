import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { WfmError } from '../errors.js';

export { checkLimit, checkLoad } from '../app/request-limits.js';
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
