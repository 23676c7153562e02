import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { generateInstance } from './generate.js';
import { parseRosterRules } from '../../../src/contracts/roster.js';
import { parseAgentsCsv } from '../../../src/formats/agents-csv.js';
import { parsePreviousRosterCsv } from '../../../src/formats/previous-roster-csv.js';
import type { RosterResult } from '../../../src/scheduler/roster/result-types.js';
import { checkRoster } from '../../../src/scheduler/rules-check/index.js';

let dir: string;
let stderr: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfm-roster-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

function writeInputs(): void {
  const g = generateInstance(5, { agents: 4 });
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(g.plan));
  const csv = ['id,name,team,min_hours,max_hours,max_days,days,retraining_hours,preferred_days'];
  g.agents.forEach((a, i) =>
    csv.push(
      `${a.id},Agent ${i},t${i % 2},0,40,5,mon|tue|wed|thu|fri|sat|sun,${i === 0 ? 2 : ''},${i === 1 ? 'sat|sun' : ''}`,
    ),
  );
  writeFileSync(join(dir, 'agents.csv'), `${csv.join('\n')}\n`);
  writeFileSync(join(dir, 'rules.json'), JSON.stringify({ minRestHours: 11, maxConsecutiveDays: 5 }));
}

describe('wfm roster', () => {
  it('writes roster.json, the agent-day CSV and one .ics per agent', async () => {
    writeInputs();
    const out = join(dir, 'out');
    const code = await main([
      'node',
      'wfm',
      'roster',
      '--plan',
      join(dir, 'plan.json'),
      '--agents',
      join(dir, 'agents.csv'),
      '--rules',
      join(dir, 'rules.json'),
      '--iterations',
      '50000',
      '--out',
      out,
    ]);
    // The verdict is the only line: the generated instance has a known valid roster (generate.ts).
    expect(stderr).toMatch(/^wfm: roster met: 20\/20 shifts filled; every hard rule met;[^\n]*\n$/);
    expect(code).toBe(0);
    const roster = JSON.parse(readFileSync(join(out, 'roster.json'), 'utf8')) as {
      agents: { id: string }[];
      score: { feasible: boolean };
    };
    expect(roster.agents).toHaveLength(4);
    expect(roster.score.feasible).toBe(true);
    const csv = readFileSync(join(out, 'roster-agent-days.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'agent_id,name,team,date,status,template,shift_name,start,end,paid_hours,breaks,retraining,extra',
    );
    expect(csv).toHaveLength(1 + 4 * 7);
    expect(readdirSync(join(out, 'ics')).sort()).toEqual(roster.agents.map((a) => `${a.id}.ics`).sort());
    const ics = readFileSync(join(out, 'ics', `${roster.agents[0]!.id}.ics`), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VEVENT');
  });

  it('rejects a bad agents row with exit 2, naming the line, and writes nothing', async () => {
    writeInputs();
    writeFileSync(join(dir, 'agents.csv'), 'id,max_hours,min_hours\nx1,40,0\nx2,abc,0\n');
    const out = join(dir, 'out');
    const code = await main([
      'node',
      'wfm',
      'roster',
      '--plan',
      join(dir, 'plan.json'),
      '--agents',
      join(dir, 'agents.csv'),
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/line 3/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a hard fairness rule and an unknown rule key', async () => {
    writeInputs();
    writeFileSync(
      join(dir, 'rules.json'),
      JSON.stringify({ settings: { fairnessLate: { hard: true }, nope: { weight: 1 } } }),
    );
    const code = await main([
      'node',
      'wfm',
      'roster',
      '--plan',
      join(dir, 'plan.json'),
      '--agents',
      join(dir, 'agents.csv'),
      '--rules',
      join(dir, 'rules.json'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/WFM_ERR_SCHEDULER_RULES/);
  });

  it('builds the plan first from a requirement and plan rules, and re-computes the SL from its volume', async () => {
    const lines = ['start,agents,volume,aht_seconds'];
    for (let h = 0; h < 24; h++)
      lines.push(
        `2026-03-02T${String(h).padStart(2, '0')}:00:00Z,${h >= 8 && h < 16 ? 2 : 0},${h >= 8 && h < 16 ? 20 : 0},300`,
      );
    writeFileSync(join(dir, 'req.csv'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(dir, 'plan-rules.json'),
      JSON.stringify({
        templates: [{ name: 'd8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00' }] }],
        solver: { timeLimitSeconds: 5 },
      }),
    );
    writeFileSync(
      join(dir, 'agents.json'),
      JSON.stringify([1, 2, 3].map((i) => ({ id: `p${i}`, contract: { maxHoursPerWeek: 40 } }))),
    );
    const out = join(dir, 'out2');
    const code = await main([
      'node',
      'wfm',
      'roster',
      '--requirements',
      join(dir, 'req.csv'),
      '--plan-rules',
      join(dir, 'plan-rules.json'),
      '--agents',
      join(dir, 'agents.json'),
      '--iterations',
      '20000',
      '--out',
      out,
    ]);
    expect(stderr).toMatch(/^wfm: roster met: 2\/2 shifts filled; every hard rule met; worst interval SL/);
    expect(code).toBe(0);
    const roster = JSON.parse(readFileSync(join(out, 'roster.json'), 'utf8')) as {
      quality: { shiftsRequired: number; shiftsFilled: number; serviceLevel: { volumeWeighted: number } | null };
    };
    // two agents 08:00-16:00 cover the two required (computed by hand from the requirement)
    expect(roster.quality.shiftsRequired).toBe(2);
    expect(roster.quality.shiftsFilled).toBe(2);
    expect(roster.quality.serviceLevel).not.toBeNull();
  });

  it('with --requirements plans for the --agents: a template none of them may work is never planned', async () => {
    const lines = ['start,agents,volume,aht_seconds'];
    for (let h = 0; h < 24; h++)
      lines.push(
        `2026-03-02T${String(h).padStart(2, '0')}:00:00Z,${h >= 8 && h < 20 ? 2 : 0},${h >= 8 && h < 20 ? 20 : 0},300`,
      );
    writeFileSync(join(dir, 'req.csv'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(dir, 'plan-rules.json'),
      JSON.stringify({
        templates: [
          { name: 'd8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00' }] },
          { name: 'e8', paidMinutes: 480, starts: [{ from: '12:00', to: '12:00' }] },
        ],
        solver: { timeLimitSeconds: 5 },
      }),
    );
    // every agent may work 'd8' only: planned for the requirement alone, the plan would put two
    // 'e8' shifts on 12:00-20:00 that nobody can fill
    writeFileSync(
      join(dir, 'agents.json'),
      JSON.stringify([1, 2, 3].map((i) => ({ id: `p${i}`, contract: { maxHoursPerWeek: 40, templates: ['d8'] } }))),
    );
    const out = join(dir, 'out-supply');
    await main([
      'node',
      'wfm',
      'roster',
      '--requirements',
      join(dir, 'req.csv'),
      '--plan-rules',
      join(dir, 'plan-rules.json'),
      '--agents',
      join(dir, 'agents.json'),
      '--iterations',
      '20000',
      '--out',
      out,
    ]);
    const roster = JSON.parse(readFileSync(join(out, 'roster.json'), 'utf8')) as {
      quality: { shiftsRequired: number; shiftsFilled: number };
      unfilledShifts: { template: string }[];
      agents: { days: { template?: string | null }[] }[];
    };
    expect(roster.unfilledShifts).toEqual([]);
    expect(roster.quality.shiftsFilled).toBe(roster.quality.shiftsRequired);
    expect(roster.agents.flatMap((a) => a.days.map((d) => d.template ?? null))).not.toContain('e8');
  });

  it('re-computes the SL from a plan file written by wfm shift-plan (the plan carries volume and AHT)', async () => {
    const lines = ['start,agents,volume,aht_seconds'];
    for (let h = 0; h < 24; h++)
      lines.push(
        `2026-03-02T${String(h).padStart(2, '0')}:00:00Z,${h >= 8 && h < 16 ? 2 : 0},${h >= 8 && h < 16 ? 20 : 0},300`,
      );
    writeFileSync(join(dir, 'req.csv'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(dir, 'plan-rules.json'),
      JSON.stringify({
        templates: [{ name: 'd8', paidMinutes: 480, starts: [{ from: '08:00', to: '08:00' }] }],
        solver: { timeLimitSeconds: 5 },
      }),
    );
    writeFileSync(
      join(dir, 'agents.json'),
      JSON.stringify([1, 2, 3].map((i) => ({ id: `p${i}`, contract: { maxHoursPerWeek: 40 } }))),
    );
    const planFile = join(dir, 'plan-from-cli.json');
    expect(
      await main([
        'node',
        'wfm',
        'shift-plan',
        '--requirements',
        join(dir, 'req.csv'),
        '--rules',
        join(dir, 'plan-rules.json'),
        '--out',
        planFile,
      ]),
    ).toBe(0);
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { coverage: { volume?: number; ahtSeconds?: number }[] };
    // 08:00 on the requirement above: 20 contacts, 300 s
    expect(plan.coverage[8]).toMatchObject({ volume: 20, ahtSeconds: 300 });
    const out = join(dir, 'out3');
    stderr = '';
    const code = await main([
      'node',
      'wfm',
      'roster',
      '--plan',
      planFile,
      '--agents',
      join(dir, 'agents.json'),
      '--iterations',
      '20000',
      '--out',
      out,
    ]);
    expect(stderr).toMatch(/^wfm: roster met: 2\/2 shifts filled/);
    expect(code).toBe(0);
    const roster = JSON.parse(readFileSync(join(out, 'roster.json'), 'utf8')) as {
      quality: { serviceLevel: { volumeWeighted: number } | null };
    };
    expect(roster.quality.serviceLevel).not.toBeNull();
  });

  it('asks for --plan or --requirements with --plan-rules', async () => {
    writeInputs();
    const code = await main(['node', 'wfm', 'roster', '--agents', join(dir, 'agents.csv')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--plan/);
  });

  it('rosters the next week after --previous (the agent-days CSV the first run wrote), and refuses an overlapping one', async () => {
    writeInputs();
    const base = ['node', 'wfm', 'roster', '--agents', join(dir, 'agents.csv'), '--rules', join(dir, 'rules.json')];
    const budget = ['--iterations', '50000'];
    expect(await main([...base, '--plan', join(dir, 'plan.json'), ...budget, '--out', join(dir, 'w1')])).toBe(0);
    // the same centre one week later (generateInstance's default week is Monday 2026-03-02)
    const next = generateInstance(5, { agents: 4, weekStart: '2026-03-09' });
    writeFileSync(join(dir, 'plan2.json'), JSON.stringify(next.plan));
    const previousCsv = join(dir, 'w1', 'roster-agent-days.csv');
    const w2 = ['--plan', join(dir, 'plan2.json'), '--previous', previousCsv, ...budget, '--out', join(dir, 'w2')];
    expect(await main([...base, ...w2])).toBe(0);
    const week2 = JSON.parse(readFileSync(join(dir, 'w2', 'roster.json'), 'utf8')) as RosterResult;
    const agents = parseAgentsCsv(readFileSync(join(dir, 'agents.csv'), 'utf8'), week2.grid.timeZone);
    const rules = parseRosterRules({ minRestHours: 11, maxConsecutiveDays: 5 });
    const previous = parsePreviousRosterCsv(readFileSync(previousCsv, 'utf8')).previous;
    expect(checkRoster(week2, agents, rules, previous)).toEqual([]);
    // week 1 again after itself: the previous roster does not end before the horizon
    stderr = '';
    const again = ['--plan', join(dir, 'plan.json'), '--previous', previousCsv, '--out', join(dir, 'w1b')];
    expect(await main([...base, ...again])).toBe(2);
    expect(stderr).toMatch(
      /roster-agent-days\.csv: Invalid previous roster: lastDate: ends on 2026-03-08, not before the horizon's first day 2026-03-02/,
    );
    expect(existsSync(join(dir, 'w1b'))).toBe(false);
  });
});
