/** What the store routes share: the store and caller check, and a version the caller may see. */
import { WfmError } from '../../errors.js';
import type { Centre, DocumentVersion, Store } from '../../store/index.js';
import { getVersion } from '../../store/index.js';
import { requireCaller, type Caller, type StoreAccess } from '../store-access.js';

/** What every store route needs: the store, and the caller checked for a role (and centre). */
export interface StoreScope {
  store: Store;
  caller: (
    request: Parameters<typeof requireCaller>[1],
    role: 'planner' | 'viewer',
    centre?: Centre,
  ) => ReturnType<typeof requireCaller>;
}

/** The scope of the service's store: callers checked for a role, and for the centre when given. */
export function storeScope(access: StoreAccess): StoreScope {
  return {
    store: access.store,
    caller: (request, role, centre) =>
      requireCaller(access, request, { role, ...(centre ? { centreId: centre.id } : {}) }),
  };
}

export function visible(who: Caller, v: DocumentVersion): boolean {
  return v.status === 'published' || who.grants('planner');
}

/** A version of this centre that the caller may see (a draft is 404 to a viewer, as if absent). */
export async function versionOf(store: Store, centre: Centre, id: string, who: Caller): Promise<DocumentVersion> {
  const version = await getVersion(store, id);
  if (version.centreId !== centre.id || version.kind !== 'roster' || !visible(who, version)) {
    throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No roster version ${id} in centre ${centre.code}.`);
  }
  return version;
}
