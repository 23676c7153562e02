/** `wfm demo`: the whole plan on the built-in centre (small and short here), and its options. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stderr += String(chunk)), true),
  );
});
afterEach(() => vi.restoreAllMocks());

describe('wfm demo', () => {
  it('writes the plan folder and the config it ran', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-demo-cli-'));
    const out = join(dir, 'out');
    const code = await main([
      'node',
      'wfm',
      'demo',
      '--agents',
      '30',
      '--shift-plan-seconds',
      '2',
      '--roster-seconds',
      '1',
      '--out',
      out,
      '--write-config',
      join(dir, 'demo.json'),
    ]);
    expect(stderr).not.toMatch(/unexpected/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { verdict: { met: boolean } };
    expect(code).toBe(summary.verdict.met ? 0 : 3);
    expect(stderr).toMatch(summary.verdict.met ? /wfm: plan met: / : /wfm: plan falls short: /);
    expect(readdirSync(out)).toContain('report.html');
    expect(readdirSync(join(out, 'ics'))).toHaveLength(30);
    expect(stdout).toMatch(/Demo centre: 30 agents/);
    expect(stdout.match(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /gm)).toHaveLength(7);
    expect(JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8'))).toEqual(
      buildDemoCentre({ agents: 30, shiftPlanSeconds: 2, rosterSeconds: 1 }),
    );
  });

  it('keeps the quick staffing demo as --staffing-only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-demo-cli-'));
    expect(await main(['node', 'wfm', 'demo', '--staffing-only', '--out', dir])).toBe(0);
    expect(stdout).toMatch(/totals: intervals 304/); // 5 x 48 + 2 x 32 open 15-minute intervals
    expect(existsSync(join(dir, 'sample-week.csv'))).toBe(true);
  });

  it('refuses a bad --agents, naming it', async () => {
    expect(await main(['node', 'wfm', 'demo', '--agents', '2.5'])).toBe(2);
    expect(stderr).toMatch(/--agents/);
  });
});
