/**
 * Adapter: writes a plan's artifacts into an output folder ATOMICALLY. Everything goes into a
 * temporary sibling folder first, which is renamed into place at the end; an existing folder is
 * replaced only after the new one is complete, and a failure leaves no half-written folder.
 */
import { forecastCsv } from '../formats/forecast-csv.js';
import { activityCsv, agentDayCsv } from '../formats/roster-output.js';
import { icsFiles, previousIcsIn } from './roster-folder.js';
import { staffingCsv } from '../formats/staffing-csv.js';
import { writeFolderAtomic } from './files.js';
import { toCsv } from '../formats/csv.js';
import { COVERAGE_CSV_COLUMNS, coverageCsvRows } from '../formats/coverage-csv.js';
import { toJsonText } from '../formats/json.js';
import type { PlanArtifacts } from '../app/whole-plan.js';
import { renderReport } from '../report/html.js';
import { queuesCsv } from '../formats/queues-csv.js';
import { agentQueuesCsv } from '../formats/agent-queues-csv.js';

/** The files of an output folder (ics/<agent>.ics besides), in the order they are written. */
export const PLAN_FILES = [
  'forecast.csv',
  'forecast.json',
  'staffing.csv',
  'staffing.json',
  'shift-plan.json',
  'coverage.csv',
  'roster.json',
  'roster-agent-days.csv',
  'roster-activities.csv',
  'summary.json',
  'report.html',
] as const;

/** The extra files of a multi-queue plan (the config's `queues`). */
export const PLAN_QUEUE_FILES = ['queues.csv', 'queues.json'] as const;
/** Written when the shift plan was made per queue (agents with skills): who serves which queue when. */
export const PLAN_SKILL_FILES = ['agent-queues.csv'] as const;

/** The file contents of a plan folder, path -> text. Pure. */
export function planFolderFiles(
  a: PlanArtifacts,
  previous: (path: string) => string | undefined = () => undefined,
): Map<string, string> {
  const files = new Map<string, string>([
    ['forecast.csv', forecastCsv(a.forecast)],
    ['forecast.json', toJsonText(a.forecast)],
    ['staffing.csv', staffingCsv(a.staffing)],
    ['staffing.json', toJsonText(a.staffing)],
    ['shift-plan.json', toJsonText(a.shiftPlan)],
    ['coverage.csv', toCsv(coverageCsvRows(a.shiftPlan), COVERAGE_CSV_COLUMNS)],
    ['roster.json', toJsonText(a.roster)],
    ['roster-agent-days.csv', agentDayCsv(a.roster)],
    ['roster-activities.csv', activityCsv(a.roster)],
    ['summary.json', toJsonText(a.summary)],
    ['report.html', renderReport(a)],
  ]);
  if (a.queues) {
    files.set('queues.csv', queuesCsv(a.queues.verdict));
    files.set(
      'queues.json',
      toJsonText({
        ...a.queues.verdict,
        staffing: a.queues.staffing.map((s, k) => ({ queue: a.queues?.names[k], ...s })),
      }),
    );
  }
  const agentQueues = agentQueuesCsv(a.shiftPlan, a.roster);
  if (agentQueues !== null) files.set('agent-queues.csv', agentQueues);
  for (const [path, text] of icsFiles(a.roster, previous)) files.set(path, text);
  return files;
}

/**
 * Writes the folder atomically (temp sibling + rename). Throws WFM_ERR_IO_WRITE naming the folder.
 * `beforeRename` is a test hook called with the temp folder once every file is written.
 */
export function writePlanFolder(
  dir: string,
  artifacts: PlanArtifacts,
  hooks: { beforeRename?: (tmp: string) => void } = {},
): void {
  writeFolderAtomic(dir, planFolderFiles(artifacts, previousIcsIn(dir)), hooks);
}
