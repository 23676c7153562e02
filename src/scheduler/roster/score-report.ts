import { AgentEvaluator, type AgentScore } from './evaluate-agent.js';
import { RULE_COUNT, RULE_INDEX, RULE_KEYS, RULE_UNITS, type CoreProblem } from './problem.js';
import type { RosterResult } from './result-types.js';
import { RosterState } from './state.js';

/**
 * The score of an assignment broken down by rule: unweighted amount, weight, penalty, hard or
 * soft. Recomputed from scratch (not from the search's incremental sums). O(agents x days + cells).
 */
export function scoreByRule(p: CoreProblem, assign: Int32Array): RosterResult['score'] {
  const amounts = new Float64Array(RULE_COUNT);
  const evaluator = new AgentEvaluator(p);
  const s: AgentScore = { hard: 0, soft: 0, weekendDays: 0, lateShifts: 0 };
  p.agents.forEach((agent, e) => evaluator.evaluate(agent, assign, e * p.days, s, amounts));
  const state = new RosterState(p, 1, assign);
  let under = 0;
  let over = 0;
  p.cells.forEach((cell, c) => {
    const k = state.cover[c]!;
    under += Math.max(0, cell.required - k) * cell.underWeight;
    over += Math.max(0, k - cell.required) * cell.overWeight;
  });
  amounts[RULE_INDEX.coverUnder] = under;
  amounts[RULE_INDEX.coverOver] = over;
  const fair = state.fairnessAmounts();
  amounts[RULE_INDEX.fairnessWeekend] = fair.weekend;
  amounts[RULE_INDEX.fairnessLate] = fair.late;
  let hard = 0;
  let soft = 0;
  const byRule = RULE_KEYS.map((rule, r) => {
    const { hard: isHard, weight } = p.rules[rule];
    const amount = amounts[r]!;
    const penalty = amount * weight;
    if (isHard) hard += penalty;
    else soft += penalty;
    return { rule, hard: isHard, weight, amount, penalty, unit: RULE_UNITS[rule] };
  });
  return { hard, soft, feasible: hard <= 1e-9, byRule };
}
