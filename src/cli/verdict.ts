/**
 * The verdict on the command line (docs/semantics.md, "Verdict"): a plan or roster prints its
 * verdict as the first line of its result on stderr, and a run that falls short exits 3 ("done, falls
 * short": the files are written) instead of 0.
 */
import type { Verdict } from '../scheduler/shift-plan/verdict.js';

/** Exit code of a run that finished and wrote its files but falls short of a rule, a shift or a target. */
export const EXIT_FALLS_SHORT = 3;

let shortOfTarget = false;

/** Forgets the last run's verdict (called as the CLI starts). */
export function resetVerdict(): void {
  shortOfTarget = false;
}

/** Prints `verdict` as one line on `stream` and remembers whether the run falls short. */
export function reportVerdict(verdict: Verdict, what: string, stream: NodeJS.WritableStream = process.stderr): void {
  if (!verdict.met) shortOfTarget = true;
  stream.write(`wfm: ${what} ${verdict.line}\n`);
}

/** Prints a verdict line of another kind of run (a simulation) and remembers whether it falls short. */
export function reportVerdictLine(met: boolean, line: string, stream: NodeJS.WritableStream = process.stderr): void {
  if (!met) shortOfTarget = true;
  stream.write(`wfm: ${line}\n`);
}

/** The exit code of a run that completed: 3 when any verdict it reported falls short, else 0. */
export function completedExitCode(): number {
  return shortOfTarget ? EXIT_FALLS_SHORT : 0;
}

/** The exit codes and the verdict line, as `--help` of the commands that plan or roster shows them. */
export const VERDICT_HELP = `
Verdict and exit status: the first line of the result on stderr says "met" or "falls short" (plan
shifts filled, hard rules broken per rule with units, worst interval SL against the target).
Exit 0: everything met. Exit 3: done, falls short (files written). Exit 2: bad input (nothing
written). Exit 1: unexpected failure.`;
