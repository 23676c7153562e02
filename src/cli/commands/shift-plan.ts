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
  type ParsedShiftPlanRules,
  type RequirementDocument,
} from '../../contracts/shift-plan.js';
import { COVERAGE_CSV_COLUMNS, coverageCsvRows } from '../../formats/coverage-csv.js';
import { runShiftPlan, simulationCheckOf, SKILL_CHECK_ROUNDS } from '../../app/shift-plan.js';
import { PLAN_SIMULATION_REPLICATIONS } from '../../contracts/plan-config.js';
import { parseAgentsJson, type KnownTemplates } from '../../contracts/roster.js';
import { parseAgentsCsv } from '../../formats/agents-csv.js';
import {
  isMultiQueueAnswer,
  queuesOfStaffingAnswer,
  sumQueueRequirements,
  checkQueuesHaveAgents,
  type QueueRequirement,
} from '../../contracts/queue-requirements.js';
import { hasQueueColumn, parseQueueRequirementsCsv } from '../../formats/queue-requirements-csv.js';
import { parseStaffQueuesConfig } from '../../contracts/multi-queue-staffing.js';
import type { RosterAgent } from '../../scheduler/roster/types.js';
import type { ShiftPlan } from '../../scheduler/shift-plan/types.js';
import { loadSolver } from '../../scheduler/mip/highs.js';
import { aboutRows, readInput, withInputFile } from '../../io/input-file.js';
import {
  emit,
  looksLikeJson,
  numberFlag,
  parseJsonText,
  writeOutputsAtomic,
  checkOutputPaths,
} from '../../io/files.js';

/** Columns of the `wfm staff` CSV that the requirement CSV may carry (only some are used). */
/** The requirement CSV: any column of the `wfm staff` CSV (only some are used), and the forecast band. */
const STAFF_CSV_COLUMNS = [...STAFFING_CSV_COLUMNS, 'volume_p10', 'volume_p90'].filter(
  (column) => column !== 'start' && column !== 'agents',
);

/** Rows of a requirement file at most; a wfm staff JSON holds every figure of an interval, and the totals. */
const REQUIREMENT_LIMIT = { maxRows: MAX_PLAN_INTERVALS, what: 'requirement', jsonBytesPerRow: 4096 };

/** A requirement as `wfm shift-plan` reads it: one queue, or several with their sum. */
export interface PlanRequirementInput {
  requirement: RequirementDocument;
  queues?: QueueRequirement[];
}

/**
 * Reads the requirement of `wfm shift-plan`: a single-queue one (`readRequirement`), or the
 * multi-queue staffing answer of `wfm staff` (JSON with `multiQueue`, or its CSV with a `queue`
 * column): each queue's own requirement, the plan covering their sum.
 */
export function readPlanRequirement(path: string, read: CsvReadOptions = {}): PlanRequirementInput {
  return readInput(
    path,
    '--requirements',
    (text) => {
      const json = looksLikeJson(path, text) ? parseJsonText(text, path) : undefined;
      const queues =
        json === undefined
          ? hasQueueColumn(text)
            ? parseQueueRequirementsCsv(text, read)
            : undefined
          : isMultiQueueAnswer(json)
            ? queuesOfStaffingAnswer(json)
            : undefined;
      if (queues) return { requirement: sumQueueRequirements(queues), queues };
      return { requirement: json === undefined ? requirementOf(path, text, read) : parseRequirementJson(json) };
    },
    REQUIREMENT_LIMIT,
  );
}

/** Each queue's priority from a `--queues` file (as `wfm staff` takes it); every queue listed, and only those. */
function withPriorities(queues: QueueRequirement[], file: string): QueueRequirement[] {
  const config = readInput(file, '--queues', (text) => parseStaffQueuesConfig(parseJsonText(text, file)));
  const names = queues.map((q) => q.name);
  const missing = names.find((name) => !config.queues.some((q) => q.name === name));
  const extra = config.queues.findIndex((q) => !names.includes(q.name));
  if (missing !== undefined || extra >= 0) {
    const message =
      missing !== undefined
        ? `the requirement has queue "${missing}", which the queues config does not list`
        : `no rows of queue "${config.queues[extra]?.name}" in the requirement`;
    throw new WfmError('WFM_ERR_INPUT_INVALID', `${file}: ${message}: list every queue of the requirement.`, {
      issues: [{ path: missing !== undefined ? ['queues'] : ['queues', extra, 'name'], message }],
      file,
    });
  }
  return queues.map((q) => ({ ...q, priority: config.queues.find((c) => c.name === q.name)?.priority ?? 0 }));
}

