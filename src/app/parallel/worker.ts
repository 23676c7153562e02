/**
 * The one piscina worker module. Every CPU-heavy task runs through `runWorkerTask` by handler
 * name; each handler validates its payload and calls the core in one line.
 *
 * Adding an area: one import below and one line in `handlers`. Handler names are prefixed with
 * their area (`staffing.batch`), so areas never collide.
 */
import { WfmError, isWfmError, type WfmErrorCode, type WfmIssue } from '../../errors.js';
import { staffingHandlers } from './handlers/staffing.js';
import { whatIfHandlers } from './handlers/what-if.js';
import { apiHandlers } from './handlers/api.js';
import { forecastHandlers } from './handlers/forecast.js';
import { shiftPlanHandlers } from './handlers/shift-plan.js';
import { rosterHandlers } from './handlers/roster.js';

export const handlers = {
  ...staffingHandlers,
  ...whatIfHandlers,
  ...apiHandlers,
  ...forecastHandlers,
  ...shiftPlanHandlers,
  ...rosterHandlers,
} as const;

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;
export type HandlerPayload<K extends HandlerName> = Parameters<Handlers[K]>[0];
export type HandlerResult<K extends HandlerName> = Awaited<ReturnType<Handlers[K]>>;
/** What the pool runs: a handler name and its payload. */
export type WorkerTask = { [K in HandlerName]: { handler: K; payload: HandlerPayload<K> } }[HandlerName];
export type WorkerResult = HandlerResult<HandlerName>;

/**
 * A `WfmError` thrown in a worker crosses the thread boundary as this plain object (structured
 * clone keeps only message and stack of an Error); `runTask` turns it back into a `WfmError`.
 */
export interface WorkerErrorPayload {
  wfmError: { code: WfmErrorCode; message: string; issues: WfmIssue[] };
}

export default async function runWorkerTask(task: WorkerTask): Promise<WorkerResult> {
  const handler = handlers[task.handler] as ((payload: unknown) => WorkerResult | Promise<WorkerResult>) | undefined;
  if (!handler) throw new WfmError('WFM_ERR_INTERNAL', `No worker handler named "${String(task.handler)}".`);
  try {
    return await handler(task.payload);
  } catch (error) {
    if (isWfmError(error)) throw { wfmError: error.toJSON() } satisfies WorkerErrorPayload;
    throw error;
  }
}
