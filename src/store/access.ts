import { z } from 'zod';
import { WfmError } from '../errors.js';
import { recordAudit, type Actor } from './audit.js';
import { json } from './json.js';
import type { Store } from './open-store.js';
import type { Role } from './schema.js';
import { hashSecret, newSecret } from './secrets.js';
import { validate } from './validate.js';

/**
 * API keys: a role and the centres they reach, stored as a SHA-256 hash (the key is shown once).
 * Roles: `planner` drafts, edits and publishes rosters (and reads everything a viewer reads);
 * `viewer` reads published rosters; `system` is for other systems: the headcount API only, no
 * roster, draft or agent data.
 */
export const ROLES = ['planner', 'viewer', 'system'] as const satisfies readonly Role[];

const GRANTS: Record<Role, readonly Role[]> = {
  planner: ['planner', 'viewer'],
  viewer: ['viewer'],
  system: ['system'],
};

/** Whether a key of role `held` may act as `needed` (a planner may do what a viewer does). */
export function roleGrants(held: Role, needed: Role): boolean {
  return GRANTS[held].includes(needed);
}

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
  /** null = every centre. */
  centreIds: string[] | null;
}

export const ApiKeyInputSchema = z.object({
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  centreIds: z.array(z.string().uuid()).min(1).nullable().default(null),
});
export type ApiKeyInput = z.input<typeof ApiKeyInputSchema>;

/** Issues an API key; `key` is returned once and never stored. */
export async function createApiKey(
  store: Store,
  input: ApiKeyInput,
  by: Actor,
): Promise<{ id: string; key: string; principal: Principal }> {
  const k = validate(ApiKeyInputSchema, input, 'api key');
  const key = newSecret('wfmkey');
  return store.db.transaction().execute(async (trx) => {
    const at = store.now();
    const row = await trx
      .insertInto('api_keys')
      .values({
        key_hash: hashSecret(key),
        name: k.name,
        role: k.role,
        centre_ids: json(k.centreIds),
        created_at: at,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, at, {
      actor: by.actor,
      centreId: null,
      entity: 'api-key',
      entityId: row.id,
      action: 'create',
      before: null,
      after: { name: k.name, role: k.role, centreIds: k.centreIds },
    });
    return { id: row.id, key, principal: { keyId: row.id, name: k.name, role: k.role, centreIds: k.centreIds } };
  });
}

export async function revokeApiKey(store: Store, keyId: string, by: Actor): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const at = store.now();
    const row = await trx
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('id', '=', keyId)
      .where('revoked_at', 'is', null)
      .returning(['name', 'role'])
      .executeTakeFirst();
    if (!row) throw new WfmError('WFM_ERR_STORE_NOT_FOUND', `No active API key ${keyId}.`);
    await recordAudit(trx, at, {
      actor: by.actor,
      centreId: null,
      entity: 'api-key',
      entityId: keyId,
      action: 'revoke',
      before: { name: row.name, role: row.role },
      after: null,
    });
  });
}

export interface AccessNeed {
  role: Role;
  /** The centre the request touches; omitted for store-wide actions. */
  centreId?: string;
}

export type AccessResult = { ok: true; principal: Principal } | { ok: false; error: WfmError };

/**
 * Checks an API key against a need. Denials come back as data with a coded error:
 * `WFM_ERR_STORE_KEY_INVALID` (unknown or revoked key) or `WFM_ERR_STORE_FORBIDDEN` naming the
 * missing role or centre.
 */
export async function authorize(store: Store, key: string, need: AccessNeed): Promise<AccessResult> {
  const row = await store.db
    .selectFrom('api_keys')
    .select(['id', 'name', 'role', 'centre_ids'])
    .where('key_hash', '=', hashSecret(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return { ok: false, error: new WfmError('WFM_ERR_STORE_KEY_INVALID', 'Unknown or revoked API key.') };
  const principal: Principal = { keyId: row.id, name: row.name, role: row.role, centreIds: row.centre_ids };
  if (!roleGrants(row.role, need.role)) {
    return {
      ok: false,
      error: new WfmError(
        'WFM_ERR_STORE_FORBIDDEN',
        `API key "${row.name}" has role ${row.role}; this needs role ${need.role}.`,
        { issues: [{ path: ['role'], message: `missing role ${need.role}` }] },
      ),
    };
  }
  if (need.centreId !== undefined && row.centre_ids !== null && !row.centre_ids.includes(need.centreId)) {
    return {
      ok: false,
      error: new WfmError(
        'WFM_ERR_STORE_FORBIDDEN',
        `API key "${row.name}" is not scoped to centre ${need.centreId}.`,
        {
          issues: [{ path: ['centreId'], message: `missing centre ${need.centreId}` }],
        },
      ),
    };
  }
  if (need.centreId === undefined && row.centre_ids !== null && need.role !== 'viewer') {
    return {
      ok: false,
      error: new WfmError(
        'WFM_ERR_STORE_FORBIDDEN',
        `API key "${row.name}" is scoped to centres; a store-wide ${need.role} action needs an unscoped key.`,
        { issues: [{ path: ['centreId'], message: 'store-wide action' }] },
      ),
    };
  }
  return { ok: true, principal };
}

/** `authorize`, throwing the coded error on denial. */
export async function requireRole(store: Store, key: string, need: AccessNeed): Promise<Principal> {
  const result = await authorize(store, key, need);
  if (!result.ok) throw result.error;
  return result.principal;
}
