/**
 * The store-backed routes (docs/api.md, "Centres, rosters and calendars"): centres, agents, roster
 * drafts and versions, hand edits, publishing, diffs, feed tokens and the iCalendar feed. Registered
 * only when the service has a store (`buildApp({ store })`). Each route checks the caller's role for
 * the centre (`requireCaller`); a viewer sees published versions only.
 */
import { z } from 'zod';
import { WfmError } from '../../errors.js';
import { parseRosterEditRequest, RosterEditRequestSchema } from '../../contracts/roster-edits.js';
import { parseRosterPlan, RosterRequestSchema } from '../../contracts/roster.js';
import {
  AgentParamsSchema,
  CalendarParamsSchema,
  CentreParamsSchema,
  CreateCentreBodySchema,
  DiffParamsSchema,
  EditQuerySchema,
  ImportAgentsBodySchema,
  ListRostersQuerySchema,
  SaveRosterBodySchema,
  VersionParamsSchema,
  type SaveRosterBody,
} from '../../contracts/store-api.js';
import type { AgentsInput, RosterRulesInput } from '../../contracts/roster.js';
import {
  diffRosterVersions,
  editRosterDraft,
  rosterVersionView,
  publishRoster,
  saveRosterDraft,
  type SaveRosterDraftInput,
} from '../../app/roster-drafts/store-drafts.js';
import { calendarIcs } from '../../formats/calendar-ics.js';
import { parsePreviousRoster } from '../../contracts/previous-roster.js';
import { agentCalendar } from '../../app/roster-drafts/calendar-feed.js';
import type { RosterResult } from '../../scheduler/roster/result-types.js';
import {
  createCentre,
  createFeedToken,
  getCentre,
  getJob,
  importAgents,
  listAgents,
  listVersions,
  versionVerdictLines,
  type Centre,
  type Store,
} from '../../store/index.js';
import type { RouteModule, ZodApp } from '../context.js';
import { errorResponses } from '../schema-compilers.js';
import { rosterHistoryRoutes } from './roster-history.js';
import { storeScope, versionOf, visible, type StoreScope } from './store-scope.js';

const TAGS = ['store'];
const ANY = z.unknown();

/** The store's routes (registered only when the service has a store): centres, agents, rosters, calendars. */
export const centreRoutes: RouteModule = (app, ctx) => {
  const access = ctx.store;
  if (!access) return;
  const scope = storeScope(access);
  centreAndAgentRoutes(app, scope);
  rosterVersionRoutes(app, scope);
  rosterHistoryRoutes(app, scope);
  calendarRoute(app, scope);
};

/** Centres, their agents (list and import) and an agent's calendar token. */
function centreAndAgentRoutes(app: ZodApp, { store, caller }: StoreScope): void {
  app.post(
    '/v1/centres',
    {
      schema: {
        summary: 'Creates a centre (planner, unscoped key).',
        tags: TAGS,
        body: CreateCentreBodySchema,
        response: { 200: ANY, 201: ANY, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const who = await caller(request, 'planner');
      return reply.code(201).send(await createCentre(store, request.body, { actor: who.actor }));
    },
  );
  app.get(
    '/v1/centres/:centre/agents',
    {
      schema: {
        summary: "The centre's agents with their contracts and availability (planner).",
        tags: TAGS,
        params: CentreParamsSchema,
      },
    },
    async (request) => {
      const centre = await getCentre(store, request.params.centre);
      await caller(request, 'planner', centre);
      return { agents: await listAgents(store, centre.id) };
    },
  );
  app.post(
    '/v1/centres/:centre/agents',
    {
      schema: {
        summary: 'Imports the agents list: added, updated (fields), removed, unchanged (planner).',
        tags: TAGS,
        params: CentreParamsSchema,
        body: ImportAgentsBodySchema,
      },
    },
    async (request) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await caller(request, 'planner', centre);
      return importAgents(store, centre.id, request.body.agents as never, {
        actor: who.actor,
        removeMissing: request.body.removeMissing,
      });
    },
  );
  app.post(
    '/v1/centres/:centre/agents/:agent/calendar-token',
    {
      schema: {
        summary: "Issues an agent's calendar feed token (shown once) and its feed URL (planner).",
        tags: TAGS,
        params: AgentParamsSchema,
      },
    },
    async (request, reply) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await caller(request, 'planner', centre);
      const token = await createFeedToken(store, centre.id, request.params.agent, { actor: who.actor });
      return reply.code(201).send({ token, url: `/v1/calendar/${token}.ics` });
    },
  );
}

