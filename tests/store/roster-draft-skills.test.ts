import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editRosterDraft,
  loadDraft,
  saveRosterDraft,
  type SaveRosterDraftInput,
} from '../../src/app/roster-drafts/store-drafts.js';
import { parseRosterEditRequest } from '../../src/contracts/roster-edits.js';
import { agentShifts, createCentre, type Store } from '../../src/store/index.js';
import { engines, testClock, type TestStore } from './engines.js';
import { uniqueCode } from './fixtures.js';
import { demoDraftInput } from './roster-fixture.js';

/**
 * A multi-skill roster saved as a draft (docs/store.md, "Rosters in the store"): each shift keeps the
 * skills its plan made it for, in the document and in the shift rows, so the re-check after a hand
 * edit refuses an agent without the skill on that shift (rule `skill`, src/scheduler/rules-check).
 */
let input: SaveRosterDraftInput;
let vip: { agent: string; other: string; date: string };
beforeAll(async () => {
  const demo = await demoDraftInput(20);
  // Two agents of the demo working the same template on a day, as close in time as any: the first's
  // shift that day is planned for the VIP queue and it holds VIP and standard; the second holds
  // standard only, so swapping their shifts that day breaks the skill rule.
  const pairs = demo.result.agents.flatMap((a) =>
    a.days.flatMap((day, k) =>
      demo.result.agents
        .filter((x) => x.id !== a.id && x.days.some((d) => d.date === day.date && d.template === day.template))
        .map((b) => ({
          a,
          b,
          day,
          k,
          gap: Math.abs(Date.parse(b.days.find((d) => d.date === day.date)!.start) - Date.parse(day.start)),
        })),
    ),
  );
  const { a, b, day, k } = pairs.sort((x, y) => x.gap - y.gap)[0]!;
  vip = { agent: a.id, other: b.id, date: day.date };
  const result = structuredClone(demo.result);
  result.agents.find((x) => x.id === a.id)!.days[k]!.skills = ['VIP'];
  const agents = (demo.agents as { id: string; skills?: string[] }[]).map((x) =>
    x.id === a.id ? { ...x, skills: ['VIP', 'standard'] } : x.id === b.id ? { ...x, skills: ['standard'] } : x,
  );
  input = { ...demo, result, agents: agents as SaveRosterDraftInput['agents'] };
}, 120_000);

describe.each(engines)('a multi-skill roster draft on $name', (engine) => {
  const clock = testClock();
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await engine.open({ now: clock.now });
    store = t.store;
  });
  afterAll(async () => t?.dispose());

  it("keeps each shift's skills and refuses an edit putting an agent without the skill on it, naming the rule", async () => {
    const centre = await createCentre(
      store,
      { code: uniqueCode('skills'), name: 'Skills', timeZone: input.result.grid.timeZone },
      { actor: 'maria' },
    );
    const saved = await saveRosterDraft(store, centre.code, input, { actor: 'maria' });
    expect(saved.verdict.hardViolations.filter((v) => v.rule === 'skill')).toEqual([]);
    const { document } = await loadDraft(store, saved.version.id);
    const shift = document.agents.find((a) => a.id === vip.agent)!.shifts.find((s) => s.date === vip.date)!;
    expect(shift.skills).toEqual(['VIP']);
    const rows = await agentShifts(store, centre.id, vip.agent, {
      from: new Date(Date.parse(shift.start) - 1),
      to: new Date(Date.parse(shift.end) + 1),
      versionId: saved.version.id,
    });
    expect(rows.map((r) => r.skills)).toEqual([['VIP']]);
    const edit = parseRosterEditRequest({
      edits: [{ op: 'swap-shifts', agents: [vip.agent, vip.other], date: vip.date }],
    });
    const refused = await editRosterDraft(store, saved.version.id, edit, { actor: 'maria' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'WFM_ERR_SCHEDULER_EDIT_RULE' });
    expect((refused as Error).message).toContain(
      `The edit breaks hard rule "shift needing a skill the agent lacks" (skill) for agent ${vip.other}`,
    );
    expect((refused as Error).message).toContain('a skill the agent lacks');
    expect((refused as Error).message).toContain('VIP');
    // Forced with a reason, it is kept as an override naming the rule.
    const forced = await editRosterDraft(
      store,
      saved.version.id,
      parseRosterEditRequest({ ...edit, force: true, reason: 'VIP cover agreed with the team lead' }),
      { actor: 'maria' },
    );
    expect(forced.overridden).toBe(true);
    expect(forced.added.map((v) => v.rule)).toContain('skill');
  });
});
