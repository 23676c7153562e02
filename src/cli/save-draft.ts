/**
 * `wfm plan` and `wfm demo` with `--data DIR` or `DATABASE_URL`: the run's roster is saved as the
 * next draft version of its week in the store (the centre is created on first use). Without either
 * nothing here runs and the store's modules are never loaded, so the plain commands stay as fast.
 */
import type { PlanArtifacts, PlanInput } from '../app/whole-plan.js';
import { isWfmError } from '../errors.js';
import { storeTarget } from './commands/db.js';

export interface StoreFlags {
  data?: string;
  centre?: string;
  series?: string;
}

/** True when the command should save to a store. */
export function wantsStore(flags: StoreFlags, env: NodeJS.ProcessEnv = process.env): boolean {
  return flags.data !== undefined || Boolean(env.DATABASE_URL);
}

/** Saves the run as a draft; returns the line the command prints. */
export async function saveRunAsDraft(flags: StoreFlags, input: PlanInput, artifacts: PlanArtifacts): Promise<string> {
  const [{ openStore }, { createCentre, getCentre }, { saveRosterDraft }, { draftInputOfPlan }] = await Promise.all([
    import('../store/open-store.js'),
    import('../store/centres.js'),
    import('../app/roster-drafts/store-drafts.js'),
    import('../app/roster-drafts/from-plan.js'),
  ]);
  const target = storeTarget(flags);
  const store = await openStore(target);
  try {
    const code = flags.centre ?? 'main';
    const by = { actor: process.env.USER ?? 'wfm-cli' };
    const centre = await getCentre(store, code).catch(async (error: unknown) => {
      if (!isWfmError(error) || error.code !== 'WFM_ERR_STORE_NOT_FOUND') throw error;
      return createCentre(store, { code, name: code, timeZone: artifacts.roster.grid.timeZone }, by);
    });
    const saved = await saveRosterDraft(store, centre.id, draftInputOfPlan(input, artifacts, flags.series), by);
    const where = 'dataDir' in target ? `PGlite ${target.dataDir}` : 'DATABASE_URL';
    const hard = saved.verdict.hardViolations.length;
    return (
      `Saved roster draft ${saved.version.series} v${saved.version.version} of centre ${centre.code} in ${where} ` +
      `(${hard === 0 ? 'no hard-rule violations' : `${hard} hard-rule violations`}; id ${saved.version.id}).\n`
    );
  } finally {
    await store.close();
  }
}
