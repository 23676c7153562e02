import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { writeFolderAtomic } from './files.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import { activityCsv, agentDayCsv, safeFileName } from '../formats/roster-output.js';
import { agentIcs } from '../formats/agent-ics.js';

/**
 * Writes roster.json, roster-agent-days.csv, roster-activities.csv and ics/<agent>.ics into `dir` all at once
 * (`writeFolderAtomic`): a failure leaves no half-written folder.
 */
export function writeRosterDir(dir: string, result: RosterResult): void {
  const files = new Map<string, string>([
    ['roster.json', `${JSON.stringify(result, null, 2)}\n`],
    ['roster-agent-days.csv', agentDayCsv(result)],
    ['roster-activities.csv', activityCsv(result)],
  ]);
  for (const [path, text] of icsFiles(result, previousIcsIn(dir))) files.set(path, text);
  writeFolderAtomic(dir, files);
}

/**
 * ics/<agent>.ics for every agent of the roster. `previous(path)` is the text of the file the
 * folder held before (its events keep their UID, SEQUENCE goes up where they changed).
 */
export function icsFiles(result: RosterResult, previous: (path: string) => string | undefined): Map<string, string> {
  const files = new Map<string, string>();
  const used = new Set<string>();
  for (const a of result.agents) {
    let name = safeFileName(a.id);
    while (used.has(name)) name += '_';
    used.add(name);
    const path = join('ics', `${name}.ics`);
    files.set(path, agentIcs(result, a.id, previous(path)));
  }
  return files;
}

/** Reads a file of an existing output folder, or undefined (no folder yet, no such file). */
export function previousIcsIn(dir: string): (path: string) => string | undefined {
  return (path) => {
    const file = join(dir, path);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
}
