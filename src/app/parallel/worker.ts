/**
 * The one piscina worker module (the thread side of the pool): runs a task of the registry in
 * ./tasks.ts by name and carries a `WfmError` back across the thread boundary.
 */
import { WfmError, isWfmError, type WfmErrorCode, type WfmIssue } from '../../errors.js';
import { discardSolver, isSolverAbort } from '../../scheduler/mip/highs.js';
import { handlers, type WorkerResult, type WorkerTask } from './tasks.js';
import { SOLVER_ABORT_EXIT_CODE } from './solver-abort.js';
import { lowerThisThreadPriority } from './thread-priority.js';
import { workerData } from 'piscina';

/**
 * A `WfmError` thrown in a worker crosses the thread boundary as this plain object (structured
 * clone keeps only message and stack of an Error); `runTask` turns it back into a `WfmError`.
 */
export interface WorkerErrorPayload {
  wfmError: { code: WfmErrorCode; message: string; issues: WfmIssue[] };
}

type HandlerTable = Record<string, ((payload: never) => WorkerResult | Promise<WorkerResult>) | undefined>;

/** The task function of a worker over a handler table (the registry's, or a test's). */
export function workerTaskRunner(table: HandlerTable): (task: WorkerTask) => Promise<WorkerResult> {
  return async (task) => {
    const handler = table[task.handler] as ((payload: unknown) => WorkerResult | Promise<WorkerResult>) | undefined;
    if (!handler) throw new WfmError('WFM_ERR_INTERNAL', `No worker handler named "${String(task.handler)}".`);
    try {
      return await handler(task.payload);
    } catch (error) {
      if (isSolverAbort(error)) {
        discardSolver();
        process.exit(SOLVER_ABORT_EXIT_CODE);
      }
      if (isWfmError(error)) throw { wfmError: error.toJSON() } satisfies WorkerErrorPayload;
      throw error;
    }
  };
}

// A pool created with `threadNiceness` (the service's) runs its threads below the event loop.
const niceness = (workerData as { threadNiceness?: number } | undefined)?.threadNiceness;
if (niceness) lowerThisThreadPriority(niceness);

export default workerTaskRunner(handlers as HandlerTable);
