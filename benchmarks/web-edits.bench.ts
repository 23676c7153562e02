/**
 * Issue 15, hand edits from the planner page in Debian's Chromium (playwright-core) on the full
 * demo centre (150 agents), with the embedded store (PGlite in a temporary folder, as
 * `wfm serve --data DIR`): the run is saved as a draft, then 20 edits are made in the page's edit
 * form (move an agent's first shift 15 minutes later), each timed from the click on "Check and
 * save" to the re-checked verdict, figures, coverage and timeline shown (applied) or the refusal
 * naming the rule shown. Target: under 100 ms per edit including the re-check (issue 15's figure
 * for the API; the page adds the browser round trip and redraw). Skips when /usr/bin/chromium is absent.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildService } from '../src/service.js';
import { openStore } from '../src/store/index.js';
import { nowMs, writeResult } from './lib/report.js';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log(`web-edits: ${CHROMIUM} is absent, skipping (apt-get install chromium).`);
  process.exit(0);
}
const { chromium } = await import('playwright-core');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const EDITS = 20;

const dir = mkdtempSync(join(tmpdir(), 'wfm-web-edits-'));
const store = await openStore({ dataDir: dir });
const app = await buildService({ store });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-store-ready="true"]');
  await page.click('#load-demo');
  await page.waitForSelector('#run-plan:not([disabled])');
  await page.fill('#plan-seconds', '10');
  await page.fill('#roster-seconds', '5');
  const t0 = nowMs();
  await page.click('#run-plan');
  await page.waitForSelector('#st-open:not([hidden]) #st-timeline button.tl-row', { timeout: 180_000 });
  const planAndSaveMs = nowMs() - t0;
  const agents = await page.evaluate<{ id: string; date: string; start: string }[]>(
    `window.wfmStore.open.document.agents.filter((a) => a.shifts.length > 0)
       .map((a) => ({ id: a.id, date: a.shifts[0].date, start: a.shifts[0].start }))`,
  );
  const applied: number[] = [];
  const refused: number[] = [];
  const inPage: number[] = [];
  const answers: number[] = [];
  for (const a of agents.slice(0, EDITS)) {
    const minutes = Number(a.start.slice(11, 13)) * 60 + Number(a.start.slice(14, 16)) + 15;
    const hhmm = `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    await page.selectOption('#ed-op', 'move-shift');
    await page.selectOption('#ed-agent', a.id);
    await page.selectOption('#ed-date', a.date);
    await page.fill('#ed-start', hhmm);
    await page.evaluate("document.getElementById('ed-result').textContent = ''");
    const t = nowMs();
    await page.click('#ed-apply');
    await page.waitForSelector('#ed-result:not(:empty)');
    const ms = nowMs() - t;
    const text = (await page.textContent('#ed-result')) ?? '';
    if (text.startsWith('Refused')) refused.push(ms);
    else {
      applied.push(ms);
      inPage.push(await page.evaluate<number>('window.wfmStore.lastEditMs'));
      answers.push(await page.evaluate<number>('window.wfmStore.lastEditAnswerMs'));
    }
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((x, y) => x - y);
    return {
      n: s.length,
      medianMs: s.length ? Math.round(s[Math.floor(s.length / 2)] as number) : null,
      worstMs: s.length ? Math.round(s[s.length - 1] as number) : null,
    };
  };
  const all = stats([...applied, ...refused]);
  writeResult({
    name: 'web-edits',
    description:
      'Planner page in Chromium, full demo (150 agents) with the embedded store: 20 hand edits (move a shift 15 min) from the click to the re-checked result shown.',
    size: { agents: agents.length, edits: applied.length + refused.length },
    metrics: {
      planAndSaveMs: Math.round(planAndSaveMs),
      appliedMedianMs: stats(applied).medianMs,
      appliedWorstMs: stats(applied).worstMs,
      applied: applied.length,
      refusedMedianMs: stats(refused).medianMs,
      refused: refused.length,
      inPageAppliedMedianMs: stats(inPage).medianMs,
      answerMedianMs: stats(answers).medianMs,
      sharedMachine: true,
    },
    targets: {
      editWorstMs: {
        target: 'an edit re-checked and shown under 100 ms (issue 15)',
        met: all.worstMs !== null && all.worstMs < 100,
      },
    },
    details: {
      appliedMs: applied.map((x) => Math.round(x)),
      refusedMs: refused.map((x) => Math.round(x)),
      inPageAppliedMs: inPage.map((x) => Math.round(x)),
      answerMs: answers.map((x) => Math.round(x)),
    },
  });
} finally {
  await browser.close();
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
