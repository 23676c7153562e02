/**
 * The page's server side with `app.inject()` (no browser): static files, the demo centre, the
 * history CSV reader and the roster exports. Expected values are computed by hand from the
 * inputs written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService as buildApp } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { inlineRunner } from '../../src/app/parallel/runner.js';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';
import { historyFromCsv } from '../../src/web/routes.js';
import { loadStaticAssets } from '../../src/web/static-assets.js';
import { paletteCss } from '../../src/report/palette.js';
import { REPORT_CSS } from '../../src/report/style.js';

let app: ZodApp;
beforeAll(async () => {
  app = await buildApp({ runner: inlineRunner({}), routes: [] });
});
afterAll(async () => {
  await app.close();
});

const roster = {
  grid: { start: '2026-06-01T00:00:00-04:00', intervalMinutes: 30, slotCount: 96, timeZone: 'America/New_York' },
  agents: [
    {
      id: 'A1',
      name: 'Ada',
      team: 'North',
      days: [
        {
          date: '2026-06-01',
          template: 'ft8',
          start: '2026-06-01T08:00:00-04:00',
          end: '2026-06-01T16:30:00-04:00',
          paidHours: 8,
          breaks: [
            { name: 'lunch', paid: false, start: '2026-06-01T12:00:00-04:00', end: '2026-06-01T12:30:00-04:00' },
          ],
          retraining: [],
          extra: false,
        },
      ],
    },
    { id: 'B/2', name: 'Ben', team: 'South', days: [] },
  ],
  coverage: [{ start: '2026-06-01T08:00:00-04:00' }, { start: '2026-06-02T08:00:00-04:00' }],
};

describe('static page', () => {
  it('serves the page at / and its modules under /web with their types', async () => {
    const page = await app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<script type="module" src="/web/app.js">');
    const js = await app.inject({ url: '/web/app.js' });
    expect(js.headers['content-type']).toContain('text/javascript');
    expect((await app.inject({ url: '/web/app.css' })).headers['content-type']).toContain('text/css');
  });

  it('serves only the listed files: anything else is the JSON 404', async () => {
    for (const url of ['/web/../package.json', '/web/nope.js', '/web/%2e%2e/src/index.ts']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('WFM_ERR_API_NOT_FOUND');
    }
    expect([...loadStaticAssets().keys()]).toEqual([
      'api.js',
      'app.css',
      'app.js',
      'charts.js',
      'coverage-view.js',
      'favicon.svg',
      'index.html',
      'inputs.js',
      'queues.js',
      'roster-edit.js',
      'shift-names.js',
      'timeline.js',
      'versions.js',
    ]);
  });

  it('is absent from the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p === '/' || p.startsWith('/web'))).toEqual([]);
  });
});

describe('demo centre', () => {
  it('is the demo centre of wfm demo, sized as asked', async () => {
    const a = (await app.inject({ url: '/web/demo?agents=12&weekdayVolume=300&historyWeeks=4' })).json();
    expect(a).toEqual(JSON.parse(JSON.stringify(buildDemoCentre({ agents: 12, weekdayVolume: 300, historyWeeks: 4 }))));
    expect(a.agents).toHaveLength(12);
    // generateSampleWeek: 5 weekdays x 48 + 2 weekend days x 32 open 15-minute intervals = 304 per week.
    expect(a.history).toHaveLength(4 * 304);
    // four weeks before the planned Monday 2026-06-01, opening at 08:00 New York time (EDT, -04:00)
    expect(a.history[0].start).toBe('2026-05-04T08:00:00-04:00');
  });

  it('names a bad query parameter', async () => {
    const res = await app.inject({ url: '/web/demo?agents=2' });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toEqual(['agents']);
  });
});

describe('history CSV', () => {
  it('reads interval counts and contact records', () => {
    expect(historyFromCsv('start,volume,aht_seconds\n2026-06-01T08:00:00Z,12,300\n2026-06-01T08:15:00Z,0,\n')).toEqual([
      { start: '2026-06-01T08:00:00Z', volume: 12, ahtSeconds: 300 },
      { start: '2026-06-01T08:15:00Z', volume: 0 },
    ]);
    expect(historyFromCsv('timestamp,handle_seconds\n2026-06-01T08:03:10Z,241\n')).toEqual([
      { timestamp: '2026-06-01T08:03:10Z', handleSeconds: 241 },
    ]);
  });

  it('answers 400 naming the line of a bad cell', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/web/history-csv',
      payload: { csv: 'start,volume\n2026-06-01T08:00:00Z,12\n2026-06-01T08:15:00Z,lots\n' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('line 3');
  });
});

describe('uploads read as the CLI reads them', () => {
  it('tells rows, interval and date range of a history, and several queues apart', async () => {
    const one = (
      await app.inject({
        method: 'POST',
        url: '/web/history-csv',
        payload: { csv: 'start,volume\n2026-06-01T08:00:00Z,12\n2026-06-01T08:15:00Z,3\n2026-06-02T08:00:00Z,5\n' },
      })
    ).json();
    // three rows written above: two 15 minutes apart, the third a day later (the common step is 15)
    expect(one.facts).toEqual({
      rows: 3,
      intervalMinutes: 15,
      first: '2026-06-01T08:00:00Z',
      last: '2026-06-02T08:00:00Z',
    });
    expect(one.history).toHaveLength(3);
    const two = (
      await app.inject({
        method: 'POST',
        url: '/web/history-csv',
        payload: {
          csv: 'queue,start,volume\nvip,2026-06-01T08:00:00Z,2\nstd,2026-06-01T08:00:00Z,9\nvip,2026-06-01T08:30:00Z,1\n',
        },
      })
    ).json();
    expect(two.history).toBeUndefined();
    expect(two.queues.map((q: { queue: string; facts: { rows: number } }) => [q.queue, q.facts.rows])).toEqual([
      ['vip', 2],
      ['std', 1],
    ]);
  });

  it('reads the agents CSV of wfm roster --agents into the JSON form the API takes', async () => {
    const csv = 'id,name,team,max_hours,min_hours,days\nA1,Ada,North,40,20,mon|tue|wed\nB2,Ben,South,30,,sat|sun\n';
    const res = await app.inject({
      method: 'POST',
      url: '/web/agents',
      payload: { text: csv, fileName: 'agents.csv', timeZone: 'Europe/Paris' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.format).toBe('csv');
    expect(body.teams).toBe(2);
    expect(body.agents.map((a: { id: string }) => a.id)).toEqual(['A1', 'B2']);
    // The JSON form is what POST /v1/rosters takes: the CSV's max_hours is the contract's weekly maximum.
    expect(body.agents[0].contract.maxHoursPerWeek).toBe(40);
  });

  it('names the line and the field of a bad agents CSV, and reads JSON too', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/web/agents',
      payload: { text: 'id,max_hours\nA1,40\nB2,lots\n', fileName: 'agents.csv', timeZone: 'UTC' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/line 3/);
    expect(bad.json().message).toMatch(/max_hours/);
    const json = await app.inject({
      method: 'POST',
      url: '/web/agents',
      payload: {
        text: JSON.stringify([{ id: 'A1', contract: { maxHoursPerWeek: 40 } }]),
        fileName: 'a.json',
        timeZone: 'UTC',
      },
    });
    expect(json.json().format).toBe('json');
    expect(json.json().agents).toHaveLength(1);
  });

  it('refuses to combine or simulate fewer than two queues, naming the field', async () => {
    for (const url of ['/web/queues/combine', '/web/queues/simulate']) {
      const res = await app.inject({ method: 'POST', url, payload: { queues: [] } });
      expect(res.statusCode, url).toBe(400);
      expect(JSON.stringify(res.json().issues), url).toContain('queues');
    }
  });

  it('serves the one palette the report embeds', async () => {
    const res = await app.inject({ url: '/web/palette.css' });
    expect(res.headers['content-type']).toContain('text/css');
    expect(res.body).toBe(paletteCss());
    expect(REPORT_CSS).toContain(paletteCss());
  });
});

describe('roster exports', () => {
  it('writes the agent-day CSV of wfm roster: one row per agent and date', async () => {
    const res = await app.inject({ method: 'POST', url: '/web/export/roster.csv', payload: roster });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('roster-agent-days.csv');
    const lines = res.body.trim().split(/\r?\n/);
    // 2 agents x 2 dates (from the coverage rows) = 4 rows after the header
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('A1,Ada,North,2026-06-01,work,ft8');
    expect(lines[4]).toContain('B/2,Ben,South,2026-06-02,off');
  });

  it('writes one agent calendar, with a safe file name', async () => {
    const res = await app.inject({ method: 'POST', url: '/web/export/agent.ics', payload: { roster, agentId: 'A1' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('BEGIN:VEVENT');
    expect(res.body).toMatch(/SUMMARY:(Early|Day|Late|Night) shift \d\d:\d\d-\d\d:\d\d/);
    expect(res.body).toContain('(template ft8)');
    const other = await app.inject({
      method: 'POST',
      url: '/web/export/agent.ics',
      payload: { roster, agentId: 'B/2' },
    });
    expect(other.headers['content-disposition']).toContain('B_2.ics');
    const missing = await app.inject({
      method: 'POST',
      url: '/web/export/agent.ics',
      payload: { roster, agentId: 'Z' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues[0].path).toEqual(['agentId']);
  });

  it('answers 400, not 500, for a report body that is not one run', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/web/export/report.html',
      payload: { forecast: {}, staffing: {}, plan: {}, roster },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('WFM_ERR_INPUT_INVALID');
  });
});
