/**
 * Multi-skill staffing: agents per skill group and interval from a pooled Erlang approximation,
 * verified and corrected by the simulation (src/simulation). Pure: no I/O, no clock. See
 * docs/simulation.md.
 */
export { staffMultiSkill } from './staff-multi-skill.js';
export { approximateGroupAgents, erlangStaffing } from './pooled-approximation.js';
export type { IntervalApproximation } from './pooled-approximation.js';
export { distinctSkillGroups, queueComponents } from './skill-groups.js';
export type { DistinctSkillGroup } from './skill-groups.js';
export type {
  SkillGroup,
  MultiSkillCentre,
  MultiSkillOptions,
  StaffingMethod,
  QueueVerdict,
  MultiSkillInterval,
  MultiSkillIssue,
  MultiSkillStaffing,
} from './types.js';
