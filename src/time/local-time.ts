import { DateTime, Info, type Zone } from 'luxon';
import { WfmError } from '../errors.js';
import { isoWeekdayOfName, WEEKDAY_NAMES } from './weekdays.js';

const DAY_MS = 86_400_000;

/** Weekday names, index 0 = Monday (ISO order): the names of time/weekdays.ts. */
export const WEEKDAYS = WEEKDAY_NAMES;

/**
 * Local wall-clock arithmetic for one zone, with the zone offset cached per UTC day so that
 * mapping 35,000 instants costs a few hundred luxon calls, not 35,000.
 *
 * A local "epoch day" is the number of days from 1970-01-01 to the local calendar date.
 */
/** How to write a time zone, for messages. */
export const ZONE_FIX = 'write an IANA zone name such as Europe/Paris, America/New_York or UTC.';

export class LocalClock {
  readonly name: string;
  private readonly zone: Zone;
  private readonly cache = new Map<number, number>();
  private readonly transitionDays = new Set<number>();

  constructor(name: string) {
    const zone = Info.normalizeZone(name);
    if (!zone?.isValid) {
      throw new WfmError('WFM_ERR_INPUT_TIME', `timeZone: unknown time zone "${name}": ${ZONE_FIX}`, {
        issues: [{ path: ['timeZone'], message: `unknown time zone "${name}"` }],
      });
    }
    this.zone = zone;
    this.name = name;
  }

  /** Zone offset at the instant, minutes (positive east of UTC). */
  offsetMinutes(ms: number): number {
    if (this.zone.isUniversal) return this.zone.offset(ms);
    // Offsets are cached per UTC day; a day that contains a transition is looked up per call.
    const day = Math.floor(ms / DAY_MS);
    const cached = this.cache.get(day);
    if (cached !== undefined) return cached;
    const offset = this.zone.offset(ms);
    if (!this.transitionDays.has(day)) {
      if (
        this.zone.offset(day * DAY_MS) === this.zone.offset(day * DAY_MS + DAY_MS - 1) &&
        offset === this.zone.offset(day * DAY_MS)
      ) {
        this.cache.set(day, offset);
      } else this.transitionDays.add(day);
    }
    return offset;
  }

  /** Local epoch day and minute of the local day of an instant. */
  toLocal(ms: number): { epochDay: number; minuteOfDay: number } {
    const local = ms + this.offsetMinutes(ms) * 60_000;
    const epochDay = Math.floor(local / DAY_MS);
    return { epochDay, minuteOfDay: (local - epochDay * DAY_MS) / 60_000 };
  }

  /** The instant of local midnight starting `epochDay` (or the first instant of that day). */
  dayStartMs(epochDay: number): number {
    const d = new Date(epochDay * DAY_MS);
    const dt = DateTime.fromObject(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
      { zone: this.zone },
    );
    return dt.toMillis();
  }

  format(ms: number): string {
    return (
      DateTime.fromMillis(ms, { zone: this.zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString()
    );
  }
}

/** Weekday of a local epoch day, 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` to a local epoch day, or undefined when it is not a real date. */
export function epochDayOfDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

/** A local epoch day as `YYYY-MM-DD`. */
export function dateOfEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** Parses a weekday name (`Mon`, `monday`, `Sunday`) to its array index, 0 = Monday ... 6 = Sunday. */
export function parseWeekday(text: string): number | undefined {
  const iso = isoWeekdayOfName(text);
  return iso === undefined ? undefined : iso - 1;
}
