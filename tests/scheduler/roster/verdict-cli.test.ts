/**
 * The verdict on the command line (docs/semantics.md, "Verdict"): a roster or plan that falls short
 * prints "falls short" first and exits 3 with its files written; a template an agent names that the
 * plan does not have is bad input (exit 2, nothing written).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { generateInstance } from './generate.js';

let dir: string;
let stderr: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfm-verdict-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

function agentsCsv(rows: string[]): string {
  return `${['id,name,min_hours,max_hours,max_days,templates', ...rows].join('\n')}\n`;
}

async function roster(out: string): Promise<number> {
  return main([
    'node',
    'wfm',
    'roster',
    '--plan',
    join(dir, 'plan.json'),
    '--agents',
    join(dir, 'agents.csv'),
    '--iterations',
    '20000',
    '--out',
    out,
  ]);
}

describe('the verdict of wfm roster', () => {
  it('exits 3 with "falls short" first when one agent cannot fill a plan of 4 agents, and writes the files', async () => {
    // generate.ts seed 5 with 4 agents: a plan of 20 shifts (5 days x 4 agents, its known roster).
    const g = generateInstance(5, { agents: 4 });
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(g.plan));
    writeFileSync(join(dir, 'agents.csv'), agentsCsv(['solo,Solo,0,40,5,']));
    const out = join(dir, 'out');
    const code = await roster(out);
    expect(code).toBe(3);
    // One agent works at most one shift a day and 5 days: at most 5 of the 20 shifts.
    const line = /^wfm: roster falls short: (\d+)\/20 shifts filled;/.exec(stderr);
    expect(line).not.toBeNull();
    expect(Number(line![1])).toBeLessThanOrEqual(5);
    const written = JSON.parse(readFileSync(join(out, 'roster.json'), 'utf8')) as {
      verdict: { met: boolean; shifts: { unfilled: number }; shortfalls: string[] };
    };
    expect(written.verdict.met).toBe(false);
    expect(written.verdict.shifts.unfilled).toBeGreaterThanOrEqual(15);
    expect(written.verdict.shortfalls.join('\n')).toMatch(/plan shifts unfilled/);
  });

  it('refuses an agent naming a template the plan does not have (exit 2, the line and agent named, nothing written)', async () => {
    const g = generateInstance(5, { agents: 4 });
    // A plan written by wfm shift-plan lists every template of its rules (generate.ts: early, mid, late).
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...g.plan, templates: ['early', 'mid', 'late'] }));
    writeFileSync(join(dir, 'agents.csv'), agentsCsv(['a1,A,0,40,5,early', 'a2,B,0,40,5,Early']));
    const out = join(dir, 'out');
    const code = await roster(out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/line 3/);
    expect(stderr).toMatch(/agent "a2" names template "Early".*did you mean "early"\?/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the verdict of wfm shift-plan', () => {
  function requirement(lastHourAgents: number): string {
    const lines = ['start,agents'];
    for (let h = 0; h < 24; h++)
      lines.push(
        `2026-03-02T${String(h).padStart(2, '0')}:00:00Z,${h >= 8 && h < 16 ? 2 : h === 20 ? lastHourAgents : 0}`,
      );
    return `${lines.join('\n')}\n`;
  }
  const rules = {
    templates: [{ name: 'd8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00' }] }],
    solver: { timeLimitSeconds: 5 },
  };

  async function shiftPlan(): Promise<number> {
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules));
    const files = ['--requirements', join(dir, 'req.csv'), '--rules', join(dir, 'rules.json')];
    return main(['node', 'wfm', 'shift-plan', ...files, '--out', join(dir, 'plan.json')]);
  }

  it('exits 0 with "met" when every interval is covered', async () => {
    writeFileSync(join(dir, 'req.csv'), requirement(0));
    const code = await shiftPlan();
    expect(stderr.split('\n')[0]).toMatch(/^wfm: shift plan met: /);
    expect(code).toBe(0);
  });

  it('exits 3 with "falls short" when an interval no template reaches needs agents, and still writes the plan', async () => {
    // 20:00 needs 1 agent; the only template starts at 08:00 and lasts 8 h, so nothing covers 20:00.
    writeFileSync(join(dir, 'req.csv'), requirement(1));
    const code = await shiftPlan();
    expect(stderr.split('\n')[0]).toMatch(
      /^wfm: shift plan falls short: .*intervals? (under-covered|no template can cover)/,
    );
    expect(code).toBe(3);
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { verdict: { met: boolean } };
    expect(plan.verdict.met).toBe(false);
  });
});
