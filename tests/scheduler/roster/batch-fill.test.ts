import { describe, expect, it } from 'vitest';
import { loadSolver } from '../../../src/scheduler/mip/highs.js';
import { problemFromPlan } from '../../../src/scheduler/roster/from-plan.js';
import { solvePlanRoster } from '../../../src/scheduler/roster/plan-search.js';
import { RosterState } from '../../../src/scheduler/roster/state.js';
import { generateInstance } from './generate.js';

/**
 * The batch fill (docs/roster.md, "What is exact"): a problem beyond the whole MIP is filled by
 * exact sub-MIPs over batches of agents, with no random draw and no soft weight in them, so the
 * filled shifts do not depend on the seed. generate.ts derives the plan from a known roster that
 * keeps every hard rule, so every shift can be filled (0 short is the optimum).
 */
describe('roster: the batch fill', () => {
  it('fills every shift of a problem beyond the whole MIP, the same roster for every seed, with no move budget', async () => {
    const g = generateInstance(3, { agents: 40 });
    const { problem } = problemFromPlan(g.plan, g.agents, g.rules);
    const highs = await loadSolver();
    const rosters = [1, 2, 3].map((seed) =>
      solvePlanRoster(problem, {
        seed,
        // no local-search move and no LNS sub-MIP: what is filled comes from the batch fill alone
        maxIterations: 0,
        timeLimitMs: 60_000,
        now: () => performance.now(),
        highs,
        exactMaxColumns: 0,
      }),
    );
    for (const r of rosters) {
      const state = new RosterState(problem, 1, r.assign);
      expect(state.short).toBe(0);
      expect(state.hard).toBe(0);
    }
    expect([...rosters[1]!.assign]).toEqual([...rosters[0]!.assign]);
    expect([...rosters[2]!.assign]).toEqual([...rosters[0]!.assign]);
  });
});
