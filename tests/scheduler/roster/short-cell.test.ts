import { describe, expect, it } from 'vitest';
import { chooseNeighbourhood, KIND_NAMES, weekendDayLists } from '../../../src/scheduler/roster/lns-neighbourhoods.js';
import type { LnsOptions } from '../../../src/scheduler/roster/lns-options.js';
import { problemFromPlan } from '../../../src/scheduler/roster/from-plan.js';
import { makeRng } from '../../../src/scheduler/roster/rng.js';
import { RosterState } from '../../../src/scheduler/roster/state.js';
import { generateInstance } from './generate.js';

/**
 * The fill stage's short-cell neighbourhood (docs/roster.md, "What is exact"): a shift left short is
 * filled only when some agent who may work it has their week rebuilt around it, so the sub-MIP frees
 * exactly those agents over the whole horizon.
 */
describe('roster fill: the short-cell neighbourhood', () => {
  const g = generateInstance(1, { agents: 12 });
  const { problem, shiftOfCell } = problemFromPlan(g.plan, g.agents, g.rules);
  // generate.ts's known roster (template index per agent and day: early, mid, late) as cells: it
  // keeps every hard rule, and the plan is derived from it, so nothing is short until one more
  // agent is asked for on the first cell
  const known = new Int32Array(problem.agents.length * problem.days).fill(-1);
  g.known.forEach((days, e) =>
    days.forEach((t, d) => {
      if (t >= 0)
        known[e * problem.days + d] = problem.cells.findIndex(
          (cell, c) => cell.day === d && shiftOfCell[c]!.template === ['early', 'mid', 'late'][t],
        );
    }),
  );
  problem.cells[0]!.required++;
  const context = (opts: Partial<LnsOptions>, agentsPerMove = 3) => ({
    problem,
    state: new RosterState(problem, 1e6, known),
    opts: { highs: null as never, seed: 1, timeLimitMs: 0, now: () => 0, ...opts },
    rng: makeRng(7),
    agentsPerMove,
    weekendDays: weekendDayLists(problem),
  });
  const weights = [1, 1, 1, 1];

  it('frees, over the whole horizon, every agent who may work one of the short cells', () => {
    const ctx = context({ shortCellShare: 1, shortCellColumns: 1e9 });
    expect(ctx.state.hard).toBe(0);
    expect(ctx.state.short).toBeGreaterThan(0);
    for (let k = 0; k < 10; k++) {
      const move = chooseNeighbourhood(ctx, weights);
      expect(KIND_NAMES[move.kind]).toBe('short');
      expect([move.fromDay, move.toDay]).toEqual([0, problem.days]);
      const chosen = new Set(move.agents);
      const covered = problem.cells.some(
        (cell, c) =>
          ctx.state.cover[c]! < cell.required &&
          problem.agents.every((a, e) => !a.allowed[c] || chosen.has(e)) &&
          problem.agents.some((a) => a.allowed[c]),
      );
      expect(covered).toBe(true);
    }
  });

  it('keeps the sub-MIP near its column budget, and draws no such move without the option', () => {
    const columnsOf = (e: number) => problem.agents[e]!.allowed.reduce((t, x) => t + x, 0);
    const able = problem.agents.flatMap((a, e) => (a.allowed[0] ? [e] : []));
    const budget = 2 * Math.max(...able.map(columnsOf));
    // only cell 0 is short: the agents freed for it stay within the budget, fewer than all who may work it
    const move = chooseNeighbourhood(context({ shortCellShare: 1, shortCellColumns: budget }, 1), weights);
    expect(able.reduce((t, e) => t + columnsOf(e), 0)).toBeGreaterThan(budget);
    expect(move.agents.every((e) => able.includes(e))).toBe(true);
    expect(move.agents.reduce((t, e) => t + columnsOf(e), 0)).toBeLessThanOrEqual(budget);
    // never fewer than `agentsPerMove` agents: topped up at random
    const many = chooseNeighbourhood(context({ shortCellShare: 1, shortCellColumns: budget }, 8), weights);
    expect(many.agents.length).toBe(8);
    const plain = context({});
    for (let k = 0; k < 20; k++) expect(KIND_NAMES[chooseNeighbourhood(plain, weights).kind]).not.toBe('short');
  });
});
