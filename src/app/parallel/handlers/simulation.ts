/** Simulation tasks of the worker threads: a batch of replications of a parsed model. */
import { simulateReplications } from '../../../simulation/index.js';
import type { SimModel } from '../../../simulation/types.js';
import { packReplications, type PackedReplications } from '../../simulation-pack.js';
import { moveResult } from '../move.js';

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
};
