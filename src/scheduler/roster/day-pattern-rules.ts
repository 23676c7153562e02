/**
 * The roster rules the shift plan's day patterns keep (docs/shift-plan.md, "Supply"): only the
 * hard ones, so that the plan holds no shift the roster's hard rules keep everyone off, and is not
 * held back by a rule the roster may break at a cost.
 */
import type { DayPatternRules } from '../shift-plan/day-patterns.js';
import { defaultRuleSettings, type RuleKey } from './problem.js';
import type { RosterRules } from './types.js';

/** The hard day rules of `rules` as day-pattern rules (a soft rule becomes no rule). */
export function dayPatternRules(rules: RosterRules): DayPatternRules {
  const defaults = defaultRuleSettings();
  const hard = (k: RuleKey) => rules.settings[k]?.hard ?? defaults[k].hard;
  return {
    twoConsecutiveDaysOffPerWeek: rules.twoConsecutiveDaysOffPerWeek && hard('consecutiveDaysOffPerWeek'),
    maxConsecutiveDays: hard('maxConsecutiveDays') ? rules.maxConsecutiveDays : Infinity,
    minConsecutiveDays: hard('minConsecutiveDays') ? rules.minConsecutiveDays : 1,
    minConsecutiveDaysOff: hard('minConsecutiveDaysOff') ? rules.minConsecutiveDaysOff : 1,
  };
}
