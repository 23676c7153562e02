import { STAFFING_CSV_COLUMNS } from '../../formats/staffing-csv.js';
import { toJsonText } from '../../formats/json.js';
import type { Command } from 'commander';
import { reportVerdict, VERDICT_HELP } from '../verdict.js';
import { WfmError } from '../../errors.js';
import { csvNumber, parseCsv, toCsv, type CsvReadOptions } from '../../formats/csv.js';
import { csvReadOptions, strictOption } from '../csv-notes.js';
import {
  MAX_PLAN_INTERVALS,
  parseRequirementJson,
  parseShiftPlanRules,
  type RequirementDocument,
} from '../../contracts/shift-plan.js';
import { COVERAGE_CSV_COLUMNS, coverageCsvRows } from '../../formats/coverage-csv.js';
import { runShiftPlan } from '../../app/shift-plan.js';
import { parseAgentsJson, type KnownTemplates } from '../../contracts/roster.js';
import { parseAgentsCsv } from '../../formats/agents-csv.js';
import type { RosterAgent } from '../../scheduler/roster/types.js';
import type { ShiftPlan } from '../../scheduler/shift-plan/types.js';
import { loadSolver } from '../../scheduler/mip/highs.js';
import {
  emit,
  looksLikeJson,
  numberFlag,
  parseJsonText,
  readInputFile,
  writeOutputsAtomic,
  checkOutputPaths,
} from '../../io/files.js';

/** Columns of the `wfm staff` CSV that the requirement CSV may carry (only some are used). */
/** The requirement CSV: any column of the `wfm staff` CSV (only some are used), and the forecast band. */
const STAFF_CSV_COLUMNS = [...STAFFING_CSV_COLUMNS, 'volume_p10', 'volume_p90'].filter(
  (column) => column !== 'start' && column !== 'agents',
);

/** Reads the requirement: `wfm staff` JSON, or its CSV (`start,agents[,volume,aht_seconds,...]`). */
export function readRequirement(path: string, read: CsvReadOptions = {}): RequirementDocument {
  const text = readInputFile(path, '--requirements', {
    maxRows: MAX_PLAN_INTERVALS,
    what: 'requirement',
    jsonBytesPerRow: 4096, // a wfm staff document: every figure of an interval, and the totals
  });
  if (looksLikeJson(path, text)) return parseRequirementJson(parseJsonText(text, `--requirements ${path}`));
  const { rows } = parseCsv(text, {
    required: ['start', 'agents'],
    optional: STAFF_CSV_COLUMNS,
    what: 'requirement',
    ...read,
  });
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

/**
 * Reads agents as `wfm roster` does: JSON (a list or `{ agents }`) or CSV, clock times in `timeZone`;
 * an agent naming a template outside `templates` is refused, naming the agent and line.
 */
export function readAgentsFile(path: string, timeZone: string, templates?: KnownTemplates): RosterAgent[] {
  const text = readInputFile(path, '--agents');
  return looksLikeJson(path, text)
    ? parseAgentsJson(parseJsonText(text, '--agents'), timeZone, undefined, templates)
    : parseAgentsCsv(text, timeZone, templates);
}

/** Short runs printed on stderr at most; the JSON lists them all. */
const MAX_SHORT_LINES = 12;

/** The supply lines for stderr: whether supply was checked, and the short runs by name. */
export function supplyLines(plan: ShiftPlan): string[] {
  if (!plan.supply) return [];
  const short = plan.shortfall ?? [];
  const more = short.length - MAX_SHORT_LINES;
  return [
    plan.supply.message,
    ...short.slice(0, MAX_SHORT_LINES).map((s) => `  short: ${s.message}`),
    ...(more > 0 ? [`  ... and ${more} more short runs in the plan's "shortfall"`] : []),
  ];
}

/**
 * One line for stderr: the plan's quality, and the wall time of the solve when measured (kept out
 * of the plan itself, so that the same input gives the same file).
 */
export function qualityLine(plan: ShiftPlan, solveSeconds?: number): string {
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
    `h${sl}, ${plan.uncoverable.length} uncoverable` +
    (solveSeconds === undefined ? '' : `; solved in ${solveSeconds.toFixed(1)} s`)
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
  strict?: boolean;
  agents?: string;
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
    .option(
      '--agents <file>',
      "the centre's agents, JSON or CSV as `wfm roster` takes them: plan only shifts they can work " +
        '(templates, days, windows, time off, weekly hours and days) and name the shortfall',
    )
    .option(
      '--time-zone <zone>',
      "IANA zone of the clock times (default: rules, then requirement, then the requirement's one offset, else UTC)",
    )
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

With --agents the plan holds only shifts the agents can work, within their weekly hours and days,
and when they cannot cover the requirement it lists where and why ("shortfall" in the JSON, one
line per short run on stderr). Without --agents the plan says it did not check supply.

Example:
  wfm staff --input forecast.csv --format json --out staff.json
  wfm shift-plan --requirements staff.json --rules rules.json --time-limit 10 --out plan.json --coverage-csv coverage.csv
  wfm shift-plan --requirements staff.json --rules rules.json --agents agents.csv --out plan.json`,
    )
    .addOption(strictOption())
    .addHelpText('after', VERDICT_HELP)
    .action((opts: ShiftPlanOptions) => runShiftPlanCommand(opts));
}

async function runShiftPlanCommand(opts: ShiftPlanOptions): Promise<void> {
  const requirement = readRequirement(opts.requirements, csvReadOptions(opts.strict));
  const interval = numberFlag(opts.interval, '--interval');
  if (interval !== undefined) requirement.intervalMinutes = interval;
  const rules = parseShiftPlanRules(parseJsonText(readInputFile(opts.rules, '--rules'), `--rules ${opts.rules}`));
  const timeLimitSeconds = numberFlag(opts.timeLimit, '--time-limit');
  if (timeLimitSeconds !== undefined && !(timeLimitSeconds > 0 && timeLimitSeconds <= 3600)) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `--time-limit: ${timeLimitSeconds} is not in (0, 3600] seconds.`, {
      issues: [{ path: ['--time-limit'], message: 'must be > 0 and at most 3600' }],
    });
  }
  const outputs = [
    ...(opts.coverageCsv ? [{ path: opts.coverageCsv, flag: '--coverage-csv' }] : []),
    ...(opts.out ? [{ path: opts.out, flag: '--out' }] : []),
  ];
  checkOutputPaths(outputs);
  const zone = opts.timeZone ?? rules.timeZone ?? requirement.timeZone ?? 'UTC';
  const templates = { names: rules.rules.templates.map((t) => t.name), complete: true };
  const agents = opts.agents ? readAgentsFile(opts.agents, zone, templates) : undefined;
  const highs = await loadSolver();
  const started = performance.now();
  const plan = runShiftPlan(requirement, rules, {
    highs,
    timeLimitSeconds,
    timeZone: opts.timeZone,
    agents,
  });
  const json = toJsonText(plan);
  const coverage = toCsv(coverageCsvRows(plan), COVERAGE_CSV_COLUMNS);
  // Both files or neither: a failing --out never leaves the coverage CSV behind.
  writeOutputsAtomic(outputs.map((o) => ({ ...o, content: o.flag === '--out' ? json : coverage })));
  if (!opts.out) emit(json, undefined);
  if (plan.verdict) reportVerdict(plan.verdict, 'shift plan');
  process.stderr.write(
    `${[qualityLine(plan, (performance.now() - started) / 1000), ...supplyLines(plan)].join('\n')}\n`,
  );
}
