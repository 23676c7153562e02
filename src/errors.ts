/**
 * The error registry: every error the engine raises has a stable code, an HTTP status and a
 * one-line meaning. Adapters (CLI, HTTP API) map a `WfmError` to an exit code or a response by
 * its code; they never parse messages.
 *
 * Misuse (bad input, impossible arguments) throws a `WfmError`. An infeasible request that is
 * well formed (an unreachable target, an uncoverable interval) is returned as data with issues,
 * not thrown (see docs/semantics.md and docs/architecture.md).
 */

/** One problem with one field of the input. `path` locates it, e.g. `["intervals", 3, "volume"]`. */
export interface WfmIssue {
  path: (string | number)[];
  message: string;
  /** Where the field's value is in a JSON input file (1-based), when the CLI read one. */
  line?: number;
  column?: number;
}

interface ErrorSpec {
  status: number;
  meaning: string;
}

/**
 * Codes are `WFM_ERR_<AREA>_<WHAT>`. Add new codes in the section of their area; never rename or
 * reuse one (other systems match on them).
 */
export const ERROR_CODES = {
  // Input and parsing (any area)
  WFM_ERR_INPUT_INVALID: { status: 400, meaning: 'The input does not have the expected shape or values.' },
  WFM_ERR_INPUT_CSV: { status: 400, meaning: 'A CSV file could not be read (header, column or cell).' },
  WFM_ERR_INPUT_JSON: { status: 400, meaning: 'A JSON document could not be parsed.' },
  WFM_ERR_INPUT_TIME: { status: 400, meaning: 'A timestamp, time zone or interval grid is invalid.' },
  WFM_ERR_INPUT_TOO_LARGE: { status: 413, meaning: 'The input is over a documented size limit.' },
  WFM_ERR_IO_READ: { status: 400, meaning: 'An input file could not be read.' },
  WFM_ERR_IO_WRITE: { status: 500, meaning: 'An output file could not be written.' },
  WFM_ERR_IO_OUTPUT_PATH: {
    status: 400,
    meaning: 'An output path cannot take the file: not a folder, read-only or no permission (nothing written).',
  },

  // Staffing (src/erlang)
  WFM_ERR_ERLANG_TARGET_UNREACHABLE: { status: 422, meaning: 'No number of agents meets the targets.' },
  WFM_ERR_ERLANG_SEARCH_LIMIT: { status: 422, meaning: 'The agent search passed its cap without meeting the targets.' },
  WFM_ERR_ERLANG_NUMERIC: { status: 422, meaning: 'A queueing quantity could not be computed in float64.' },

  // Forecast (src/forecast)
  WFM_ERR_FORECAST_HISTORY_SHORT: { status: 422, meaning: 'The history is too short to forecast from.' },
  WFM_ERR_FORECAST_METHOD: { status: 422, meaning: 'The requested method cannot run on this history.' },

  // Scheduling (src/scheduler)
  WFM_ERR_SCHEDULER_RULES: { status: 400, meaning: 'Shift templates, break rules or roster rules are inconsistent.' },
  WFM_ERR_SCHEDULER_SOLVER: { status: 500, meaning: 'The MIP solver failed unexpectedly.' },
  WFM_ERR_SCHEDULER_INFEASIBLE: { status: 422, meaning: 'The plan or roster cannot meet its hard constraints.' },
  WFM_ERR_SCHEDULER_EDIT_RULE: {
    status: 422,
    meaning: 'A hand edit of a roster breaks a hard rule; send force with a reason to keep it as an override.',
  },
  WFM_ERR_SCHEDULER_EDIT_TARGET: {
    status: 400,
    meaning: 'A hand edit names a shift, break or session the roster does not have.',
  },

  // Service (src/api) and jobs
  WFM_ERR_API_UNAUTHORIZED: { status: 401, meaning: 'A valid bearer token is required.' },
  WFM_ERR_API_NOT_FOUND: { status: 404, meaning: 'No such route or resource.' },
  WFM_ERR_API_QUEUE_FULL: { status: 429, meaning: 'The job queue is full; try again later.' },
  WFM_ERR_API_MEDIA_TYPE: { status: 415, meaning: 'The request body must be JSON (Content-Type: application/json).' },
  WFM_ERR_API_REQUEST: { status: 400, meaning: 'The HTTP request is malformed (headers, URL or body framing).' },
  WFM_ERR_API_TIMEOUT: { status: 408, meaning: 'The request (headers and body) did not arrive within its time limit.' },
  WFM_ERR_API_HEADERS_TOO_LARGE: { status: 431, meaning: 'The request headers are over the size limit.' },
  WFM_ERR_API_EXPECTATION: { status: 417, meaning: 'The Expect header asks for something other than 100-continue.' },
  WFM_ERR_API_HOST: {
    status: 421,
    meaning: 'The Host header names a host this service does not answer for (DNS rebinding guard).',
  },
  WFM_ERR_JOB_CANCELLED: { status: 409, meaning: 'The job was cancelled.' },
  WFM_ERR_JOB_LEASE_EXPIRED: {
    status: 500,
    meaning:
      'The worker holding the job stopped heartbeating on its last attempt; the job is failed, not retried again.',
  },
  WFM_ERR_JOB_TIMEOUT: { status: 422, meaning: 'The job ran past its time limit.' },
  // Store (src/store): the planning database and its job table
  WFM_ERR_STORE_OPEN: {
    status: 500,
    meaning: 'The store could not be opened (data folder, template image or server).',
  },
  WFM_ERR_STORE_MIGRATION: {
    status: 500,
    meaning: 'A store migration failed; the schema was left at the last good one.',
  },
  WFM_ERR_STORE_NOT_FOUND: { status: 404, meaning: 'No such centre, queue, agent, version, scenario, job or token.' },
  WFM_ERR_STORE_CONFLICT: {
    status: 409,
    meaning: 'The change conflicts with what the store holds (a duplicate or a state that forbids it).',
  },
  WFM_ERR_STORE_KEY_INVALID: { status: 401, meaning: 'The API key or feed token is unknown or revoked.' },
  WFM_ERR_STORE_FORBIDDEN: { status: 403, meaning: 'The API key lacks the role or the centre this needs.' },
  WFM_ERR_STORE_JOB_STATE: {
    status: 409,
    meaning: 'The job is not in a state that allows this (not claimed by this worker, finished or cancelled).',
  },
  WFM_ERR_STORE_IMPORT: {
    status: 400,
    meaning: 'A store dump could not be imported (format, version or clashing rows).',
  },
  WFM_ERR_INTERNAL: { status: 500, meaning: 'An unexpected internal error.' },
} as const satisfies Record<string, ErrorSpec>;

export type WfmErrorCode = keyof typeof ERROR_CODES;

export class WfmError extends Error {
  override readonly name = 'WfmError';
  readonly code: WfmErrorCode;
  readonly status: number;
  readonly issues: WfmIssue[];
  /** The input file the problem is in, as the user named it (set by the file readers of src/io). */
  readonly file: string | undefined;

  constructor(
    code: WfmErrorCode,
    message: string,
    options: { issues?: WfmIssue[]; cause?: unknown; file?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.issues = options.issues ?? [];
    this.file = options.file;
  }

  /** The JSON form used by the HTTP API and the CLI's `--format json` errors (`file` when one is named). */
  toJSON(): { code: WfmErrorCode; message: string; issues: WfmIssue[]; file?: string } {
    return {
      code: this.code,
      message: this.message,
      issues: this.issues,
      ...(this.file === undefined ? {} : { file: this.file }),
    };
  }
}

export function isWfmError(value: unknown): value is WfmError {
  return value instanceof WfmError;
}

/** Renders a path as `intervals[3].volume` for messages. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}
