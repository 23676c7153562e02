import { z } from 'zod';
import { WfmError } from '../errors.js';
import { formatInstant, isIntervalMinutes, parseInstant } from '../time/instant.js';
import { applyOverrides, type EffectiveInterval, type ForecastOverride } from './apply-overrides.js';
import { recordAudit, type Actor } from './audit.js';
import { getCentre } from './centres.js';
import { json } from './json.js';
import type { Store } from './open-store.js';
import { validate } from './validate.js';

export const ForecastInputSchema = z.object({
  queueId: z.string().uuid(),
  name: z.string().min(1),
  intervalMinutes: z.number().int(),
  /** What made the numbers (method, parameters, backtest figures): kept as given. */
  model: z.record(z.string(), z.unknown()).default({}),
  intervals: z
    .array(
      z.object({
        start: z.string().min(1),
        volume: z.number().finite().min(0),
        ahtSeconds: z.number().finite().positive().nullable().optional(),
      }),
    )
    .min(1),
});
export type ForecastInput = z.input<typeof ForecastInputSchema>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local day, YYYY-MM-DD');
export const OverrideInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('scale'),
    from: z.string(),
    to: z.string(),
    factor: z.number().finite().min(0),
    note: z.string().default(''),
  }),
  z.object({
    kind: z.literal('set'),
    from: z.string(),
    to: z.string(),
    volume: z.number().finite().min(0),
    note: z.string().default(''),
  }),
  z.object({
    kind: z.literal('holiday'),
    day: Day,
    factor: z.number().finite().min(0).default(0),
    note: z.string().default(''),
  }),
]);
export type OverrideInput = z.input<typeof OverrideInputSchema>;

export interface ForecastSummary {
  id: string;
  centreId: string;
  queueId: string;
  name: string;
  intervalMinutes: number;
  model: Record<string, unknown>;
  createdAt: Date;
  createdBy: string;
}

/** Stores a model forecast (its numbers are never changed afterwards; overrides sit beside them). */
export async function saveForecast(
  store: Store,
  centreId: string,
  input: ForecastInput,
  by: Actor,
): Promise<ForecastSummary> {
  const f = validate(ForecastInputSchema, input, 'forecast');
  if (!isIntervalMinutes(f.intervalMinutes)) {
    throw new WfmError('WFM_ERR_INPUT_TIME', `intervalMinutes: ${f.intervalMinutes} is not a supported length.`);
  }
  const centre = await getCentre(store, centreId);
  return store.db.transaction().execute(async (trx) => {
    const queue = await trx
      .selectFrom('queues')
      .select('id')
      .where('id', '=', f.queueId)
      .where('centre_id', '=', centre.id)
      .executeTakeFirst();
    if (!queue) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No queue ${f.queueId} in centre ${centre.code}.`);
    const at = store.now();
    const row = await trx
      .insertInto('forecasts')
      .values({
        centre_id: centre.id,
        queue_id: f.queueId,
        name: f.name,
        interval_minutes: f.intervalMinutes,
        model: json(f.model),
        created_at: at,
        created_by: by.actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const seen = new Set<number>();
    const rows = f.intervals.map((interval, i) => {
      const startMs = parseInstant(interval.start, centre.timeZone, `intervals[${i}].start`);
      if (seen.has(startMs)) {
        throw new WfmError('WFM_ERR_INPUT_INVALID', `intervals[${i}].start: ${interval.start} appears twice.`, {
          issues: [{ path: ['intervals', i, 'start'], message: 'duplicate start' }],
        });
      }
      seen.add(startMs);
      return {
        centre_id: centre.id,
        forecast_id: row.id,
        interval_start: new Date(startMs),
        volume: interval.volume,
        aht_seconds: interval.ahtSeconds ?? null,
      };
    });
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('forecast_intervals')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    await recordAudit(trx, at, {
      actor: by.actor,
      centreId: centre.id,
      entity: 'forecast',
      entityId: row.id,
      action: 'create',
      before: null,
      after: { name: f.name, queueId: f.queueId, intervals: rows.length },
    });
    return toSummary(row);
  });
}

/** Adds a planner override to a forecast; returns its id. */
export async function addForecastOverride(
  store: Store,
  forecastId: string,
  input: OverrideInput,
  by: Actor,
): Promise<string> {
  const o = validate(OverrideInputSchema, input, 'override');
  const forecast = await getForecast(store, forecastId);
  const centre = await getCentre(store, forecast.centreId);
  let range: { from_at: Date | null; to_at: Date | null } = { from_at: null, to_at: null };
  if (o.kind !== 'holiday') {
    const fromMs = parseInstant(o.from, centre.timeZone, 'from');
    const toMs = parseInstant(o.to, centre.timeZone, 'to');
    if (toMs <= fromMs)
      throw new WfmError('WFM_ERR_INPUT_TIME', `override: to (${o.to}) must be after from (${o.from}).`);
    range = { from_at: new Date(fromMs), to_at: new Date(toMs) };
  }
  return store.db.transaction().execute(async (trx) => {
    const at = store.now();
    const last = await trx
      .selectFrom('forecast_overrides')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('forecast_id', '=', forecastId)
      .executeTakeFirst();
    const row = await trx
      .insertInto('forecast_overrides')
      .values({
        centre_id: centre.id,
        forecast_id: forecastId,
        kind: o.kind,
        ...range,
        day: o.kind === 'holiday' ? o.day : null,
        factor: o.kind === 'set' ? null : o.factor,
        volume: o.kind === 'set' ? o.volume : null,
        note: o.note,
        created_at: at,
        created_by: by.actor,
        seq: (last?.seq ?? 0) + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, at, {
      actor: by.actor,
      centreId: centre.id,
      entity: 'forecast',
      entityId: forecastId,
      action: 'override-add',
      before: null,
      after: { overrideId: row.id, ...o },
    });
    return row.id;
  });
}

/** Removes an override (the model's numbers were never touched, so they come back). */
export async function removeForecastOverride(store: Store, overrideId: string, by: Actor): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('forecast_overrides')
      .where('id', '=', overrideId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No forecast override ${overrideId}.`);
    await recordAudit(trx, store.now(), {
      actor: by.actor,
      centreId: row.centre_id,
      entity: 'forecast',
      entityId: row.forecast_id,
      action: 'override-remove',
      before: { overrideId, kind: row.kind, day: row.day, factor: row.factor, volume: row.volume },
      after: null,
    });
  });
}

