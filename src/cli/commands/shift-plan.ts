import { STAFFING_CSV_COLUMNS } from '../../formats/staffing-csv.js';
import { toJsonText } from '../../formats/json.js';
import type { Command } from 'commander';
import { reportVerdict, VERDICT_HELP } from '../verdict.js';
import { WfmError } from '../../errors.js';
import { csvNumber, parseCsv, toCsv } from '../../formats/csv.js';
import { parseRequirementJson, parseShiftPlanRules, type RequirementDocument } from '../../contracts/shift-plan.js';
import { COVERAGE_CSV_COLUMNS, coverageCsvRows } from '../../formats/coverage-csv.js';
import { runShiftPlan } from '../../app/shift-plan.js';
import type { ShiftPlan } from '../../scheduler/shift-plan/types.js';
import { loadSolver } from '../../scheduler/mip/highs.js';
import { emit, looksLikeJson, numberFlag, parseJsonText, readInputFile, writeOutputAtomic } from '../../io/files.js';

/** Columns of the `wfm staff` CSV that the requirement CSV may carry (only some are used). */
/** The requirement CSV: any column of the `wfm staff` CSV (only some are used), and the forecast band. */
const STAFF_CSV_COLUMNS = [...STAFFING_CSV_COLUMNS, 'volume_p10', 'volume_p90'].filter(
  (column) => column !== 'start' && column !== 'agents',
);

/** Reads the requirement: `wfm staff` JSON, or its CSV (`start,agents[,volume,aht_seconds,...]`). */
export function readRequirement(path: string): RequirementDocument {
  const text = readInputFile(path, '--requirements');
  if (looksLikeJson(path, text)) return parseRequirementJson(parseJsonText(text, `--requirements ${path}`));
  const { rows } = parseCsv(text, { required: ['start', 'agents'], optional: STAFF_CSV_COLUMNS, what: 'requirement' });
  return {
    rows: rows.map((row) => ({
      start: row.cells.start ?? '',
      agents: Math.max(0, csvNumber(row, 'agents', 'requirement') as number),
      volume: csvNumber(row, 'volume', 'requirement', true),
      ahtSeconds: csvNumber(row, 'aht_seconds', 'requirement', true),
      where: ['line', row.line, 'start'],
    })),
  };
}

/** One line for stderr: the plan's quality. */
export function qualityLine(plan: ShiftPlan): string {
  const q = plan.quality;
  const sl = q.serviceLevel
    ? `, SL ${(q.serviceLevel.volumeWeighted * 100).toFixed(1)} % (worst ${(q.serviceLevel.worst * 100).toFixed(1)} %)`
    : '';
  return (
    `shift plan (${q.status}): ${plan.shifts.reduce((s, x) => s + x.count, 0)} shifts, ${q.paidHours} ` +
    `paid h, cost ${q.objective.toFixed(2)} vs LP bound ${q.lpBound.toFixed(2)} (cost/bound ` +
    `${q.objectiveOverBound.toFixed(4)}), gap ` +
    `${q.mipGap === null ? 'n/a' : q.mipGap.toFixed(4)}, under ${q.underCoverageAgentIntervals}, ` +
    `over ${q.overCoverageAgentIntervals} agent-intervals, pool ${q.poolHoursPlaced}/${q.poolHoursRequested} ` +
    `h${sl}, ${plan.uncoverable.length} uncoverable`
  );
}

interface ShiftPlanOptions {
  requirements: string;
  rules: string;
  timeLimit?: string;
  timeZone?: string;
  interval?: string;
  out?: string;
  coverageCsv?: string;
}

export function registerShiftPlan(program: Command): void {
  program
    .command('shift-plan')
    .description('Shifts, breaks and retraining sessions covering a requirement (MIP on HiGHS, with its LP bound).')
    .requiredOption(
      '--requirements <file>',
      'agents required per interval: `wfm staff` JSON or CSV (start,agents[,volume,aht_seconds,...])',
    )
    .requiredOption(
      '--rules <file>',
      'shift templates, break rules, opening hours, coverage mode, pool (JSON; see docs/shift-plan.md)',
    )
    .option(
      '--time-limit <s>',
      'time limit of the solve in seconds, LP included (overrides rules.solver.timeLimitSeconds, default 10)',
    )
    .option('--time-zone <zone>', 'IANA zone of the clock times (default: rules, then requirement, then UTC)')
    .option('--interval <minutes>', 'interval length in minutes (default: from the requirement, else inferred)')
    .option('--out <file>', 'write the plan JSON here (atomically) instead of standard output')
    .option(
      '--coverage-csv <file>',
      'also write coverage per interval as CSV ' +
        '(start,required,on_shift,on_phone,on_break,in_retraining,over,under,service_level)',
    )
    .addHelpText(
      'after',
      `
The plan covers the requirement's on-phone "agents": breaks, lunch and retraining are modelled
explicitly, so other shrinkage (absence, holidays) stays with the roster's headcount.
A one-line quality summary goes to stderr. Infeasibility is data: uncoverable intervals are listed
by name, a partial plan lists its under-coverage.

Example:
  wfm staff --input forecast.csv --format json --out staff.json
  wfm shift-plan --requirements staff.json --rules rules.json --time-limit 10 --out plan.json --coverage-csv coverage.csv`,
    )
    .addHelpText('after', VERDICT_HELP)
    .action((opts: ShiftPlanOptions) => runShiftPlanCommand(opts));
}

async function runShiftPlanCommand(opts: ShiftPlanOptions): Promise<void> {
  const requirement = readRequirement(opts.requirements);
  const interval = numberFlag(opts.interval, '--interval');
  if (interval !== undefined) requirement.intervalMinutes = interval;
  const rules = parseShiftPlanRules(parseJsonText(readInputFile(opts.rules, '--rules'), `--rules ${opts.rules}`));
  const timeLimitSeconds = numberFlag(opts.timeLimit, '--time-limit');
  if (timeLimitSeconds !== undefined && !(timeLimitSeconds > 0 && timeLimitSeconds <= 3600)) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `--time-limit: ${timeLimitSeconds} is not in (0, 3600] seconds.`, {
      issues: [{ path: ['--time-limit'], message: 'must be > 0 and at most 3600' }],
    });
  }
  const highs = await loadSolver();
  const plan = runShiftPlan(requirement, rules, {
    highs,
    timeLimitSeconds,
    timeZone: opts.timeZone,
    now: () => performance.now(),
  });
  const json = toJsonText(plan);
  if (opts.coverageCsv) writeOutputAtomic(opts.coverageCsv, toCsv(coverageCsvRows(plan), COVERAGE_CSV_COLUMNS));
  emit(json, opts.out);
  if (plan.verdict) reportVerdict(plan.verdict, 'shift plan');
  process.stderr.write(`${qualityLine(plan)}\n`);
}
