/**
 * The names people read for shifts: a template's display name (`displayName` in the shift-plan
 * rules), else one derived from the shift's local start ("Night shift" before 05:00, "Early shift"
 * before 10:00, "Day shift" before 12:00, "Late shift" before 18:00, else "Night shift"). Machine
 * files keep the template id.
 */
import { formatInstant } from '../time/instant.js';

/** Local `HH:mm` of an instant in `zone`. */
export function localClock(iso: string, zone: string): string {
  return formatInstant(Date.parse(iso), zone).slice(11, 16);
}

/** The shift's display name: the template's, else derived from its local start time. */
export function shiftName(
  template: string,
  startIso: string,
  zone: string,
  names: Readonly<Record<string, string>> | undefined,
): string {
  const own = names?.[template];
  if (own !== undefined) return own;
  const hour = Number(localClock(startIso, zone).slice(0, 2));
  const part = hour < 5 ? 'Night' : hour < 10 ? 'Early' : hour < 12 ? 'Day' : hour < 18 ? 'Late' : 'Night';
  return `${part} shift`;
}

/**
 * A shift as a calendar title: `Early shift 08:00-16:30, lunch 12:00` (the display name, local
 * times, and each unpaid break's start).
 */
export function shiftSummary(
  day: {
    template: string;
    start: string;
    end: string;
    breaks: readonly { name: string; paid: boolean; start: string }[];
  },
  zone: string,
  names: Readonly<Record<string, string>> | undefined,
): string {
  const unpaid = day.breaks.filter((b) => !b.paid).map((b) => `, ${b.name} ${localClock(b.start, zone)}`);
  return `${shiftName(day.template, day.start, zone, names)} ${localClock(day.start, zone)}-${localClock(day.end, zone)}${unpaid.join('')}`;
}
