/** Forecast handlers of the worker pool: validate the payload, call the core in one line. */
import { z } from 'zod';
import { forecast } from '../../../forecast/forecast.js';
import type { ForecastOptions, ForecastResult, HistoryInput, IntervalHistoryRow } from '../../../forecast/types.js';
import { parseWith } from '../../../contracts/validate.js';
import { ForecastOptionsSchema, MAX_HISTORY_ROWS, type ForecastRequest } from '../../../contracts/forecast.js';
import { forecastRequest } from '../../forecast.js';

/**
 * One series in compact form: interval starts (epoch ms), volumes and optional AHTs as
 * Float64Arrays (moved to the worker, not copied; NaN AHT = none), plus the forecast options.
 */
export interface ForecastSeries {
  startMs: Float64Array;
  volume: Float64Array;
  ahtSeconds?: Float64Array | undefined;
  options: ForecastOptions;
}

const SeriesSchema = z
  .object({
    startMs: z.instanceof(Float64Array),
    volume: z.instanceof(Float64Array),
    ahtSeconds: z.instanceof(Float64Array).optional(),
    options: ForecastOptionsSchema,
  })
  .refine(
    (s) =>
      s.volume.length === s.startMs.length && (s.ahtSeconds === undefined || s.ahtSeconds.length === s.startMs.length),
    'startMs, volume and ahtSeconds must have the same length',
  );

/** History rows as read from a file (each with its file `line`, for error messages) and the options. */
export interface ForecastRows {
  history: HistoryInput;
  options: ForecastOptions;
}

// Shape only: forecast() checks the meaning (negative counts, times, duplicates) and names the
// file line, exactly as for one queue read on the main thread.
const line = z.int().min(1).optional();
const time = z.union([z.string(), z.number()]);
const RowsSchema = z.strictObject({
  history: z.union([
    z
      .array(z.strictObject({ start: time, volume: z.number(), ahtSeconds: z.number().optional(), line }))
      .max(MAX_HISTORY_ROWS),
    z.array(z.strictObject({ timestamp: time, handleSeconds: z.number().optional(), line })).max(MAX_HISTORY_ROWS),
  ]),
  options: ForecastOptionsSchema,
});

/** Rebuilds history rows from the compact arrays. */
export function seriesRows(series: ForecastSeries): IntervalHistoryRow[] {
  const rows: IntervalHistoryRow[] = new Array(series.startMs.length);
  for (let i = 0; i < rows.length; i++) {
    const aht = series.ahtSeconds?.[i];
    rows[i] = {
      start: series.startMs[i] as number,
      volume: series.volume[i] as number,
      ahtSeconds: aht === undefined || Number.isNaN(aht) ? undefined : aht,
    };
  }
  return rows;
}

export const forecastHandlers = {
  /** A parsed forecast request (the `POST /v1/forecast` body, checked by its schema) -> its result. */
  'forecast.request': (request: ForecastRequest): ForecastResult => forecastRequest(request),
  /** File rows with their lines (see `ForecastRows`) -> their forecast; errors name the file line. */
  'forecast.rows': (payload: ForecastRows): ForecastResult => {
    const p = parseWith(RowsSchema, payload, 'forecast rows') as ForecastRows;
    return forecast(p.history, p.options);
  },
  /** One compact series (see `ForecastSeries`) -> its forecast. */
  'forecast.series': (payload: ForecastSeries): ForecastResult => {
    const s = parseWith(SeriesSchema, payload, 'forecast series') as ForecastSeries;
    return forecast(seriesRows(s), s.options);
  },
};
