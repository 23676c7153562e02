import type { Command } from 'commander';
import { VERDICT_HELP } from '../verdict.js';
import { dirname } from 'node:path';
import { parsePlanConfig } from '../../contracts/plan-config.js';
import { planInputFromConfig } from '../../io/plan-config.js';
import { runPlanToFolder } from '../run-plan-to-folder.js';
import { csvReadOptions, strictOption } from '../csv-notes.js';
import { previousCandidatesFromStore, saveRunAsDraft, wantsStore, type StoreFlags } from '../save-draft.js';
import { summaryText } from '../../report/summary-text.js';
import { numberFlag, parseJsonText } from '../../io/files.js';
import { readInput, withInputFile } from '../../io/input-file.js';
import { locatingSourceField } from '../../io/json-locate.js';

interface PlanFlags extends StoreFlags {
  config: string;
  out: string;
  shiftPlanSeconds?: string;
  rosterSeconds?: string;
  seed?: string;
  strict?: boolean;
}

/** `wfm plan --config FILE [--out DIR]`: the whole flow into one folder. */
export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description(
      'The whole plan: history -> forecast -> staffing -> shift plan -> roster -> HTML report, every ' +
        'result written into one folder.',
    )
    .requiredOption(
      '--config <file>',
      'plan config JSON (history, forecast, staffing, shiftPlan, agents, roster, limits, seed; see docs/plan.md)',
    )
    .option('--out <dir>', 'output folder, written atomically (replaced only once complete)', 'wfm-plan-out')
    .option('--shift-plan-seconds <s>', 'MIP time limit (overrides limits.shiftPlanSeconds)')
    .option('--roster-seconds <s>', 'roster search time limit (overrides limits.rosterSeconds)')
    .option('--seed <n>', 'seed of the MIP and the roster search (overrides seed)')
    .option(
      '--data <dir>',
      'save the roster as a draft in the planning store (PGlite in DIR; else DATABASE_URL when set); without ' +
        "previousRoster in the config, the centre's last published roster before the horizon is the previous week",
    )
    .option('--centre <code>', 'the store centre to save to, created on first use (default main)')
    .option('--series <name>', "the draft's series (default the ISO week of the roster, e.g. 2026-W23)")
    .addHelpText(
      'after',
      `
Writes forecast.csv/json, staffing.csv/json, shift-plan.json, coverage.csv, roster.json,
roster-agent-days.csv, roster-activities.csv, ics/<agent>.ics, summary.json and report.html (self-contained: open it in a
browser, no network needed). Progress goes to stderr, the summary to stdout. File paths in the
config are relative to the config file.

Example:
  wfm plan --config plan.json --out week-23`,
    )
    .addOption(strictOption())
    .addHelpText('after', VERDICT_HELP)
    .action((flags: PlanFlags) => runPlanCommand(flags));
}

async function runPlanCommand(flags: PlanFlags): Promise<void> {
  const overrides = overrideFlags(flags);
  const config = readInput(flags.config, '--config', (text) => {
    const raw = parseJsonText(text, flags.config) as Record<string, unknown> | null;
    const doc =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? { ...raw, ...(overrides.seed !== undefined ? { seed: overrides.seed } : {}) }
        : raw;
    return parsePlanConfig(doc);
  });
  const limits = {
    shiftPlanSeconds: overrides.shiftPlanSeconds ?? config.limits.shiftPlanSeconds,
    rosterSeconds: overrides.rosterSeconds ?? config.limits.rosterSeconds,
  };
  const input = planInputFromConfig({ ...config, limits }, dirname(flags.config), csvReadOptions(flags.strict));
  // With a store and no previousRoster in the config, the centre's last published week before the horizon.
  if (wantsStore(flags) && input.previousRoster === undefined)
    input.previousRoster = { candidates: await previousCandidatesFromStore(flags) };
  // An error in a config field (not in a file it names, not --out) names the config file.
  const artifacts = await withInputFile(
    flags.config,
    () => runPlanToFolder(input, flags.out),
    (error) => error.code.startsWith('WFM_ERR_INPUT_') || error.code === 'WFM_ERR_SCHEDULER_RULES',
  ).catch((error: unknown) => Promise.reject(locatingSourceField(error, input.sources ?? {})));
  process.stdout.write(summaryText(artifacts.summary, flags.out));
  if (wantsStore(flags)) process.stdout.write(await saveRunAsDraft(flags, input, artifacts));
}

function overrideFlags(flags: PlanFlags): { shiftPlanSeconds?: number; rosterSeconds?: number; seed?: number } {
  const shiftPlanSeconds = numberFlag(flags.shiftPlanSeconds, '--shift-plan-seconds');
  const rosterSeconds = numberFlag(flags.rosterSeconds, '--roster-seconds');
  const seed = numberFlag(flags.seed, '--seed');
  return {
    ...(shiftPlanSeconds !== undefined ? { shiftPlanSeconds } : {}),
    ...(rosterSeconds !== undefined ? { rosterSeconds } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
}
