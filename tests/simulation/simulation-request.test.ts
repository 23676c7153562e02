/**
 * The simulation request (src/contracts/simulation.ts) and its use case (src/app/simulation.ts):
 * a staffing or a roster turned into the core's model, per-queue outputs, the same figures for a seed
 * whatever the thread count, and bad input named by field. Expected numbers are computed by hand
 * from the request (cited beside each).
 */
import { describe, expect, it } from 'vitest';
import { parseSimulationRequest } from '../../src/contracts/simulation.js';
import { twoQueueStaffing } from './request-fixtures.js';
import { runSimulation } from '../../src/app/simulation.js';
import { inlineRunner, type TaskHandler, type TaskRunner } from '../../src/app/parallel/runner.js';
import { handlers } from '../../src/app/parallel/tasks.js';
import { learningCurveFactor } from '../../src/multiskill/proficiency.js';
import { isWfmError } from '../../src/errors.js';

/** The pool's handlers run inline, reporting `threads` threads (so the replications are split that many ways). */
function runnerWithThreads(threads: number): TaskRunner & { calls: number } {
  const inner = inlineRunner(handlers as unknown as Record<string, TaskHandler>);
  const runner = {
    threads,
    calls: 0,
    run(name: string, payload: unknown, signal?: AbortSignal) {
      runner.calls++;
      return inner.run(name, payload, signal);
    },
    close: () => inner.close(),
  };
  return runner;
}

