import { Option, type Command } from 'commander';
import { WfmError } from '../../errors.js';
import { toCsv } from '../../formats/csv.js';
import { parseWhatIfRequest } from '../../contracts/what-if.js';
import { whatIfJson } from '../../formats/what-if-json.js';
import { runWhatIfParallel } from '../../app/what-if-parallel.js';
import { runWhatIf } from '../../what-if/run.js';
import type { WhatIfInput, WhatIfResult } from '../../what-if/types.js';
import { emit, numberFlag, parseJsonText } from '../../io/files.js';
import { readInput } from '../../io/input-file.js';

/** Scenario-intervals below which the sweep runs on this thread (starting threads costs more). */
const POOL_THRESHOLD_CELLS = 200_000;

/** One CSV row per scenario and queue (plus a row per scenario for the totals, queue "(all)"). */
export function whatIfCsv(result: WhatIfResult): string {
  const rows: Record<string, unknown>[] = [];
  for (const s of result.scenarios) {
    const common = {
      scenario: s.index,
      name: s.name,
      volume_factor: s.changes.volumeFactor ?? '',
      aht_factor: s.changes.ahtFactor ?? '',
      service_level_target: s.changes.serviceLevel ?? '',
      answer_seconds: s.changes.answerSeconds ?? '',
      shrinkage: s.changes.shrinkage ?? '',
      max_occupancy: s.changes.maxOccupancy ?? '',
      model: s.changes.model ?? '',
    };
    for (const q of s.queues) {
      rows.push({
        ...common,
        queue: q.name,
        agent_hours: q.agentHours,
        headcount_hours: q.headcountHours,
        peak_headcount: q.peakHeadcount,
        service_level: q.serviceLevel ?? '',
        unmet_intervals: q.unmetIntervals,
        roster_service_level: q.roster?.serviceLevel ?? '',
        roster_short_agent_intervals: q.roster?.shortAgentIntervals ?? '',
      });
    }
    if (s.queues.length > 1) {
      rows.push({
        ...common,
        queue: '(all)',
        agent_hours: s.totals.agentHours,
        headcount_hours: s.totals.headcountHours,
        peak_headcount: '',
        service_level: s.totals.serviceLevel ?? '',
        unmet_intervals: s.totals.unmetIntervals,
        roster_service_level: s.totals.rosterServiceLevel ?? '',
        roster_short_agent_intervals: '',
      });
    }
  }
  const columns = Object.keys(rows[0] ?? { scenario: 0 });
  return toCsv(rows, columns);
}

async function run(input: WhatIfInput, threads: number): Promise<WhatIfResult> {
  let intervals = 0;
  for (const q of input.queues) intervals += q.volume.length;
  if (threads <= 1 || intervals * input.scenarios.length < POOL_THRESHOLD_CELLS) return runWhatIf(input);
  const { createPoolRunner } = await import('../../app/parallel/pool-runner.js');
  const runner = createPoolRunner({ maxThreads: threads });
  try {
    return await runWhatIfParallel(runner, input);
  } finally {
    await runner.close();
  }
}

/** `wfm what-if --input FILE`: the body of `POST /v1/what-if`, the same answer. */
export function registerWhatIf(program: Command): void {
  program
    .command('what-if')
    .description(
      'Staff one week (or many queues) under many scenarios: volume and AHT factors, service-level target, ' +
        'answer time, shrinkage, occupancy cap, Erlang C or A. Per scenario: headcount per interval, agent-hours, ' +
        'achieved service level, ' +
        "and a fixed roster's service " +
        'level when the input gives one. The input is the JSON body of POST /v1/what-if (docs/api.md).',
    )
    .requiredOption('--input <file>', 'what-if request, JSON')
    .addOption(
      new Option('--format <format>', 'output: json (everything) or csv (one row per scenario and queue)')
        .choices(['json', 'csv'])
        .default('json'),
    )
    .addOption(
      new Option('--detail <detail>', 'override the request: intervals (per-interval arrays) or summary').choices([
        'intervals',
        'summary',
      ]),
    )
    .option('--threads <n>', 'worker threads for large sweeps (default: the CPU count; 1 = this thread only)')
    .option('--out <file>', 'write here (atomically) instead of standard output')
    .action(
      async (opts: {
        input: string;
        format: 'json' | 'csv';
        detail?: 'intervals' | 'summary';
        threads?: string;
        out?: string;
      }) => {
        const threads = numberFlag(opts.threads, '--threads');
        if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64)) {
          throw new WfmError(
            'WFM_ERR_INPUT_INVALID',
            `--threads: ${opts.threads} is not a whole number from 1 to 64.`,
            {
              issues: [{ path: ['--threads'], message: 'not a thread count' }],
            },
          );
        }
        const input = readInput(opts.input, '--input', (text) => {
          const data = parseJsonText(text, opts.input) as Record<string, unknown>;
          if (opts.detail && data !== null && typeof data === 'object' && !Array.isArray(data))
            data.detail = opts.detail;
          return parseWhatIfRequest(data);
        });
        const { availableParallelism } = await import('node:os');
        const result = await run(input, threads ?? availableParallelism());
        emit(opts.format === 'csv' ? whatIfCsv(result) : JSON.stringify(whatIfJson(result)), opts.out);
      },
    );
}
