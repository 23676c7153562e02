/** The forecasting core's public surface (pure: no I/O). */
export { forecast } from './forecast.js';
export { FORECAST_METHODS } from './types.js';
export type {
  ForecastMethod,
  ForecastMethodChoice,
  ForecastOptions,
  ForecastResult,
  ForecastInterval,
  BacktestReport,
  MethodReport,
  OriginScore,
  IntervalHistoryRow,
  ContactHistoryRow,
  HistoryInput,
  SpecialDay,
} from './types.js';
