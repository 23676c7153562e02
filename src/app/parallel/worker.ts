/**
 * The one piscina worker module (the thread side of the pool): runs a task of the registry in
 * ./tasks.ts by name and carries a `WfmError` back across the thread boundary.
 */
import { WfmError, isWfmError, type WfmErrorCode, type WfmIssue } from '../../errors.js';
import { handlers, type WorkerResult, type WorkerTask } from './tasks.js';
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
