import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { rosterPlan } from '../../../src/scheduler/roster/roster.js';
import { checkRoster } from '../../../src/scheduler/rules-check/index.js';
import { generateInstance } from './generate.js';
import { twoShiftPlan, oneAgent, restRules } from './fixtures.js';

const options = { seed: 3, timeLimitMs: Infinity, maxIterations: 100_000, now: () => 0 };

describe('DST weeks', () => {
  for (const [zone, week] of [
    ['Europe/Berlin', '2026-03-23'], // clocks go forward on Sunday 2026-03-29
    ['Europe/Berlin', '2026-10-19'], // clocks go back on Sunday 2026-10-25
    ['America/New_York', '2026-03-02'], // forward on Sunday 2026-03-08
  ] as const) {
    it(`keeps wall-clock shift times in ${zone}, week of ${week}`, () => {
      const g = generateInstance(11, { timeZone: zone, weekStart: week, agents: 6 });
      const r = rosterPlan(g.plan, g.agents, g.rules, options);
      const starts = new Set<string>();
      for (const a of r.agents) {
        for (const d of a.days) {
          const s = DateTime.fromISO(d.start, { zone });
          starts.add(s.toFormat('HH:mm'));
          expect(s.toISODate()).toBe(d.date);
        }
      }
      // the templates start at 07:00, 10:00 and 13:00 local on every day, DST or not
      for (const s of starts) expect(['07:00', '10:00', '13:00']).toContain(s);
      expect(checkRoster(r, g.agents, g.rules)).toEqual([]);
    });
  }

  it('measures rest in elapsed hours: a late Saturday then an early Sunday is 1 h shorter across spring-forward', () => {
    // 13:30-22:00 on Saturday, 07:30-16:00 on Sunday: 9.5 h on the wall clock. On 2026-03-29 in
    // Berlin the night loses an hour (computed by hand: 22:00 CET = 21:00Z, 07:30 CEST = 05:30Z,
    // 8.5 h), so a 9-hour minimum rest forbids working both; a week earlier it allows it.
    const rules = restRules(9);
    for (const [sat, expectBoth] of [
      ['2026-03-21', true],
      ['2026-03-28', false],
    ] as const) {
      const plan = twoShiftPlan('Europe/Berlin', sat);
      const agents = [oneAgent()];
      const r = rosterPlan(plan, agents, rules, options);
      const worked = r.agents[0]!.days.length;
      expect(worked).toBe(expectBoth ? 2 : 1);
      expect(checkRoster(r, agents, rules)).toEqual([]);
      if (!expectBoth) {
        expect(r.unfilledShifts).toHaveLength(1);
        expect(r.unfilledShifts[0]!.blockedBy).toHaveProperty('minRest', 1);
      }
    }
  });
});
