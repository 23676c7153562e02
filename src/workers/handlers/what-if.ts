/** What-if handlers of the worker pool: check the task, call the core in one line. */
import { WfmError } from '../../errors.js';
import { runWhatIfTask, type WhatIfRangeTask } from '../../what-if/parallel.js';

function checkTask(task: WhatIfRangeTask): WhatIfRangeTask {
  const count = task?.input?.scenarios?.length;
  if (typeof count !== 'number' || !Number.isInteger(task.from) || !Number.isInteger(task.to) || task.from < 0 || task.to > count || task.from > task.to) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', 'what-if task: the scenario range is not within the input.');
  }
  return task;
}

export const whatIfHandlers = {
  /** Scenarios [from, to) of a built what-if input (see src/schemas/what-if.ts) -> their results. */
  'whatif.range': (task: WhatIfRangeTask) => runWhatIfTask(checkTask(task)),
};
