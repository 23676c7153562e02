/**
 * The planner's web page (`GET /`) and the few helper routes it needs beyond the `/v1` API:
 * the demo centre, reading an uploaded history CSV, and the roster exports (CSV, per-agent
 * iCalendar) made by the same functions as `wfm roster --out`. Added to the API by src/service.ts
 * (a plugin of `buildApp`); hidden from the OpenAPI document (they serve the page, not other systems).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { WebApp } from './web-app.js';
import { agentDayCsv, safeFileName } from '../formats/roster-output.js';
import { agentIcs } from '../formats/agent-ics.js';
import { WfmError } from '../errors.js';
import { historyRowsFromCsv } from '../formats/history-csv.js';
import { paletteCss } from '../report/palette.js';
import { pageHistoryRows, readAgentsUpload, readHistoryUpload, type PageHistoryRow } from './uploads.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import type { ForecastResult } from '../forecast/types.js';
import { buildSummary } from '../app/summary.js';
import { renderReport } from '../report/html.js';
import {
  AgentIcsSchema,
  QueuesCombineSchema,
  QueuesSimulateSchema,
  ReportExportSchema,
  RosterExportSchema,
} from '../contracts/web-export.js';
import { combineQueues, simulateQueues } from './queues.js';
import type { PlanQueuesResult } from '../app/plan-queues.js';
import type { StaffingResponse } from '../contracts/staffing.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';
import { buildWebDemo } from './demo.js';
import { loadStaticAssets, type StaticAsset } from './static-assets.js';

const DemoQuerySchema = z.strictObject({
  agents: z.coerce.number().int().min(5).max(500).optional(),
  weekdayVolume: z.coerce.number().int().min(50).max(20_000).optional(),
  historyWeeks: z.coerce.number().int().min(4).max(52).optional(),
  seed: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
});

const HistoryCsvSchema = z.strictObject({ csv: z.string().min(1, 'the CSV is empty').max(50_000_000) });

const AgentsUploadSchema = z.strictObject({
  text: z.string().min(1, 'the agents file is empty').max(20_000_000),
  fileName: z.string().max(500).optional(),
  timeZone: z.string().min(1, "set the time zone first: agents' local times are read in it").max(100),
  templates: z.array(z.string().max(200)).max(500).optional(),
});

const hidden = { hide: true } as const;

/**
 * The page loads only its own files and talks only to this service: no inline script or style, no
 * framing by another site (clickjacking), no referrer sent on.
 */
export const PAGE_HEADERS = Object.freeze({
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
});

/**
 * Registers `GET /` (the page), `GET /web/<asset>`, `GET /web/palette.css`, `GET /web/demo`,
 * `POST /web/history-csv`, `POST /web/agents` (CSV or JSON, read as the CLI reads it),
 * `POST /web/export/roster.csv`, `POST /web/export/agent.ics` and
 * `POST /web/export/report.html`.
 *
 * @example await buildService(); // the page is at http://127.0.0.1:8080/
 */
export function webRoutes(app: WebApp): void {
  const assets = loadStaticAssets();
  const send = (asset: StaticAsset) => async (_request: FastifyRequest, reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .headers(PAGE_HEADERS)
      .type(asset.contentType)
      .send(asset.body);
  const index = assets.get('index.html');
  if (index) app.get('/', { schema: hidden }, send(index));
  for (const [name, asset] of assets) app.get(`/web/${name}`, { schema: hidden }, send(asset));

  app.get('/web/demo', { schema: { ...hidden, querystring: DemoQuerySchema } }, async (request) =>
    buildWebDemo(request.query),
  );

  // One queue: { history, facts, queues }; several (a `queue` column): { queues } only.
  app.post('/web/history-csv', { schema: { ...hidden, body: HistoryCsvSchema } }, async (request) => {
    const { queues } = readHistoryUpload(request.body.csv);
    const only = queues.length === 1 ? queues[0] : undefined;
    return only ? { history: only.history, facts: only.facts, queues } : { queues };
  });

  app.post('/web/agents', { schema: { ...hidden, body: AgentsUploadSchema } }, async (request) => {
    const { text, fileName, timeZone, templates } = request.body;
    return readAgentsUpload(text, fileName ?? '', timeZone, templates);
  });

  // Several queues: combined into one requirement before the shift plan, simulated per queue after the roster.
  app.post('/web/queues/combine', { schema: { ...hidden, body: QueuesCombineSchema } }, async (request) =>
    combineQueues(request.body.queues),
  );
  app.post('/web/queues/simulate', { schema: { ...hidden, body: QueuesSimulateSchema } }, async (request) =>
    simulateQueues(request.body),
  );

  // The one palette of the page and the report (src/report/palette.ts).
  const palette = paletteCss();
  app.get('/web/palette.css', { schema: hidden }, async (_request, reply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .headers(PAGE_HEADERS)
      .type('text/css; charset=utf-8')
      .send(palette),
  );

  app.post('/web/export/roster.csv', { schema: { ...hidden, body: RosterExportSchema } }, async (request, reply) => {
    const csv = agentDayCsv(request.body as unknown as RosterResult);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="roster-agent-days.csv"')
      .send(csv);
  });

  // The HTML report of `wfm plan`, for the week on the page.
  app.post('/web/export/report.html', { schema: { ...hidden, body: ReportExportSchema } }, async (request, reply) => {
    const body = request.body;
    const parts = {
      forecast: body.forecast as ForecastResult,
      staffing: body.staffing as StaffingResponse,
      shiftPlan: body.plan as unknown as ShiftPlan,
      roster: body.roster as unknown as RosterResult,
    };
    const verdict = body.queues as PlanQueuesResult | undefined;
    let html: string;
    try {
      html = renderReport({
        summary: buildSummary({ name: body.name, ...parts, queues: verdict }),
        ...parts,
        queues: verdict ? { verdict } : undefined,
      });
    } catch (error) {
      // The shapes are checked above only as deep as the page needs; a result the report cannot read is bad input.
      throw new WfmError(
        'WFM_ERR_INPUT_INVALID',
        'The plan results do not fit together into a report (give the outputs of one run).',
        { issues: [{ path: [], message: (error as Error).message }], cause: error },
      );
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('content-disposition', 'attachment; filename="wfm-report.html"')
      .send(html);
  });

  app.post('/web/export/agent.ics', { schema: { ...hidden, body: AgentIcsSchema } }, async (request, reply) => {
    const { roster, agentId } = request.body;
    if (!roster.agents.some((a) => a.id === agentId)) {
      throw new WfmError('WFM_ERR_INPUT_INVALID', `No agent "${agentId}" in the roster.`, {
        issues: [{ path: ['agentId'], message: 'not in roster.agents' }],
      });
    }
    const ics = agentIcs(roster as unknown as RosterResult, agentId);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${safeFileName(agentId)}.ics"`)
      .send(ics);
  });
}

/**
 * Reads an uploaded history CSV into the `/v1/forecast` history rows: interval counts
 * `start,volume[,aht_seconds]` (`timestamp`/`count` accepted), or contact records
 * `timestamp[,handle_seconds]` (the columns of `wfm forecast --history`). Errors name the line.
 */
export function historyFromCsv(text: string): PageHistoryRow[] {
  return pageHistoryRows(historyRowsFromCsv(text));
}
