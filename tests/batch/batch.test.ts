import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffBatch, type StaffingBatch, BATCH_RESULT_COLUMNS } from '../../src/erlang/batch.js';
import { staffQueue } from '../../src/erlang/index.js';
import type { QueueParams } from '../../src/erlang/types.js';
import { isWfmError } from '../../src/errors.js';
import { parseStaffingRequest } from '../../src/contracts/staffing.js';
import { staffRequest } from '../../src/app/staffing.js';
import { createPool, runTask, type WfmPool } from '../../src/app/parallel/pool.js';
import { staffBatchOnPool } from '../../src/app/staffing-batch.js';

const ERLANG_C: QueueParams = {
  model: 'erlang-c',
  targets: { serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.9 },
  shrinkage: 0.3,
};
const ERLANG_A: QueueParams = {
  model: 'erlang-a',
  targets: { serviceLevel: 0.8, answerSeconds: 20, maxAbandonRate: 0.05 },
  patienceSeconds: 120,
};

function makeBatch(
  series: number,
  intervals: number,
  volumes: number[],
  ahts: number[],
  params: QueueParams[],
): StaffingBatch {
  const cells = series * intervals;
  return {
    intervalMinutes: 15,
    seriesCount: series,
    intervalCount: intervals,
    params,
    volume: Float64Array.from({ length: cells }, (_, i) => volumes[i % volumes.length] as number),
    ahtSeconds: Float64Array.from({ length: cells }, (_, i) => ahts[i % ahts.length] as number),
  };
}

const batchArb = fc
  .record({
    series: fc.integer({ min: 1, max: 6 }),
    intervals: fc.integer({ min: 1, max: 12 }),
    volumes: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 20 }),
    ahts: fc.array(fc.integer({ min: 30, max: 600 }), { minLength: 1, maxLength: 20 }),
    mixed: fc.boolean(),
  })
  .map(({ series, intervals, volumes, ahts, mixed }) =>
    makeBatch(
      series,
      intervals,
      volumes,
      ahts,
      mixed ? Array.from({ length: series }, (_, s) => (s % 2 === 0 ? ERLANG_C : ERLANG_A)) : [ERLANG_C],
    ),
  );

describe('staffBatch (single thread)', () => {
  it('equals staffQueue series by series (property)', () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        const result = staffBatch(batch);
        for (let s = 0; s < batch.seriesCount; s++) {
          const params = batch.params.length === 1 ? batch.params[0]! : batch.params[s]!;
          const base = s * batch.intervalCount;
          const intervals = Array.from({ length: batch.intervalCount }, (_, i) => ({
            volume: batch.volume[base + i]!,
            ahtSeconds: batch.ahtSeconds[base + i]!,
          }));
          staffQueue({ intervalMinutes: 15, params, intervals }).intervals.forEach((x, i) => {
            expect(result.agents[base + i]).toBe(x.agents);
            expect(result.agentsFractional[base + i]).toBe(x.agentsFractional);
            expect(result.serviceLevel[base + i]).toBe(x.serviceLevel);
          });
        }
      }),
      { numRuns: 40 },
    );
  });

  it("'agents' output gives the same agents for Erlang C", () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        const full = staffBatch({ ...batch, params: [ERLANG_C] });
        const fast = staffBatch({ ...batch, params: [ERLANG_C], output: 'agents' });
        expect(Array.from(fast.agents)).toEqual(Array.from(full.agents));
      }),
      { numRuns: 40 },
    );
  });
});

describe('staffBatchOnPool (2 worker threads)', () => {
  let pool: WfmPool;
  beforeAll(() => {
    pool = createPool({ maxThreads: 2 });
  });
  afterAll(async () => {
    await pool.destroy();
  });

  it('gives results identical to the single-threaded path (property)', async () => {
    await fc.assert(
      fc.asyncProperty(batchArb, fc.integer({ min: 1, max: 5 }), async (batch, slices) => {
        const single = staffBatch(batch);
        const pooled = await staffBatchOnPool(pool, batch, { slices });
        for (const column of BATCH_RESULT_COLUMNS)
          expect(Array.from(pooled[column])).toEqual(Array.from(single[column]));
      }),
      { numRuns: 15 },
    );
  });

  it('leaves the caller’s arrays intact (slices are copies that move)', async () => {
    const batch = makeBatch(3, 4, [100, 50, 0, 220], [180, 240], [ERLANG_C]);
    const before = Array.from(batch.volume);
    await staffBatchOnPool(pool, batch);
    expect(Array.from(batch.volume)).toEqual(before);
  });

  it('moves a task’s arrays to the worker (the sender’s buffers are detached)', async () => {
    const batch = makeBatch(1, 2, [100, 50], [180], [ERLANG_C]);
    const result = await runTask(pool, 'staffing.batch', batch, { transfer: [batch.volume, batch.ahtSeconds] });
    expect(batch.volume.length).toBe(0);
    expect(result.agents).toBeInstanceOf(Float64Array);
    expect(result.agents.length).toBe(2);
  });

  it('brings a WfmError back from the worker with its code and issues', async () => {
    const bad = { ...makeBatch(1, 2, [100, 50], [180], [ERLANG_C]), seriesCount: 2 };
    const error = await runTask(pool, 'staffing.batch', bad).catch((e: unknown) => e);
    expect(isWfmError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('WFM_ERR_INPUT_INVALID');
    expect((error as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual(['volume']);
  });

  it("runs a whole staffing request on a worker ('staffing.request') with the same answer as in-thread", async () => {
    const body = {
      intervalMinutes: 30 as const,
      target: { serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.85 },
      intervals: [{ start: '2026-06-01T09:00:00Z', volume: 100, ahtSeconds: 180 }],
    };
    const pooled = await runTask(pool, 'staffing.request', body);
    expect(pooled).toEqual(staffRequest(parseStaffingRequest(body)));
    expect(pooled.intervals[0]?.agents).toBe(14); // ../shared/reference/erlang-cases.json C01
  });

  it('cancels through an AbortSignal', async () => {
    const batch = makeBatch(200, 672, [150, 300, 80], [240, 300], [ERLANG_A]);
    const controller = new AbortController();
    const run = staffBatchOnPool(pool, batch, { signal: controller.signal });
    controller.abort();
    const error = await run.catch((e: unknown) => e);
    expect(isWfmError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('WFM_ERR_JOB_CANCELLED');
  });
});
