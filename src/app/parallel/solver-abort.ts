/**
 * The exit code of a worker thread that ends itself after HiGHS aborted. The aborted instance's
 * WebAssembly heap (up to 2 GiB) cannot shrink, so the thread goes and piscina starts a fresh one
 * when work comes; `runTask` reports the task as a solver failure (WFM_ERR_SCHEDULER_SOLVER).
 */
export const SOLVER_ABORT_EXIT_CODE = 87;
