/** Simulation tasks of the worker threads: a batch of replications, a range of multi-skill intervals. */
import { simulateReplications } from '../../../simulation/index.js';
import type { SimModel } from '../../../simulation/types.js';
import { packReplications, type PackedReplications } from '../../simulation-pack.js';
import { moveResult } from '../move.js';
import { staffMultiQueueRange, type MultiQueueRangeTask } from '../../multi-queue-range.js';

/** Replications `firstReplication .. firstReplication + replications - 1` of `model` with `seed`. */
export interface ReplicationBatchTask {
  model: SimModel;
  seed: number;
  firstReplication: number;
  replications: number;
}

export const simulationHandlers = {
  /** A batch of replications -> their counts packed in one moved buffer (no copy back). */
  'simulation.replications': (task: ReplicationBatchTask): PackedReplications => {
    const packed = packReplications(simulateReplications(task.model, task));
    return moveResult(packed, [packed.data]);
  },
  /** Intervals [from, to) of a multi-queue staffing: agents per group, verified by simulation. */
  'multiskill.staff-range': (task: MultiQueueRangeTask) => staffMultiQueueRange(task),
};
