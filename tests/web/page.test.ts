/**
 * The planner page in a real browser (Debian's Chromium, driven by playwright-core; never a
 * browser download): load the demo, run a plan through the HTTP API, check that the charts and the
 * timeline show the numbers the API returns, move a what-if slider, download the roster CSV, and
 * save screenshots of the main views to docs/screenshots/ (shown in README.md).
 *
 * Skips, saying so, when /usr/bin/chromium is absent. A small demo centre (45 agents, 5 weeks of
 * history) and short solver limits keep it to well under a minute of work.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildService as buildApp } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// README's screenshots are refreshed only on request (WFM_UPDATE_SCREENSHOTS=1), so that a test run
// never rewrites tracked files; otherwise they go to the ignored tests/.artifacts/.
const SHOTS =
  process.env.WFM_UPDATE_SCREENSHOTS === '1'
    ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
    : join(import.meta.dirname, '..', '.artifacts', 'screenshots');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!hasChromium)
  console.warn(`tests/web: ${CHROMIUM} is absent, skipping the browser tests (apt-get install chromium).`);

interface PageState {
  forecast: { method: string; backtestWape: number | null; intervals: { volume: number }[] };
  staffing: { totals: { peakAgents: number; peakHeadcount: number } };
  staffingRequest: unknown;
  plan: { quality: { objectiveOverBound: number; paidHours: number } };
  whatIf: { scenarios: { queues: { roster: { intervalsUnderRequirement: number } }[] }[] };
  roster: {
    agents: { id: string; name: string; days: { date: string }[] }[];
    coverage: { start: string; required: number; onPhone: number }[];
    quality: { extraShifts: number; paidHours: number };
    unfilledShifts: { required: number; filled: number }[];
  };
}

describe.skipIf(!hasChromium)('planner page in Chromium', () => {
  let app: ZodApp;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    app = await buildApp();
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const pageState = (): Promise<PageState> => page.evaluate<PageState>('window.wfm');
  const kpi = async (key: string): Promise<string> => (await page.locator(`[data-kpi="${key}"]`).textContent()) ?? '';

  it('loads the demo, runs the plan and shows the numbers the API returned', async () => {
    await page.goto(`${base}/?agents=45&historyWeeks=5`);
    await page.click('#load-demo');
    await page.waitForSelector('#run-plan:not([disabled])');
    await page.fill('#plan-seconds', '3');
    await page.fill('#roster-seconds', '2');
    await page.click('#run-plan');
    await page.waitForSelector('#results:not([hidden]) [data-kpi="shifts"]', { timeout: 90_000 });
    await page.waitForSelector('[data-kpi="wi-peak"]', { state: 'attached', timeout: 30_000 });
    const s = await pageState();

    // Staffing shown = a fresh POST /v1/staffing of the same request (the API, not the page, computes it).
    const fresh = (await (
      await fetch(`${base}/v1/staffing`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(s.staffingRequest),
      })
    ).json()) as PageState['staffing'];
    expect(await kpi('peak-agents')).toBe(String(fresh.totals.peakAgents));
    expect(await kpi('peak-headcount')).toBe(String(fresh.totals.peakHeadcount));
    const contacts = s.forecast.intervals.reduce((sum, r) => sum + r.volume, 0);
    expect(await kpi('contacts')).toBe(Math.round(contacts).toLocaleString('en-US')); // whole, with separators
    // Each paid-hours figure says whose it is (the plan's shifts, the roster's named agents).
    const tenths = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(await kpi('paid-hours')).toBe(tenths(s.roster.quality.paidHours));
    expect(await kpi('plan-paid-hours')).toBe(tenths(s.plan.quality.paidHours));
    expect(await page.textContent('#kpis')).toMatch(/Roster paid hours[\s\S]*Plan paid hours/);
    // The plan's cost over its LP lower bound (never below 1: the LP relaxation bounds the objective).
    const overBound = await kpi('over-bound');
    expect(Number(overBound)).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(overBound).toBe(s.plan.quality.objectiveOverBound.toFixed(3));
    expect(await page.getAttribute('#chart-forecast svg', 'data-forecast-total')).toBe(String(Math.round(contacts)));
    // The backtest WAPE is a percentage already (src/forecast/metrics.ts: 100 x |error| / actual).
    const wape = s.forecast.backtestWape;
    expect(typeof wape).toBe('number');
    expect(await page.textContent('#forecast-note')).toContain(`mean WAPE ${(wape as number).toFixed(1)} %`);

    // Coverage chart: under/over agent-intervals computed by hand from the roster's coverage rows.
    await page.click('#tab-coverage');
    const under = s.roster.coverage.reduce((sum, c) => sum + Math.max(0, c.required - c.onPhone), 0);
    const over = s.roster.coverage.reduce((sum, c) => sum + Math.max(0, c.onPhone - c.required), 0);
    expect(Number(await page.getAttribute('#chart-coverage svg', 'data-under'))).toBe(under);
    expect(Number(await page.getAttribute('#chart-coverage svg', 'data-over'))).toBe(over);
    expect(await page.locator('#chart-coverage rect.under').count()).toBe(
      s.roster.coverage.filter((c) => c.onPhone < c.required).length,
    );
    expect(await page.locator('#chart-pool rect').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'coverage-1280.png') });

    await page.click('#tab-forecast');
    await page.screenshot({ path: join(SHOTS, 'forecast-1280.png') });
  }, 150_000);

  it('draws one timeline row per rostered agent and opens an agent on click', async () => {
    const s = await pageState();
    await page.click('#tab-roster');
    const working = s.roster.agents.filter((a) => a.days.length > 0);
    expect(await page.locator('#timeline button.tl-row').count()).toBe(working.length);
    const shifts = working.reduce((sum, a) => sum + a.days.length, 0);
    expect(await page.locator('#timeline rect.seg-shift').count()).toBe(shifts);
    expect(await page.locator('#timeline rect.seg-lunch').count()).toBeGreaterThan(0);
    const unfilled = s.roster.unfilledShifts.reduce((n, u) => n + u.required - u.filled, 0);
    expect(await page.textContent('#unfilled summary')).toBe(
      unfilled === 0 ? 'Every planned shift is filled' : `Unfilled shifts (${unfilled})`,
    );
    const agent = working[0]!;
    // Keyboard only: focus the second row, go up to the first with the arrow key, open it with Enter.
    await page.locator('#timeline button.tl-row').nth(1).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#agent-detail h3').textContent()).toContain(agent.name);
    expect(await page.locator('#agent-detail tbody tr').count()).toBe(agent.days.length);
    await page.evaluate("document.getElementById('results').scrollIntoView({ block: 'start' })");
    await page.screenshot({ path: join(SHOTS, 'roster-1280.png') });
  });

  it('moves the volume slider and sees the headcount change', async () => {
    const s = (): Promise<PageState> => pageState();
    await page.click('#tab-whatif');
    await page.waitForSelector('#chart-whatif svg');
    const before = Number(await page.getAttribute('#chart-whatif svg', 'data-peak'));
    await page.fill('#wi-volume', '1.3');
    await expect
      .poll(async () => Number(await page.getAttribute('#chart-whatif svg', 'data-peak')), { timeout: 10_000 })
      .toBeGreaterThan(before);
    expect(await page.textContent('#wi-volume-out')).toBe('+30 %');
    // Under the scenario, the roster's shortfall is counted where the roster is short, not only where
    // no staffing could meet the target; and the page does not show its own compute time as a KPI.
    const short = (await s()).whatIf.scenarios[1]!.queues[0]!.roster.intervalsUnderRequirement;
    expect(await kpi('wi-short')).toMatch(new RegExp(`^${short.toLocaleString('en-US')} of \\d`));
    expect(await page.textContent('#wi-totals')).not.toContain('Answered in');
    await page.evaluate("document.getElementById('results').scrollIntoView({ block: 'start' })");
    await page.screenshot({ path: join(SHOTS, 'what-if-1280.png') });
  });

  it('downloads the roster CSV: one row per agent and day', async () => {
    const s = await pageState();
    await page.click('#tab-export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    expect(download.suggestedFilename()).toBe('roster-agent-days.csv');
    const text = readFileSync((await download.path()) as string, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(text[0]).toBe('agent_id,name,team,date,status,template,start,end,paid_hours,breaks,retraining,extra');
    const dates = new Set(s.roster.coverage.map((c) => c.start.slice(0, 10)));
    expect(text.length - 1).toBe(s.roster.agents.length * dates.size);
  });

  it('downloads the HTML report of the same week, and an agent calendar', async () => {
    const s = await pageState();
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#export-report')]);
    const html = readFileSync((await report.path()) as string, 'utf8');
    const summary = JSON.parse(
      /<script type="application\/json" id="wfm-summary">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null',
    ) as { roster: { shiftsFilled: number; shiftsRequired: number } };
    expect(`${summary.roster.shiftsFilled} / ${summary.roster.shiftsRequired}`).toBe(await kpi('shifts'));
    expect(summary.roster.shiftsFilled).toBe(
      s.roster.agents.reduce((sum, a) => sum + a.days.length, 0) - s.roster.quality.extraShifts,
    );
    const [ics] = await Promise.all([page.waitForEvent('download'), page.click('#export-ics')]);
    expect(ics.suggestedFilename()).toMatch(/^A\d{3}\.ics$/);
    expect(readFileSync((await ics.path()) as string, 'utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('fits a phone-width screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click('#tab-roster');
    await page.selectOption('#day-filter', '0');
    await page.locator('#tabs').scrollIntoViewIfNeeded();
    await page.evaluate("document.getElementById('tabs').scrollIntoView({ block: 'start' })");
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'roster-phone.png') });
    await page.click('#tab-coverage');
    await page.evaluate("document.getElementById('tabs').scrollIntoView({ block: 'start' })");
    await page.screenshot({ path: join(SHOTS, 'coverage-phone.png') });
  });

  it('cancels a running plan: the job is stopped and the page says so', async () => {
    // The roster search uses its whole time limit (docs/roster.md), so a 60 s roster is still running
    // when the cancel comes; the shift plan may finish early once it is proven optimal.
    await page.fill('#roster-seconds', '60');
    await page.click('#run-plan');
    await page.waitForSelector('#cancel-plan:not([hidden])');
    await expect
      .poll(() => page.locator('#steps li[data-step="roster"]').textContent(), { timeout: 60_000 })
      .toMatch(/queued|running/);
    await page.click('#cancel-plan');
    await expect.poll(() => page.textContent('#status'), { timeout: 30_000 }).toMatch(/The plan stopped: .*cancel/i);
    expect(await page.isHidden('#cancel-plan')).toBe(true);
  }, 120_000);

  it('reads an uploaded history CSV and names a bad line', async () => {
    // Three rows of interval counts (start,volume,aht_seconds), the columns of wfm forecast --history.
    const csv =
      'start,volume,aht_seconds\n2026-05-29T08:00:00-04:00,12,300\n2026-05-29T08:15:00-04:00,15,310\n2026-05-31T08:30:00-04:00,9,\n';
    await page.setInputFiles('#history-file', { name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.textContent('#data-summary')).toMatch(/^3 history rows \(2026-05-29 to 2026-05-31\)/);
    // the Monday after the last history day (Sunday 2026-05-31)
    expect(await page.inputValue('#week-start')).toBe('2026-06-01');
    await page.setInputFiles('#history-file', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('start,volume\n2026-05-29T08:00:00-04:00,many\n'),
    });
    await expect.poll(() => page.textContent('#status')).toContain('line 2');
  });
});
