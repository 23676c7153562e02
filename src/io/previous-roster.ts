import { parsePreviousRoster, type ParsedPrevious } from '../contracts/previous-roster.js';
import { parsePreviousRosterCsv } from '../formats/previous-roster-csv.js';
import { looksLikeJson, parseJsonText } from './files.js';
import { readInput } from './input-file.js';

/**
 * Reads a previous roster file: the roster.json or the roster-agent-days.csv that `wfm roster` /
 * `wfm plan` wrote (or a store draft document). `what` names it in messages (`--previous`).
 */
export function readPreviousRoster(path: string, what: string): ParsedPrevious {
  return readInput(path, what, (text) =>
    looksLikeJson(path, text)
      ? parsePreviousRoster(parseJsonText(text, path), 'previous roster')
      : parsePreviousRosterCsv(text, 'previous roster'),
  );
}
