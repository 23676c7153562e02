import { staffingCsv, headcountCsv } from '../../formats/staffing-csv.js';
import { toJsonText } from '../../formats/json.js';
import { Option, type Command } from 'commander';
import { WfmError, formatPath, isWfmError, type WfmIssue } from '../../errors.js';
import { csvNumber, parseCsv, type CsvReadOptions } from '../../formats/csv.js';
import { csvReadOptions, strictOption } from '../csv-notes.js';
import { MAX_INTERVALS, parseStaffingRequest, type StaffingResponseTotals } from '../../contracts/staffing.js';
import { staffRequest } from '../../app/staffing.js';
import { STAFFING_VIEWS, type StaffingView } from '../../contracts/staffing-headcount.js';
import { headcountViewOf } from '../../app/staffing-headcount.js';
import { emit, looksLikeJson, numberFlag, parseJsonText } from '../../io/files.js';
import { readInput, withInputFile } from '../../io/input-file.js';
import { isMultiQueueInput, runStaffQueues } from './staff-queues.js';
import type { RowOrigin } from '../row-origin.js';
import { intFlag } from './simulate.js';

/** Queue options shared by `wfm staff` and `wfm erlang`, with the request field each one sets. */
const QUEUE_FLAGS = [
  {
    flag: '--service-level',
    arg: '<fraction>',
    path: ['target', 'serviceLevel'],
    help: 'service-level target, fraction in (0, 1), e.g. 0.8',
  },
  {
    flag: '--answer-seconds',
    arg: '<s>',
    path: ['target', 'answerSeconds'],
    help: 'answer-time threshold of the service level, seconds',
  },
  {
    flag: '--max-asa-seconds',
    arg: '<s>',
    path: ['target', 'maxAsaSeconds'],
    help: 'ceiling on the average speed of answer, seconds',
  },
  {
    flag: '--max-occupancy',
    arg: '<fraction>',
    path: ['target', 'maxOccupancy'],
    help: 'cap on agent occupancy, fraction in (0, 1]',
  },
  {
    flag: '--max-abandon-rate',
    arg: '<fraction>',
    path: ['target', 'maxAbandonRate'],
    help: 'cap on abandonment (erlang-a, chat), fraction',
  },
  {
    flag: '--shrinkage',
    arg: '<fraction>',
    path: ['shrinkage'],
    help: 'shrinkage in [0, 1): headcount = ceil(agents / (1 - s))',
  },
  {
    flag: '--patience-seconds',
    arg: '<s>',
    path: ['patienceSeconds'],
    help: 'mean patience, seconds (erlang-a, chat)',
  },
  {
    flag: '--queue-capacity',
    arg: '<n>',
    path: ['queueCapacity'],
    help: 'lines: contacts in system at most (erlang-a, chat)',
  },
] as const;

const OTHER_FLAG_PATHS: Record<string, readonly string[]> = {
  '--model': ['model'],
  '--chat-aht': ['chat', 'ahtSecondsByConcurrency'],
  '--interval': ['intervalMinutes'],
  '--time-zone': ['timeZone'],
  '--volume-quantile': ['volumeQuantile'],
  '--deadline-hours': ['deferred'],
  '--volume': ['volume'],
  '--aht-seconds': ['ahtSeconds'],
  '--agents': ['agents'],
};

export const TARGET_HELP = `Targets: all given targets are met at once. When no target is given at all (neither in
the input file nor by flags), the default is 80 % of contacts answered within 20 s
(--service-level 0.8 --answer-seconds 20).`;

/** Adds the queue options (model, targets, patience, lines, shrinkage, chat) to a command. */
export function addQueueOptions(command: Command): Command {
  command.addOption(
    new Option('--model <model>', 'queue model (default erlang-c)').choices(['erlang-c', 'erlang-a', 'chat']),
  );
  for (const f of QUEUE_FLAGS) command.option(`${f.flag} ${f.arg}`, f.help);
  command.option(
    '--chat-aht <list>',
    'chat: handle time in seconds at concurrency 1,2,...,k, comma-separated (e.g. 300,420,560)',
  );
  return command;
}

