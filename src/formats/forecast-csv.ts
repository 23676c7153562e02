import { toCsv } from './csv.js';
import { type ForecastResult } from '../forecast/types.js';

/** The CSV form of a forecast: `start,volume,aht_seconds,volume_p10,volume_p90`. */
export function forecastCsv(result: ForecastResult): string {
  return toCsv(
    result.intervals.map((r) => ({
      start: r.start,
      volume: r.volume,
      aht_seconds: r.ahtSeconds ?? undefined,
      volume_p10: r.volumeP10,
      volume_p90: r.volumeP90,
    })),
    ['start', 'volume', 'aht_seconds', 'volume_p10', 'volume_p90'],
  );
}
