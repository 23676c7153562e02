import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate, type SimModel, type SimulationSummary } from '../../src/simulation/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared/reference/erlang-cases.json beside the project (absent in a user's clone). */
export const casesFile = resolve(repoRoot, '../shared/reference/erlang-cases.json');
export const casesPresent = existsSync(casesFile);

export interface ReferenceCase {
  id: string;
  model: 'erlangC' | 'erlangA';
  mode: 'solve' | 'evaluate';
  arrivalsPerInterval: number;
  intervalSeconds: number;
  ahtSeconds: number;
  targetAnswerSeconds?: number;
  agents?: number;
  patienceSeconds?: number;
  expected: Record<string, number | string>;
}

export function referenceCase(id: string): ReferenceCase {
  const cases = JSON.parse(readFileSync(casesFile, 'utf8')) as ReferenceCase[];
  const found = cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no reference case ${id}`);
  return found;
}

/**
 * One queue, one group of `agents` on a grid of `intervals` equal intervals: a stationary M/M/N
 * (or M/M/N+M with patience) to compare with Erlang C / Erlang A.
 */
export function singleQueueModel(o: {
  volumePerInterval: number;
  intervalMinutes: number;
  intervals: number;
  ahtSeconds: number;
  agents: number;
  answerSeconds: number;
  patienceSeconds?: number;
}): SimModel {
  const queue: SimModel['queues'][number] = {
    name: 'q',
    priority: 0,
    volume: new Array<number>(o.intervals).fill(o.volumePerInterval),
    handleTime: { kind: 'exponential', meanSeconds: o.ahtSeconds },
    answerSeconds: o.answerSeconds,
  };
  if (o.patienceSeconds !== undefined) queue.patienceSeconds = o.patienceSeconds;
  return {
    intervalMinutes: o.intervalMinutes,
    intervals: o.intervals,
    queues: [queue],
    groups: [{ name: 'g', skills: [0], agents: new Array<number>(o.intervals).fill(o.agents) }],
  };
}

/**
 * One queue at a constant rate for >= 10,000 contacts and >= 100 simulated hours per replication
 * (heavy traffic relaxes slowly), 10 replications; interval 0 (the warm-up from empty) and the last
 * interval (contacts still waiting at the end) are left out of the totals.
 */
export function simulateStationary(
  c: { volume: number; intervalMinutes: number; aht: number; agents: number; answer: number; patience?: number },
  seed: number,
): SimulationSummary {
  const intervals = Math.max(Math.ceil(10_000 / c.volume), Math.ceil(6000 / c.intervalMinutes)) + 2;
  const o = {
    volumePerInterval: c.volume,
    intervalMinutes: c.intervalMinutes,
    intervals,
    ahtSeconds: c.aht,
    agents: c.agents,
    answerSeconds: c.answer,
  };
  const model = singleQueueModel(c.patience === undefined ? o : { ...o, patienceSeconds: c.patience });
  return simulate(model, { seed, replications: 10, fromInterval: 1, toInterval: intervals - 1 });
}
