/**
 * Piscina worker for the simulation benchmarks: runs a batch of replications of a model with the
 * pure core (`simulateReplications`) and returns the contacts simulated (the results stay here:
 * the benchmark measures the simulation, not the copy). Loaded through tsx (`execArgv`).
 */
import { simulateReplications, type SimModel } from '../../src/simulation/index.js';

export interface SimulationTask {
  model: SimModel;
  seed: number;
  firstReplication: number;
  replications: number;
}

export interface SimulationTaskResult {
  contacts: number;
  /** Per replication: total answered within target (a checksum that the split does not change). */
  answeredWithin: number[];
}

export default function run(task: SimulationTask): SimulationTaskResult {
  const results = simulateReplications(task.model, {
    seed: task.seed,
    firstReplication: task.firstReplication,
    replications: task.replications,
  });
  return {
    contacts: results.reduce((s, r) => s + r.contacts, 0),
    answeredWithin: results.map((r) => r.answeredWithin.reduce((s, x) => s + x, 0)),
  };
}
