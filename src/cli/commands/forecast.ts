import { onHistoryFile, readHistoryQueues, readSpecialDays } from '../../io/history-files.js';
import { withInputFile } from '../../io/input-file.js';
import { forecastCsv } from '../../formats/forecast-csv.js';
import { Option, type Command } from 'commander';
import { WfmError } from '../../errors.js';

import { forecast } from '../../forecast/forecast.js';
import {
  FORECAST_METHODS,
  type ForecastMethodChoice,
  type ForecastOptions,
  type ForecastResult,
  type HistoryInput,
} from '../../forecast/types.js';

import { isIntervalMinutes } from '../../time/instant.js';
import { WEEKDAY_NAMES, type WeekdayName } from '../../time/weekdays.js';
import { emit, numberFlag, writeFolderAtomic } from '../../io/files.js';

import { createPool, runTask } from '../../app/parallel/pool.js';
import { safeFileName } from '../../formats/roster-output.js';
import { csvReadOptions, strictOption } from '../csv-notes.js';

interface ForecastFlags {
  history: string;
  interval?: string;
  timeZone?: string;
  weeks?: string;
  start?: string;
  weekStart?: WeekdayName;
  method?: ForecastMethodChoice;
  specialDays?: string;
  open?: string;
  aht?: string;
  origins?: string;
  format?: 'csv' | 'json';
  out?: string;
  strict?: boolean;
}

export function registerForecast(program: Command): void {
  program
    .command('forecast')
    .description(
      'Forecast volume and AHT per interval for the weeks after the history, with a p10/p90 ' +
        'band and a backtest report.',
    )
    .requiredOption(
      '--history <file>',
      'history: CSV start,volume[,aht_seconds] (or timestamp,count), CSV timestamp[,handle_seconds] ' +
        '(contacts), or JSON',
    )
    .option(
      '--interval <minutes>',
      "output interval (5, 6, 10, 15, 20, 30, 60); finer history is summed up; default: the history's",
    )
    .option(
      '--time-zone <zone>',
      "IANA zone of wall-clock times and of the output offsets (default UTC, or the input's single offset)",
    )
    .option('--weeks <n>', 'horizon in weeks, 1..8 (default 1)')
    .option(
      '--start <date>',
      'first day of the horizon, YYYY-MM-DD (default: the first --week-start day after the history; later ' +
        'history is not used)',
    )
    .addOption(
      new Option('--week-start <day>', 'the weekday planning weeks start on (default mon)').choices([...WEEKDAY_NAMES]),
    )
    .addOption(
      new Option('--method <method>', 'forecasting method (default auto: lowest backtest WAPE)').choices([
        ...FORECAST_METHODS,
        'auto',
      ]),
    )
    .option(
      '--special-days <file>',
      'CSV date[,factor][,like][,label] or JSON [{date, factor?, like?, label?}]: past dates are left out ' +
        'of training, future ones adjusted',
    )
    .option(
      '--open <hours>',
      'opening hours, e.g. "Mon-Fri 07:00-21:00; Sat 09:00-13:00"; closed intervals are forecast as 0',
    )
    .option('--aht <seconds>', 'AHT where the history has no handle times')
    .option(
      '--origins <n>',
      'weekly backtest origins, 3..12 (default 6; fewer, not under 3, when the history is short)',
    )
    .addOption(new Option('--format <format>', 'output format (default csv)').choices(['csv', 'json']))
    .option('--out <file>', 'write here (atomically) instead of standard output')
    .addHelpText(
      'after',
      `
CSV output: start,volume,aht_seconds,volume_p10,volume_p90 (start with offset), with a summary
(method, backtest WAPE of every method, notes) on stderr; JSON adds the backtest report (WAPE,
MASE, bias per method and origin) and notes. Both feed wfm staff --input.
Many queues: a history CSV with a queue column is forecast queue by queue on the worker threads;
--out is then a folder, written all at once, with one file per queue (<queue>.csv or .json).
A missing history row is "no data"; an explicit 0 is "no contacts".`,
    )
    .addOption(strictOption())
    .action(async (opts: ForecastFlags) => runForecast(opts));
}

