/**
 * Shift templates carry an optional display name (issue 16, "Template display names"): the plan
 * keeps the ids for machines and passes the names on to what people read (the roster's calendar,
 * CSV and report; tests/formats/agent-ics.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseRosterPlan } from '../../../src/contracts/roster.js';
import { plan, requirement } from './helpers.js';

describe('template display names', () => {
  it('the plan lists the display names by template id; its shifts keep the id', async () => {
    const p = await plan(requirement([0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0]), {
      templates: [
        { name: 'e8', displayName: 'Early shift', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00' }] },
        { name: 'l8', paidMinutes: 480, starts: [{ from: '12:00', to: '12:00' }] },
      ],
    });
    expect(p.templateNames).toEqual({ e8: 'Early shift' });
    expect(p.shifts.every((s) => s.template === 'e8' || s.template === 'l8')).toBe(true);
    // `wfm roster --plan shift-plan.json` reads them back.
    expect(parseRosterPlan(JSON.parse(JSON.stringify(p))).plan.templateNames).toEqual({ e8: 'Early shift' });
  });

  it('a plan without display names has no templateNames', async () => {
    const p = await plan(requirement([2, 2, 2, 2, 2, 2, 2, 2]), {
      templates: [{ name: 'e8', paidMinutes: 480, starts: [{ from: '00:00', to: '00:00' }] }],
    });
    expect(p.templateNames).toBeUndefined();
  });
});
