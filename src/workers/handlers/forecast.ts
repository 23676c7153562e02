/** Forecast handlers of the worker pool: validate the payload, call the core in one line. */
import { z } from 'zod';
import { forecast } from '../../forecast/forecast.js';
import type { ForecastOptions, ForecastResult, IntervalHistoryRow } from '../../forecast/types.js';
import { parseWith } from '../../io/validate.js';
import { ForecastOptionsSchema, forecastRequest, parseForecastRequest, type ForecastRequest } from '../../schemas/forecast.js';

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

const SeriesSchema = z.object({
  startMs: z.instanceof(Float64Array),
  volume: z.instanceof(Float64Array),
  ahtSeconds: z.instanceof(Float64Array).optional(),
  options: ForecastOptionsSchema,
}).refine((s) => s.volume.length === s.startMs.length && (s.ahtSeconds === undefined || s.ahtSeconds.length === s.startMs.length), 'startMs, volume and ahtSeconds must have the same length');

/** Rebuilds history rows from the compact arrays. */
export function seriesRows(series: ForecastSeries): IntervalHistoryRow[] {
  const rows: IntervalHistoryRow[] = new Array(series.startMs.length);
  for (let i = 0; i < rows.length; i++) {
    const aht = series.ahtSeconds?.[i];
    rows[i] = { start: series.startMs[i] as number, volume: series.volume[i] as number, ahtSeconds: aht === undefined || Number.isNaN(aht) ? undefined : aht };
  }
  return rows;
}

export const forecastHandlers = {
  /** A whole forecast request (the `POST /v1/forecast` body) -> its result. */
  'forecast.request': (payload: ForecastRequest): ForecastResult => forecastRequest(parseForecastRequest(payload)),
  /** One compact series (see `ForecastSeries`) -> its forecast. */
  'forecast.series': (payload: ForecastSeries): ForecastResult => {
    const s = parseWith(SeriesSchema, payload, 'forecast series') as ForecastSeries;
    return forecast(seriesRows(s), s.options);
  },
};
