import { Command, CommanderError } from 'commander';
import { formatPath, isWfmError } from '../errors.js';
import { commands } from './commands/index.js';
import { completedExitCode, resetVerdict } from './verdict.js';

/**
 * Exit codes: 0 success (everything met), 1 unexpected failure, 2 bad input or usage (nothing
 * written), 3 done but falls short (files written; the verdict line on stderr names the shortfall).
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export function buildProgram(): Command {
  const program = new Command('wfm')
    .description('Workforce management for contact centres: forecast, staffing, shift plans and rosters.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI on `argv` (as in process.argv) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  resetVerdict();
  try {
    await program.parseAsync([...argv]);
    return completedExitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
        return EXIT_OK;
      }
      return EXIT_BAD_INPUT;
    }
    if (isWfmError(error)) {
      process.stderr.write(`wfm: ${error.code}: ${error.message}\n`);
      for (const issue of error.issues.slice(0, 20)) {
        const at = issue.line === undefined ? '' : ` (line ${issue.line}, column ${issue.column})`;
        process.stderr.write(`  - ${formatPath(issue.path)}${at}: ${issue.message}\n`);
      }
      return error.status >= 500 ? EXIT_FAILURE : EXIT_BAD_INPUT;
    }
    process.stderr.write(
      `wfm: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_FAILURE;
  }
}