async function runForecast(opts: ForecastFlags): Promise<void> {
  const read = csvReadOptions(opts.strict);
  const queues = readHistoryQueues(opts.history, read);
  const interval = numberFlag(opts.interval, '--interval');
  if (interval !== undefined && !isIntervalMinutes(interval)) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `--interval: ${interval} is not one of 5, 6, 10, 15, 20, 30, 60.`, {
      issues: [{ path: ['--interval'], message: 'not an allowed interval' }],
    });
  }
  const options: ForecastOptions = {
    timeZone: opts.timeZone,
    intervalMinutes: interval,
    weeks: numberFlag(opts.weeks, '--weeks'),
    start: opts.start,
    weekStart: opts.weekStart,
    method: opts.method,
    openingHours: opts.open,
    specialDays: opts.specialDays ? readSpecialDays(opts.specialDays, read) : undefined,
    backtestOrigins: numberFlag(opts.origins, '--origins'),
    defaultAhtSeconds: numberFlag(opts.aht, '--aht'),
  };
  const render = (result: ForecastResult): string =>
    opts.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : forecastCsv(result);
  if (queues.length === 1) {
    const result = onForecastFiles(opts, () => forecast((queues[0] as { history: HistoryInput }).history, options));
    emit(render(result), opts.out);
    if (opts.format !== 'json') process.stderr.write(forecastSummary(result));
    return;
  }
  if (!opts.out) {
    throw new WfmError(
      'WFM_ERR_INPUT_INVALID',
      `--out: the history holds ${queues.length} queues; give --out DIR for one forecast file per queue.`,
      {
        issues: [{ path: ['--out'], message: 'a folder is needed for several queues' }],
      },
    );
  }
  const files = queueFileNames(
    queues.map((q) => q.queue),
    opts.format === 'json' ? 'json' : 'csv',
  );
  const results = await onForecastFiles(opts, () => forecastQueues(queues, options));
  writeFolderAtomic(opts.out, new Map(results.map((r, i) => [files[i] as string, render(r)])));
  const indent = (text: string): string =>
    text
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}\n`)
      .join('');
  process.stderr.write(
    queues
      .map(
        (q, i) => `queue ${q.queue} -> ${files[i] as string}\n${indent(forecastSummary(results[i] as ForecastResult))}`,
      )
      .join(''),
  );
}

/** Runs the forecast: an error about the history's rows names its file, one about a special day the special days file. */
function onForecastFiles<T>(opts: { history: string; specialDays?: string | undefined }, fn: () => T): T {
  const special = opts.specialDays;
  return onHistoryFile(opts.history, () =>
    special === undefined
      ? fn()
      : withInputFile(special, fn, (error) => error.issues.some((issue) => issue.path.includes('specialDays'))),
  );
}

/** Forecasts each queue on the worker pool (one task per queue); an error names its queue. */
async function forecastQueues(
  queues: readonly { queue: string; history: HistoryInput }[],
  options: ForecastOptions,
): Promise<ForecastResult[]> {
  const pool = createPool();
  try {
    return await Promise.all(
      queues.map(async ({ queue, history }) => {
        try {
          return await runTask(pool, 'forecast.rows', { history, options });
        } catch (error) {
          if (!(error instanceof WfmError)) throw error;
          throw new WfmError(error.code, `queue "${queue}": ${error.message}`, {
            issues: error.issues.map((i) => ({ ...i, path: ['queue', queue, ...i.path] })),
            cause: error,
          });
        }
      }),
    );
  } finally {
    await pool.close();
  }
}

/** One file name per queue, safe on every OS; two queues that would share a name are an error. */
function queueFileNames(queues: readonly string[], ext: 'csv' | 'json'): string[] {
  const seen = new Map<string, string>();
  return queues.map((queue) => {
    const name = `${safeFileName(queue)}.${ext}`;
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) {
      throw new WfmError(
        'WFM_ERR_INPUT_CSV',
        `history CSV: queues "${other}" and "${queue}" would both be written to ${name}; rename one.`,
        {
          issues: [{ path: ['queue'], message: `"${other}" and "${queue}" share the file name ${name}` }],
        },
      );
    }
    seen.set(name.toLowerCase(), queue);
    return name;
  });
}

/** Lines for stderr beside the CSV: what was forecast, by which method, and how every method backtested. */
export function forecastSummary(result: ForecastResult): string {
  const first = result.intervals[0]?.start ?? '';
  const last = result.intervals.at(-1)?.start ?? '';
  const volume = result.intervals.reduce((sum, r) => sum + r.volume, 0);
  const wape = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(2)} %`);
  const method = result.method === 'pool' ? `pool (equal-weight mean) of ${result.methods.join(' + ')}` : result.method;
  const lines = [
    `forecast: ${result.intervals.length} intervals of ${result.intervalMinutes} min, ${first} .. ${last}, ` +
      `${Math.round(volume).toLocaleString('en-US')} contacts`,
    `method: ${method}, backtest WAPE ${wape(result.backtestWape)} over ${result.report.origins.length} ` +
      `weekly origin(s)`,
    `backtests, mean WAPE: ${result.report.methods.map((m) => `${m.method} ${wape(m.meanWape)}`).join(', ')}`,
    ...result.notes.filter((n) => !n.startsWith('auto: ')).map((n) => `note: ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}
