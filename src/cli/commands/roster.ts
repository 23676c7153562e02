import { loadFromCoverage } from '../../scheduler/roster/load.js';
import { toJsonText } from '../../formats/json.js';
import type { Command } from 'commander';
import { WfmError } from '../../errors.js';
import { runShiftPlan } from '../../app/shift-plan.js';
import type { ShiftPlan } from '../../scheduler/shift-plan/types.js';
import { loadSolver } from '../../scheduler/mip/highs.js';
import { onPlanFiles, readAgentsFile, readRequirement, readRulesFile } from './shift-plan.js';
import {
  parseRosterPlan,
  parseRosterRules,
  planTemplates,
  RosterRequestSchema,
  type KnownTemplates,
} from '../../contracts/roster.js';
import { parseWith } from '../../contracts/validate.js';
import { runRoster } from '../../scheduler/roster/run.js';
import { emit, numberFlag, parseJsonText } from '../../io/files.js';
import { readInput, withInputFile } from '../../io/input-file.js';
import { writeRosterDir } from '../../io/roster-folder.js';
import type { CsvReadOptions } from '../../formats/csv.js';
import { csvReadOptions, strictOption } from '../csv-notes.js';
import { readPreviousRoster } from '../../io/previous-roster.js';
import { checkPreviousBefore } from '../../contracts/previous-roster.js';
import type { PreviousRoster, RosterAgent, RosterRules } from '../../scheduler/roster/types.js';
import { previousFromStore, wantsStore } from '../save-draft.js';
import { reportVerdict, VERDICT_HELP } from '../verdict.js';

/** `wfm roster`: named agents on a shift plan under weekly rules, with retraining pulls. */
export function registerRoster(program: Command): void {
  program
    .command('roster')
    .description(
      'Roster named agents on a shift plan (the output of `wfm shift-plan`) under weekly rules, ' +
        'and fill the retraining sessions.',
    )
    .option('--plan <file>', 'shift plan JSON (output of `wfm shift-plan`)')
    .option(
      '--requirements <file>',
      'instead of --plan: agents required per interval (`wfm staff` JSON or CSV); the plan is built first, ' +
        'for the --agents (only shifts they can work, as `wfm shift-plan --agents`)',
    )
    .option('--plan-rules <file>', 'with --requirements: the shift-plan rules JSON (templates, breaks, pool)')
    .requiredOption('--agents <file>', 'agents, JSON (array or { agents }) or CSV (columns: see docs/roster.md)')
    .option(
      '--rules <file>',
      'weekly rules JSON (default: 11 h rest, 6 days in a row, two consecutive days off per week)',
    )
    .option(
      '--previous <file>',
      "the previous week's roster (its roster.json or roster-agent-days.csv): rest, days in a row, days off, " +
        'weekends and weekly hours apply across the edge',
    )
    .option(
      '--data <dir>',
      'without --previous: read the last published roster of the centre before the horizon from the planning store ' +
        '(PGlite in DIR; else DATABASE_URL when set)',
    )
    .option('--centre <code>', 'with --data: the store centre (default main)')
    .option('--time-limit <s>', 'search time limit in seconds (default 10)')
    .option('--iterations <n>', 'search move budget (default 5000000); results are reproducible when this binds first')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--answer-seconds <s>', 'service-level threshold for the SL after rostering (default 20)')
    .option(
      '--out <dir>',
      'write roster.json, roster-agent-days.csv, roster-activities.csv and ics/<agent>.ics into this folder (atomically); ' +
        'default: JSON on stdout',
    )
    .addOption(strictOption())
    .addHelpText(
      'after',
      `
The horizon is 1 to 6 weeks (a longer plan exits 2). With --previous (or the store's last
published week), rest, days in a row, days off, weekends and split weeks carry across the start
edge; agents' contracts may ask for a rotation over the weeks (contract.rotation: same-start or
early-late). See docs/roster.md, "Across week edges" and "Rotations".

Example:
  wfm roster --plan week-24/plan.json --agents agents.csv --previous week-23/roster-agent-days.csv --out week-24
${VERDICT_HELP}`,
    )
    .action(
      async (flags: {
        plan?: string;
        requirements?: string;
        planRules?: string;
        agents: string;
        rules?: string;
        previous?: string;
        data?: string;
        centre?: string;
        timeLimit?: string;
        iterations?: string;
        seed?: string;
        answerSeconds?: string;
        out?: string;
        strict?: boolean;
      }) => {
        const read = csvReadOptions(flags.strict);
        const planFile = flags.plan;
        const readAgents: AgentsReader = (zone, templates) => readAgentsFile(flags.agents, zone, templates, read);
        const rulesFile = flags.rules;
        const rules = rulesFile
          ? readInput(rulesFile, '--rules', (text) => parseRosterRules(parseJsonText(text, rulesFile)))
          : parseRosterRules({});
        const { plan, load } = planFile
          ? readInput(planFile, '--plan', (text) => parseRosterPlan(parseJsonText(text, planFile)))
          : await planFirst(flags.requirements, flags.planRules, read, readAgents, rules);
        const agents = readAgents(plan.grid.timeZone, planTemplates(plan));
        const options = parseWith(
          RosterRequestSchema.shape.options,
          {
            ...(flags.seed !== undefined ? { seed: numberFlag(flags.seed, '--seed') } : {}),
            ...(flags.timeLimit !== undefined ? { timeLimitSeconds: numberFlag(flags.timeLimit, '--time-limit') } : {}),
            ...(flags.iterations !== undefined ? { maxIterations: numberFlag(flags.iterations, '--iterations') } : {}),
            ...(flags.answerSeconds !== undefined
              ? { answerSeconds: numberFlag(flags.answerSeconds, '--answer-seconds') }
              : {}),
          },
          'roster options',
        );
        const previous = await previousWeek(flags, plan.grid);
        const result = runRoster(
          { plan, ...(load ? { load } : {}), agents, rules, ...(previous ? { previous } : {}), options },
          () => performance.now(),
          await loadSolver(),
        );
        if (flags.out) writeRosterDir(flags.out, result);
        else emit(toJsonText(result), undefined);
        reportVerdict(result.verdict, 'roster');
      },
    );
}

