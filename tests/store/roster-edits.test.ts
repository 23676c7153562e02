import { beforeAll, describe, expect, it } from 'vitest';
import type { RosterDraftDocument } from '../../src/app/roster-drafts/document.js';
import { draftFromRoster, rosterViewOfDraft } from '../../src/app/roster-drafts/document.js';
import { applyEdits } from '../../src/app/roster-drafts/edits.js';
import { checkDraft, parseDraftInputs } from '../../src/app/roster-drafts/recheck.js';
import { parseRosterEditRequest, type RosterEditRequestInput } from '../../src/contracts/roster-edits.js';
import { demoDraftInput, type DemoDraft } from './roster-fixture.js';

// Pure: the edit kinds on a demo roster's draft document, no store.
let input: DemoDraft;
let doc: RosterDraftDocument;
beforeAll(async () => {
  input = await demoDraftInput(20);
  doc = draftFromRoster(input.result, input);
}, 120_000);

const HOUR = 3_600_000;
const apply = (edits: RosterEditRequestInput['edits']) => applyEdits(doc, parseRosterEditRequest({ edits }).edits);
const ms = (iso: string) => Date.parse(iso);

describe('hand edits of a roster draft document', () => {
  it("keeps the roster's template display names, for the page and the calendars of the draft", () => {
    const named = draftFromRoster({ ...input.result, templateNames: { ft8: 'Opening team' } }, input);
    expect(named.templateNames).toEqual({ ft8: 'Opening team' });
    expect(rosterViewOfDraft(named, []).templateNames).toEqual({ ft8: 'Opening team' });
    expect(doc.templateNames).toBeUndefined(); // the demo's templates have none
  });

  it('swaps two agents’ shifts on a day (one of them off that day: a transfer)', () => {
    const a = doc.agents.find((x) => x.shifts.length > 0)!;
    const s = a.shifts[0]!;
    const b = doc.agents.find((x) => x.id !== a.id && !x.shifts.some((y) => y.date === s.date))!;
    const { document, touched } = apply([{ op: 'swap-shifts', agents: [a.id, b.id], date: s.date }]);
    expect([...touched].sort()).toEqual([a.id, b.id].sort());
    expect(document.agents.find((x) => x.id === a.id)!.shifts.some((y) => y.date === s.date)).toBe(false);
    expect(document.agents.find((x) => x.id === b.id)!.shifts.find((y) => y.date === s.date)).toEqual(s);
    expect(doc.agents.find((x) => x.id === a.id)!.shifts[0]).toEqual(s); // the input is not changed
  });

  it('moves, adds and removes breaks, keeping paid hours right for unpaid ones', () => {
    const a = doc.agents.find((x) => x.shifts.some((s) => s.breaks.some((b) => !b.paid)))!;
    const s = a.shifts.find((y) => y.breaks.some((b) => !b.paid))!;
    const k = s.breaks.findIndex((b) => !b.paid);
    const b = s.breaks[k]!;
    const lengthH = (ms(b.end) - ms(b.start)) / HOUR;
    const moved = apply([
      { op: 'move-break', agent: a.id, date: s.date, index: k, start: new Date(ms(b.start) + HOUR / 4).toISOString() },
    ]);
    const m = moved.document.agents.find((x) => x.id === a.id)!.shifts.find((y) => y.date === s.date)!;
    expect(ms(m.breaks.find((x) => x.name === b.name)!.start) - ms(b.start)).toBe(HOUR / 4);
    expect(m.paidHours).toBe(s.paidHours);
    const removed = apply([{ op: 'remove-break', agent: a.id, date: s.date, index: k }]);
    const r = removed.document.agents.find((x) => x.id === a.id)!.shifts.find((y) => y.date === s.date)!;
    expect(r.paidHours).toBeCloseTo(s.paidHours + lengthH, 9);
    const added = apply([
      {
        op: 'add-break',
        agent: a.id,
        date: s.date,
        name: 'extra',
        paid: false,
        start: s.start,
        end: new Date(ms(s.start) + HOUR / 4).toISOString(),
      },
    ]);
    const d = added.document.agents.find((x) => x.id === a.id)!.shifts.find((y) => y.date === s.date)!;
    expect(d.paidHours).toBeCloseTo(s.paidHours - 0.25, 9);
    expect(d.breaks[0]!.name).toBe('extra'); // kept in time order
  });

  it('adds a retraining session (a new session with its seats) and removes it; the pull checker sees it', () => {
    const inputs = parseDraftInputs(doc);
    const a = doc.agents.find((x) => x.shifts.length > 0)!;
    const s = a.shifts[0]!;
    const start = new Date(ms(s.start) + HOUR).toISOString();
    const end = new Date(ms(s.start) + 2 * HOUR).toISOString();
    const { document } = apply([
      { op: 'add-session', agent: a.id, date: s.date, pool: 'hand', kind: 'coaching', start, end, seats: 1 },
    ]);
    const shift = document.agents.find((x) => x.id === a.id)!.shifts[0]!;
    expect(shift.activities.some((x) => x.pool === 'hand' && x.hours === 1)).toBe(true);
    expect(document.sessions.some((x) => x.pool === 'hand' && x.seats === 1)).toBe(true);
    const before = checkDraft(doc, inputs);
    const after = checkDraft(document, inputs);
    // One agent off the phones for an hour: on-phone coverage drops by one in those slots.
    const slot = before.coverage.findIndex((c) => ms(c.start) === ms(start));
    expect(after.coverage[slot]!.onPhone).toBe(before.coverage[slot]!.onPhone - 1);
    const index = shift.activities.findIndex((x) => x.pool === 'hand');
    const back = applyEdits(
      document,
      parseRosterEditRequest({ edits: [{ op: 'remove-session', agent: a.id, date: s.date, index }] }).edits,
    );
    expect(checkDraft(back.document, inputs).coverage[slot]!.onPhone).toBe(before.coverage[slot]!.onPhone);
  });

  it('names the missing target: an unknown agent, a day off, a break index', () => {
    const a = doc.agents.find((x) => x.shifts.length > 0)!;
    expect(() => apply([{ op: 'remove-shift', agent: 'nobody', date: '2026-06-01' }])).toThrow(/no agent "nobody"/);
    expect(() => apply([{ op: 'remove-shift', agent: a.id, date: '1999-01-01' }])).toThrow(
      /has no shift on 1999-01-01/,
    );
    try {
      apply([{ op: 'remove-break', agent: a.id, date: a.shifts[0]!.date, index: 99 }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'WFM_ERR_SCHEDULER_EDIT_TARGET', issues: [{ path: ['edits', 0, 'index'] }] });
    }
  });

  it('refuses force without a reason at the boundary', () => {
    expect(() =>
      parseRosterEditRequest({ edits: [{ op: 'remove-shift', agent: 'a', date: '2026-06-01' }], force: true }),
    ).toThrow(/reason/);
  });
});
