import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWfmError } from '../../src/errors.js';
import { forecast } from '../../src/forecast/forecast.js';
import { ForecastRequestSchema, parseForecastRequest } from '../../src/contracts/forecast.js';
import { forecastRequest } from '../../src/app/forecast.js';
import { forecastMany } from '../../src/app/forecast-many.js';
import type { ForecastSeries } from '../../src/app/parallel/handlers/forecast.js';
import { seriesRows } from '../../src/app/parallel/handlers/forecast.js';
import { createPool, runTask, type WfmPool } from '../../src/app/parallel/pool.js';
import { syntheticRows, weeklyPattern } from './helpers.js';

// The pool loads the compiled worker from dist/ (`npm run build` first, as `npm test` does).
let pool: WfmPool;
beforeAll(() => {
  pool = createPool({ maxThreads: 2 });
});
afterAll(async () => {
  await pool.destroy();
});

function series(scale: number): ForecastSeries {
  const rows = syntheticRows('2026-01-05', 42, 'UTC', 60, (w, m) => scale * weeklyPattern(w, m) + ((m / 60) % 3));
  return {
    startMs: Float64Array.from(rows, (r) => Date.parse(r.start as string)),
    volume: Float64Array.from(rows, (r) => r.volume),
    options: { method: 'auto', weeks: 1 },
  };
}

describe('forecastMany on the worker pool', () => {
  it('gives, per series and in input order, exactly what forecast() gives on this thread', async () => {
    const inputs = [1, 2, 3, 5].map(series);
    const expected = inputs.map((s) => forecast(seriesRows(s), s.options));
    const results = await forecastMany(pool, inputs, { keepInputs: true });
    expect(results).toEqual(expected);
    expect(inputs[0]?.volume.length).toBe(42 * 24); // keepInputs: the caller's arrays are intact
  });

  it('rejects a bad series with its WfmError', async () => {
    const bad = series(1);
    bad.volume[3] = -1;
    await expect(forecastMany(pool, [bad])).rejects.toSatisfy(
      (e: unknown) => isWfmError(e) && e.message.includes('history[3].volume'),
    );
  });

  it('runs a whole POST /v1/forecast body by the forecast.request handler', async () => {
    const body = { history: syntheticRows('2026-01-05', 28, 'UTC', 60, weeklyPattern), method: 'avg4' as const };
    const result = await runTask(pool, 'forecast.request', body);
    expect(result).toEqual(forecast(body.history, { method: 'avg4' }));
  });
});

describe('ForecastRequestSchema', () => {
  it('accepts interval rows and contact records, with options', () => {
    expect(
      ForecastRequestSchema.safeParse({
        history: [{ start: '2026-01-05T00:00:00Z', volume: 3, ahtSeconds: 200 }],
        weeks: 2,
        method: 'shape',
      }).success,
    ).toBe(true);
    expect(
      ForecastRequestSchema.safeParse({
        history: [{ timestamp: '2026-01-05T00:03:00Z', handleSeconds: 100 }],
        intervalMinutes: 30,
      }).success,
    ).toBe(true);
  });

  it('names every bad field', () => {
    try {
      parseForecastRequest({
        history: [{ start: '2026-01-05T00:00:00Z', volume: -1 }],
        weeks: 9,
        intervalMinutes: 7,
        extra: 1,
      });
      expect.unreachable();
    } catch (error) {
      expect(isWfmError(error) && error.code).toBe('WFM_ERR_INPUT_INVALID');
      const paths = (error as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['weeks', 'intervalMinutes']));
    }
  });

  it('runs a validated request', () => {
    const history = syntheticRows('2026-01-05', 28, 'UTC', 60, weeklyPattern);
    expect(forecastRequest(parseForecastRequest({ history, method: 'snaive' })).intervals).toEqual(
      forecast(history, { method: 'snaive' }).intervals,
    );
  });
});
