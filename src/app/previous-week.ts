/** Which of several rosters is the previous week of a horizon (no store: the plan run uses it too). */
import { DateTime } from 'luxon';
import type { ParsedPrevious } from '../contracts/previous-roster.js';

/**
 * The candidate ending latest before the horizon's first local day, in the plan's zone (the
 * first such in the list on a tie: the most recently published). Undefined when none does.
 */
export function pickPreviousWeek<T extends ParsedPrevious>(
  candidates: readonly T[],
  grid: { start: string; timeZone: string },
): T | undefined {
  const first = DateTime.fromISO(grid.start, { zone: grid.timeZone }).toISODate() ?? '';
  let best: T | undefined;
  for (const c of candidates) {
    if (c.timeZone !== undefined && c.timeZone !== grid.timeZone) continue;
    if (c.previous.lastDate >= first) continue;
    if (!best || c.previous.lastDate > best.previous.lastDate) best = c;
  }
  return best;
}
