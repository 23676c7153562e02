/**
 * Loads HiGHS (WebAssembly, single-threaded, 2 GiB heap) once per thread. The loaded instance is
 * a per-thread cache of one entry: loading compiles the module (~100 ms), and every solve on the
 * thread reuses it.
 */
import * as highsModule from 'highs';
import type { Highs } from './solve.js';

type Loader = () => Promise<Highs>;

/**
 * The package ships CommonJS typings with an ESM build whose default export is the loader; accept
 * either shape at run time.
 */
function highsLoader(): Loader {
  const candidate = (highsModule as unknown as { default: unknown }).default;
  if (typeof candidate === 'function') return candidate as Loader;
  return (candidate as { default: Loader }).default;
}

let solver: Promise<Highs> | undefined;

/** The thread's HiGHS instance, loaded on first use. */
export function loadSolver(): Promise<Highs> {
  solver ??= highsLoader()();
  return solver;
}

/**
 * Forgets the thread's instance, so that the next `loadSolver()` loads a fresh one. For after an
 * abort: the instance is unusable, and its heap (grown to up to 2 GiB) never shrinks while it is
 * referenced.
 */
export function discardSolver(): void {
  solver = undefined;
}

/**
 * True when `error`, or an error in its `cause` chain, is a WebAssembly runtime error: HiGHS
 * aborted ("Aborted()": out of its 2 GiB heap, or a fatal error inside the solver). After one the
 * instance must not be used again.
 */
export function isSolverAbort(error: unknown): boolean {
  // The Node typings declare WebAssembly as types only.
  const runtimeError = (globalThis as unknown as { WebAssembly: { RuntimeError: ErrorConstructor } }).WebAssembly
    .RuntimeError;
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 8; depth++) {
    if (Object.prototype.isPrototypeOf.call(runtimeError.prototype, e)) return true;
    e = e.cause;
  }
  return false;
}
