/**
 * End-to-end: `wfm plan` on a small demo centre (40 agents, short limits) with its inputs as files
 * (history CSV, rules and agents JSON, paths relative to the config). Checks that the folder is
 * complete, that every number shown in report.html is the number in summary.json, and that the
 * summary's figures are those of roster.json, shift-plan.json and staffing.json.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PLAN_FILES } from '../../src/io/plan-folder.js';
import type { PlanSummary } from '../../src/app/summary.js';
import type { RosterResult } from '../../src/scheduler/roster/result-types.js';
import type { ShiftPlan } from '../../src/scheduler/shift-plan/types.js';
import type { StaffingResponse } from '../../src/contracts/staffing.js';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';
import { renderReport } from '../../src/report/html.js';
import type { ForecastResult } from '../../src/forecast/types.js';

const AGENTS = 40;
let dir: string;
let out: string;
let code: number;
let stdout = '';
let stderr = '';
const read = <T>(name: string): T => JSON.parse(readFileSync(join(out, name), 'utf8')) as T;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wfm-plan-e2e-'));
  const demo = buildDemoCentre({ agents: AGENTS, shiftPlanSeconds: 2, rosterSeconds: 1 });
  const csv = ['start,volume,aht_seconds', ...demo.history.map((r) => `${r.start},${r.volume},${r.ahtSeconds}`)].join(
    '\n',
  );
  writeFileSync(join(dir, 'history.csv'), `${csv}\n`);
  writeFileSync(join(dir, 'rules.json'), JSON.stringify(demo.shiftPlan));
  writeFileSync(join(dir, 'agents.json'), JSON.stringify(demo.agents));
  const config = {
    ...demo,
    name: 'E2E <centre>',
    history: 'history.csv',
    shiftPlan: 'rules.json',
    agents: 'agents.json',
    roster: { ...demo.roster, maxIterations: 200_000 },
  };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(config));
  out = join(dir, 'out');
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stderr += String(chunk)), true),
  );
  code = await main(['node', 'wfm', 'plan', '--config', join(dir, 'plan.json'), '--out', out]);
  vi.restoreAllMocks();
});
afterAll(() => vi.restoreAllMocks());

/** Every `data-figure="path" data-value="v"` pair of the report. */
function figures(html: string): { path: string; value: string }[] {
  return [...html.matchAll(/data-figure="([^"]+)" data-value="([^"]*)"/g)].map((m) => ({
    path: m[1] as string,
    value: (m[2] as string).replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  }));
}

function at(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], object);
}

