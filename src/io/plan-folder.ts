/**
 * Adapter: writes a plan's artifacts into an output folder ATOMICALLY. Everything goes into a
 * temporary sibling folder first, which is renamed into place at the end; an existing folder is
 * replaced only after the new one is complete, and a failure leaves no half-written folder.
 */
import { join } from 'node:path';
import { forecastCsv } from '../formats/forecast-csv.js';
import { agentDayCsv, agentIcs, safeFileName } from '../formats/roster-output.js';
import { staffingCsv } from '../formats/staffing-csv.js';
import { writeFolderAtomic } from './files.js';
import { toCsv } from '../formats/csv.js';
import { COVERAGE_CSV_COLUMNS, coverageCsvRows } from '../formats/coverage-csv.js';
import { toJsonText } from '../formats/json.js';
import type { PlanArtifacts } from '../app/whole-plan.js';
import { renderReport } from '../report/html.js';

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
  'summary.json',
  'report.html',
] as const;

/** The file contents of a plan folder, path -> text. Pure. */
export function planFolderFiles(a: PlanArtifacts): Map<string, string> {
  const files = new Map<string, string>([
    ['forecast.csv', forecastCsv(a.forecast)],
    ['forecast.json', toJsonText(a.forecast)],
    ['staffing.csv', staffingCsv(a.staffing)],
    ['staffing.json', toJsonText(a.staffing)],
    ['shift-plan.json', toJsonText(a.shiftPlan)],
    ['coverage.csv', toCsv(coverageCsvRows(a.shiftPlan), COVERAGE_CSV_COLUMNS)],
    ['roster.json', toJsonText(a.roster)],
    ['roster-agent-days.csv', agentDayCsv(a.roster)],
    ['summary.json', toJsonText(a.summary)],
    ['report.html', renderReport(a)],
  ]);
  const used = new Set<string>();
  for (const agent of a.roster.agents) {
    let name = safeFileName(agent.id);
    while (used.has(name)) name += '_';
    used.add(name);
    files.set(join('ics', `${name}.ics`), agentIcs(a.roster, agent.id));
  }
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
  writeFolderAtomic(dir, planFolderFiles(artifacts), hooks);
}
