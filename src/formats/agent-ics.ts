/**
 * One agent's roster as an iCalendar file (RFC 5545) for `wfm roster --out` and `wfm plan`, text
 * in and out. As the store's feed (src/store/calendar.ts): each shift's UID comes from its identity
 * (agent, local date, template, the agent's n-th such shift that day), so it stays the same when
 * the shift moves; SEQUENCE goes up when an event changes against the previous file of the same
 * folder, and a shift the new roster drops is written once more with STATUS:CANCELLED, so a
 * calendar that imported the old file updates instead of doubling.
 */
import { createHash } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { localClock, shiftName, shiftSummary } from './shift-names.js';
import type { RosterDay, RosterResult } from '../scheduler/roster/result-types.js';

/** An event of an earlier file, as `readIcsEvents` finds it. */
export interface PreviousIcsEvent {
  uid: string;
  sequence: number;
  fingerprint: string;
  cancelled: boolean;
  startMs: number;
  endMs: number;
  summary: string;
}

interface EventDraft {
  uid: string;
  startMs: number;
  endMs: number;
  summary: string;
  description: string;
}

const FINGERPRINT = 'X-WFM-FINGERPRINT';

/**
 * The agent's calendar: one event per shift (breaks and retraining in its text) and one per
 * retraining or coaching session. `previous` is the text of the file this one replaces, if any.
 */
export function agentIcs(result: RosterResult, agentId: string, previous?: string): string {
  const cal = ical({
    name: `Roster ${agentId}`,
    prodId: { company: 'wfm-engine', product: 'roster' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const stamp = new Date(Date.parse(result.grid.start));
  const old = new Map((previous ? readIcsEvents(previous) : []).map((e) => [e.uid, e]));
  const drafts = agentEvents(result, agentId);
  const now = new Set(drafts.map((d) => d.uid));
  for (const d of drafts) {
    const fingerprint = fingerprintOf(d);
    const before = old.get(d.uid);
    const sequence = !before
      ? 0
      : before.fingerprint === fingerprint && !before.cancelled
        ? before.sequence
        : before.sequence + 1;
    cal.createEvent({
      id: d.uid,
      sequence,
      stamp,
      start: new Date(d.startMs),
      end: new Date(d.endMs),
      summary: d.summary,
      description: d.description,
      x: [{ key: FINGERPRINT, value: fingerprint }],
    });
  }
  for (const e of old.values()) {
    if (now.has(e.uid)) continue;
    cal.createEvent({
      id: e.uid,
      sequence: e.cancelled ? e.sequence : e.sequence + 1,
      status: ICalEventStatus.CANCELLED,
      stamp,
      start: new Date(e.startMs),
      end: new Date(e.endMs),
      summary: e.summary,
      x: [{ key: FINGERPRINT, value: 'cancelled' }],
    });
  }
  return cal.toString();
}

/** The events of one agent, in time order, with their identities. */
function agentEvents(result: RosterResult, agentId: string): EventDraft[] {
  const zone = result.grid.timeZone;
  const agent = result.agents.find((x) => x.id === agentId);
  const seen = new Map<string, number>();
  const nth = (key: string): string => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${key}/${n}`;
  };
  const out: EventDraft[] = [];
  for (const d of [...(agent?.days ?? [])].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    out.push({
      uid: uidOf(nth(`${agentId}/${d.date}/shift/${d.template}`)),
      startMs: Date.parse(d.start),
      endMs: Date.parse(d.end),
      summary: shiftSummary(d, zone, result.templateNames),
      description: shiftDescription(d, zone, result.templateNames),
    });
    for (const r of d.retraining) {
      out.push({
        uid: uidOf(nth(`${agentId}/${d.date}/session/${r.pool}`)),
        startMs: Date.parse(r.start),
        endMs: Date.parse(r.end),
        summary: `${r.kind === 'retraining' ? 'Retraining' : 'Coaching'}: ${r.pool}`,
        description: `Off the phones for ${r.pool}, ${clock(r.start, zone)}-${clock(r.end, zone)}`,
      });
    }
  }
  return out;
}

function shiftDescription(d: RosterDay, zone: string, names: RosterResult['templateNames']): string {
  return [
    `Paid hours: ${d.paidHours}`,
    `Shift: ${shiftName(d.template, d.start, zone, names)} (template ${d.template})`,
    ...d.breaks.map((b) => `${b.name}${b.paid ? '' : ' (unpaid)'}: ${clock(b.start, zone)}-${clock(b.end, zone)}`),
    ...d.retraining.map((r) => `${r.kind} (${r.pool}): ${clock(r.start, zone)}-${clock(r.end, zone)}`),
  ].join('\n');
}

const clock = localClock;

function uidOf(key: string): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@wfm-engine`;
}

function fingerprintOf(d: EventDraft): string {
  const text = `${d.startMs}\n${d.endMs}\n${d.summary}\n${d.description}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * The events of an iCalendar file this module wrote (unfolded lines; UID, SEQUENCE, DTSTART and
 * DTEND in UTC, SUMMARY, STATUS and the fingerprint). Events it cannot read are skipped: the new
 * file then starts them again at SEQUENCE 0, as a first publication would.
 */
export function readIcsEvents(text: string): PreviousIcsEvent[] {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const out: PreviousIcsEvent[] = [];
  let fields: Map<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') fields = new Map();
    else if (line === 'END:VEVENT' && fields) {
      const event = eventOf(fields);
      if (event) out.push(event);
      fields = null;
    } else if (fields) {
      const colon = line.indexOf(':');
      if (colon > 0) fields.set(line.slice(0, colon).split(';')[0] as string, line.slice(colon + 1));
    }
  }
  return out;
}

function eventOf(fields: Map<string, string>): PreviousIcsEvent | null {
  const uid = fields.get('UID');
  const startMs = utcMs(fields.get('DTSTART'));
  const endMs = utcMs(fields.get('DTEND'));
  const sequence = Number(fields.get('SEQUENCE') ?? '0');
  if (!uid || startMs === null || endMs === null || !Number.isInteger(sequence)) return null;
  return {
    uid,
    sequence,
    fingerprint: fields.get(FINGERPRINT) ?? '',
    cancelled: fields.get('STATUS') === 'CANCELLED',
    startMs,
    endMs,
    summary: (fields.get('SUMMARY') ?? '').replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, '\n'),
  };
}

/** `20260601T080000Z` as ms, or null. */
function utcMs(value: string | undefined): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}
