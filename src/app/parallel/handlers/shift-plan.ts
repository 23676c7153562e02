/** Shift-plan handlers of the worker pool: validate the payload, call the core in one line. */
import * as highsModule from 'highs';
import { z } from 'zod';
import { parseWith } from '../../../contracts/validate.js';
import { parseRequirementJson, runShiftPlan } from '../../../contracts/shift-plan.js';
import type { Highs } from '../../../scheduler/mip/solve.js';

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

/** One HiGHS instance per thread (WebAssembly, single-threaded, 2 GiB heap), loaded once. */
export function loadSolver(): Promise<Highs> {
  solver ??= highsLoader()();
  return solver;
}

/** The `POST /v1/shift-plans` body. */
export const ShiftPlanRequestSchema = z.strictObject({
  requirement: z.unknown().describe('The `wfm staff` JSON response (or its intervals array).'),
  rules: z
    .unknown()
    .describe('Shift templates, break rules, opening hours, coverage, pool, solver (docs/shift-plan.md).'),
  timeLimitSeconds: z.number().positive().max(3600).optional(),
  timeZone: z.string().optional(),
});
export type ShiftPlanRequest = z.infer<typeof ShiftPlanRequestSchema>;

export const shiftPlanHandlers = {
  /** A shift-plan request -> the plan (JSON-safe: the adapter maps non-finite numbers to null). */
  'shift-plan.solve': async (payload: ShiftPlanRequest) => {
    const request = parseWith(ShiftPlanRequestSchema, payload, 'shift-plan request');
    return runShiftPlan(parseRequirementJson(request.requirement), request.rules, {
      highs: await loadSolver(),
      timeLimitSeconds: request.timeLimitSeconds,
      timeZone: request.timeZone,
      now: () => performance.now(),
    });
  },
};