function camel(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node[key] = typeof next === 'object' && next !== null && !Array.isArray(next) ? { ...(next as object) } : {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

/**
 * Applies the queue flags over `base` (the file's document, or {}). Returns the merged document
 * and the flags that were given (for error messages).
 */
export function applyQueueFlags(
  base: Record<string, unknown>,
  opts: Record<string, unknown>,
): { doc: Record<string, unknown>; given: Set<string> } {
  const doc: Record<string, unknown> = { ...base };
  const given = new Set<string>();
  if (opts.model !== undefined) {
    doc.model = opts.model;
    given.add('--model');
  }
  for (const f of QUEUE_FLAGS) {
    const value = numberFlag(opts[camel(f.flag)] as string | undefined, f.flag);
    if (value === undefined) continue;
    setPath(doc, f.path, value);
    given.add(f.flag);
  }
  if (typeof opts.chatAht === 'string') {
    const list = opts.chatAht.split(',').map((x, k) => numberFlag(x.trim(), `--chat-aht (item ${k + 1})`) as number);
    setPath(doc, ['chat', 'ahtSecondsByConcurrency'], list);
    given.add('--chat-aht');
  }
  return { doc, given };
}

/** The flag that sets `path`, if any. */
function flagFor(path: readonly (string | number)[]): string | undefined {
  const key = path.join('.');
  for (const f of QUEUE_FLAGS) if (key === f.path.join('.') || key.startsWith(`${f.path.join('.')}.`)) return f.flag;
  for (const [flag, p] of Object.entries(OTHER_FLAG_PATHS))
    if (key === p.join('.') || key.startsWith(`${p.join('.')}.`)) return flag;
  return undefined;
}

export type { RowOrigin } from '../row-origin.js';

const SNAKE: Record<string, string> = { ahtSeconds: 'aht_seconds', volumeP10: 'volume_p10', volumeP90: 'volume_p90' };

/**
 * Re-throws a validation error with every issue named the way the user wrote it: `line 7,
 * volume` for a CSV row, `--service-level` for a flag, else the JSON path.
 */
export function relabelError(error: unknown, origin: RowOrigin, given: ReadonlySet<string>): never {
  if (!isWfmError(error) || error.issues.length === 0) throw error;
  const labelled = error.issues.map((issue): { issue: WfmIssue; label: string; row: boolean; hint?: string } => {
    const [head, index, field] = issue.path;
    if (head === 'intervals' && typeof index === 'number' && origin.csvLines) {
      const line = origin.csvLines[index] ?? index + 2;
      const column = typeof field === 'string' ? (SNAKE[field] ?? field) : undefined;
      const path = column ? ['line', line, column] : ['line', line];
      return {
        issue: { path, message: issue.message },
        label: `${origin.what} CSV line ${line}${column ? `, ${column}` : ''}`,
        row: true,
      };
    }
    const flag = flagFor(issue.path);
    if (flag && given.has(flag)) return { issue: { path: [flag], message: issue.message }, label: flag, row: false };
    return {
      issue: { path: issue.path, message: `${issue.message}${flag ? ` (${flag})` : ''}` },
      label: formatPath(issue.path),
      row: false,
      ...(flag ? { hint: flag } : {}),
    };
  });
  const first = labelled[0] as { issue: WfmIssue; label: string; row: boolean; hint?: string };
  const more = labelled.length > 1 ? ` (and ${labelled.length - 1} more)` : '';
  // A hand-written message (not a schema summary) already says what to do: keep it.
  const headline =
    first.row || error.message.startsWith('Invalid ')
      ? `${first.label}: ${first.issue.message}${more}`
      : `${error.message}${first.hint ? ` (${first.hint})` : ''}`;
  throw new WfmError(error.code, headline, {
    issues: labelled.map((x) => x.issue),
    cause: error,
  });
}

/** A forecast document (`wfm forecast` JSON output) is recognised by its `report` or `method`. */
function isForecastDocument(doc: Record<string, unknown>): boolean {
  return 'report' in doc || 'method' in doc;
}

const INTERVAL_KEYS = ['start', 'volume', 'ahtSeconds', 'agents', 'volumeP10', 'volumeP90'] as const;

/**
 * Reads `wfm staff --input`: a staffing request (JSON), a forecast document (JSON; its other
 * keys are ignored and the targets come from flags), or CSV `start,volume,aht_seconds` with
 * optional `agents`, `volume_p10`, `volume_p90` (the forecast CSV feeds it unchanged).
 */
export function readStaffingInput(
  path: string,
  defaultAhtSeconds?: number,
  csvRead: CsvReadOptions = {},
): { doc: Record<string, unknown>; origin: RowOrigin; kind: 'csv' | 'json' } {
  return withInputFile(path, () => withDefaultAht(readRows(path, defaultAhtSeconds, csvRead), defaultAhtSeconds));
}

/** Null handle times (a forecast from a history without them) refused, or set to `defaultAhtSeconds`. */
function withDefaultAht<R extends { doc: Record<string, unknown> }>(read: R, defaultAhtSeconds: number | undefined): R {
  if (defaultAhtSeconds === undefined && Array.isArray(read.doc.intervals)) {
    const i = read.doc.intervals.findIndex(
      (row: unknown) =>
        typeof row === 'object' && row !== null && (row as { ahtSeconds?: unknown }).ahtSeconds === null,
    );
    if (i >= 0) {
      throw new WfmError(
        'WFM_ERR_INPUT_INVALID',
        `intervals[${i}].ahtSeconds is null (a forecast from a history without handle times); ` +
          `give --default-aht-seconds.`,
        {
          issues: [{ path: ['intervals', i, 'ahtSeconds'], message: 'null; give --default-aht-seconds' }],
        },
      );
    }
  }
  if (defaultAhtSeconds !== undefined && Array.isArray(read.doc.intervals)) {
    read.doc.intervals = read.doc.intervals.map((row: unknown) =>
      typeof row === 'object' && row !== null && ((row as { ahtSeconds?: unknown }).ahtSeconds ?? null) === null
        ? { ...row, ahtSeconds: defaultAhtSeconds }
        : row,
    );
  }
  return read;
}

function readRows(
  path: string,
  defaultAhtSeconds: number | undefined,
  csvRead: CsvReadOptions,
): { doc: Record<string, unknown>; origin: RowOrigin; kind: 'csv' | 'json' } {
  return readInput(path, '--input', (text) => rowsOf(path, text, defaultAhtSeconds, csvRead), {
    maxRows: MAX_INTERVALS,
    what: 'staffing input',
    jsonBytesPerRow: 4096, // a forecast or staffing document: its report and totals besides the rows
  });
}

function rowsOf(
  path: string,
  text: string,
  defaultAhtSeconds: number | undefined,
  csvRead: CsvReadOptions,
): { doc: Record<string, unknown>; origin: RowOrigin; kind: 'csv' | 'json' } {
  if (looksLikeJson(path, text)) {
    const value = parseJsonText(text, path);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new WfmError('WFM_ERR_INPUT_INVALID', `${path}: a staffing request must be a JSON object {...}.`, {
        issues: [{ path: [], message: 'not an object' }],
      });
    }
    const doc = value as Record<string, unknown>;
    if (!isForecastDocument(doc)) return { doc, origin: { what: 'staffing request' }, kind: 'json' };
    const intervals = Array.isArray(doc.intervals)
      ? doc.intervals.map((row: unknown) =>
          typeof row === 'object' && row !== null
            ? Object.fromEntries(
                INTERVAL_KEYS.filter((k) => k in row).map((k) => [k, (row as Record<string, unknown>)[k]]),
              )
            : row,
        )
      : doc.intervals;
    const picked: Record<string, unknown> = { intervals };
    if (doc.intervalMinutes !== undefined) picked.intervalMinutes = doc.intervalMinutes;
    if (doc.timeZone !== undefined) picked.timeZone = doc.timeZone;
    return { doc: picked, origin: { what: 'forecast document' }, kind: 'json' };
  }
  const { rows, columns } = parseCsv(text, {
    required: ['start', 'volume', 'aht_seconds'],
    optional: ['agents', 'volume_p10', 'volume_p90', 'queue'],
    what: 'staffing',
    ...csvRead,
  });
  if (rows.length > MAX_INTERVALS) {
    throw new WfmError(
      'WFM_ERR_INPUT_TOO_LARGE',
      `The staffing CSV has ${rows.length} rows; at most ${MAX_INTERVALS} intervals are accepted.`,
      {
        issues: [{ path: ['rows'], message: `at most ${MAX_INTERVALS}` }],
      },
    );
  }
  const intervals = rows.map((row) => {
    const start = row.cells.start ?? '';
    if (start === '') {
      throw new WfmError(
        'WFM_ERR_INPUT_CSV',
        `staffing CSV line ${row.line}, column "start": the cell is empty: write the interval's start time, e.g. 2026-06-01T08:00+02:00, or delete the row.`,
        {
          issues: [{ path: ['line', row.line, 'start'], message: 'empty' }],
        },
      );
    }
    const ahtSeconds = csvNumber(row, 'aht_seconds', 'staffing', true) ?? defaultAhtSeconds;
    if (ahtSeconds === undefined) {
      throw new WfmError(
        'WFM_ERR_INPUT_CSV',
        `staffing CSV line ${row.line}, column "aht_seconds": the cell is empty: write the handle time in seconds, or give --default-aht-seconds for ` +
          `intervals without a handle time).`,
        {
          issues: [{ path: ['line', row.line, 'aht_seconds'], message: 'empty' }],
        },
      );
    }
    const out: Record<string, unknown> = { start, volume: csvNumber(row, 'volume', 'staffing'), ahtSeconds };
    const optional = { agents: 'agents', volumeP10: 'volume_p10', volumeP90: 'volume_p90' } as const;
    for (const [key, column] of Object.entries(optional)) {
      const value = csvNumber(row, column, 'staffing', true);
      if (value !== undefined) out[key] = value;
    }
    return out;
  });
  const origin: RowOrigin = { what: 'staffing', csvLines: rows.map((r) => r.line) };
  if (columns.includes('queue')) origin.queueOfRow = rows.map((row) => queueCell(row));
  return { doc: { intervals }, origin, kind: 'csv' };
}

/** The row's queue name, or an error naming the line. */
function queueCell(row: { line: number; cells: Record<string, string> }): string {
  const queue = (row.cells.queue ?? '').trim();
  if (queue === '') {
    throw new WfmError(
      'WFM_ERR_INPUT_CSV',
      `staffing CSV line ${row.line}, column "queue": the cell is empty: write the queue's name (every row ` +
        `needs one when the file has a queue column).`,
      { issues: [{ path: ['line', row.line, 'queue'], message: 'empty' }] },
    );
  }
  return queue;
}

/**
 * Runs a step on the rows read from `--input`: an error about them (a line, a field of the file)
 * names the file; one about a flag (`--service-level`) does not.
 */
export function onInputRows<T>(file: string, fn: () => T): T {
  return withInputFile(
    file,
    fn,
    (error) => error.issues.length > 0 && !String(error.issues[0]?.path[0]).startsWith('--'),
  );
}

/** One line for stderr: the totals of a staffing response. */
export function totalsLine(t: StaffingResponseTotals): string {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
  const parts = [
    `intervals ${t.intervals}`,
    `volume ${+t.volume.toFixed(2)}`,
    `agent-hours ${t.agentHours.toFixed(2)} (fractional ${t.agentHoursFractional.toFixed(2)})`,
    `headcount-hours ${t.headcountHours.toFixed(2)}`,
    `peak agents ${t.peakAgents}`,
    `service level ${pct(t.serviceLevel)}`,
    `ASA ${t.asaSeconds === null ? 'n/a' : `${t.asaSeconds.toFixed(1)} s`}`,
    `occupancy ${pct(t.occupancy)}`,
  ];
  if (t.abandonRate !== undefined) parts.push(`abandoned ${pct(t.abandonRate)}`);
  if (t.unmetIntervals > 0) parts.push(`UNMET intervals ${t.unmetIntervals}`);
  return `totals: ${parts.join(', ')}`;
}

interface StaffOptions {
  input: string;
  queues?: string;
  interval?: string;
  timeZone?: string;
  volumeQuantile?: 'p10' | 'p50' | 'p90';
  format?: 'csv' | 'json';
  view?: StaffingView;
  out?: string;
  [flag: string]: unknown;
}

export function registerStaff(program: Command): void {
  const command = program
    .command('staff')
    .description('Agents required per interval (Erlang C, Erlang A, chat) for a list of intervals.')
    .requiredOption(
      '--input <file>',
      'CSV start,volume,aht_seconds[,agents][,volume_p10,volume_p90], a staffing request JSON, ' +
        'or a `wfm forecast` JSON',
    )
    .option('--interval <minutes>', 'interval length in minutes (default: inferred from the starts)')
    .option(
      '--deadline-hours <h>',
      'deferred work (email): finish each ' +
        "interval's contacts within this " +
        'many hours (occupancy from --max-occupancy); replaces the queue model',
    )
    .option(
      '--default-aht-seconds <s>',
      'handle time for intervals that have none (empty aht_seconds, or null in a forecast without handle times)',
    )
    .option(
      '--time-zone <zone>',
      "IANA zone of wall-clock starts and of the output offsets (default: each start's own offset, else UTC)",
    )
    .addOption(
      new Option('--volume-quantile <q>', 'staff at a forecast band (needs volume_p10 / volume_p90)').choices([
        'p10',
        'p50',
        'p90',
      ]),
    );
  addQueueOptions(command)
    .addOption(
      new Option('--format <format>', 'output format (default: from --out extension, else the input format)').choices([
        'csv',
        'json',
      ]),
    )
    .addOption(
      new Option(
        '--view <view>',
        'full (default): every metric per interval; headcount: agents and headcount per interval only ' +
          "(the API's ?view=headcount)",
      ).choices([...STAFFING_VIEWS]),
    )
    .option('--out <file>', 'write here (atomically) instead of standard output')
    .option(
      '--queues <file>',
      'several queues: JSON { queues: [{ name, priority?, model?, target?, shrinkage?, ... }], groups?, seed?, ' +
        "replications? } (a plan config's queues are read as they are) for an --input CSV with a queue column",
    )
    .option('--threads <n>', 'several queues: worker threads of the simulation (default: the CPU count)')
    .addHelpText(
      'after',
      `
Flags override the values in the input file. An interval that carries its own agents is evaluated,
not solved. CSV output: one row per interval, columns as the JSON keys in snake_case; the totals go
to stderr as one line. JSON output: { intervalMinutes, timeZone, model, target, shrinkage,
intervals, totals }. Infinite means (unstable intervals) are null in JSON, Infinity in CSV.
--view headcount: CSV start,agents,headcount; JSON as POST /v1/staffing?view=headcount (agents
and headcount as arrays in interval order, with totals).

${TARGET_HELP}

Several queues: an --input CSV with a queue column (start,volume,aht_seconds,queue), or a
multi-queue POST /v1/staffing body (JSON with queues and groups), is staffed as the API does it:
each queue alone (its Erlang requirement) and the centre together, agents per skill group verified
by simulation (default: one group per queue). The flags give every queue's model and target;
--queues FILE gives each queue its own (over the flags), its priority and the skill groups. JSON
output: the API's answer (groups with agents per interval, queues with requirement, covered and
simulated SL per interval). CSV output: one row per queue and interval, then a row "all" per
interval (requirements summed; covered = agents of every group). Exit 3 when a queue falls short.

Examples:
  wfm staff --input forecast.csv --service-level 0.9 --answer-seconds 15 --shrinkage 0.3
  wfm staff --input queues.csv --queues queues.json --out staffing.csv
  wfm staff --input week.csv --model erlang-a --patience-seconds 120 --max-abandon-rate 0.05 --format json`,
    )
    .addOption(strictOption())
    .action((opts: StaffOptions) => runStaff(opts));
}

function runStaff(opts: StaffOptions): Promise<void> | undefined {
  const input = readStaffingInput(
    opts.input,
    numberFlag(opts.defaultAhtSeconds as string | undefined, '--default-aht-seconds'),
    csvReadOptions(opts.strict === true),
  );
  const base = { ...input.doc };
  const interval = numberFlag(opts.interval, '--interval');
  if (interval !== undefined) base.intervalMinutes = interval;
  if (opts.timeZone !== undefined) base.timeZone = opts.timeZone;
  if (opts.volumeQuantile !== undefined) base.volumeQuantile = opts.volumeQuantile;
  const { doc, given } = applyQueueFlags(base, opts);
  const deadlineHours = numberFlag(opts.deadlineHours as string | undefined, '--deadline-hours');
  if (deadlineHours !== undefined) {
    const occupancy = (doc.target as { maxOccupancy?: number } | undefined)?.maxOccupancy;
    doc.deferred = {
      ...(doc.deferred as object | undefined),
      deadlineHours,
      ...(occupancy === undefined ? {} : { maxOccupancy: occupancy }),
    };
  }
  for (const [flag, value] of [
    ['--deadline-hours', deadlineHours],
    ['--interval', interval],
    ['--time-zone', opts.timeZone],
    ['--volume-quantile', opts.volumeQuantile],
  ] as const) {
    if (value !== undefined) given.add(flag);
  }
  const format =
    opts.format ??
    (opts.out?.toLowerCase().endsWith('.json')
      ? 'json'
      : opts.out?.toLowerCase().endsWith('.csv')
        ? 'csv'
        : input.kind);
  if (isMultiQueueInput(input.doc, input.origin, opts.queues)) {
    const threads = intFlag(opts.threads as string | undefined, '--threads', 1, 64);
    return runStaffQueues({
      file: opts.input,
      raw: input.doc,
      doc,
      origin: input.origin,
      queuesFile: opts.queues,
      threads,
      format,
      out: opts.out,
    });
  }
  const response = onInputRows(opts.input, () => {
    try {
      return staffRequest(parseStaffingRequest(doc));
    } catch (error) {
      relabelError(error, input.origin, given);
    }
  });
  const headcountView = opts.view === 'headcount';
  if (format === 'json') {
    emit(toJsonText(headcountView ? headcountViewOf(response) : response), opts.out);
  } else {
    emit(headcountView ? headcountCsv(response) : staffingCsv(response), opts.out);
    process.stderr.write(`${totalsLine(response.totals)}\n`);
  }
}
