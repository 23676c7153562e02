/**
 * Splits a what-if over the worker threads: the scenarios are cut into one contiguous range per
 * thread, each range runs `runWhatIf` (the same function as the single-threaded path, so the
 * numbers are identical), and the ranges are joined in order. Takes the runner as a parameter
 * (the pool, or an inline runner in tests).
 */
import type { WhatIfInput, WhatIfResult } from '../what-if/types.js';
import { runWhatIfTask, type WhatIfRangeTask } from './parallel/handlers/what-if.js';
import { runNamed, type TaskRunner } from './parallel/runner.js';

export { runWhatIfTask, type WhatIfRangeTask };

/** The worker handler name (src/app/parallel/handlers/what-if.ts). */
export const WHAT_IF_HANDLER = 'whatif.range' as const;
/** The handler that also writes its range as JSON on the worker. */
export const WHAT_IF_JSON_HANDLER = 'whatif.range-json' as const;

/** Scenario ranges [from, to) of near-equal size, at most `parts` of them. */
export function splitRanges(count: number, parts: number): [number, number][] {
  const n = Math.max(1, Math.min(count, Math.floor(parts)));
  const out: [number, number][] = [];
  for (let k = 0; k < n; k++) out.push([Math.floor((k * count) / n), Math.floor(((k + 1) * count) / n)]);
  return out;
}

function plan(
  runner: Pick<TaskRunner, 'threads'>,
  input: WhatIfInput,
  minCellsPerThread = 20_000,
): { intervals: number; ranges: [number, number][] } {
  let intervals = 0;
  for (const q of input.queues) intervals += q.volume.length;
  const cells = intervals * input.scenarios.length;
  const parts = Math.max(1, Math.min(runner.threads, Math.floor(cells / minCellsPerThread)));
  return { intervals, ranges: splitRanges(input.scenarios.length, parts) };
}

/**
 * The what-if's JSON answer (the bytes of `JSON.stringify(whatIfJson(result))`) in pieces, in
 * order: each range is computed and written on its worker thread and arrives as moved bytes, so
 * the caller only sends them. The pieces concatenated are the whole answer.
 */
export async function runWhatIfJsonParallel(
  runner: Pick<TaskRunner, 'threads' | 'run'>,
  input: WhatIfInput,
  options: { signal?: AbortSignal; minCellsPerThread?: number } = {},
): Promise<Uint8Array<ArrayBufferLike>[]> {
  const { intervals, ranges } = plan(runner, input, options.minCellsPerThread);
  const parts = await Promise.all(
    ranges.map(([from, to]) => runNamed(runner, WHAT_IF_JSON_HANDLER, { input, from, to }, options.signal)),
  );
  const encoder = new TextEncoder();
  const out: Uint8Array<ArrayBufferLike>[] = [
    encoder.encode(`{"scenarioCount":${input.scenarios.length},"intervalCount":${intervals},"scenarios":[`),
  ];
  const comma = encoder.encode(',');
  parts
    .filter((p) => p.scenarios > 0)
    .forEach((p, k) => {
      if (k > 0) out.push(comma);
      out.push(p.bytes);
    });
  out.push(encoder.encode(']}'));
  return out;
}

/**
 * Runs the what-if on `runner`, one range of scenarios per thread. Small requests (fewer than
 * `minCellsPerThread` scenario-intervals per thread) use fewer threads, since a thread round trip
 * costs more than the work.
 */
export async function runWhatIfParallel(
  runner: Pick<TaskRunner, 'threads' | 'run'>,
  input: WhatIfInput,
  options: { signal?: AbortSignal; minCellsPerThread?: number } = {},
): Promise<WhatIfResult> {
  const { intervals, ranges } = plan(runner, input, options.minCellsPerThread);
  const results = await Promise.all(
    ranges.map(([from, to]) => runNamed(runner, WHAT_IF_HANDLER, { input, from, to }, options.signal)),
  );
  return {
    scenarioCount: input.scenarios.length,
    intervalCount: intervals,
    scenarios: results.flatMap((r) => r.scenarios),
  };
}
