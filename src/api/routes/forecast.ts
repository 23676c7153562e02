import { runNamed } from '../../app/parallel/runner.js';
import { ForecastRequestSchema, ForecastResultSchema, MAX_HISTORY_ROWS } from '../../contracts/forecast.js';
import { arrayLength, checkLimit, withTimeLimit, type RouteModule } from '../context.js';
import { errorResponses } from '../schema-compilers.js';

/** `POST /v1/forecast`: history in, a per-interval volume and AHT forecast out, on the worker pool. */
export const forecastRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/v1/forecast',
    {
      schema: {
        summary: 'Volume and AHT forecast per interval with a p10-p90 band, the method chosen by week-ahead backtests.',
        description:
          'The body is the JSON form of `wfm forecast`: `history` (interval rows or contact ' +
          'records) plus the options. ' +
          'Runs on the worker pool (backtests cost seconds on long histories) under the time limit.',
        tags: ['forecast'],
        body: ForecastRequestSchema,
        response: { 200: ForecastResultSchema, ...errorResponses(400, 401, 413, 415, 422) },
      },
      preValidation: async (request) => {
        checkLimit(arrayLength(request.body, 'history'), MAX_HISTORY_ROWS, ['history'], 'history rows');
      },
    },
    async (request) =>
      withTimeLimit(ctx.limits.jobTimeLimitMs, (signal) =>
        runNamed(ctx.runner, 'forecast.request', request.body, signal),
      ),
  );
};
