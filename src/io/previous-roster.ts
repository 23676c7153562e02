import { parsePreviousRoster, type ParsedPrevious } from '../contracts/previous-roster.js';
import { parsePreviousRosterCsv } from '../formats/previous-roster-csv.js';
import { looksLikeJson, parseJsonText, readInputFile } from './files.js';

/**
 * Reads a previous roster file: the roster.json or the roster-agent-days.csv that `wfm roster` /
 * `wfm plan` wrote (or a store draft document). `what` names it in messages (`--previous`).
 */
export function readPreviousRoster(path: string, what: string): ParsedPrevious {
  const text = readInputFile(path, what);
  return looksLikeJson(path, text)
    ? parsePreviousRoster(parseJsonText(text, `${what} ${path}`), `${what} ${path}`)
    : parsePreviousRosterCsv(text, `${what} ${path}`);
}
