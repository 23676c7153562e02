import { z } from 'zod';
import { recordAudit, type Actor } from './audit.js';
import { json } from './json.js';
import type { Store } from './open-store.js';
import { stableJson } from './stable-json.js';
import { validate } from './validate.js';

/**
 * An agent as the store keeps it. Contract, skills, availability and time off are kept as the
 * roster input gives them (their shapes belong to the scheduler's contracts); the store compares
 * them field by field to report what an import changed.
 */
export interface Agent {
  /** The centre's own id for the agent (HR number, login): the import's matching key. */
  id: string;
  name: string;
  contract: Record<string, unknown>;
  skills: unknown[];
  availability: unknown[];
  timeOff: unknown[];
}

const AgentSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  contract: z.record(z.string(), z.unknown()).default({}),
  skills: z.array(z.unknown()).default([]),
  availability: z.array(z.unknown()).default([]),
  timeOff: z.array(z.unknown()).default([]),
});
export const AgentImportSchema = z.array(AgentSchema).superRefine((agents, ctx) => {
  const seen = new Set<string>();
  agents.forEach((agent, i) => {
    if (seen.has(agent.id))
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate agent id "${agent.id}"` });
    seen.add(agent.id);
  });
});
export type AgentInput = z.input<typeof AgentSchema>;

const FIELDS = ['name', 'contract', 'skills', 'availability', 'timeOff'] as const;
export type AgentField = (typeof FIELDS)[number];

/** What an import changed, per agent (ids sorted). */
export interface AgentImportReport {
  added: string[];
  updated: { id: string; fields: AgentField[] }[];
  removed: string[];
  unchanged: number;
}

export interface AgentImportOptions extends Actor {
  /** Remove the centre's agents missing from the import (a full roll-call). Default true. */
  removeMissing?: boolean;
}

/**
 * Replaces the centre's agent list with `agents` (matched by `id`) in one transaction and reports
 * what changed; one audit row per added, updated or removed agent, with the changed fields.
 */
export async function importAgents(
  store: Store,
  centreId: string,
  agents: readonly AgentInput[],
  options: AgentImportOptions,
): Promise<AgentImportReport> {
  const incoming = validate(AgentImportSchema, agents, 'agents');
  const removeMissing = options.removeMissing ?? true;
  return store.db.transaction().execute(async (trx) => {
    const at = store.now();
    const rows = await trx.selectFrom('agents').selectAll().where('centre_id', '=', centreId).execute();
    const existing = new Map(rows.map((r) => [r.external_id, { row: r, agent: toAgent(r) }]));
    const report: AgentImportReport = { added: [], updated: [], removed: [], unchanged: 0 };
    const audit = (entityId: string, action: string, before: unknown, after: unknown) =>
      recordAudit(trx, at, { actor: options.actor, centreId, entity: 'agent', entityId, action, before, after });

    for (const agent of incoming) {
      const values = {
        name: agent.name,
        contract: json(agent.contract),
        skills: json(agent.skills),
        availability: json(agent.availability),
        time_off: json(agent.timeOff),
        updated_at: at,
      };
      const old = existing.get(agent.id);
      if (!old) {
        await trx
          .insertInto('agents')
          .values({ centre_id: centreId, external_id: agent.id, ...values })
          .execute();
        report.added.push(agent.id);
        await audit(agent.id, 'create', null, agent);
        continue;
      }
      const fields = FIELDS.filter((f) => stableJson(old.agent[f]) !== stableJson(agent[f]));
      if (fields.length === 0) {
        report.unchanged++;
        continue;
      }
      await trx.updateTable('agents').set(values).where('id', '=', old.row.id).execute();
      report.updated.push({ id: agent.id, fields });
      await audit(agent.id, 'update', pick(old.agent, fields), pick(agent, fields));
    }

    if (removeMissing) {
      const keep = new Set(incoming.map((a) => a.id));
      for (const [id, old] of existing) {
        if (keep.has(id)) continue;
        await trx.deleteFrom('agents').where('id', '=', old.row.id).execute();
        report.removed.push(id);
        await audit(id, 'delete', old.agent, null);
      }
    }
    report.added.sort();
    report.removed.sort();
    report.updated.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return report;
  });
}

export async function listAgents(store: Store, centreId: string): Promise<Agent[]> {
  const rows = await store.db
    .selectFrom('agents')
    .selectAll()
    .where('centre_id', '=', centreId)
    .orderBy('external_id')
    .execute();
  return rows.map(toAgent);
}

function toAgent(row: {
  external_id: string;
  name: string;
  contract: Record<string, unknown>;
  skills: unknown[];
  availability: unknown[];
  time_off: unknown[];
}): Agent {
  return {
    id: row.external_id,
    name: row.name,
    contract: row.contract,
    skills: row.skills,
    availability: row.availability,
    timeOff: row.time_off,
  };
}

function pick(agent: Agent, fields: readonly AgentField[]): Partial<Agent> {
  const out: Partial<Agent> = {};
  for (const f of fields) Object.assign(out, { [f]: agent[f] });
  return out;
}
