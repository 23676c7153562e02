/**
 * The next week's roster reads the centre's last published roster as its previous week when none
 * is given (docs/store.md, "The previous week"): among the current published versions of the most
 * recently published series, the one ending latest before the horizon's first day.
 */
import { isWfmError } from '../../errors.js';
import { parsePreviousRoster, type ParsedPrevious } from '../../contracts/previous-roster.js';
import type { PreviousRoster } from '../../scheduler/roster/types.js';
import { publishedRosters, type Store } from '../../store/index.js';
import { pickPreviousWeek } from '../previous-week.js';

/** A published roster read as a previous week, with the version it came from. */
export interface PublishedPrevious extends ParsedPrevious {
  versionId: string;
  series: string;
  version: number;
}

/** The centre's current published rosters (newest published first) that read as a previous week. */
export async function publishedPreviousWeeks(store: Store, centreId: string): Promise<PublishedPrevious[]> {
  const out: PublishedPrevious[] = [];
  for (const { version, document } of await publishedRosters(store, centreId)) {
    try {
      const parsed = parsePreviousRoster(document, `published roster ${version.series} v${version.version}`);
      out.push({ ...parsed, versionId: version.id, series: version.series, version: version.version });
    } catch (error) {
      // a stored document without dates and paid hours (not written by the roster) cannot be one
      if (!isWfmError(error)) throw error;
    }
  }
  return out;
}

/** The previous week for a horizon from the centre's published rosters, or undefined. */
export async function previousWeekFromStore(
  store: Store,
  centreId: string,
  grid: { start: string; timeZone: string },
): Promise<{ previous: PreviousRoster; from: string } | undefined> {
  const picked = pickPreviousWeek(await publishedPreviousWeeks(store, centreId), grid);
  return picked ? { previous: picked.previous, from: `${picked.series} v${picked.version}` } : undefined;
}
