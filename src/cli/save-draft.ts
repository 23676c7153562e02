/**
 * `wfm plan` and `wfm demo` with `--data DIR` or `DATABASE_URL`: the run's roster is saved as the
 * next draft version of its week in the store (the centre is created on first use). Without either
 * nothing here runs and the store's modules are never loaded, so the plain commands stay as fast.
 */
import type { PlanArtifacts, PlanInput } from '../app/whole-plan.js';
import type { PublishedPrevious } from '../app/roster-drafts/previous-week.js';
import type { PreviousRoster } from '../scheduler/roster/types.js';
import { isWfmError } from '../errors.js';
import { storeTarget } from './commands/db.js';
import type { Store } from '../store/open-store.js';

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

/** Runs `work` on the store of `flags` with the centre (null when it does not exist yet), closing it after. */
async function withCentre<T>(
  flags: StoreFlags,
  work: (store: Store, centreId: string | null) => Promise<T>,
): Promise<T> {
  const [{ openStore }, { getCentre }] = await Promise.all([
    import('../store/open-store.js'),
    import('../store/centres.js'),
  ]);
  const store = await openStore(storeTarget(flags));
  try {
    const centre = await getCentre(store, flags.centre ?? 'main').catch((error: unknown) => {
      if (isWfmError(error) && error.code === 'WFM_ERR_STORE_NOT_FOUND') return null;
      throw error;
    });
    return await work(store, centre?.id ?? null);
  } finally {
    await store.close();
  }
}

/**
 * The centre's last published roster before the horizon (`wfm roster --data`), printed to stderr
 * when one is used; undefined when the centre has none.
 */
export async function previousFromStore(
  flags: StoreFlags,
  grid: { start: string; timeZone: string },
): Promise<PreviousRoster | undefined> {
  const { previousWeekFromStore } = await import('../app/roster-drafts/previous-week.js');
  const found = await withCentre(flags, (store, centreId) =>
    centreId ? previousWeekFromStore(store, centreId, grid) : Promise.resolve(undefined),
  );
  if (found)
    process.stderr.write(`Previous week: published roster ${found.from} of centre ${flags.centre ?? 'main'}.\n`);
  return found?.previous;
}

/** The centre's published rosters that may be the previous week (`wfm plan --data`: the horizon is not known yet). */
export async function previousCandidatesFromStore(flags: StoreFlags): Promise<PublishedPrevious[]> {
  const { publishedPreviousWeeks } = await import('../app/roster-drafts/previous-week.js');
  return withCentre(flags, (store, centreId) =>
    centreId ? publishedPreviousWeeks(store, centreId) : Promise.resolve([]),
  );
}
