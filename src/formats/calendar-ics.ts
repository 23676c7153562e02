/**
 * An agent's published shifts as an iCalendar feed (RFC 5545), text out, no I/O. Each shift is one
 * VEVENT whose UID stays the same across re-publishing, whose SEQUENCE goes up when the shift moves
 * or changes, and which is sent with STATUS:CANCELLED once a later version drops it (the store
 * keeps that identity: src/store/calendar.ts). Times are written in UTC, so no VTIMEZONE is needed;
 * calendars show them in the reader's zone.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { AgentCalendar } from '../app/roster-drafts/calendar-feed.js';
import { shiftSummary } from './shift-names.js';

/** The breaks stored with a shift that are unpaid (a lunch), for the title. */
function unpaidBreaks(breaks: unknown[]): { name: string; paid: boolean; start: string }[] {
  return (breaks as { start?: string; name?: string; paid?: boolean }[]).flatMap((b) =>
    b.paid === false && typeof b.start === 'string' ? [{ name: b.name ?? 'break', paid: false, start: b.start }] : [],
  );
}

export function calendarIcs(calendar: AgentCalendar, options: { name?: string } = {}): string {
  const cal = ical({
    name: options.name ?? `Shifts of ${calendar.agentId}`,
    prodId: { company: 'wfm-engine', product: 'roster', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const e of calendar.events) {
    const breaks = (e.breaks as { start?: string; end?: string; name?: string }[])
      .map((b) => `${b.name ?? 'break'} ${b.start ?? ''} - ${b.end ?? ''}`)
      .join('\n');
    cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      start: new Date(e.start),
      end: new Date(e.end),
      stamp: e.updatedAt,
      lastModified: e.updatedAt,
      summary: shiftSummary({ ...e, breaks: unpaidBreaks(e.breaks) }, calendar.timeZone, undefined),
      description: breaks === '' ? `Roster ${e.series}` : `Roster ${e.series}\n${breaks}`,
    });
  }
  return cal.toString();
}
