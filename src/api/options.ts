import { WfmError } from '../errors.js';

/**
 * The service's options and limits. Every limit is configurable (buildApp options, or the
 * `WFM_*` environment variables read by `limitsFromEnv`) and documented in docs/api.md.
 */

export interface ApiLimits {
  /** Largest request body, bytes. Over it: 413 `WFM_ERR_INPUT_TOO_LARGE`. */
  bodyLimitBytes: number;
  /** Most intervals in one request (summed over queues). Over it: 413. */
  maxIntervals: number;
  /**
   * Most agents in one interval: a given `agents`, or the offered load in Erlangs (which bounds the
   * agents to search). Over it: 413.
   */
  maxAgents: number;
  /** Most scenarios in one what-if request. Over it: 413. */
  maxScenarios: number;
  /** Wall-clock limit of one job or pooled call, milliseconds; past it the work is aborted. */
  jobTimeLimitMs: number;
  /** Jobs waiting for a worker at most; one more is refused with 429 `WFM_ERR_API_QUEUE_FULL`. */
  maxQueuedJobs: number;
  /**
   * Synchronous calls (what-if, forecast, staffing weeks) waiting for or running on the pool at
   * most; one more is refused with 429, so a flood cannot queue without bound.
   */
  maxPooledCalls: number;
  /** Jobs running at once (each holds one pool thread). */
  maxRunningJobs: number;
  /** Finished jobs are kept this long for `GET /v1/jobs/:id`, milliseconds. */
  jobRetentionMs: number;
  /** Finished jobs kept at most (the oldest are forgotten first). */
  maxKeptJobs: number;
  /**
   * Staffing requests up to this many work units run on the event loop, larger ones on the pool
   * (one unit per Erlang C interval, 25 per Erlang A or chat interval; see routes/staffing.ts).
   * Default 100.
   */
  inlineStaffingUnits: number;
  /**
   * `?view=headcount` Erlang C requests up to this many intervals take the fast path on the event
   * loop (bytes read into columns, ~0.4 us per interval: a week is ~0.3 ms); larger ones take the
   * ordinary path (zod, then the pool beyond `inlineStaffingUnits`). Default 5,000.
   */
  inlineHeadcountIntervals: number;
  /**
   * Scenario-intervals (scenarios x intervals summed over queues) at most in one what-if: the
   * work of a sweep. Over it: 413 before any work. Default 2,000,000 (e.g. 2,976 scenarios of a
   * 672-interval week).
   */
  maxWhatIfCells: number;
  /**
   * Scenario-intervals of what-ifs being computed or written at once; one more is refused with
   * 429 before its body is validated. Default 4,000,000 (two sweeps at `maxWhatIfCells`).
   */
  maxWhatIfCellsInFlight: number;
  /**
   * Bytes at most in one what-if answer, bounded from the body before any work (per-interval
   * numbers at their widest). Over it: 413 (ask for `detail: "summary"` or fewer scenarios).
   * Default 32 MiB.
   */
  maxAnswerBytes: number;
  /** Nesting of arrays and objects in a JSON body at most; deeper is 400 before parsing. Default 64. */
  maxJsonDepth: number;
  /** Whole request (headers and body) received within this, ms; else 408 and the connection closes. Default 30 s. */
  requestTimeoutMs: number;
  /** Headers received within this, ms (at most `requestTimeoutMs`); else 408. Default 10 s. */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this, ms. Default 5 s. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; more are closed on arrival. Default 256. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: Readonly<ApiLimits> = Object.freeze({
  bodyLimitBytes: 8 * 1024 * 1024,
  maxIntervals: 50_000,
  maxAgents: 10_000,
  maxScenarios: 5_000,
  jobTimeLimitMs: 300_000,
  maxQueuedJobs: 16,
  maxPooledCalls: 64,
  maxRunningJobs: 1,
  jobRetentionMs: 3_600_000,
  maxKeptJobs: 500,
  inlineStaffingUnits: 100,
  inlineHeadcountIntervals: 5_000,
  maxWhatIfCells: 2_000_000,
  maxWhatIfCellsInFlight: 4_000_000,
  maxAnswerBytes: 32 * 1024 * 1024,
  maxJsonDepth: 64,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
});

const ENV_NAMES: Record<keyof ApiLimits, string> = {
  bodyLimitBytes: 'WFM_BODY_LIMIT_BYTES',
  maxIntervals: 'WFM_MAX_INTERVALS',
  maxAgents: 'WFM_MAX_AGENTS',
  maxScenarios: 'WFM_MAX_SCENARIOS',
  jobTimeLimitMs: 'WFM_JOB_TIME_LIMIT_MS',
  maxQueuedJobs: 'WFM_MAX_QUEUED_JOBS',
  maxPooledCalls: 'WFM_MAX_POOLED_CALLS',
  maxRunningJobs: 'WFM_MAX_RUNNING_JOBS',
  jobRetentionMs: 'WFM_JOB_RETENTION_MS',
  maxKeptJobs: 'WFM_MAX_KEPT_JOBS',
  inlineStaffingUnits: 'WFM_INLINE_STAFFING_UNITS',
  inlineHeadcountIntervals: 'WFM_INLINE_HEADCOUNT_INTERVALS',
  maxWhatIfCells: 'WFM_MAX_WHAT_IF_CELLS',
  maxWhatIfCellsInFlight: 'WFM_MAX_WHAT_IF_CELLS_IN_FLIGHT',
  maxAnswerBytes: 'WFM_MAX_ANSWER_BYTES',
  maxJsonDepth: 'WFM_MAX_JSON_DEPTH',
  requestTimeoutMs: 'WFM_REQUEST_TIMEOUT_MS',
  headersTimeoutMs: 'WFM_HEADERS_TIMEOUT_MS',
  keepAliveTimeoutMs: 'WFM_KEEP_ALIVE_TIMEOUT_MS',
  maxConnections: 'WFM_MAX_CONNECTIONS',
};

/** The environment variable that sets each limit (documented in docs/api.md). */
export const LIMIT_ENV_NAMES: Readonly<Record<keyof ApiLimits, string>> = Object.freeze(ENV_NAMES);

/**
 * Reads limits from `WFM_*` environment variables (positive integers); unset ones keep their
 * default. Throws on a malformed value, naming the variable.
 */
export function limitsFromEnv(env: Record<string, string | undefined>): Partial<ApiLimits> {
  const out: Partial<ApiLimits> = {};
  for (const key of Object.keys(ENV_NAMES) as (keyof ApiLimits)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) {
      throw new WfmError('WFM_ERR_INPUT_INVALID', `${ENV_NAMES[key]}: "${raw}" is not a positive integer.`, {
        issues: [{ path: [ENV_NAMES[key]], message: 'not a positive integer' }],
      });
    }
    out[key] = value;
  }
  return out;
}

/** Merges partial limits over the defaults, rejecting non-positive values. */
export function resolveLimits(partial: Partial<ApiLimits> = {}): ApiLimits {
  const limits: ApiLimits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(partial) as [keyof ApiLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) {
      throw new WfmError('WFM_ERR_INPUT_INVALID', `limits.${key}: ${value} is not a positive number.`, {
        issues: [{ path: ['limits', key], message: 'not a positive number' }],
      });
    }
    limits[key] = value;
  }
  return limits;
}
