/**
 * Adapter: the whole plan from a config to an output folder, as `wfm plan` and `wfm demo` run it:
 * load the solver, run the pipeline with the terminal progress, write the folder atomically.
 */
import { loadSolver } from '../scheduler/mip/highs.js';
import { runPlan, type PlanArtifacts, type PlanInput } from '../app/whole-plan.js';
import { progressReporter, type ProgressStream } from './progress-bar.js';
import { writePlanFolder } from '../io/plan-folder.js';
import { checkOutputPaths } from '../io/files.js';
import { reportVerdict } from './verdict.js';

export interface RunToFolderOptions {
  /** Where progress goes (default process.stderr). */
  progress?: ProgressStream;
}

/**
 * Runs the plan and writes `outDir`; nothing is written when a step fails. Prints the verdict line
 * once the folder is written (a plan that falls short makes the command exit 3).
 */
export async function runPlanToFolder(
  input: PlanInput,
  outDir: string,
  options: RunToFolderOptions = {},
): Promise<PlanArtifacts> {
  checkOutputPaths([{ path: outDir, flag: '--out', folder: true }]);
  const progress = progressReporter(options.progress ?? process.stderr);
  let artifacts: PlanArtifacts;
  try {
    // The clock doubles as a heartbeat: the roster search reads it as it runs, so the bar can move.
    const now = () => {
      const ms = performance.now();
      progress.tick(ms);
      return ms;
    };
    artifacts = runPlan(input, { highs: await loadSolver(), now, onProgress: progress.onProgress });
    writePlanFolder(outDir, artifacts);
  } finally {
    progress.finish();
  }
  reportVerdict(artifacts.roster.verdict, 'plan');
  return artifacts;
}
