import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftInputOfPlan } from '../../src/app/roster-drafts/from-plan.js';
import type { SaveRosterDraftInput } from '../../src/app/roster-drafts/store-drafts.js';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';
import { runPlan } from '../../src/app/whole-plan.js';
import { parsePlanConfig } from '../../src/contracts/plan-config.js';
import { planInputFromConfig } from '../../src/io/plan-config.js';
import { loadSolver } from '../../src/scheduler/mip/highs.js';

/**
 * A demo centre's week planned and rostered (the built-in demo generator, `agents` agents, short
 * time limits), as a draft input. Cached under $TMPDIR per agent count: the solver steps cost
 * seconds and the tests only need some realistic roster, not a particular one.
 */
export type DemoDraft = SaveRosterDraftInput & {
  request: { plan: unknown; agents: unknown; rules: unknown; options: { answerSeconds: number } };
};

export async function demoDraftInput(agents = 20): Promise<DemoDraft> {
  const dir = join(tmpdir(), 'wfm-engine-test-cache');
  const file = join(dir, `demo-roster-draft-v3-${agents}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoDraft;
  const demo = buildDemoCentre({ agents, shiftPlanSeconds: 3, rosterSeconds: 2 });
  const input = planInputFromConfig(parsePlanConfig(demo), process.cwd());
  const artifacts = runPlan(input, { highs: await loadSolver(), now: () => performance.now() });
  const base = draftInputOfPlan(input, artifacts);
  const request = {
    plan: artifacts.shiftPlan,
    agents: base.agents,
    rules: base.rules,
    options: { answerSeconds: base.answerSeconds },
  };
  const draft: DemoDraft = { ...base, request };
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(draft));
  return draft;
}
