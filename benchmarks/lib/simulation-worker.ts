/**
 * Piscina worker for the simulation benchmarks: runs a batch of replications of a model with the
 * pure core (`simulateReplications`) and returns the contacts simulated (the results stay here:
 * the benchmark measures the simulation, not the copy), and the thread's own CPU time. Loaded
 * through tsx (`execArgv`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { simulateReplications, type SimModel } from '../../src/simulation/index.js';

const STAT = '/proc/thread-self/stat';

/** This thread's CPU time in ms (Linux: utime + stime of /proc/thread-self/stat, 10 ms ticks); NaN elsewhere. */
function threadCpuMs(): number {
  if (!existsSync(STAT)) return NaN;
  const text = readFileSync(STAT, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the command name: field 3 is state, so utime and stime (fields 14, 15) are at 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

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
  /** CPU time this thread spent on the task, ms (NaN off Linux). */
  cpuMs: number;
}

export default function run(task: SimulationTask): SimulationTaskResult {
  const cpu0 = threadCpuMs();
  const results = simulateReplications(task.model, {
    seed: task.seed,
    firstReplication: task.firstReplication,
    replications: task.replications,
  });
  return {
    contacts: results.reduce((s, r) => s + r.contacts, 0),
    answeredWithin: results.map((r) => r.answeredWithin.reduce((s, x) => s + x, 0)),
    cpuMs: threadCpuMs() - cpu0,
  };
}
