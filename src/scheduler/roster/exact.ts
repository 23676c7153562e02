import type { Highs } from 'highs';
import type { CoreProblem } from './problem.js';
import { solveSubMip } from './sub-mip.js';

/**
 * The largest problem the exact assignment takes, in assignment columns (agent x cell pairs the
 * agent may work). Measured on the contact-centre week (benchmarks/roster-contact-centre.bench.ts,
 * docs/roster.md "What is exact"): see `EXACT_MAX_COLUMNS` there for the figures.
 */
export const EXACT_MAX_COLUMNS = 5_000;

/** Agent x cell pairs an agent may work: the binary columns of the exact assignment. */
export function assignmentColumns(p: CoreProblem): number {
  let columns = 0;
  for (const agent of p.agents) for (let c = 0; c < agent.allowed.length; c++) columns += agent.allowed[c]!;
  return columns;
}

/**
 * True when every hard rule of `p` is one the assignment model states as a constraint: all of
 * them but fairness and preferences (soft by nature: a variance and a wish), and without a previous
 * roster's tail or a same-start rotation, which the sub-MIP rows do not state yet (the local search
 * rosters those alone).
 */
export function exactApplicable(p: CoreProblem): boolean {
  const r = p.rules;
  const edge = (p.carryDays ?? 0) > 0 || p.agents.some((a) => a.tail || (a.sameStartWeeks ?? 0) > 0);
  return !edge && !r.fairnessWeekend.hard && !r.fairnessLate.hard && !r.preference.hard;
}

/**
 * The exact assignment: one MIP over every agent and day with every hard rule as a constraint
 * (`solveSubMip` with everything freed, `fill` objective), minimising the agents short of the
 * cells, unweighted, so no soft weight enters it. `start` is a warm start (used by HiGHS only when
 * it meets every constraint). Returns the roster HiGHS ends with and whether it proved it optimal
 * (finished inside `seconds`: no roster under the hard rules fills more), or null when it found
 * none: the hard rules cannot all hold (an agent whose own rules contradict each other) or the time
 * ran out first.
 */
export function exactFill(
  p: CoreProblem,
  highs: Highs,
  seconds: number,
  seed: number,
  start: Int32Array,
): { assign: Int32Array; optimal: boolean } | null {
  const agents = p.agents.map((_, i) => i);
  const proof = { optimal: false };
  const rows = solveSubMip(p, start, agents, 0, p.days, highs, seconds, seed, undefined, 'fill', proof);
  if (!rows) return null;
  const assign = new Int32Array(p.agents.length * p.days);
  rows.forEach((row, i) => assign.set(row, i * p.days));
  return { assign, optimal: proof.optimal };
}