/** Roster versions: save a draft, list, read, edit, publish, diff. */
function rosterVersionRoutes(app: ZodApp, { store, caller }: StoreScope): void {
  app.post(
    '/v1/centres/:centre/rosters',
    {
      schema: {
        summary: 'Saves a roster run (result + request, or a finished roster job) as the next draft (planner).',
        tags: TAGS,
        params: CentreParamsSchema,
        body: SaveRosterBodySchema,
        response: { 200: ANY, 201: ANY, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await caller(request, 'planner', centre);
      const input = await draftInputOfBody(store, centre, request.body);
      return reply.code(201).send(await saveRosterDraft(store, centre.id, input, { actor: who.actor }));
    },
  );
  app.get(
    '/v1/centres/:centre/rosters',
    {
      schema: {
        summary: 'Roster versions, newest first per series (viewer: published only).',
        tags: TAGS,
        params: CentreParamsSchema,
        querystring: ListRostersQuerySchema,
      },
    },
    async (request) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await caller(request, 'viewer', centre);
      const all = await listVersions(store, centre.id, {
        kind: 'roster',
        ...(request.query.series ? { series: request.query.series } : {}),
      });
      const versions = all.filter((v) => visible(who, v));
      const lines = await versionVerdictLines(
        store,
        versions.map((v) => v.id),
      );
      return { versions: versions.map((v) => ({ ...v, verdict: lines.get(v.id) ?? null })) };
    },
  );
  app.get(
    '/v1/centres/:centre/rosters/:version',
    {
      schema: {
        summary: 'A roster version: its shifts per agent, coverage, verdict and overrides.',
        tags: TAGS,
        params: VersionParamsSchema,
      },
    },
    async (request) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await caller(request, 'viewer', centre);
      const version = await versionOf(store, centre, request.params.version, who);
      return rosterVersionView(store, version.id);
    },
  );
  app.post(
    '/v1/centres/:centre/rosters/:version/edits',
    {
      schema: {
        summary: 'Hand edits of a draft, re-checked at once; 422 naming the rule unless forced (planner).',
        tags: TAGS,
        params: VersionParamsSchema,
        querystring: EditQuerySchema,
        body: RosterEditRequestSchema,
        response: { 200: ANY, 201: ANY, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await caller(request, 'planner', centre);
      const version = await versionOf(store, centre, request.params.version, who);
      const edited = await editRosterDraft(store, version.id, parseRosterEditRequest(request.body), {
        actor: who.actor,
      });
      const answer = {
        version: edited.version,
        verdict: edited.verdict,
        added: edited.added,
        overridden: edited.overridden,
      };
      // Coverage per interval and the touched agents' shifts on request (the page redraws from them).
      return request.query.coverage === 'true'
        ? { ...answer, coverage: edited.coverage, agents: edited.agents }
        : answer;
    },
  );
  app.post(
    '/v1/centres/:centre/rosters/:version/publish',
    {
      schema: {
        summary: 'Publishes a draft: diff against the last published version and the calendar changes (planner).',
        tags: TAGS,
        params: VersionParamsSchema,
        response: { 200: ANY, 201: ANY, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await caller(request, 'planner', centre);
      const version = await versionOf(store, centre, request.params.version, who);
      return publishRoster(store, version.id, { actor: who.actor });
    },
  );
  app.get(
    '/v1/centres/:centre/rosters/:from/diff/:to',
    {
      schema: {
        summary: 'Shifts added, removed, moved and changed per agent between two versions.',
        tags: TAGS,
        params: DiffParamsSchema,
      },
    },
    async (request) => {
      const centre = await getCentre(store, request.params.centre);
      const who = await caller(request, 'viewer', centre);
      const from = await versionOf(store, centre, request.params.from, who);
      const to = await versionOf(store, centre, request.params.to, who);
      return diffRosterVersions(store, from.id, to.id);
    },
  );
}

/** An agent's published shifts as an iCalendar feed (read-only token). */
function calendarRoute(app: ZodApp, { store }: StoreScope): void {
  app.get(
    '/v1/calendar/:token',
    {
      schema: {
        summary: "An agent's published shifts as iCalendar (the token is the credential; no bearer key).",
        tags: TAGS,
        params: CalendarParamsSchema,
      },
    },
    async (request, reply) => {
      const token = request.params.token.slice(0, -'.ics'.length);
      const calendar = await agentCalendar(store, token);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(calendarIcs(calendar));
    },
  );
}

/** The draft input of a save request: the given result and request, or a finished roster job's. */
async function draftInputOfBody(store: Store, centre: Centre, body: SaveRosterBody): Promise<SaveRosterDraftInput> {
  let request: unknown;
  let result: unknown;
  if ('jobId' in body) {
    const job = await getJob(store, body.jobId);
    if (job.centreId !== centre.id || job.kind !== 'roster' || job.status !== 'done') {
      throw new WfmError(
        'WFM_ERR_STORE_CONFLICT',
        `Job ${body.jobId} is not a finished roster job of centre ${centre.code} (status ${job.status}).`,
      );
    }
    request = job.payload;
    result = job.result;
  } else {
    request = body.request;
    result = body.result;
  }
  const raw = (request ?? {}) as {
    plan?: unknown;
    agents?: AgentsInput;
    rules?: RosterRulesInput;
    options?: unknown;
    previous?: unknown;
  };
  const options = RosterRequestSchema.shape.options.parse(raw.options ?? {});
  const load = raw.plan === undefined ? undefined : parseRosterPlan(raw.plan).load;
  // the week the roster was made after: edits are re-checked across that edge too
  const previous =
    raw.previous === undefined ? undefined : parsePreviousRoster(raw.previous, 'request.previous').previous;
  return {
    series: body.series,
    ...(body.note !== undefined ? { note: body.note } : {}),
    result: result as RosterResult,
    agents: raw.agents ?? [],
    rules: raw.rules ?? {},
    answerSeconds: options.answerSeconds,
    load,
    ...(previous ? { previous } : {}),
  };
}
