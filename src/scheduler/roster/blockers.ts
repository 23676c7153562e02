import { AgentEvaluator, type AgentScore } from './evaluate-agent.js';
import { RULE_COUNT, RULE_KEYS, type CoreProblem } from './problem.js';

/** The reasons other than a hard rule's key that `blockersOf` counts. */
export const LACKS_SKILL = "lacks the shift's skills";
export const UNAVAILABLE = 'unavailable';
export const ON_ANOTHER_SHIFT = 'on another shift that day';
export const FREE = 'free (left off by the search: soft costs)';

/** Why one under-filled cell could not take more agents: agents blocked, by reason. */
export type BlockReasons = Record<string, number>;

/**
 * For an under-filled cell, asks every agent why they are not on it: without a skill the shift was
 * planned for, not available (availability, time off, template), already on another shift that day, or which hard rules adding the shift
 * would break (re-scoring that agent with the cell added). O(agents x days).
 */
export function blockersOf(
  p: CoreProblem,
  assign: Int32Array,
  cell: number,
  /** True when agent `e` lacks a skill the cell's shift was planned for (told apart from unavailable). */
  lacksSkill?: (e: number) => boolean,
): BlockReasons {
  const evaluator = new AgentEvaluator(p);
  const reasons: BlockReasons = {};
  const bump = (k: string): void => {
    reasons[k] = (reasons[k] ?? 0) + 1;
  };
  const d = p.cells[cell]!.day;
  const before = new Float64Array(RULE_COUNT);
  const after = new Float64Array(RULE_COUNT);
  const score: AgentScore = { hard: 0, soft: 0, weekendDays: 0, lateShifts: 0 };
  p.agents.forEach((agent, e) => {
    const i = e * p.days + d;
    if (!agent.allowed[cell]) return bump(lacksSkill?.(e) ? LACKS_SKILL : UNAVAILABLE);
    if (assign[i]! === cell) return;
    if (assign[i]! >= 0) return bump(ON_ANOTHER_SHIFT);
    before.fill(0);
    after.fill(0);
    evaluator.evaluate(agent, assign, e * p.days, score, before);
    assign[i] = cell;
    evaluator.evaluate(agent, assign, e * p.days, score, after);
    assign[i] = -1;
    let any = false;
    for (let r = 2; r < RULE_COUNT; r++) {
      const key = RULE_KEYS[r]!;
      if (p.rules[key].hard && after[r]! > before[r]! + 1e-9) {
        bump(key);
        any = true;
      }
    }
    if (!any) bump(FREE);
  });
  return reasons;
}
