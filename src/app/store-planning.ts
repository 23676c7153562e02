/**
 * A centre's planning kept in the store (docs/store.md, "Forecasts and scenarios"): a forecast made
 * from the queue's stored history and saved with what made it, the planner's overrides beside the
 * model's numbers, and named what-if scenarios run and saved for side-by-side comparison. The
 * forecast and the what-if run on the worker pool; the store keeps inputs, results and the audit.
 */
import { WfmError } from '../errors.js';
import type { ForecastRequest } from '../contracts/forecast.js';
import {
  getQueueByName,
  getScenario,
  listHistory,
  saveForecast,
  saveScenario,
  jsonDiff,
  type Actor,
  type Centre,
  type ForecastSummary,
  type JsonChange,
  type Scenario,
  type Store,
} from '../store/index.js';
import { runNamed, type TaskRunner } from './parallel/runner.js';
import type { WhatIfLimits } from './what-if-request.js';
import type { WhatIfResultJson } from './what-if-json.js';

/** Local days of the whole stored history (the store keeps days as `YYYY-MM-DD`). */
const ALL_DAYS = { fromDay: '0000-01-01', toDay: '9999-12-31' };

export interface StoreForecastOptions {
  /** The forecast's name, e.g. "2026-W50 model". */
  name: string;
  /** History days used, inclusive (default: all stored). */
  fromDay?: string;
  toDay?: string;
  /** The forecast options of `POST /v1/forecast` (weeks, method, weekStart, ...), history excepted. */
  options: Omit<ForecastRequest, 'history' | 'timeZone'>;
}

/**
 * Forecasts a queue from its stored history (in the centre's time zone) and saves the model's
 * numbers, with the method and its backtest error, as a new forecast.
 */
export async function forecastFromStore(
  store: Store,
  runner: Pick<TaskRunner, 'run'>,
  centre: Centre,
  queueName: string,
  options: StoreForecastOptions,
  by: Actor,
  signal?: AbortSignal,
): Promise<ForecastSummary & { intervals: number }> {
  const queue = await getQueueByName(store, centre.id, queueName);
  const range = { fromDay: options.fromDay ?? ALL_DAYS.fromDay, toDay: options.toDay ?? ALL_DAYS.toDay };
  const history = await listHistory(store, queue.id, range);
  if (history.length === 0) {
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      `Queue "${queueName}" has no stored history between ${range.fromDay} and ${range.toDay}: ` +
        `POST its history to /v1/centres/${centre.code}/queues/${queueName}/history first.`,
      { issues: [{ path: ['fromDay'], message: 'no stored history in this range' }] },
    );
  }
  const request = {
    ...options.options,
    timeZone: centre.timeZone,
    history: history.map((h) => ({
      start: h.start,
      volume: h.volume,
      ...(h.ahtSeconds ? { ahtSeconds: h.ahtSeconds } : {}),
    })),
  } as ForecastRequest;
  const result = await runNamed(runner, 'forecast.request', request, signal);
  const saved = await saveForecast(
    store,
    centre.id,
    {
      queueId: queue.id,
      name: options.name,
      intervalMinutes: result.intervalMinutes,
      model: {
        method: result.method,
        methods: result.methods,
        backtestWape: result.backtestWape,
        historyDays: [history[0]?.day, history.at(-1)?.day],
        historyIntervals: history.length,
      },
      intervals: result.intervals.map((i) => ({ start: i.start, volume: i.volume, ahtSeconds: i.ahtSeconds })),
    },
    by,
  );
  return { ...saved, intervals: result.intervals.length };
}

/** Stored scenarios may not be larger than this much JSON (a what-if answer can be 17 MB). */
export const MAX_SCENARIO_ANSWER_BYTES = 4_000_000;

/** Runs a what-if body (the `POST /v1/what-if` JSON) on the pool and saves it, input and result, by name. */
export async function runAndSaveScenario(
  store: Store,
  runner: Pick<TaskRunner, 'run'>,
  centre: Centre,
  input: { name: string; request: unknown; replace?: boolean },
  limits: WhatIfLimits,
  by: Actor,
  signal?: AbortSignal,
): Promise<Scenario> {
  const job = {
    text: JSON.stringify(input.request),
    limits: { ...limits, maxAnswerBytes: Math.min(limits.maxAnswerBytes, MAX_SCENARIO_ANSWER_BYTES) },
  };
  const result = await runNamed(runner, 'whatif.scenario-json', job, signal);
  return saveScenario(
    store,
    centre.id,
    { name: input.name, input: input.request, result },
    { ...by, ...(input.replace ? { replace: true } : {}) },
  );
}

/** One saved scenario's headline figures per what-if scenario it swept. */
export interface ScenarioHeadline {
  name: string;
  createdAt: Date;
  createdBy: string;
  scenarios: { name: string; totals: WhatIfResultJson['scenarios'][number]['totals'] }[];
}

export interface ScenarioSideBySide {
  a: ScenarioHeadline;
  b: ScenarioHeadline;
  /** Per swept scenario (by position): b's totals minus a's. */
  totalsDelta: { a: string; b: string; changes: JsonChange[] }[];
  /** Leaves of the inputs that differ (at most 200; `inputChangesCut` when more). */
  input: JsonChange[];
  inputChangesCut: boolean;
}

function headline(s: Scenario): ScenarioHeadline {
  const result = s.result as WhatIfResultJson | null;
  return {
    name: s.name,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    scenarios: (result?.scenarios ?? []).map((x) => ({ name: x.name, totals: x.totals })),
  };
}

/** Two named scenarios side by side: their totals, the differences, and what changed in the input. */
export async function compareSavedScenarios(
  store: Store,
  centreId: string,
  nameA: string,
  nameB: string,
): Promise<ScenarioSideBySide> {
  const sa = await getScenario(store, centreId, nameA);
  const sb = await getScenario(store, centreId, nameB);
  const [a, b] = [headline(sa), headline(sb)];
  const input = jsonDiff(sa.input, sb.input, 201);
  const pairs = Math.max(a.scenarios.length, b.scenarios.length);
  const totalsDelta = Array.from({ length: pairs }, (_, k) => ({
    a: a.scenarios[k]?.name ?? '(none)',
    b: b.scenarios[k]?.name ?? '(none)',
    changes: jsonDiff(a.scenarios[k]?.totals ?? null, b.scenarios[k]?.totals ?? null),
  }));
  return { a, b, totalsDelta, input: input.slice(0, 200), inputChangesCut: input.length > 200 };
}
