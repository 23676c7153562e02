/**
 * Forecasts many series (queues) on the worker pool: one task per series, the series' arrays
 * moved to the worker. Results come back in input order; a bad series rejects with its
 * WfmError (the others still finish on the pool).
 */
import type { ForecastResult } from '../forecast/types.js';
import type { ForecastSeries } from './parallel/handlers/forecast.js';
import { runTask, type WfmPool } from './parallel/pool.js';

export interface ForecastManyOptions {
  signal?: AbortSignal;
  /** Copy the arrays instead of moving them (the caller keeps using them). Default false. */
  keepInputs?: boolean;
}

/**
 * @example
 * const pool = createPool({ maxThreads: 2 });
 * const results = await forecastMany(pool, queues.map((q) => ({ startMs, volume: q.volume, options: { weeks: 1 } })));
 */
export async function forecastMany(
  pool: WfmPool,
  series: readonly ForecastSeries[],
  options: ForecastManyOptions = {},
): Promise<ForecastResult[]> {
  return Promise.all(
    series.map((s) => {
      const payload: ForecastSeries = options.keepInputs
        ? { ...s, startMs: s.startMs.slice(), volume: s.volume.slice(), ahtSeconds: s.ahtSeconds?.slice() }
        : s;
      const transfer = [payload.startMs, payload.volume, ...(payload.ahtSeconds ? [payload.ahtSeconds] : [])];
      return runTask(pool, 'forecast.series', payload, {
        transfer,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    }),
  );
}
