import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';

const rules = {
  templates: [{ name: 'pt4', paidMinutes: 240, starts: [{ from: '08:00', to: '16:00' }] }],
  pool: [
    {
      name: 'training',
      windowStart: '09:00',
      windowEnd: '17:00',
      sessionMinutes: 60,
      sessionsPerDay: 1,
      priority: 'must',
    },
  ],
};

let dir: string;
let stderr: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfm-shift-plan-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

function csvRequirement(): string {
  const lines = ['start,agents'];
  for (let h = 0; h < 24; h++)
    lines.push(`2026-03-02T${String(h).padStart(2, '0')}:00:00Z,${h >= 8 && h < 20 ? 2 : 0}`);
  return `${lines.join('\n')}\n`;
}

describe('wfm shift-plan', () => {
  it('plans a CSV requirement and writes the JSON plan and the coverage CSV', async () => {
    writeFileSync(join(dir, 'req.csv'), csvRequirement());
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules));
    const out = join(dir, 'plan.json');
    const cov = join(dir, 'coverage.csv');
    const code = await main([
      'node',
      'wfm',
      'shift-plan',
      '--requirements',
      join(dir, 'req.csv'),
      '--rules',
      join(dir, 'rules.json'),
      '--out',
      out,
      '--coverage-csv',
      cov,
      '--time-limit',
      '5',
    ]);
    expect(code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as {
      quality: { underCoverageAgentIntervals: number; poolHoursPlaced: number; serviceLevel: unknown };
      retraining: unknown[];
    };
    expect(plan.quality.underCoverageAgentIntervals).toBe(0);
    expect(plan.quality.poolHoursPlaced).toBe(1);
    expect(plan.quality.serviceLevel).toBeNull(); // no volume/AHT in this requirement
    expect(plan.retraining).toHaveLength(1);
    const csv = readFileSync(cov, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('start,required,on_shift,on_phone,on_break,in_retraining,over,under,service_level');
    expect(csv).toHaveLength(25);
    expect(stderr).toMatch(/shift plan \(optimal\)/);
  });

  it('rejects bad rules with exit 2, naming the field, and writes nothing', async () => {
    writeFileSync(join(dir, 'req.csv'), csvRequirement());
    writeFileSync(join(dir, 'rules.json'), JSON.stringify({ ...rules, breakRules: [{ template: 'ft8', breaks: [] }] }));
    const out = join(dir, 'plan.json');
    const code = await main([
      'node',
      'wfm',
      'shift-plan',
      '--requirements',
      join(dir, 'req.csv'),
      '--rules',
      join(dir, 'rules.json'),
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/WFM_ERR_SCHEDULER_RULES/);
    // The field, its place in the one-line rules file, and the value (src/io/json-locate.ts).
    expect(stderr).toMatch(/breakRules\[0\]\.template \(line 1, column \d+\): unknown template "ft8"/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a requirement CSV row with a bad number, naming the line', async () => {
    writeFileSync(join(dir, 'req.csv'), 'start,agents\n2026-03-02T08:00:00Z,2\n2026-03-02T09:00:00Z,two\n');
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules));
    const code = await main([
      'node',
      'wfm',
      'shift-plan',
      '--requirements',
      join(dir, 'req.csv'),
      '--rules',
      join(dir, 'rules.json'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/line 3, column "agents": "\S+" is not a number/);
  });
});

describe('wfm shift-plan time zone', () => {
  it('rejects an unknown --time-zone with exit 2, naming it', async () => {
    writeFileSync(join(dir, 'req.csv'), csvRequirement());
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules));
    const code = await main([
      'node',
      'wfm',
      'shift-plan',
      '--requirements',
      join(dir, 'req.csv'),
      '--rules',
      join(dir, 'rules.json'),
      '--time-zone',
      'Mars/Olympus',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/WFM_ERR_INPUT_TIME: timeZone: unknown IANA time zone "Mars\/Olympus"/);
  });
});

describe('wfm shift-plan --agents', () => {
  it('plans for the agents given and names the shortfall on stderr and in the JSON', async () => {
    // Demand 2 agents 08-20; two agents whose windows are 08:00-12:00 can each work one 4-hour shift
    // at 08:00, so 12:00-20:00 has nobody who can work then (by construction).
    writeFileSync(join(dir, 'req.csv'), csvRequirement());
    writeFileSync(join(dir, 'rules.json'), JSON.stringify({ templates: rules.templates }));
    writeFileSync(
      join(dir, 'agents.csv'),
      'id,team,max_hours,window_from,window_to\nA1,day,40,08:00,12:00\nA2,day,40,08:00,12:00\n',
    );
    const out = join(dir, 'plan.json');
    const args = ['--requirements', join(dir, 'req.csv'), '--rules', join(dir, 'rules.json')];
    const code = await main(['node', 'wfm', 'shift-plan', ...args, '--agents', join(dir, 'agents.csv'), '--out', out]);
    // 3: done, falls short (the plan is written, the verdict names the shortfall).
    expect(code).toBe(3);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as {
      shifts: { start: string; count: number }[];
      supply: { checked: boolean; agents: number };
      shortfall: { message: string }[];
    };
    expect(plan.supply).toMatchObject({ checked: true, agents: 2 });
    expect(plan.shifts.map((s) => [s.start, s.count])).toEqual([['2026-03-02T08:00:00Z', 2]]);
    const sentence = 'Mon 12:00-20:00: 2 agents required, 0 can work then (2 day: windows end at 12:00).';
    expect(plan.shortfall.map((s) => s.message)).toEqual([sentence]);
    expect(stderr).toContain(`short: ${sentence}`);
    expect(stderr).toContain(`the agents fall short in 1 run of intervals (first: ${sentence})`);
  });
});
