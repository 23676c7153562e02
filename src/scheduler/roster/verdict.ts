/** The verdict of a roster (docs/semantics.md, "Verdict"): hard rules, plan shifts filled, service target. */
import type { StaffingTargets } from '../../erlang/types.js';
import { buildVerdict, type Verdict, type VerdictRuleBreach } from '../shift-plan/verdict.js';
import { RULE_LABELS } from './problem.js';
import type { RosterResult } from './result-types.js';

/**
 * Judges a roster: every hard rule met (counts of agents and amounts per rule, in people's units),
 * every plan shift filled, every open interval at the service target when the roster could
 * re-compute its service level. O(agents x rules + intervals).
 */
export function rosterVerdict(
  roster: Pick<RosterResult, 'agents' | 'coverage' | 'score' | 'quality' | 'grid'>,
  targets: StaffingTargets | undefined,
  /** Offered contacts per plan slot (weights the service level); intervals without are not judged by SL. */
  volumeAt?: (slot: number) => number | null | undefined,
): Verdict {
  const agentsByRule = new Map<string, number>();
  for (const agent of roster.agents)
    for (const v of agent.violations)
      if (v.hard && v.amount > 0) agentsByRule.set(v.rule, (agentsByRule.get(v.rule) ?? 0) + 1);
  const breaches = roster.score.byRule
    .filter((r) => r.hard && r.amount > 1e-9)
    .map((r) => ruleBreach(r.rule, agentsByRule.get(r.rule) ?? 0, r.amount));
  const q = roster.quality;
  const coverage = roster.coverage.map((c) => ({
    start: c.start,
    under: c.under,
    serviceLevel: c.serviceLevel,
    volume: volumeAt?.(c.slot) ?? 0,
  }));
  return buildVerdict({
    shifts: { required: q.shiftsRequired, filled: q.shiftsFilled, unfilled: q.shiftsRequired - q.shiftsFilled },
    hardRules: { met: roster.score.feasible && breaches.length === 0, breaches },
    coverage,
    targets,
    timeZone: roster.grid.timeZone,
  });
}

/** The independent checker's own rules (src/scheduler/rules-check), in words; each counted in times. */
const CHECKER_RULE_LABELS: Readonly<Record<string, string>> = {
  availability: "shift outside the agent's availability",
  notFlagged: 'retraining for an agent not due any',
  notOnShift: "session outside the agent's shift",
  onBreak: 'session during a break',
  overTrained: 'more retraining than the agent needs',
  pullBelowRequirement: 'sessions pulling the phones below the requirement',
  seats: 'more sessions than seats',
  skill: 'shift needing a skill the agent lacks',
  template: 'shift on a template the contract does not allow',
  timeOff: 'shift during time off',
  twoPlaces: 'agent in two places at once',
  twoSessions: 'two sessions at once',
  twoShiftsOneDay: 'two shifts on one day',
  unknownAgent: 'agent not in the agents list',
};

/**
 * One rule's breach in people's words and units, from its amount in the rule's own unit
 * (`RULE_UNITS`); a checker-only rule (e.g. `timeOff`) is counted in times.
 */
export function ruleBreach(rule: string, agents: number, amount: number): VerdictRuleBreach {
  const known = (RULE_LABELS as Partial<Record<string, { label: string; unit: string; scale: number }>>)[rule];
  const words = known ?? { label: CHECKER_RULE_LABELS[rule] ?? rule, unit: 'times', scale: 1 };
  return { rule, label: words.label, agents, amount: amount * words.scale, unit: words.unit };
}