export async function getForecast(store: Store, forecastId: string): Promise<ForecastSummary> {
  const row = await store.db.selectFrom('forecasts').selectAll().where('id', '=', forecastId).executeTakeFirst();
  if (!row) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No forecast ${forecastId}.`);
  return toSummary(row);
}

export async function listForecasts(store: Store, centreId: string): Promise<ForecastSummary[]> {
  const rows = await store.db
    .selectFrom('forecasts')
    .selectAll()
    .where('centre_id', '=', centreId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toSummary);
}

export interface EffectiveForecast {
  forecast: ForecastSummary;
  overrides: ForecastOverride[];
  /** Starts as ISO 8601 with the centre's offset. */
  intervals: (Omit<EffectiveInterval, 'startMs'> & { start: string })[];
}

/** The model's numbers with the overrides applied in creation order (see applyOverrides). */
export async function effectiveForecast(store: Store, forecastId: string): Promise<EffectiveForecast> {
  const forecast = await getForecast(store, forecastId);
  const centre = await getCentre(store, forecast.centreId);
  const [rows, overrideRows] = [
    await store.db
      .selectFrom('forecast_intervals')
      .selectAll()
      .where('forecast_id', '=', forecastId)
      .orderBy('interval_start')
      .execute(),
    await store.db
      .selectFrom('forecast_overrides')
      .selectAll()
      .where('forecast_id', '=', forecastId)
      .orderBy('seq')
      .execute(),
  ];
  const overrides: ForecastOverride[] = overrideRows.map((o) => {
    if (o.kind === 'holiday')
      return { id: o.id, kind: 'holiday', day: o.day ?? '', factor: o.factor ?? 0, note: o.note };
    const fromMs = o.from_at?.getTime() ?? 0;
    const toMs = o.to_at?.getTime() ?? 0;
    return o.kind === 'scale'
      ? { id: o.id, kind: 'scale', fromMs, toMs, factor: o.factor ?? 1, note: o.note }
      : { id: o.id, kind: 'set', fromMs, toMs, volume: o.volume ?? 0, note: o.note };
  });
  const model = rows.map((r) => {
    const startMs = r.interval_start.getTime();
    const start = formatInstant(startMs, centre.timeZone);
    return { startMs, start, day: start.slice(0, 10), volume: r.volume, ahtSeconds: r.aht_seconds };
  });
  const effective = applyOverrides(model, overrides);
  return {
    forecast,
    overrides,
    intervals: effective.map(
      ({ startMs: _startMs, ...rest }) => rest as Omit<EffectiveInterval, 'startMs'> & { start: string },
    ),
  };
}

function toSummary(row: {
  id: string;
  centre_id: string;
  queue_id: string;
  name: string;
  interval_minutes: number;
  model: Record<string, unknown>;
  created_at: Date;
  created_by: string;
}): ForecastSummary {
  return {
    id: row.id,
    centreId: row.centre_id,
    queueId: row.queue_id,
    name: row.name,
    intervalMinutes: row.interval_minutes,
    model: row.model,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
