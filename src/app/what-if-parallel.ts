/**
 * Splits a what-if over the worker threads: the scenarios are cut into one contiguous range per
 * thread, each range runs `runWhatIf` (the same function as the single-threaded path, so the
 * numbers are identical), and the ranges are joined in order. Takes the runner as a parameter,
 * so that this module stays free of piscina.
 */
import { runWhatIf } from '../what-if/run.js';
import type { WhatIfInput, WhatIfResult } from '../what-if/types.js';

/** The worker handler name (src/app/parallel/handlers/what-if.ts). */
export const WHAT_IF_HANDLER = 'whatif.range';

export interface WhatIfRangeTask {
  input: WhatIfInput;
  from: number;
  to: number;
}

/** What runs a named task on a thread (the API's TaskRunner has this shape). */
export interface ScenarioRunner {
  readonly threads: number;
  run(name: string, payload: unknown, signal?: AbortSignal): Promise<unknown>;
}

/** Scenario ranges [from, to) of near-equal size, at most `parts` of them. */
export function splitRanges(count: number, parts: number): [number, number][] {
  const n = Math.max(1, Math.min(count, Math.floor(parts)));
  const out: [number, number][] = [];
  for (let k = 0; k < n; k++) out.push([Math.floor((k * count) / n), Math.floor(((k + 1) * count) / n)]);
  return out;
}

/**
 * Runs the what-if on `runner`, one range of scenarios per thread. Small requests (fewer than
 * `minCellsPerThread` scenario-intervals per thread) use fewer threads, since a thread round trip
 * costs more than the work.
 */
export async function runWhatIfParallel(
  runner: ScenarioRunner,
  input: WhatIfInput,
  options: { signal?: AbortSignal; minCellsPerThread?: number } = {},
): Promise<WhatIfResult> {
  let intervals = 0;
  for (const q of input.queues) intervals += q.volume.length;
  const cells = intervals * input.scenarios.length;
  const minCells = options.minCellsPerThread ?? 20_000;
  const parts = Math.max(1, Math.min(runner.threads, Math.floor(cells / minCells)));
  const ranges = splitRanges(input.scenarios.length, parts);
  const results = await Promise.all(
    ranges.map(
      ([from, to]) =>
        runner.run(
          WHAT_IF_HANDLER,
          { input, from, to } satisfies WhatIfRangeTask,
          options.signal,
        ) as Promise<WhatIfResult>,
    ),
  );
  return {
    scenarioCount: input.scenarios.length,
    intervalCount: intervals,
    scenarios: results.flatMap((r) => r.scenarios),
  };
}

/** The single-threaded path with the same signature (CLI without a pool, tests). */
export function runWhatIfTask(task: WhatIfRangeTask): WhatIfResult {
  return runWhatIf(task.input, task.from, task.to);
}
