import { join } from 'node:path';

import { writeFolderAtomic } from './files.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import { agentDayCsv, agentIcs, safeFileName } from '../formats/roster-output.js';

/**
 * Writes roster.json, roster-agent-days.csv and ics/<agent>.ics into `dir` all at once
 * (`writeFolderAtomic`): a failure leaves no half-written folder.
 */
export function writeRosterDir(dir: string, result: RosterResult): void {
  const files = new Map<string, string>([
    ['roster.json', `${JSON.stringify(result, null, 2)}\n`],
    ['roster-agent-days.csv', agentDayCsv(result)],
  ]);
  const used = new Set<string>();
  for (const a of result.agents) {
    let name = safeFileName(a.id);
    while (used.has(name)) name += '_';
    used.add(name);
    files.set(join('ics', `${name}.ics`), agentIcs(result, a.id));
  }
  writeFolderAtomic(dir, files);
}