describe('wfm plan (end to end, small demo)', () => {
  it('exits 0 when its verdict is met and 3 when it falls short, prints that verdict, and writes the complete folder', () => {
    expect(stderr).not.toMatch(/unexpected error/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      verdict: { met: boolean; line: string };
    };
    expect(code).toBe(summary.verdict.met ? 0 : 3);
    // The verdict is the first line after the progress, and the first line of the summary on stdout.
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(`wfm: plan ${summary.verdict.line}`);
    expect(stdout.split('\n')[0]).toBe(`Verdict    ${summary.verdict.line}`);
    const files = readdirSync(out);
    for (const name of PLAN_FILES) expect(files).toContain(name);
    expect(readdirSync(join(out, 'ics'))).toHaveLength(AGENTS);
    // No temp folder left beside the output.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.old'))).toEqual([]);
    expect(stdout).toMatch(/Shift plan/);
    expect(stderr).toMatch(/5\/5 report/); // not a TTY: one plain line per step
  });

  it('shows in the report exactly the figures of summary.json', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const summary = read<PlanSummary>('summary.json');
    const embedded = /<script type="application\/json" id="wfm-summary">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(embedded)).toEqual(summary);
    const shown = figures(html);
    // At least the key figures and one row per day.
    expect(shown.length).toBeGreaterThan(40 + 7 * 10 - 1);
    for (const { path, value } of shown) {
      const expected = at(summary, path);
      expect(expected, path).not.toBeUndefined();
      expect(value, path).toBe(expected === null ? 'null' : String(expected));
    }
    for (const key of [
      'roster.paidHours',
      'shiftPlan.lpBound',
      'shiftPlan.mipGap',
      'shiftPlan.poolHoursPlaced',
      'shiftPlan.poolHoursRequested',
      'roster.serviceLevel',
      'days.0.serviceLevel',
    ]) {
      expect(
        shown.some((f) => f.path === key),
        key,
      ).toBe(true);
    }
  });

  it('summary.json carries the numbers of roster.json, shift-plan.json and staffing.json', () => {
    const summary = read<PlanSummary>('summary.json');
    const roster = read<RosterResult>('roster.json');
    const plan = read<ShiftPlan>('shift-plan.json');
    const staffing = read<StaffingResponse>('staffing.json');
    const r2 = (x: number) => Math.round(x * 100) / 100;
    expect(summary.roster.paidHours).toBe(r2(roster.quality.paidHours));
    expect(summary.roster.shiftsFilled).toBe(roster.quality.shiftsFilled);
    expect(summary.roster.agents).toBe(roster.agents.length);
    expect(summary.roster.feasible).toBe(roster.score.feasible);
    expect(summary.shiftPlan.paidHours).toBe(r2(plan.quality.paidHours));
    expect(summary.shiftPlan.lpBound).toBe(r2(plan.quality.lpBound));
    expect(summary.shiftPlan.poolHoursPlaced).toBe(r2(plan.quality.poolHoursPlaced));
    expect(summary.shiftPlan.shifts).toBe(plan.shifts.reduce((s, x) => s + x.count, 0));
    expect(summary.staffing.agentHours).toBe(r2(staffing.totals.agentHours));
    // Per-day rows add up to the roster's coverage (under: agent-intervals; hours: x 15 min).
    const under = roster.coverage.reduce((s, c) => s + c.under, 0);
    expect(summary.days.reduce((s, d) => s + d.underAgentIntervals, 0)).toBeCloseTo(under, 6);
    expect(summary.roster.underAgentIntervals).toBe(roster.quality.rosterUnderAgentIntervals);
    const onPhoneHours = roster.coverage.reduce((s, c) => s + c.onPhone, 0) / 4;
    expect(summary.days.reduce((s, d) => s + d.onPhoneAgentHours, 0)).toBeCloseTo(onPhoneHours, 6);
    const retraining = roster.agents.reduce((s, a) => s + a.retrainingHoursAssigned, 0);
    expect(summary.days.reduce((s, d) => s + d.retrainingHoursRostered, 0)).toBeCloseTo(retraining, 6);
    expect(summary.days).toHaveLength(7);
    expect(staffing.intervals).toHaveLength(7 * 96);
  });

  it('draws the coverage chart and the timeline from roster.json, and needs no network', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const roster = read<RosterResult>('roster.json');
    const under = roster.coverage.reduce((s, c) => s + c.under, 0);
    const over = roster.coverage.reduce((s, c) => s + c.over, 0);
    expect(html).toContain(`data-under="${under}" data-over="${over}"`);
    expect(html).toContain(`data-rows="${roster.agents.length}"`);
    expect((html.match(/<rect class="under"/g) ?? []).length).toBe(
      roster.coverage.filter((c) => c.onPhone < c.required).length,
    );
    const shifts = roster.agents.reduce((s, a) => s + a.days.length, 0);
    expect((html.match(/<rect class="shift/g) ?? []).length).toBe(shifts);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link|<script src|@import|url\(/i);
    expect(html).toContain('E2E &lt;centre&gt;');
  });

  it('writes calendars and the per-agent CSV for every agent', () => {
    const roster = read<RosterResult>('roster.json');
    const csv = readFileSync(join(out, 'roster-agent-days.csv'), 'utf8').trim().split('\n');
    expect(csv.length - 1).toBe(roster.agents.length * 7);
    const first = roster.agents.find((a) => a.days.length > 0);
    expect(first).toBeDefined();
    const ics = readFileSync(join(out, 'ics', `${first?.id}.ics`), 'utf8');
    expect((ics.match(/BEGIN:VEVENT/g) ?? []).length).toBeGreaterThanOrEqual(first?.days.length ?? 1);
    expect(existsSync(join(out, 'coverage.csv'))).toBe(true);
  });

  it('shows n/a, never NaN, for a figure the run could not compute (no LP bound within the time limit)', () => {
    const summary = read<PlanSummary>('summary.json');
    const input = {
      forecast: read<ForecastResult>('forecast.json'),
      staffing: read<StaffingResponse>('staffing.json'),
      shiftPlan: read<ShiftPlan>('shift-plan.json'),
      roster: read<RosterResult>('roster.json'),
      summary: { ...summary, shiftPlan: { ...summary.shiftPlan, lpBound: NaN, objectiveOverBound: NaN } },
    };
    const html = renderReport(input);
    expect(html).not.toMatch(/>NaN</);
    expect(html).toContain('data-figure="shiftPlan.lpBound" data-value="null">n/a<');
    expect(html).toContain('data-figure="shiftPlan.objectiveOverBound" data-value="null">n/a<');
  });
});