/** Reads the requirement: `wfm staff` JSON, or its CSV (`start,agents[,volume,aht_seconds,...]`). */
export function readRequirement(path: string, read: CsvReadOptions = {}): RequirementDocument {
  return readInput(path, '--requirements', (text) => requirementOf(path, text, read), REQUIREMENT_LIMIT);
}

function requirementOf(path: string, text: string, read: CsvReadOptions): RequirementDocument {
  if (looksLikeJson(path, text)) return parseRequirementJson(parseJsonText(text, path));
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
export function readAgentsFile(
  path: string,
  timeZone: string,
  templates?: KnownTemplates,
  read: CsvReadOptions = {},
  queues?: readonly string[],
): RosterAgent[] {
  return readInput(path, '--agents', (text) =>
    looksLikeJson(path, text)
      ? parseAgentsJson(parseJsonText(text, path), timeZone, undefined, templates, queues)
      : parseAgentsCsv(text, timeZone, templates, read, queues),
  );
}

/** Reads shift-plan rules JSON (`--rules`, `--plan-rules`); every error names the file. */
export function readRulesFile(path: string, flag: string): ParsedShiftPlanRules {
  return readInput(path, flag, (text) => parseShiftPlanRules(parseJsonText(text, path)));
}

/**
 * Runs the shift plan: an error about the requirement's rows names its file, one about the rules
 * (a break off the interval grid) the rules file.
 */
export function onPlanFiles<T>(requirements: string, rules: string, fn: () => T): T {
  return withInputFile(
    rules,
    () => withInputFile(requirements, fn, aboutRows),
    (error) => error.code === 'WFM_ERR_SCHEDULER_RULES',
  );
}

/** Short runs printed on stderr at most; the JSON lists them all. */
const MAX_SHORT_LINES = 12;

/** The supply lines for stderr: whether supply was checked, the queues sized for the agents' speed, and the short runs by name. */
export function supplyLines(plan: ShiftPlan): string[] {
  if (!plan.supply) return [];
  const short = plan.shortfall ?? [];
  const more = short.length - MAX_SHORT_LINES;
  return [
    plan.supply.message,
    ...plan.issues.filter((i) => i.code === 'proficiency').map((i) => `  ${i.message}`),
    ...short.slice(0, MAX_SHORT_LINES).map((s) => `  short: ${s.message}`),
    ...(more > 0 ? [`  ... and ${more} more short runs in the plan's "shortfall"`] : []),
  ];
}

/** The simulation check of a multi-queue plan (the issue `simulation-check`), for stderr. */
export function simulationCheckLines(plan: ShiftPlan): string[] {
  return plan.issues.filter((i) => i.code === 'simulation-check').map((i) => `simulation check: ${i.message}`);
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
    `paid h, cost ${q.objective.toFixed(2)} vs LP bound ${q.lpBound.toFixed(2)} (cost ` +
    `${((q.objectiveOverBound - 1) * 100).toFixed(1)} % over it), gap ` +
    `${q.mipGap === null ? 'n/a' : `${(q.mipGap * 100).toFixed(1)} %`}, under ${q.underCoverageAgentIntervals}, ` +
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
  queues?: string;
}

export function registerShiftPlan(program: Command): void {
  program
    .command('shift-plan')
    .description('Shifts, breaks and retraining sessions covering a requirement (MIP on HiGHS, with its LP bound).')
    .requiredOption(
      '--requirements <file>',
      'agents required per interval: `wfm staff` JSON or CSV (start,agents[,volume,aht_seconds,...]); ' +
        'or its multi-queue answer (JSON with multiQueue, or CSV queue,start,...,requirement,...) for a plan per queue',
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
        "(templates, days, windows, time off, weekly hours and days, and days off as the roster's default rules " +
        'ask: two consecutive days off a week, at most 6 days in a row) and name the shortfall',
    )
    .option(
      '--queues <file>',
      "each queue's priority for a multi-queue requirement (JSON as `wfm staff --queues` takes it, or a plan " +
        "config): the staffing CSV carries none (default 0); the JSON answer's are used otherwise",
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
with each agent's days off decided with the shifts (two consecutive days off a week and at most 6
days in a row: the defaults of \`wfm roster\`; \`wfm plan\` and \`wfm roster --requirements\` use
their own roster rules), and when they cannot cover the requirement it lists where and why
("shortfall" in the JSON, one line per short run on stderr). Without --agents the plan says it did not check supply.

Several queues: a multi-queue answer of \`wfm staff\` (its JSON, or its CSV: one row per queue and
interval with the queue's own "requirement"; the rows "all" are skipped) plans the sum of the
queues with the agents' skills (needs --agents; an agent without "skills" serves every queue).
Each shift gets the "skills" it is planned for, and "queueCoverage" gives per queue and interval
the agents required and covered, and per skill class the queues it serves (docs/shift-plan.md,
"Skills"). The plan is checked by simulation as \`wfm plan\` checks its plan
(${PLAN_SIMULATION_REPLICATIONS} replications, the rules' solver.seed, at most ${SKILL_CHECK_ROUNDS} re-plans within
--time-limit) and re-planned with one more agent where a queue's interval lies wholly below its target: the issue
"simulation-check" in the JSON and a line "simulation check: ..." on stderr; intervals still below
target make the plan fall short (exit 3).
Each queue is simulated at its own model, target and patience, as the answer of \`wfm staff\` gives
them (JSON: each queue's "model", "target", "patienceSeconds"; CSV: the columns model,
target_service_level, answer_seconds, patience_seconds); the rules' "queue" target (e.g.
{"model": "erlang-c"}: 80 % in 20 s) serves the queues of an older answer that has none.
At most 20 queues and ${MAX_PLAN_INTERVALS} CSV rows.

Example:
  wfm staff --input forecast.csv --format json --out staff.json
  wfm shift-plan --requirements staff.json --rules rules.json --time-limit 10 --out plan.json --coverage-csv coverage.csv
  wfm shift-plan --requirements staff.json --rules rules.json --agents agents.csv --out plan.json
  wfm staff --input queues.csv --queues queues.json --out queue-staff.csv
  wfm shift-plan --requirements queue-staff.csv --queues queues.json --rules rules.json --agents agents.json`,
    )
    .addOption(strictOption())
    .addHelpText('after', VERDICT_HELP)
    .action((opts: ShiftPlanOptions) => runShiftPlanCommand(opts));
}

async function runShiftPlanCommand(opts: ShiftPlanOptions): Promise<void> {
  const input = readPlanRequirement(opts.requirements, csvReadOptions(opts.strict));
  const { requirement } = input;
  if (opts.queues && !input.queues) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `--queues: ${opts.requirements} is not a multi-queue requirement.`, {
      issues: [{ path: ['--queues'], message: 'only with a multi-queue requirement (a queue column, or multiQueue)' }],
    });
  }
  const queues = input.queues && opts.queues ? withPriorities(input.queues, opts.queues) : input.queues;
  checkQueuesHaveAgents(queues, opts.agents, '--agents');
  const interval = numberFlag(opts.interval, '--interval');
  if (interval !== undefined) requirement.intervalMinutes = interval;
  const rules = readRulesFile(opts.rules, '--rules');
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
  const agents = opts.agents
    ? readAgentsFile(
        opts.agents,
        zone,
        templates,
        csvReadOptions(opts.strict),
        queues?.map((q) => q.name),
      )
    : undefined;
  const highs = await loadSolver();
  const started = performance.now();
  const plan = onPlanFiles(opts.requirements, opts.rules, () =>
    runShiftPlan(requirement, rules, {
      highs,
      timeLimitSeconds,
      timeZone: opts.timeZone,
      agents,
      queues,
      simulationCheck: simulationCheckOf(rules.rules.solver.seed, () => performance.now()),
    }),
  );
  const json = toJsonText(plan);
  const coverage = toCsv(coverageCsvRows(plan), COVERAGE_CSV_COLUMNS);
  // Both files or neither: a failing --out never leaves the coverage CSV behind.
  writeOutputsAtomic(outputs.map((o) => ({ ...o, content: o.flag === '--out' ? json : coverage })));
  if (!opts.out) emit(json, undefined);
  if (plan.verdict) reportVerdict(plan.verdict, 'shift plan');
  const lines = [qualityLine(plan, (performance.now() - started) / 1000), ...supplyLines(plan)];
  process.stderr.write(`${[...lines, ...simulationCheckLines(plan)].join('\n')}\n`);
}
