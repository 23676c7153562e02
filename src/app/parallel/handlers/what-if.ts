/** What-if handlers of the worker pool: check the task, call the core in one line. */
import { WfmError } from '../../../errors.js';
import { runWhatIf } from '../../../what-if/run.js';
import type { WhatIfInput, WhatIfResult } from '../../../what-if/types.js';
import { moveResult } from '../move.js';
import { whatIfJson, type WhatIfResultJson } from '../../what-if-json.js';
import { prepareWhatIf, type WhatIfText } from '../../what-if-request.js';

/** One range's scenarios as JSON, comma-separated (no brackets), UTF-8. */
export interface WhatIfJsonPart {
  bytes: Uint8Array;
  scenarios: number;
}

/** Scenarios [from, to) of a built what-if input: one thread's share of a what-if. */
export interface WhatIfRangeTask {
  input: WhatIfInput;
  from: number;
  to: number;
}

/** The single-threaded path with the handler's signature (the CLI without a pool, tests). */
export function runWhatIfTask(task: WhatIfRangeTask): WhatIfResult {
  return runWhatIf(task.input, task.from, task.to);
}

function checkTask(task: WhatIfRangeTask): WhatIfRangeTask {
  const count = task?.input?.scenarios?.length;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(task.from) ||
    !Number.isInteger(task.to) ||
    task.from < 0 ||
    task.to > count ||
    task.from > task.to
  ) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', 'what-if task: the scenario range is not within the input.');
  }
  return task;
}

/** The buffers under a result's per-interval columns (one or two per range: see runWhatIf). */
function columnViews(result: WhatIfResult): Float64Array[] {
  const views: Float64Array[] = [];
  for (const s of result.scenarios) {
    for (const q of s.queues) {
      if (q.headcount) views.push(q.headcount);
      if (q.roster?.serviceLevelByInterval) views.push(q.roster.serviceLevelByInterval);
    }
  }
  return views;
}

export const whatIfHandlers = {
  /** Scenarios [from, to) of a built what-if input (see src/contracts/what-if.ts) -> their results, columns moved. */
  'whatif.range': (task: WhatIfRangeTask) => {
    const result = runWhatIfTask(checkTask(task));
    return moveResult(result, columnViews(result));
  },
  /**
   * The same range, written as JSON here on the worker: the event loop receives bytes to send
   * (moved, not copied) instead of building and stringifying a large answer itself.
   */
  'whatif.range-json': (task: WhatIfRangeTask) => {
    const scenarios = whatIfJson(runWhatIfTask(checkTask(task))).scenarios;
    const bytes = new TextEncoder().encode(scenarios.map((s) => JSON.stringify(s)).join(','));
    return moveResult<WhatIfJsonPart>({ bytes, scenarios: scenarios.length }, [bytes]);
  },
  /** A what-if body as text, checked in full within its limits -> the whole answer (a saved scenario's result). */
  'whatif.scenario-json': (job: WhatIfText): WhatIfResultJson => whatIfJson(runWhatIf(prepareWhatIf(job).input)),
};
