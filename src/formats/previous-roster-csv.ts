/**
 * The agent-days CSV (`roster-agent-days.csv`, written by `agentDayCsv`) read back as a previous
 * roster: one row per agent and day, worked (`status` work, with start, end and paid hours) or
 * off. Its first and last dates are the rows' first and last. Messages name the CSV line.
 */
import { WfmError } from '../errors.js';
import { parsePreviousRoster, type ParsedPrevious } from '../contracts/previous-roster.js';
import type { PreviousShift } from '../scheduler/roster/types.js';
import { csvNumber, parseCsv } from './csv.js';
import { AGENT_DAY_COLUMNS } from './roster-output.js';

const REQUIRED = ['agent_id', 'date', 'status', 'start', 'end', 'paid_hours'] as const;

/** Reads the agent-days CSV into a previous roster (validated like its JSON forms). */
export function parsePreviousRosterCsv(text: string, what = 'previous roster'): ParsedPrevious {
  const { rows } = parseCsv(text, {
    required: REQUIRED,
    optional: AGENT_DAY_COLUMNS.filter((c) => !(REQUIRED as readonly string[]).includes(c)),
    what,
  });
  if (rows.length === 0) throw new WfmError('WFM_ERR_INPUT_CSV', `The ${what} CSV has no rows.`);
  const agents = new Map<string, PreviousShift[]>();
  let firstDate = '';
  let lastDate = '';
  for (const row of rows) {
    const c = row.cells;
    const where = `${what} (line ${row.line})`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.date ?? ''))
      throw new WfmError('WFM_ERR_INPUT_CSV', `${where}: date "${c.date}" is not YYYY-MM-DD.`);
    const shifts = agents.get(c.agent_id!) ?? [];
    agents.set(c.agent_id!, shifts);
    if (firstDate === '' || c.date! < firstDate) firstDate = c.date!;
    if (c.date! > lastDate) lastDate = c.date!;
    if (c.status === 'off') continue;
    if (c.status !== 'work')
      throw new WfmError('WFM_ERR_INPUT_CSV', `${where}: status "${c.status}" is neither work nor off.`);
    shifts.push({
      date: c.date!,
      start: c.start!,
      end: c.end!,
      paidHours: csvNumber(row, 'paid_hours', what)!,
      template: c.template ?? '',
    });
  }
  return parsePreviousRoster(
    { firstDate, lastDate, agents: [...agents].map(([id, shifts]) => ({ id, shifts })) },
    `${what} (CSV)`,
  );
}
