/** What a whole-plan run (`wfm plan`, `wfm demo`, a plan job) hands to `saveRosterDraft`. */
import { DateTime } from 'luxon';
import { loadOnPlanGrid } from '../load-on-grid.js';
import type { PlanArtifacts, PlanInput } from '../whole-plan.js';
import type { SaveRosterDraftInput } from './store-drafts.js';

/** The draft input of a plan run; the series defaults to the ISO week of the roster's first day. */
export function draftInputOfPlan(
  input: Pick<PlanInput, 'agents' | 'rosterRules' | 'name'>,
  artifacts: Pick<PlanArtifacts, 'roster' | 'shiftPlan' | 'staffing' | 'previous'>,
  series?: string,
): SaveRosterDraftInput {
  const answerSeconds = (artifacts.staffing.target.answerSeconds as number | undefined) ?? 20;
  return {
    series: series ?? seriesOfGrid(artifacts.roster.grid),
    note: input.name,
    result: artifacts.roster,
    agents: input.agents.json,
    rules: input.rosterRules ?? {},
    answerSeconds,
    load: loadOnPlanGrid(artifacts.shiftPlan, artifacts.staffing),
    ...(artifacts.shiftPlan.queue ? { queue: artifacts.shiftPlan.queue } : {}),
    ...(artifacts.previous ? { previous: artifacts.previous } : {}),
  };
}

/** "2026-W23": the ISO week of the grid's first local day. */
export function seriesOfGrid(grid: { start: string; timeZone: string }): string {
  const day = DateTime.fromISO(grid.start, { zone: grid.timeZone });
  return `${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`;
}
