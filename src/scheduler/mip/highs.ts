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
