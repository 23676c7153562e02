/**
 * The planner page's inputs in Chromium: nothing is taken from the demo unless the demo is loaded.
 * A history alone is refused naming what is missing; the agents file is the CLI's CSV (or JSON),
 * its errors naming line and field; a home-made centre (its own agents, rules and time zone) is
 * planned with exactly those; the Run button is above the fold, an error shows under it and the
 * step that failed says so; the page has a favicon.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildService as buildApp } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';
import { join } from 'node:path';
import { hasChromium, launchChromium, screenshotDir } from './chromium.js';

// A centre unlike the demo's agents: its own ids and teams (the demo's are A001.. in 4 teams),
// on the demo's history and shift rules (5 weeks, 15-minute intervals, America/New_York).
const demo = buildDemoCentre({ agents: 20, historyWeeks: 5 });
const historyCsv = [
  'start,volume,aht_seconds',
  ...demo.history.map((r) => {
    const row = r as { start: string; volume: number; ahtSeconds?: number };
    return `${row.start},${row.volume},${row.ahtSeconds ?? ''}`;
  }),
].join('\n');
const agentsCsv = [
  'id,name,team,max_hours,min_hours,max_days',
  ...Array.from({ length: 24 }, (_, i) => `P${String(i + 1).padStart(2, '0')},Person ${i + 1},Desk ${i % 2},40,0,5`),
].join('\n');
const file = (name: string, text: string, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(text) });

describe.skipIf(!hasChromium)('planner page inputs in Chromium', () => {
  let app: ZodApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  const forecastBodies: { timeZone: string }[] = [];

  beforeAll(async () => {
    app = await buildApp();
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (request) => {
      if (request.url().endsWith('/v1/forecast') && request.method() === 'POST')
        forecastBodies.push(JSON.parse(request.postData() ?? '{}') as { timeZone: string });
    });
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('has a favicon, and the Run button above the fold at 1280x800 before a run', async () => {
    const href = await page.getAttribute('link[rel="icon"]', 'href');
    expect(href).toBeTruthy();
    const res = await fetch(new URL(href as string, base));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/');
    const box = await page.locator('#run-plan').boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
  });

  it('a history alone shows what it holds and is not planned with the demo: the run names what is missing', async () => {
    await page.setInputFiles('#history-file', file('calls.csv', historyCsv, 'text/csv'));
    // 5 weeks x 304 open intervals (routes.test.ts: the demo's 4 weeks are 4 x 304 rows), 15 minutes apart,
    // from the Monday five weeks before 2026-06-01 to the Sunday before it.
    await expect
      .poll(() => page.textContent('[data-input="history"]'))
      .toBe('calls.csv: 1,520 rows, 15-minute intervals, 2026-04-27 to 2026-05-31');
    expect(await page.textContent('[data-input="agents"]')).toBe('not loaded');
    expect(await page.textContent('[data-input="rules"]')).toBe('not loaded');
    expect(await page.textContent('[data-input="time-zone"]')).toBe('not set');
    expect(await page.inputValue('#week-start')).toBe('2026-06-01');
    await page.click('#run-plan');
    const message = (await page.textContent('#run-message')) ?? '';
    for (const what of ['agents', 'shift rules', 'time zone', 'targets']) expect(message, what).toContain(what);
    expect(forecastBodies).toHaveLength(0); // nothing was sent
    await page.screenshot({ path: join(screenshotDir(), 'inputs-1280.png') });
    expect(await page.evaluate('window.wfm.agents')).toBeNull();
  });

  it('reads the agents CSV of the CLI, naming the line and field of a mistake', async () => {
    await page.fill('#time-zone', 'America/New_York');
    await page.setInputFiles('#agents-file', file('agents.csv', 'id,max_hours\nA1,40\nB2,lots\n', 'text/csv'));
    await expect.poll(() => page.textContent('#run-message')).toMatch(/line 3.*max_hours|max_hours.*line 3/);
    await page.setInputFiles('#agents-file', file('agents.csv', agentsCsv, 'text/csv'));
    await expect.poll(() => page.textContent('[data-input="agents"]')).toBe('agents.csv: 24 agents in 2 teams (CSV)');
  });

  it('plans the home-made centre with its own agents, rules and time zone', async () => {
    await page.setInputFiles('#rules-file', file('rules.json', JSON.stringify(demo.shiftPlan), 'application/json'));
    await expect.poll(() => page.textContent('[data-input="rules"]')).toMatch(/^rules\.json: \d+ shift templates$/);
    for (const [id, v] of [
      ['#sl', '80'],
      ['#answer', '20'],
      ['#occupancy', '90'],
      ['#shrinkage', '30'],
      ['#plan-seconds', '3'],
      ['#roster-seconds', '2'],
    ] as const)
      await page.fill(id, v);
    expect(await page.textContent('#missing')).toBe('Ready to run.');
    await page.click('#run-plan');
    await page.waitForSelector('#results:not([hidden]) [data-kpi="shifts"]', { timeout: 90_000 });
    expect(forecastBodies.at(-1)?.timeZone).toBe('America/New_York');
    const ids = (await page.evaluate('window.wfm.roster.agents.map((a) => a.id)')) as string[];
    expect(ids).toHaveLength(24);
    expect(ids.every((id) => /^P\d\d$/.test(id))).toBe(true);
  }, 120_000);

  it('a job that fails says so on its step, with the reason, not "failed (0.0 s)"', async () => {
    // The service answers the job's poll with a failed job 12 ms in (a worker lost mid-solve).
    await page.route('**/v1/jobs/*', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          id: 'x',
          status: 'failed',
          elapsedMs: 12,
          error: { code: 'WFM_ERR_JOB_FAILED', message: 'the worker stopped' },
        }),
      }),
    );
    try {
      await page.click('#run-plan');
      await expect
        .poll(() => page.getAttribute('#steps li[data-step="plan"]', 'data-status'), { timeout: 60_000 })
        .toBe('failed');
      const text = (await page.textContent('#steps li[data-step="plan"]')) ?? '';
      expect(text).toContain('the worker stopped');
      expect(text).not.toMatch(/\(0\.0 s\)|running|queued/);
      expect(await page.textContent('#run-message')).toContain('the worker stopped');
    } finally {
      await page.unroute('**/v1/jobs/*');
    }
  });

  it('shows several queues side by side: requirement stacked per queue, SL per queue by formula and simulation', async () => {
    // The same history split into two queues (70 % "phones", 30 % "vip"), as a `queue` column names them.
    const split = [
      'queue,start,volume,aht_seconds',
      ...demo.history.flatMap((r) => {
        const row = r as { start: string; volume: number; ahtSeconds?: number };
        const vip = Math.round(row.volume * 0.3);
        return [
          `phones,${row.start},${row.volume - vip},${row.ahtSeconds ?? ''}`,
          `vip,${row.start},${vip},${row.ahtSeconds ?? ''}`,
        ];
      }),
    ].join('\n');
    await page.setInputFiles('#history-file', file('queues.csv', split, 'text/csv'));
    await expect
      .poll(() => page.textContent('[data-input="history"]'))
      .toMatch(/^queues\.csv: 2 queues \(phones 1,520 rows, vip 1,520 rows\)/);
    await page.click('#run-plan');
    await page.waitForSelector('#tab-queues:not([hidden])', { timeout: 120_000 });
    await page.click('#tab-queues');
    const result = (await page.evaluate('window.wfm.queues')) as {
      queues: {
        name: string;
        serviceLevel: { mean: number; low: number; high: number } | null;
        intervals: { requirement: number }[];
      }[];
    };
    expect(result.queues.map((q) => q.name)).toEqual(['phones', 'vip']);
    // The verdict judges each queue by the simulation (not the summed load at one target), on the page as in `wfm plan`.
    const verdict = (await page.evaluate('window.wfm.queues.verdict')) as {
      line: string;
      serviceLevel: { judgedBy?: string };
    };
    expect(verdict.serviceLevel.judgedBy).toBe('simulation');
    expect(await page.textContent('#verdict')).toContain(verdict.line.replace(/^(met|falls short): /, ''));
    expect(await page.textContent('[data-kpi="sl"]')).toBe(
      `${(100 * (verdict.serviceLevel as unknown as { volumeWeighted: number }).volumeWeighted).toFixed(1)} %`,
    );
    expect(await page.locator('#chart-queues polygon.queue-layer').count()).toBe(2);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    for (const q of result.queues) {
      const sl = q.serviceLevel!;
      expect(await page.textContent(`.queue-panel[data-queue="${q.name}"] [data-queue-figure="sl"]`)).toBe(
        `${pct(sl.mean)} (${pct(sl.low)} - ${pct(sl.high)})`,
      );
      expect(await page.locator(`.queue-panel[data-queue="${q.name}"] svg .line-queue-sl`).count()).toBe(1);
    }
    await page.evaluate("document.getElementById('tabs').scrollIntoView({ block: 'start' })");
    await page.screenshot({ path: join(screenshotDir(), 'queues-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    // redrawn for the phone's width (the chart's viewBox is its box's width when drawn)
    await expect.poll(() => page.getAttribute('#chart-queues svg', 'viewBox')).toMatch(/^0 0 3\d\d /);
    await page.evaluate("document.getElementById('tabs').scrollIntoView({ block: 'start' })");
    await page.screenshot({ path: join(screenshotDir(), 'queues-phone.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    // The report of the same week has its "Queues" section, each queue in the page's colour.
    await page.click('#tab-export');
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#export-report')]);
    const reportPage = await browser.newPage();
    await reportPage.setContent(readFileSync((await report.path()) as string, 'utf8'));
    const fills = (p: Page, selector: string) =>
      p
        .locator(selector)
        .evaluateAll((els) =>
          els.map((e) => (e as unknown as { getAttribute: (a: string) => string }).getAttribute('data-queue')),
        );
    expect(await fills(reportPage, '#chart-queue-requirement polygon.queue-layer')).toEqual(['phones', 'vip']);
    const fill = (p: Page, selector: string) =>
      p.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fill`);
    for (const name of ['phones', 'vip'])
      expect(await fill(page, `#chart-queues polygon[data-queue="${name}"]`)).toBe(
        await fill(reportPage, `#chart-queue-requirement polygon[data-queue="${name}"]`),
      );
    await reportPage.close();
    await page.click('#tab-queues');
    // The stacked chart's hover names each queue's requirement of that interval.
    const busiest = result.queues[0]!.intervals.reduce(
      (b, r, i, all) => (r.requirement > all[b]!.requirement ? i : b),
      0,
    );
    expect(await page.locator(`#chart-queues rect.hit[data-i="${busiest}"] title`).textContent()).toContain(
      `phones ${result.queues[0]!.intervals[busiest]!.requirement}, vip ${result.queues[1]!.intervals[busiest]!.requirement} required`,
    );
  }, 180_000);

  it('shows an error under the Run button and marks the step that failed', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.fill('#time-zone', 'Mars/Olympus');
    await page.click('#run-plan');
    await expect.poll(() => page.getAttribute('#steps li[data-step="forecast"]', 'data-status')).toBe('failed');
    const step = (await page.textContent('#steps li[data-step="forecast"]')) ?? '';
    expect(step).not.toMatch(/running|0\.0 s/);
    expect(step).toContain('Mars/Olympus');
    const message = page.locator('#run-message');
    expect(await message.textContent()).toContain('Mars/Olympus');
    const box = await message.boundingBox();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(800); // on screen, not scrolled off
    expect(await page.locator('#steps li[data-status="running"]').count()).toBe(0);
  });
});
