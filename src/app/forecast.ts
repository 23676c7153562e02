/** The forecast use case of `POST /v1/forecast` and the worker task: a parsed request in, the forecast out. */
import type { ForecastRequest } from '../contracts/forecast.js';
import { forecast } from '../forecast/forecast.js';
import type { ForecastOptions, ForecastResult, HistoryInput } from '../forecast/types.js';

/** Runs a parsed request (`parseForecastRequest`). */
export function forecastRequest(request: ForecastRequest): ForecastResult {
  const { history, ...options } = request;
  return forecast(history as HistoryInput, options as ForecastOptions);
}