function errorOf(fn: () => unknown): { code: string; paths: string[] } {
  try {
    fn();
  } catch (error) {
    if (isWfmError(error)) return { code: error.code, paths: error.issues.map((i) => i.path.join('.')) };
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseSimulationRequest', () => {
  it('builds the model of a staffing: queue indices, factors, the volume-weighted AHT', () => {
    const parsed = parseSimulationRequest(twoQueueStaffing());
    const { model } = parsed;
    expect(model.intervals).toBe(4);
    expect(model.startMs).toBe(Date.UTC(2026, 2, 2, 7));
    // (80 x 300 + 90 x 300 + 100 x 320 + 70 x 310) / 340 = 104,700 / 340 = 307.94 s (by hand).
    expect(model.queues[1]?.handleTime).toEqual({ kind: 'lognormal', meanSeconds: 104_700 / 340, cv: 0.8 });
    expect(model.queues[0]?.handleTime).toEqual({ kind: 'exponential', meanSeconds: 240 });
    expect(model.groups[1]?.skills).toEqual([1, 0]);
    expect(model.groups[1]?.handleTimeFactors).toEqual([1, 1.2]);
    expect(parsed.groupLabels.map((g) => g.agents)).toEqual([6, 22]);
  });

  it('turns a roster into on-phone masks: half an interval on the phones counts, breaks and retraining do not', () => {
    const parsed = parseSimulationRequest({
      start: '2026-03-02T08:00:00Z',
      intervalMinutes: 30,
      queues: [
        { name: 'a', volume: [10, 10, 10, 10], ahtSeconds: 200 },
        { name: 'b', volume: [5, 5, 5, 5], ahtSeconds: 200 },
      ],
      learningCurve: { firstMonthFactor: 1.5, proficientMonth: 9 },
      agents: [
        {
          id: 'ann',
          skills: ['a'],
          tenureMonths: 24,
          shifts: [
            {
              start: '2026-03-02T08:00:00Z',
              end: '2026-03-02T10:00:00Z',
              breaks: [{ start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:15:00Z' }],
            },
          ],
        },
        {
          id: 'bob',
          skills: ['a', 'b'],
          proficiency: { b: 1.2 },
          tenureMonths: 0,
          shifts: [
            {
              start: '2026-03-02T08:20:00Z',
              end: '2026-03-02T10:00:00Z',
              retraining: [{ start: '2026-03-02T09:30:00Z', end: '2026-03-02T10:00:00Z' }],
            },
          ],
        },
        { id: 'cid', skills: ['a'], shifts: [{ start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:45:00Z' }] },
      ],
    });
    const g = parsed.model.groups;
    // ann and cid share skills and factor 1 (tenure 24 months, or no tenure): one group of two.
    expect(g.map((x) => x.name)).toEqual(['a', 'a+b x1.5/1.8']);
    // ann: on 08:00-09:00, 09:15-09:30 (15 of 30 min: on), 09:30-10:00. cid: 09:00-09:30 on, 09:30-09:45 half: on.
    expect(g[0]?.onPhoneMasks?.map((m) => Array.from(m))).toEqual([
      [1, 1, 1, 1],
      [0, 0, 1, 1],
    ]);
    // bob: 08:20-08:30 is 10 of 30 min (off), then on until retraining at 09:30. Month one: factor 1.5, and 1.5 x 1.2 = 1.8.
    expect(g[1]?.onPhoneMasks?.map((m) => Array.from(m))).toEqual([[0, 1, 1, 0]]);
    expect(g[1]?.handleTimeFactors).toEqual([1.5, 1.8]);
  });

  it('names every bad field', () => {
    const bad = twoQueueStaffing();
    bad.groups = [
      { skills: ['sales', 'nope'], agents: [1, 2, 3] },
      { skills: ['service'], proficiency: { sales: 2 }, agents: [1, 1, 1, 1] },
    ];
    const e = errorOf(() => parseSimulationRequest(bad));
    expect(e.code).toBe('WFM_ERR_INPUT_INVALID');
    expect(e.paths).toEqual(['groups.0.skills.1', 'groups.0.agents', 'groups.1.proficiency.sales']);
    const both = { ...twoQueueStaffing(), agents: [] };
    expect(errorOf(() => parseSimulationRequest(both)).paths).toEqual(['groups']);
    const short = twoQueueStaffing();
    (short.queues[0] as { volume: number[] }).volume = [1, 2];
    expect(errorOf(() => parseSimulationRequest(short)).paths).toContain('queues.1.volume');
    // A per-interval AHT list of the wrong length is named too.
    (short.queues[1] as { ahtSeconds: number[] }).ahtSeconds = [300];
    expect(errorOf(() => parseSimulationRequest(short)).paths).toContain('queues.1.ahtSeconds');
  });

  it('refuses more simulated contacts than the limit before any work', () => {
    const big = twoQueueStaffing();
    (big.queues[0] as { volume: number[] }).volume = [10_000_000, 0, 0, 0];
    big.replications = 10;
    const e = errorOf(() => parseSimulationRequest(big));
    expect(e.code).toBe('WFM_ERR_INPUT_TOO_LARGE');
    expect(e.paths).toEqual(['replications']);
  });
});

describe('learningCurveFactor', () => {
  it('eases linearly from the first month to 1.0 at the proficient month', () => {
    const curve = { firstMonthFactor: 1.5, proficientMonth: 9 };
    // Month m = floor(tenure) + 1: 1 + 0.5 x (9 - m) / 8 (by hand).
    expect(learningCurveFactor(0, curve)).toBe(1.5);
    expect(learningCurveFactor(4.2, curve)).toBe(1.25);
    expect(learningCurveFactor(8, curve)).toBe(1);
    expect(learningCurveFactor(30, curve)).toBe(1);
  });
});

describe('runSimulation', () => {
  it('gives the same figures for a seed on 1, 2 and 4 threads, and splits the replications in batches', async () => {
    const request = parseSimulationRequest(twoQueueStaffing());
    const one = runnerWithThreads(1);
    const two = runnerWithThreads(2);
    const four = runnerWithThreads(4);
    const a = await runSimulation(one, request);
    const b = await runSimulation(two, request);
    const c = await runSimulation(four, request);
    // One batch on one thread; three per thread otherwise, at most one per replication (6).
    expect([one.calls, two.calls, four.calls]).toEqual([1, 6, 6]);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
    const other = await runSimulation(one, parseSimulationRequest({ ...twoQueueStaffing(), seed: 8 }));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(a));
  });

  it('reports per queue and interval SL, ASA, abandonment and occupancy with their 95 % intervals', async () => {
    const result = await runSimulation(runnerWithThreads(2), parseSimulationRequest(twoQueueStaffing()));
    expect(result.queues.map((q) => q.name)).toEqual(['sales', 'service']);
    expect(result.groups.map((g) => g.name)).toEqual(['sales only', 'blended']);
    for (const q of result.queues) {
      expect(q.intervals.map((i) => i.start)).toEqual([
        '2026-03-02T08:00:00+01:00',
        '2026-03-02T08:30:00+01:00',
        '2026-03-02T09:00:00+01:00',
        '2026-03-02T09:30:00+01:00',
      ]);
      for (const i of q.intervals) {
        for (const f of [i.serviceLevel, i.asaSeconds, i.abandonRate, i.occupancy]) {
          expect(f.low as number).toBeLessThanOrEqual(f.mean as number);
          expect(f.mean as number).toBeLessThanOrEqual(f.high as number);
        }
      }
      expect(q.totals.serviceLevel.n).toBe(6);
    }
    // Nobody abandons the service queue: it has no patience.
    expect(result.queues[1]?.totals.abandonRate.mean).toBe(0);
    expect(result.queues[0]?.totals.abandonRate.mean).toBeGreaterThan(0);
    expect(result.replications).toBe(6);
  });

  it('leaves the warm-up intervals out of the totals and the rows', async () => {
    const result = await runSimulation(
      runnerWithThreads(1),
      parseSimulationRequest({ ...twoQueueStaffing(), warmUpIntervals: 1 }),
    );
    expect(result.fromInterval).toBe(1);
    expect(result.queues[0]?.intervals[0]?.start).toBe('2026-03-02T08:30:00+01:00');
    expect(result.groups[0]?.intervals.length).toBe(3);
  });
});
