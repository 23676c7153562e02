import { Option, type Command } from 'commander';
import { WfmError } from '../../errors.js';
import { parseSimulationRequest } from '../../contracts/simulation.js';
import { runSimulation, type SimulationResult } from '../../app/simulation.js';
import { simulationCsv } from '../../formats/simulation-csv.js';
import { emit, numberFlag, parseJsonText } from '../../io/files.js';
import { readInput } from '../../io/input-file.js';
import { reportVerdictLine } from '../verdict.js';
import { withSimulationRunner } from '../simulation-runner.js';

const pct = (x: number | null): string => (x === null ? 'n/a' : `${(100 * x).toFixed(1)} %`);

/** The verdict line: every queue's service level over the range with its 95 % interval against the target. */
export function simulationVerdict(result: SimulationResult): string {
  const parts = result.queues.map((q) => {
    const sl = q.totals.serviceLevel;
    const half = sl.halfWidth === null ? '' : ` +/- ${(100 * sl.halfWidth).toFixed(1)}`;
    return `${q.name} ${pct(sl.mean)}${half} (target ${pct(q.targetServiceLevel)}${q.met ? '' : ', SHORT'})`;
  });
  const head = result.met ? 'met: every queue at its target' : 'falls short: a queue is below its target';
  return `${head} (${result.replications} replications, seed ${result.seed}): ${parts.join('; ')}`;
}

export function intFlag(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  const n = numberFlag(value, flag);
  if (n !== undefined && (!Number.isInteger(n) || n < min || n > max)) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `${flag}: ${value} is not a whole number from ${min} to ${max}.`, {
      issues: [{ path: [flag], message: `a whole number from ${min} to ${max}` }],
    });
  }
  return n;
}

interface SimulateFlags {
  input: string;
  format: 'json' | 'csv';
  seed?: string;
  replications?: string;
  threads?: string;
  out?: string;
}

/** `wfm simulate --input FILE`: the body of `POST /v1/simulations`, the same answer. */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      'Simulate a multi-skill centre: queues (forecast volume, AHT, patience, target, priority) staffed by a ' +
        'staffing result (agents per skill group and interval) or a roster (named agents with skills, proficiency ' +
        'and shifts). Output per queue and interval: service level, ASA, abandonment and occupancy with 95 % ' +
        'confidence intervals from independent replications (the same for a seed on any thread count). The input ' +
        'is the JSON body of POST /v1/simulations (docs/simulation.md). The verdict line goes to stderr; exit 3 ' +
        'when a queue falls short of its target (the output is written), 2 for bad input.',
    )
    .requiredOption('--input <file>', 'simulation request, JSON')
    .option('--seed <n>', 'override the request seed')
    .option('--replications <n>', 'override the request replications (2..200)')
    .option('--threads <n>', 'worker threads (default: the CPU count; 1 = this thread only)')
    .addOption(
      new Option('--format <format>', 'output: json (everything) or csv (one row per queue and interval)')
        .choices(['json', 'csv'])
        .default('json'),
    )
    .option('--out <file>', 'write here (atomically) instead of standard output')
    .action(async (opts: SimulateFlags) => {
      const threads = intFlag(opts.threads, '--threads', 1, 64);
      const seed = intFlag(opts.seed, '--seed', 0, 0xffffffff);
      const replications = intFlag(opts.replications, '--replications', 2, 200);
      const request = readInput(opts.input, '--input', (text) => {
        const data = parseJsonText(text, opts.input);
        if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
          const body = data as Record<string, unknown>;
          if (seed !== undefined) body.seed = seed;
          if (replications !== undefined) body.replications = replications;
        }
        return parseSimulationRequest(data);
      });
      const result = await simulateWithThreads(request, threads);
      emit(opts.format === 'csv' ? simulationCsv(result) : JSON.stringify(result), opts.out);
      reportVerdictLine(result.met, `simulate ${simulationVerdict(result)}`);
    });
}

async function simulateWithThreads(
  request: ReturnType<typeof parseSimulationRequest>,
  threads: number | undefined,
): Promise<SimulationResult> {
  return withSimulationRunner(threads, request.replications, (runner) => runSimulation(runner, request));
}
