import { WEEKDAY_NAMES } from '../time/weekdays.js';
/**
 * The forecast request and response: the JSON body of `POST /v1/forecast` and the JSON form of
 * `wfm forecast`. Validated here once; `forecast()` in src/forecast trusts its types for shape,
 * and checks the meaning (duplicates, grid alignment, history length) itself, naming the row.
 *
 * Size limit: at most `MAX_HISTORY_ROWS` (500,000) history rows (interval rows or contacts).
 */
import { OpeningHoursSchema } from './opening-hours.js';
import { z } from 'zod';
import { FORECAST_LIMITS, FORECAST_METHODS } from '../forecast/types.js';
import { parseWith } from './validate.js';
import { INTERVAL_MINUTES } from '../time/instant.js';

export const MAX_HISTORY_ROWS = 500_000;

const time = z.union([z.string().min(1), z.number()]);
const seconds = z.number().min(0, 'must be >= 0 seconds').max(86_400, 'must be at most 86,400 s');

export const IntervalHistoryRowSchema = z.strictObject({
  start: time,
  volume: z.number().min(0, 'volume must be >= 0'),
  ahtSeconds: seconds.optional(),
});

export const ContactHistoryRowSchema = z.strictObject({
  timestamp: time,
  handleSeconds: seconds.optional(),
});

export const SpecialDaySchema = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'),
  factor: z.number().min(0).optional(),
  like: z.string().optional(),
  label: z.string().optional(),
});

export const ForecastMethodSchema = z.enum([...FORECAST_METHODS, 'auto']);

export const ForecastOptionsSchema = z.strictObject({
  timeZone: z.string().optional(),
  intervalMinutes: z
    .number()
    .refine(
      (v) => (INTERVAL_MINUTES as readonly number[]).includes(v),
      `intervalMinutes must be one of ${INTERVAL_MINUTES.join(', ')}`,
    )
    .optional(),
  weeks: z.number().int().min(FORECAST_LIMITS.weeks.min).max(FORECAST_LIMITS.weeks.max).optional(),
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'start must be a date YYYY-MM-DD')
    .optional(),
  weekStart: z.enum(WEEKDAY_NAMES).optional(),
  method: ForecastMethodSchema.optional(),
  openingHours: OpeningHoursSchema.optional(),
  specialDays: z.array(SpecialDaySchema).max(10_000).optional(),
  backtestOrigins: z
    .number()
    .int()
    .min(FORECAST_LIMITS.backtestOrigins.min)
    .max(FORECAST_LIMITS.backtestOrigins.max)
    .optional(),
  defaultAhtSeconds: seconds.optional(),
});

/** `POST /v1/forecast`: the history (interval rows or contact records) plus the options. */
export const ForecastRequestSchema = ForecastOptionsSchema.extend({
  history: z.union([
    z.array(IntervalHistoryRowSchema).min(1).max(MAX_HISTORY_ROWS),
    z.array(ContactHistoryRowSchema).min(1).max(MAX_HISTORY_ROWS),
  ]),
});
export type ForecastRequest = z.output<typeof ForecastRequestSchema>;

const OriginScoreSchema = z.object({
  origin: z.string(),
  wape: z.number(),
  mase: z.number(),
  bias: z.number(),
  mape10: z.number().nullable(),
});

/** The response (and `wfm forecast --format json`). NaN scores serialise as null in JSON. */
export const ForecastResultSchema = z.object({
  intervalMinutes: z.number(),
  timeZone: z.string(),
  method: z.enum([...FORECAST_METHODS, 'pool']),
  methods: z.array(z.enum(FORECAST_METHODS)),
  backtestWape: z.number().nullable(),
  intervals: z.array(
    z.object({
      start: z.string(),
      volume: z.number(),
      ahtSeconds: z.number().nullable(),
      volumeP10: z.number(),
      volumeP90: z.number(),
    }),
  ),
  report: z.object({
    horizonDays: z.number(),
    origins: z.array(z.string()),
    methods: z.array(
      z.object({
        method: z.enum(FORECAST_METHODS),
        meanWape: z.number().nullable(),
        meanMase: z.number().nullable(),
        meanBias: z.number().nullable(),
        meanMape10: z.number().nullable(),
        origins: z.array(
          OriginScoreSchema.extend({
            wape: z.number().nullable(),
            mase: z.number().nullable(),
            bias: z.number().nullable(),
          }),
        ),
      }),
    ),
    overdispersion: z.number(),
    overdispersionLow: z.number(),
  }),
  notes: z.array(z.string()),
});

/** Validates a request body (throws WFM_ERR_INPUT_INVALID naming every bad field). */
export function parseForecastRequest(body: unknown): ForecastRequest {
  return parseWith(ForecastRequestSchema, body, 'forecast request');
}
