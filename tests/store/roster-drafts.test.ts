import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editRosterDraft,
  loadDraft,
  publishRoster,
  saveRosterDraft,
  type SaveRosterDraftInput,
} from '../../src/app/roster-drafts/store-drafts.js';
import { parseRosterEditRequest } from '../../src/contracts/roster-edits.js';
import { createCentre, createDraft, diffVersions, listAudit, type Store } from '../../src/store/index.js';
import { engines, testClock, type TestStore } from './engines.js';
import { uniqueCode } from './fixtures.js';
import { demoDraftInput } from './roster-fixture.js';

let input: SaveRosterDraftInput;
beforeAll(async () => {
  input = await demoDraftInput(20);
}, 120_000);

describe.each(engines)('roster drafts and hand edits on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
  });
  afterAll(async () => t?.dispose());

  async function newDraft() {
    const centre = await createCentre(
      store,
      { code: uniqueCode('demo'), name: 'Demo', timeZone: input.result.grid.timeZone },
      { actor: 'maria' },
    );
    return saveRosterDraft(store, centre.code, input, { actor: 'maria' });
  }

  it('saves a roster run as a draft with the checker verdict, coverage and SL', async () => {
    const saved = await newDraft();
    expect(saved.version).toMatchObject({ kind: 'roster', version: 1, status: 'draft' });
    const { document } = await loadDraft(store, saved.version.id);
    expect(document.agents.length).toBe(20);
    expect(document.slots.onPhone.length).toBe(input.result.grid.slotCount);
    // The roster's own numbers, recomputed by the shared coverage function on the stored shifts.
    expect(saved.verdict.underAgentIntervals).toBe(input.result.quality.rosterUnderAgentIntervals);
    expect(saved.verdict.serviceLevel?.volumeWeighted).toBeCloseTo(
      input.result.quality.serviceLevel?.volumeWeighted ?? NaN,
      9,
    );
  });

  it('moves a shift by an hour: coverage follows, breaks move with it, audited', async () => {
    const saved = await newDraft();
    const { document } = await loadDraft(store, saved.version.id);
    // Some moves take coverage below the requirement while others are pulled into retraining
    // (checkPulls' pullBelowRequirement): try shifts until one is accepted without force.
    let done: { agent: string; date: string; before: (typeof document.agents)[0]['shifts'][0] } | undefined;
    for (const a of document.agents) {
      for (const shift of a.shifts) {
        if (done) break;
        const later = new Date(Date.parse(shift.start) + 3_600_000).toISOString();
        const request = parseRosterEditRequest({
          edits: [{ op: 'move-shift', agent: a.id, date: shift.date, start: later }],
        });
        try {
          const edited = await editRosterDraft(store, saved.version.id, request, { actor: 'maria' });
          expect(edited.overridden).toBe(false);
          done = { agent: a.id, date: shift.date, before: shift };
        } catch (error) {
          expect(error).toMatchObject({ code: 'WFM_ERR_SCHEDULER_EDIT_RULE' });
        }
      }
    }
    expect(done).toBeDefined();
    const after = await loadDraft(store, saved.version.id);
    const moved = after.document.agents.find((a) => a.id === done!.agent)!.shifts.find((s) => s.date === done!.date)!;
    expect(Date.parse(moved.start) - Date.parse(done!.before.start)).toBe(3_600_000);
    for (const [i, b] of moved.breaks.entries())
      expect(Date.parse(b.start) - Date.parse(done!.before.breaks[i]!.start)).toBe(3_600_000);
    const audit = await listAudit(store, { entityId: saved.version.id });
    expect(audit[0]).toMatchObject({ action: 'edit' });
    // The edit rewrote only the touched agent's shift rows: they match a full save of the document.
    const full = await createDraft(
      store,
      saved.version.centreId,
      { kind: 'roster', series: 'check', document: after.document as unknown as Record<string, unknown> },
      { actor: 't' },
    );
    const diff = await diffVersions(store, saved.version.id, full.id);
    expect(diff.totals).toMatchObject({ added: 0, removed: 0, moved: 0, changed: 0 });
  });

  it('refuses an edit that breaks a hard rule, naming it; keeps it as an override when forced', async () => {
    const saved = await newDraft();
    const { document } = await loadDraft(store, saved.version.id);
    const agent = document.agents.find((a) => a.shifts.length >= 2)!;
    const [first, second] = agent.shifts as [(typeof agent.shifts)[0], (typeof agent.shifts)[0]];
    // Second shift starting one hour after the first ends: under the 11 h minimum rest.
    const tooSoon = new Date(Date.parse(first.end) + 3_600_000).toISOString();
    const request = { edits: [{ op: 'move-shift', agent: agent.id, date: second.date, start: tooSoon }] };
    await expect(
      editRosterDraft(store, saved.version.id, parseRosterEditRequest(request), { actor: 'maria' }),
    ).rejects.toMatchObject({
      code: 'WFM_ERR_SCHEDULER_EDIT_RULE',
      message: expect.stringMatching(/minRest|twoShiftsOneDay/),
    });
    const forced = await editRosterDraft(
      store,
      saved.version.id,
      parseRosterEditRequest({ ...request, force: true, reason: 'agent asked to swap' }),
      { actor: 'maria' },
    );
    expect(forced.overridden).toBe(true);
    expect(forced.added.length).toBeGreaterThan(0);
    // The kept override makes the draft fall short, and its verdict says which rule, in words.
    expect(forced.verdict.met).toBe(false);
    expect(forced.verdict.line).toMatch(/^falls short: hard rules broken: (rest between shifts|two shifts on one day)/);
    const after = await loadDraft(store, saved.version.id);
    expect(after.document.overrides[0]).toMatchObject({ by: 'maria', reason: 'agent asked to swap' });
    const audit = await listAudit(store, { entityId: saved.version.id });
    expect(JSON.stringify(audit[0]?.after)).toContain('agent asked to swap');
  });

  it('removes and adds a shift, then publishes', async () => {
    const saved = await newDraft();
    const { document } = await loadDraft(store, saved.version.id);
    const agent = document.agents.find((a) => a.shifts.length >= 1)!;
    const shift = agent.shifts[0]!;
    const removed = await editRosterDraft(
      store,
      saved.version.id,
      parseRosterEditRequest({
        edits: [{ op: 'remove-shift', agent: agent.id, date: shift.date }],
        force: true,
        reason: 'sick',
      }),
      { actor: 'maria' },
    );
    expect(removed.verdict.underAgentIntervals).toBeGreaterThanOrEqual(saved.verdict.underAgentIntervals);
    await editRosterDraft(
      store,
      saved.version.id,
      parseRosterEditRequest({
        edits: [
          {
            op: 'add-shift',
            agent: agent.id,
            start: shift.start,
            end: shift.end,
            template: shift.template,
            breaks: shift.breaks.map(({ name, paid, start, end }) => ({ name, paid, start, end })),
          },
        ],
        force: true,
        reason: 'back',
      }),
      { actor: 'maria' },
    );
    const published = await publishRoster(store, saved.version.id, { actor: 'maria' });
    expect(published.version.status).toBe('published');
    expect(published.calendar.created).toBeGreaterThan(0);
  });
});
