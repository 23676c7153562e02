import type { Command } from 'commander';
import { parseAgentsCsv, parseAgentsJson, parseRosterPlan, parseRosterRules, RosterRequestSchema } from '../../schemas/roster.js';
import { parseWith } from '../../io/validate.js';
import { runRoster } from '../../scheduler/roster/run.js';
import { emit, looksLikeJson, numberFlag, parseJsonText, readInputFile } from '../io.js';
import { writeRosterDir } from './roster-output.js';

/** `wfm roster`: named agents on a shift plan under weekly rules, with retraining pulls. */
export function registerRoster(program: Command): void {
  program
    .command('roster')
    .description('Roster named agents on a shift plan (the output of `wfm shift-plan`) under weekly rules, and fill the retraining sessions.')
    .requiredOption('--plan <file>', 'shift plan JSON (output of `wfm shift-plan`)')
    .requiredOption('--agents <file>', 'agents, JSON (array or { agents }) or CSV (columns: see docs/roster.md)')
    .option('--rules <file>', 'weekly rules JSON (default: 11 h rest, 6 days in a row, two consecutive days off per week)')
    .option('--time-limit <s>', 'search time limit in seconds (default 10)')
    .option('--iterations <n>', 'search move budget (default 5000000); results are reproducible when this binds first')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--answer-seconds <s>', 'service-level threshold for the SL after rostering (default 20)')
    .option('--out <dir>', 'write roster.json, roster-agent-days.csv and ics/<agent>.ics into this folder (atomically); default: JSON on stdout')
    .action((flags: { plan: string; agents: string; rules?: string; timeLimit?: string; iterations?: string; seed?: string; answerSeconds?: string; out?: string }) => {
      const { plan, load } = parseRosterPlan(parseJsonText(readInputFile(flags.plan, '--plan'), '--plan'));
      const agentsText = readInputFile(flags.agents, '--agents');
      const zone = plan.grid.timeZone;
      const agents = looksLikeJson(flags.agents, agentsText) ? parseAgentsJson(parseJsonText(agentsText, '--agents'), zone) : parseAgentsCsv(agentsText, zone);
      const rules = parseRosterRules(flags.rules ? parseJsonText(readInputFile(flags.rules, '--rules'), '--rules') : {});
      const options = parseWith(RosterRequestSchema.shape.options, {
        ...(flags.seed !== undefined ? { seed: numberFlag(flags.seed, '--seed') } : {}),
        ...(flags.timeLimit !== undefined ? { timeLimitSeconds: numberFlag(flags.timeLimit, '--time-limit') } : {}),
        ...(flags.iterations !== undefined ? { maxIterations: numberFlag(flags.iterations, '--iterations') } : {}),
        ...(flags.answerSeconds !== undefined ? { answerSeconds: numberFlag(flags.answerSeconds, '--answer-seconds') } : {}),
      }, 'roster options');
      const result = runRoster({ plan, ...(load ? { load } : {}), agents, rules, options }, () => performance.now());
      if (flags.out) writeRosterDir(flags.out, result);
      else emit(JSON.stringify(result, null, 2), undefined);
    });
}
