import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agentIcs, readIcsEvents } from '../../src/formats/agent-ics.js';
import { calendarIcs } from '../../src/formats/calendar-ics.js';
import { writeRosterDir } from '../../src/io/roster-folder.js';
import { agentDayCsv } from '../../src/formats/roster-output.js';
import type { RosterDay, RosterResult } from '../../src/scheduler/roster/result-types.js';

/** A roster of one agent with the given days (only the fields the calendar reads). */
function rosterOf(days: RosterDay[]): RosterResult {
  return {
    grid: { start: '2026-06-01T08:00:00+02:00', intervalMinutes: 30, slotCount: 48, timeZone: 'Europe/Berlin' },
    agents: [{ id: 'A1', name: 'Ada', team: '', days } as unknown as RosterResult['agents'][number]],
    coverage: [],
  } as unknown as RosterResult;
}

function day(date: string, start: string, end: string): RosterDay {
  return {
    date,
    template: 'ft8',
    start: `${date}T${start}:00+02:00`,
    end: `${date}T${end}:00+02:00`,
    paidHours: 8,
    breaks: [],
    retraining: [],
    extra: false,
  };
}

const monday = day('2026-06-01', '08:00', '16:30');
const tuesday = day('2026-06-02', '08:00', '16:30');

describe('agent calendars (.ics) keep each shift as one event across re-planning', () => {
  it('gives a shift the same UID when it moves, and raises its SEQUENCE', () => {
    const first = readIcsEvents(agentIcs(rosterOf([monday, tuesday]), 'A1'));
    const movedText = agentIcs(
      rosterOf([day('2026-06-01', '09:00', '17:30'), tuesday]),
      'A1',
      agentIcs(rosterOf([monday, tuesday]), 'A1'),
    );
    const moved = readIcsEvents(movedText);
    expect(first.map((e) => e.sequence)).toEqual([0, 0]);
    expect(moved.map((e) => e.uid)).toEqual(first.map((e) => e.uid)); // same events, not new ones
    expect(moved.map((e) => e.sequence)).toEqual([1, 0]); // Monday moved, Tuesday did not
    expect(moved[0]?.startMs).toBe(Date.parse('2026-06-01T07:00:00Z')); // 09:00 in Berlin (UTC+2)
  });

  it('sends a dropped shift once more as cancelled', () => {
    const before = agentIcs(rosterOf([monday, tuesday]), 'A1');
    const after = agentIcs(rosterOf([monday]), 'A1', before);
    expect(after).toContain('STATUS:CANCELLED');
    const tuesdayUid = readIcsEvents(before)[1]?.uid;
    const cancelled = readIcsEvents(after).find((e) => e.uid === tuesdayUid);
    expect(cancelled).toMatchObject({ cancelled: true, sequence: 1 });
  });

  it('titles a shift with its local times, not the template key', () => {
    const text = agentIcs(rosterOf([monday]), 'A1');
    expect(text).toContain('SUMMARY:Early shift 08:00-16:30'); // named from its 08:00 start
    expect(text).not.toContain('SUMMARY:Shift ft8');
  });

  it("titles a shift with its template's display name and its lunch, as a person reads it", () => {
    const lunch = { name: 'lunch', paid: false, start: '2026-06-01T12:00:00+02:00', end: '2026-06-01T12:30:00+02:00' };
    const coffee = {
      name: 'break-1',
      paid: true,
      start: '2026-06-01T10:00:00+02:00',
      end: '2026-06-01T10:15:00+02:00',
    };
    const roster = { ...rosterOf([{ ...monday, breaks: [coffee, lunch] }]), templateNames: { ft8: 'Early shift' } };
    const text = agentIcs(roster, 'A1');
    expect(text).toContain('SUMMARY:Early shift 08:00-16:30\\, lunch 12:00'); // iCalendar escapes the comma
    expect(text).toContain('(template ft8)'); // the id stays in the description
    const csv = agentDayCsv(roster).split('\n');
    expect(csv[0]).toContain('template,shift_name');
    expect(csv[1]).toContain(',ft8,Early shift,'); // the id for machines, the name for people
  });

  it('derives a name from the start when the template has none', () => {
    const late = day('2026-06-01', '14:00', '22:30');
    expect(agentIcs(rosterOf([late]), 'A1')).toContain('SUMMARY:Late shift 14:00-22:30');
  });

  const dir = mkdtempSync(join(tmpdir(), 'wfm-ics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('wfm roster --out into the same folder again updates the events it wrote before', () => {
    const out = join(dir, 'roster');
    writeRosterDir(out, rosterOf([monday, tuesday]));
    writeRosterDir(out, rosterOf([day('2026-06-01', '10:00', '18:30'), tuesday]));
    const events = readIcsEvents(readFileSync(join(out, 'ics', 'A1.ics'), 'utf8'));
    expect(events.map((e) => e.sequence)).toEqual([1, 0]);
  });
});

describe("the store's calendar feed titles shifts as a person reads them", () => {
  it('names the shift from its local start, with its local times and the lunch, not "Shift ft8"', () => {
    const text = calendarIcs({
      centreId: 'c1',
      timeZone: 'Europe/Berlin',
      agentId: 'A1',
      events: [
        {
          uid: 'u1@wfm-engine',
          sequence: 0,
          status: 'confirmed',
          start: '2026-06-01T08:00:00+02:00',
          end: '2026-06-01T16:30:00+02:00',
          template: 'ft8',
          breaks: [
            { name: 'lunch', paid: false, start: '2026-06-01T12:00:00+02:00', end: '2026-06-01T12:30:00+02:00' },
          ],
          activities: [],
          series: '2026-W23',
          updatedAt: new Date('2026-05-25T09:00:00Z'),
        },
      ],
    });
    expect(text).toContain('SUMMARY:Early shift 08:00-16:30\\, lunch 12:00');
    expect(text).not.toContain('SUMMARY:Shift ft8');
  });
});
