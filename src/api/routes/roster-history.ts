/**
 * The store routes a planner's page needs beside the roster routes of centres.ts: the centres the
 * caller may see, a version's audit entries (who did what, when), and a version copied into the
 * next draft of its series (the way to change a published week by hand).
 */
import { z } from 'zod';
import { copyRosterVersion } from '../../app/roster-drafts/store-drafts.js';
import { VersionParamsSchema } from '../../contracts/store-api.js';
import { getCentre, listAudit, listCentres } from '../../store/index.js';
import type { ZodApp } from '../context.js';
import { errorResponses } from '../schema-compilers.js';
import { versionOf, type StoreScope } from './store-scope.js';

const TAGS = ['store'];
const ANY = z.unknown();
const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Newest first; at most this many (1-1000).'),
});

export function rosterHistoryRoutes(app: ZodApp, { store, caller }: StoreScope): void {
  app.get(
    '/v1/centres',
    { schema: { summary: 'The centres the caller may see (a scoped key: its centres).', tags: TAGS } },
    async (request) => {
      const who = await caller(request, 'viewer');
      const centres = await listCentres(store);
      const scope = who.centreIds;
      return { centres: scope === null ? centres : centres.filter((c) => scope.includes(c.id)) };
    },
  );
  app.get(
    '/v1/centres/:centre/rosters/:version/audit',
    {
      schema: {
        summary: "A roster version's audit entries, newest first: who, what (draft, edit, override, publish), when.",
        tags: TAGS,
        params: VersionParamsSchema,
        querystring: AuditQuerySchema,
      },
    },
    async (request) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await caller(request, 'planner', centre);
      const version = await versionOf(store, centre, request.params.version, who);
      const entries = await listAudit(store, {
        centreId: centre.id,
        entity: 'roster',
        entityId: version.id,
        limit: request.query.limit,
      });
      return { entries: entries.map(({ at, actor, action, before, after }) => ({ at, actor, action, before, after })) };
    },
  );
  app.post(
    '/v1/centres/:centre/rosters/:version/copy',
    {
      schema: {
        summary: 'Saves a version as the next draft of its series, shifts and overrides as they are (planner).',
        tags: TAGS,
        params: VersionParamsSchema,
        response: { 200: ANY, 201: ANY, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await caller(request, 'planner', centre);
      const version = await versionOf(store, centre, request.params.version, who);
      return reply.code(201).send(await copyRosterVersion(store, version.id, { actor: who.actor }));
    },
  );
}
