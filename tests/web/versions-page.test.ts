/**
 * The planner page keeps its work in the planning store (issue 15), in Debian's Chromium
 * (playwright-core; skipped, saying so, without /usr/bin/chromium): a run is saved as a draft of a
 * new centre, a hand edit that breaks a hard rule is refused naming the rule and kept as an
 * override with a reason, the draft is published, a new draft is made from it and edited, the two
 * versions are compared, and a reload reopens that version from the store. Every figure the page
 * shows is compared with what the store's API answers for the same version.
 *
 * The store is PGlite in a temporary folder (tests/store/engines.ts), as `wfm serve --data DIR`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildService } from '../../src/service.js';
import type { ZodApp } from '../../src/api/context.js';
import { engines, type TestStore } from '../store/engines.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SHOTS = join(import.meta.dirname, '..', '.artifacts', 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

if (!hasChromium) console.warn(`tests/web: ${CHROMIUM} is absent, skipping the Versions panel browser tests.`);

interface Shift {
  date: string;
  start: string;
  end: string;
  template: string;
}
interface VersionView {
  version: { id: string; version: number; status: string; publishedBy: string | null };
  document: {
    agents: { id: string; shifts: Shift[] }[];
    verdict: { line: string; hardViolations: unknown[] };
    overrides: { reason: string; rules: { rule: string; agent: string }[] }[];
  };
}

describe.skipIf(!hasChromium)('the Versions panel in Chromium (store-backed page)', () => {
  let t: TestStore;
  let app: ZodApp;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    t = await engines[0]!.open();
    app = await buildService({ store: t.store });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.dispose();
  });

  const api = async <T>(path: string): Promise<T> => (await (await fetch(`${base}${path}`)).json()) as T;
  const versions = () =>
    api<{ versions: { id: string; version: number; status: string }[] }>('/v1/centres/main/rosters');
  const view = (id: string) => api<VersionView>(`/v1/centres/main/rosters/${id}`);
  const text = async (selector: string) => (await page.textContent(selector)) ?? '';
  const editResult = async () => text('#ed-result');

  /** Fills the edit form and submits it; waits for the answer (applied or refused). */
  async function edit(fields: { op: string; agent: string; date: string; start?: string; end?: string }) {
    const before = await editResult();
    await page.selectOption('#ed-op', fields.op);
    await page.selectOption('#ed-agent', fields.agent);
    await page.selectOption('#ed-date', fields.date);
    if (fields.start) await page.fill('#ed-start', fields.start);
    if (fields.end) await page.fill('#ed-end', fields.end);
    await page.click('#ed-apply');
    await expect.poll(editResult, { timeout: 20_000 }).not.toBe(before);
  }

  let agent = '';
  let workedDay: Shift;

  it('saves a run as a draft of a new centre and opens it', async () => {
    await page.goto(`${base}/?agents=45&historyWeeks=5`);
    await page.waitForSelector('body[data-store-ready="true"]');
    expect(await page.isVisible('#store')).toBe(true);
    expect(await text('#st-status')).toContain('No centre yet');
    await page.click('#load-demo');
    await page.waitForSelector('#run-plan:not([disabled])');
    await page.fill('#plan-seconds', '3');
    await page.fill('#roster-seconds', '2');
    await page.click('#run-plan');
    await page.waitForSelector('#st-versions tbody tr', { timeout: 120_000 });
    await page.waitForSelector('#st-open:not([hidden]) #st-timeline button.tl-row');

    const listed = (await versions()).versions;
    expect(listed.map((v) => [v.version, v.status])).toEqual([[1, 'draft']]);
    const v1 = await view(listed[0]!.id);
    expect(await text('#st-versions tbody')).toContain('draft');
    expect(await text('#st-verdict')).toContain(v1.document.verdict.line.replace(/^(met|falls short): /, ''));
    const working = v1.document.agents.filter((a) => a.shifts.length > 0);
    expect(await page.locator('#st-timeline button.tl-row').count()).toBe(working.length);
    expect(await page.textContent('[data-st-kpi="hard"]')).toBe(String(v1.document.verdict.hardViolations.length));
    expect(await text('#st-audit tbody')).toContain('saved as a draft');
    const chosen = working[0]!;
    agent = chosen.id;
    workedDay = chosen.shifts[0]!;
  }, 180_000);

  it('refuses an edit that breaks a hard rule, naming it, then keeps it as an override with the reason', async () => {
    const [v] = (await versions()).versions;
    const hardBefore = (await view(v!.id)).document.verdict.hardViolations.length;
    // A second shift on a day the agent already works: the checker's twoShiftsOneDay rule.
    await edit({ op: 'add-shift', agent, date: workedDay.date, start: '23:00', end: '23:45' });
    const refused = await editResult();
    expect(refused).toMatch(/^Refused: The edit breaks hard rule "two shifts on one day" \(twoShiftsOneDay\)/);
    expect(refused).toContain('twoShiftsOneDay');
    expect(await page.isVisible('#ed-override')).toBe(true);
    // Nothing was saved by the refused edit.
    expect((await view(v!.id)).document.overrides).toEqual([]);

    await page.fill('#ed-reason', 'covers the late campaign call-backs');
    await page.click('#ed-override');
    await expect.poll(editResult, { timeout: 20_000 }).toMatch(/^Kept as an override/);
    const after = await view(v!.id);
    expect(after.document.overrides).toHaveLength(1);
    expect(after.document.overrides[0]!.reason).toBe('covers the late campaign call-backs');
    expect(after.document.overrides[0]!.rules.map((r) => r.rule)).toContain('twoShiftsOneDay');
    // The re-check is shown at once: the page's figures are the stored verdict's.
    expect(after.document.verdict.hardViolations.length).toBeGreaterThan(hardBefore);
    expect(await page.textContent('[data-st-kpi="hard"]')).toBe(String(after.document.verdict.hardViolations.length));
    expect(await text('#st-verdict')).toContain(after.document.verdict.line.replace(/^(met|falls short): /, ''));
    await expect.poll(() => text('#st-overrides')).toContain('covers the late campaign call-backs');
    await expect.poll(() => text('#st-audit tbody')).toContain('override of twoShiftsOneDay');
    await page.screenshot({ path: join(SHOTS, 'versions-edit-1280.png'), fullPage: true });
  }, 60_000);

  it('publishes the draft (who and when shown), makes a new draft from it, moves a shift and shows the diff', async () => {
    await page.click('#st-versions .st-publish');
    await expect.poll(() => text('#st-versions tbody')).toMatch(/published by anonymous, \w{3} \d+ \w{3},? \d\d:\d\d/);
    expect((await versions()).versions[0]!.status).toBe('published');
    expect(await page.isVisible('#st-edit')).toBe(false); // a published version is not edited
    await page.click('#st-copy');
    await expect.poll(() => text('#st-open-title')).toMatch(/v2: draft/);

    // Move the chosen agent's shift 15 minutes later (kept as an override if the checker objects).
    const later = new Date(Date.parse(workedDay.start) + 15 * 60_000);
    const minutes = Number(workedDay.start.slice(11, 13)) * 60 + Number(workedDay.start.slice(14, 16)) + 15;
    expect(minutes).toBeLessThan(24 * 60); // still the same local day
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    await edit({ op: 'move-shift', agent, date: workedDay.date, start: hhmm });
    if ((await editResult()).startsWith('Refused')) {
      await page.fill('#ed-reason', 'agreed with the agent');
      await page.click('#ed-override');
      await expect.poll(editResult).toMatch(/^Kept as an override/);
    }
    const [v2, v1] = (await versions()).versions;
    const moved = (await view(v2!.id)).document.agents.find((a) => a.id === agent)!.shifts;
    expect(moved.map((s) => Date.parse(s.start))).toContain(later.getTime());

    // A break added by hand (the form proposes half an hour mid-shift) is saved on that shift.
    const breaksOf = async () =>
      ((await view(v2!.id)).document.agents.find((a) => a.id === agent)!.shifts[0] as Shift & { breaks: unknown[] })
        .breaks.length;
    const breaksBefore = await breaksOf();
    await edit({ op: 'add-break', agent, date: workedDay.date });
    if ((await editResult()).startsWith('Refused')) {
      await page.fill('#ed-reason', 'agreed with the agent');
      await page.click('#ed-override');
      await expect.poll(editResult).toMatch(/^Kept as an override/);
    }
    expect(await breaksOf()).toBe(breaksBefore + 1);
    await page.selectOption('#ed-op', 'move-shift');

    await page.selectOption('#st-diff-from', v1!.id);
    await page.selectOption('#st-diff-to', v2!.id);
    await page.click('#st-compare');
    await expect.poll(() => text('#st-diff-summary')).toMatch(/From v1 to v2: 0 shifts added, 0 removed, 1 moved/);
    const row = page.locator('#st-diff-table tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain(agent);
    // Each shift by the name people read (the demo's templates have no display name: named from the
    // local start, src/formats/shift-names.ts), not its template id.
    const shift = String.raw`(Early|Day|Late|Night) shift \w{3} \d\d:\d\d-\d\d:\d\d`;
    expect(await row.first().textContent()).toMatch(new RegExp(`${shift} -> ${shift}`));
    await page.locator('#st-diff-table').screenshot({ path: join(SHOTS, 'versions-diff-1280.png') });
  }, 60_000);

  it('reopens the last version from the store on reload, with its roster and verdict', async () => {
    const [v2] = (await versions()).versions;
    const stored = await view(v2!.id);
    await page.reload();
    await page.waitForSelector('body[data-store-ready="true"]');
    await page.waitForSelector('#st-open:not([hidden]) #st-timeline button.tl-row');
    expect(await text('#st-open-title')).toMatch(/v2: draft/);
    expect(await text('#st-status')).toContain('Reopened');
    expect(await page.locator('#st-timeline button.tl-row').count()).toBe(
      stored.document.agents.filter((a) => a.shifts.length > 0).length,
    );
    expect(await text('#st-verdict')).toContain(stored.document.verdict.line.replace(/^(met|falls short): /, ''));
    expect(await page.textContent('[data-st-kpi="hard"]')).toBe(String(stored.document.verdict.hardViolations.length));
    // The browser's pointer is not the only source: without it the newest version is opened from the store.
    await page.evaluate('localStorage.clear()');
    await page.reload();
    await page.waitForSelector('#st-open:not([hidden]) #st-timeline button.tl-row');
    expect(await text('#st-open-title')).toMatch(/v2: draft/);
    await page.screenshot({ path: join(SHOTS, 'versions-1280.png') });
  }, 60_000);

  it('fits a phone-width screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.waitForSelector('#st-open:not([hidden]) #st-timeline button.tl-row');
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // A week of shifts is too fine on a phone: the version's timeline starts on its first day.
    expect(await page.inputValue('#st-day')).toBe('0');
    await page.evaluate("document.getElementById('store').scrollIntoView({ block: 'start' })");
    await page.screenshot({ path: join(SHOTS, 'versions-phone.png') });
    await page.evaluate("document.getElementById('st-open').scrollIntoView({ block: 'start' })");
    await page.screenshot({ path: join(SHOTS, 'versions-open-phone.png') });
    await page.evaluate("document.getElementById('st-edit').scrollIntoView({ block: 'start' })");
    await page.screenshot({ path: join(SHOTS, 'versions-edit-phone.png') });
  }, 60_000);
});
