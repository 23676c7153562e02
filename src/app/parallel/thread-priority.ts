/**
 * A worker thread's scheduling priority. The service runs its pool threads at a lower priority
 * (a higher nice value) than its event loop, so that a solver using every core never delays a
 * request the event loop could answer at once (`/healthz`, a 429, a small staffing call): the
 * kernel runs the event loop first whenever it has work, and the solver takes the rest.
 *
 * Linux keeps a nice value per thread: `setpriority` on a thread id (from `/proc/thread-self`)
 * lowers only that thread. Elsewhere, or where lowering is not allowed, the thread keeps its
 * priority (the call is a best effort, never an error).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value of the service's pool threads (0 = the event loop's, 19 = the lowest). */
export const SERVICE_THREAD_NICENESS = 10;

/** Lowers the calling thread's priority to `niceness` (1..19); returns whether it took. */
export function lowerThisThreadPriority(niceness: number): boolean {
  if (process.platform !== 'linux' || !(niceness > 0)) return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.min(19, Math.floor(niceness)));
    return true;
  } catch {
    return false;
  }
}