/** Parses the --agents file with clock times in `zone`, refusing templates outside `templates`. */
type AgentsReader = (zone: string, templates: KnownTemplates) => RosterAgent[];

/**
 * Builds the plan from a requirement and plan rules for the agents to be rostered (as `wfm
 * shift-plan --agents` does: only shifts they can work, within their weekly days and hours),
 * keeping volume and AHT for the SL.
 */
async function planFirst(
  requirements: string | undefined,
  planRules: string | undefined,
  read: CsvReadOptions,
  readAgents: AgentsReader,
  rosterRules: RosterRules,
): Promise<{ plan: ShiftPlan; load?: { volume: (number | null)[]; ahtSeconds: (number | null)[] } }> {
  if (!requirements || !planRules) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', 'Give --plan FILE, or --requirements FILE with --plan-rules FILE.', {
      issues: [{ path: ['--plan'], message: 'missing' }],
    });
  }
  const requirement = readRequirement(requirements, read);
  const rules = readRulesFile(planRules, '--plan-rules');
  const zone = rules.timeZone ?? requirement.timeZone ?? 'UTC';
  const agents = readAgents(zone, { names: rules.rules.templates.map((t) => t.name), complete: true });
  const highs = await loadSolver();
  const plan = onPlanFiles(requirements, planRules, () =>
    runShiftPlan(requirement, rules, { highs, agents, rosterRules }),
  );
  const load = loadFromCoverage(plan);
  return load ? { plan, load } : { plan };
}

/** The previous week: `--previous FILE`, else with a store the centre's last published roster before the horizon. */
async function previousWeek(
  flags: { previous?: string; data?: string; centre?: string },
  grid: ShiftPlan['grid'],
): Promise<PreviousRoster | undefined> {
  if (flags.previous) {
    const parsed = readPreviousRoster(flags.previous, '--previous');
    const file = flags.previous;
    withInputFile(file, () => checkPreviousBefore(parsed, grid, 'previous roster'));
    return parsed.previous;
  }
  return wantsStore(flags) ? previousFromStore(flags, grid) : undefined;
}
