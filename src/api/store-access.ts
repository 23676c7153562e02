/**
 * Who is calling a store-backed route, and may they: the store's API keys (`authorize`: role and
 * centre scope; 401 for an unknown key, 403 naming the missing role or centre) or the service's one
 * `WFM_API_KEY`, which keeps full access (planner and system on every centre) so that existing
 * deployments keep working. With neither a configured key nor a bearer header the routes are open,
 * as the rest of the API is without a key (bind to loopback only).
 */
import type { FastifyRequest } from 'fastify';
import { WfmError } from '../errors.js';
import { authorize, roleGrants, type Role, type Store } from '../store/index.js';
import { bearerMatches } from './auth.js';

export interface Caller {
  /** The audit log's actor: the key's name. */
  actor: string;
  /** Whether the caller may act as `role` (a viewer-only caller sees published rosters only). */
  grants(role: Role): boolean;
  /** The centres a scoped key may touch (ids); null when the caller is not scoped. */
  centreIds: readonly string[] | null;
}

export interface StoreAccess {
  store: Store;
  /** SHA-256 of the service's single key, when one is set. */
  legacyKeyDigest?: Buffer | undefined;
}

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

export async function requireCaller(
  access: StoreAccess,
  request: FastifyRequest,
  need: { role: Role; centreId?: string },
): Promise<Caller> {
  const header = request.headers.authorization;
  if (access.legacyKeyDigest && bearerMatches(header, access.legacyKeyDigest)) {
    return { actor: 'WFM_API_KEY', grants: () => true, centreIds: null };
  }
  const key = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
  if (key === undefined) {
    if (!access.legacyKeyDigest) return { actor: 'anonymous', grants: () => true, centreIds: null };
    throw new WfmError('WFM_ERR_API_UNAUTHORIZED', 'Missing API key: send "Authorization: Bearer <key>".', {
      issues: [{ path: ['headers', 'authorization'], message: 'a valid bearer token is required' }],
    });
  }
  const result = await authorize(access.store, key, need);
  if (!result.ok) throw result.error;
  const role = result.principal.role;
  return { actor: result.principal.name, grants: (r) => roleGrants(role, r), centreIds: result.principal.centreIds };
}
