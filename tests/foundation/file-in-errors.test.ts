/**
 * Every input error of every CLI command names the file as the user gave it, then the line (or
 * field), the column and the value, and says how to fix it (issue 16: "Every message names the
 * file, line, column and value, and how to fix it"). One case per command family; the plan config
 * cases check that an error inside a file the config names names that file, not only the field.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../staffing/cli-harness.js';

// Pretty-printed as people write it; the bad time is the value of "from" on line 8, column 19.
const DEEP_RULES = [
  '{',
  '  "templates": [',
  '    { "name": "ft8", "paidMinutes": 480, "starts": [{ "from": "07:00", "to": "13:00" }] },',
  '    {',
  '      "name": "pt4",',
  '      "paidMinutes": 240,',
  '      "starts": [',
  '        { "from": "7 o\'clock", "to": "18:00" }',
  '      ]',
  '    }',
  '  ]',
  '}',
].join('\n');

const files = tempDir({
  // A 30-minute history, semicolon-separated with decimal commas, a bad count on line 4.
  'history.csv':
    'Interval Start;Offered;AHT\n2026-03-02T08:00+01:00;30;280,5\n2026-03-02T08:30+01:00;31;281\n' +
    '2026-03-02T09:00+01:00;abc;290\n',
  'history.json': '[{"start": "2026-03-02T08:00Z", "volume": 3},\n {"start": "2026-03-02T08:30Z", "volume": 4,}]',
  'good-staff.csv': 'start,volume,aht_seconds\n2026-06-01T09:00Z,12,180\n',
  'staff.csv': 'start,volume,aht_seconds\n2026-06-01T09:00Z,12,180\n2026-06-01T09:30Z,-3,180\n',
  'rules.json': JSON.stringify({
    templates: [{ name: 'early', paidMinutes: 480, strats: [{ from: '08:00', to: '09:00' }] }],
  }),
  'good-rules.json': JSON.stringify({
    templates: [{ name: 'early', paidMinutes: 480, starts: [{ from: '08:00', to: '09:00' }] }],
  }),
  'deep-rules.json': DEEP_RULES,
  'requirement.csv': 'start,agents\n2026-06-01T08:00Z,2\n2026-06-01T08:30Z,two\n',
  'good-requirement.csv': 'start,agents\n2026-06-01T08:00Z,2\n2026-06-01T08:30Z,2\n',
  'agents.csv': 'Agent ID;Max Hours;Templates\nA1;40;early\nA2;40;erly\n',
  'roster-rules.json': '{ "minRestHours": "eleven" }',
  'what-if.json': '{ "base": ',
  'simulate.json': '{"queues": [], "groups": []}',
});
afterAll(() => files.cleanup());
const path = files.path;

describe('the file is named before the line, column and value', () => {
  it('forecast: a CSV cell that is not a number', async () => {
    const { code, stderr } = await runCli('forecast', '--history', path('history.csv'));
    expect(code).toBe(2);
    expect(stderr).toContain(`${path('history.csv')}: history CSV line 4, column "volume": "abc" is not a number`);
    expect(stderr).toContain('write a number such as 12 or 12,5'); // the fix, in the file's own decimal comma
  });

  it('forecast: a JSON syntax error gives the line and column of the fault', async () => {
    const { code, stderr } = await runCli('forecast', '--history', path('history.json'));
    expect(code).toBe(2);
    // The comma before "}" on line 2 is at column 45 (counted from the fixture's text above).
    expect(stderr).toContain(`${path('history.json')}: not valid JSON at line 2, column 45`);
    expect(stderr).toContain('no comma after the last item');
  });

  it('forecast: a special day written day/month names the special days file and the form to write', async () => {
    writeFileSync(path('special.csv'), 'date;factor\n14/04/2026;1,2\n');
    const good = `start,volume\n${Array.from({ length: 14 * 24 }, (_, h) => `${new Date(Date.UTC(2026, 2, 2, h)).toISOString()},5`).join('\n')}\n`;
    writeFileSync(path('good-history.csv'), good);
    const { code, stderr } = await runCli(
      'forecast',
      '--history',
      path('good-history.csv'),
      '--special-days',
      path('special.csv'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${path('special.csv')}: specialDays[0].date: "14/04/2026" is not a date: write it as YYYY-MM-DD`,
    );
  });

  it('staff: a value refused by the staffing schema', async () => {
    const { code, stderr } = await runCli('staff', '--input', path('staff.csv'));
    expect(code).toBe(2);
    expect(stderr).toContain(`${path('staff.csv')}: staffing CSV line 3, volume`);
    expect(stderr).toContain('(got -3)');
  });

  it('staff: an error about a flag does not blame the file', async () => {
    const { stderr } = await runCli('staff', '--input', path('good-staff.csv'), '--service-level', '3');
    expect(stderr).toMatch(/wfm: WFM_ERR_INPUT_INVALID: --service-level/);
  });

  it('shift-plan: a misspelt rules field, and a requirement row', async () => {
    const rules = await runCli(
      'shift-plan',
      '--requirements',
      path('good-requirement.csv'),
      '--rules',
      path('rules.json'),
    );
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain(`${path('rules.json')}: `);
    expect(rules.stderr).toContain('unknown field "strats": check its spelling');
    const rows = await runCli(
      'shift-plan',
      '--requirements',
      path('requirement.csv'),
      '--rules',
      path('good-rules.json'),
    );
    expect(rows.stderr).toContain(`${path('requirement.csv')}: requirement CSV line 3, column "agents": "two"`);
  });

  it('shift-plan: a bad field deep inside a JSON rules file gives its line and column', async () => {
    const { code, stderr } = await runCli(
      'shift-plan',
      '--requirements',
      path('good-requirement.csv'),
      '--rules',
      path('deep-rules.json'),
    );
    expect(code).toBe(2);
    // Line 8 of the fixture: 8 spaces and `{ "from": ` put the value's opening quote at column 19.
    expect(stderr).toContain(
      `${path('deep-rules.json')}: Invalid shift-plan rules: templates[1].starts[0].from (line 8, column 19): "7 o'clock"`,
    );
    expect(stderr).toContain(`  - templates[1].starts[0].from (line 8, column 19): `);
  });

  it('roster: the agents file and the rules file', async () => {
    const base = ['roster', '--requirements', path('good-requirement.csv'), '--plan-rules', path('good-rules.json')];
    const agents = await runCli(...base, '--agents', path('agents.csv'));
    expect(agents.code).toBe(2);
    expect(agents.stderr).toContain(`${path('agents.csv')}: `);
    expect(agents.stderr).toContain('line 3');
    expect(agents.stderr).toContain('did you mean "early"?');
    writeFileSync(path('good-agents.csv'), 'id,max_hours\nA1,40\n');
    const rules = await runCli(...base, '--agents', path('good-agents.csv'), '--rules', path('roster-rules.json'));
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain(`${path('roster-rules.json')}: `);
    // `{ "minRestHours": "eleven" }`: the value's quote is at column 19 of line 1.
    expect(rules.stderr).toContain('minRestHours (line 1, column 19): write a number here (got "eleven")');
  });

  it('what-if and simulate: the JSON file is named', async () => {
    const whatIf = await runCli('what-if', '--input', path('what-if.json'));
    expect(whatIf.code).toBe(2);
    expect(whatIf.stderr).toContain(
      `${path('what-if.json')}: not valid JSON at line 1, column 11 (Unexpected end of JSON input)`,
    );
    const simulate = await runCli('simulate', '--input', path('simulate.json'));
    expect(simulate.code).toBe(2);
    expect(simulate.stderr).toContain(`${path('simulate.json')}: `);
  });

  it('a file that is not there names the file and says what to check', async () => {
    const { code, stderr } = await runCli('forecast', '--history', path('nothere.csv'));
    expect(code).toBe(2);
    expect(stderr).toContain(`${path('nothere.csv')}: cannot read it (ENOENT): no such file; check the path`);
  });
});

describe('the plan config: an error in a file it names names that file', () => {
  const plan = (extra: Record<string, unknown>) =>
    JSON.stringify({
      history: 'history.csv',
      staffing: { target: { serviceLevel: 0.8, answerSeconds: 20 } },
      shiftPlan: 'good-rules.json',
      agents: [{ id: 'A1', maxHours: 40 }],
      ...extra,
    });
  const configs = tempDir({
    'history.csv': 'start,volume\n2026-03-02T08:00Z,3\n2026-03-02T08:30Z,x\n',
    'good-history.csv': `start,volume\n${Array.from({ length: 14 * 24 }, (_, h) => `${new Date(Date.UTC(2026, 2, 2, h)).toISOString()},5`).join('\n')}\n`,
    'good-rules.json': JSON.stringify({
      templates: [{ name: 'early', paidMinutes: 480, starts: [{ from: '08:00', to: '09:00' }] }],
    }),
    'rules.json': JSON.stringify({ templates: [{ name: 'early', paidMinutes: 480, strats: [] }] }),
    'agents.csv': 'Agent ID;Max Hours;Templates\nA1;40;early\nA2;40;erly\n',
    'history-bad.json': plan({}),
    'rules-bad.json': plan({ history: 'good-history.csv', shiftPlan: 'rules.json' }),
    'deep-rules.json': DEEP_RULES,
    'deep-bad.json': plan({ history: 'good-history.csv', shiftPlan: 'deep-rules.json' }),
    'agents-bad.json': plan({ history: 'good-history.csv', agents: 'agents.csv' }),
  });
  afterAll(() => configs.cleanup());

  it('the history CSV', async () => {
    const { code, stderr } = await runCli(
      'plan',
      '--config',
      configs.path('history-bad.json'),
      '--out',
      configs.path('o1'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${configs.path('history.csv')}: history CSV line 3, column "volume": "x" is not a number`,
    );
  });

  it('the shift-plan rules file, beside the config field', async () => {
    const { code, stderr } = await runCli(
      'plan',
      '--config',
      configs.path('rules-bad.json'),
      '--out',
      configs.path('o2'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`${configs.path('rules.json')} (plan config shiftPlan): `);
    expect(stderr).toContain('unknown field "strats"');
  });

  it('a bad field deep inside the rules file: its line and column in that file', async () => {
    const { code, stderr } = await runCli(
      'plan',
      '--config',
      configs.path('deep-bad.json'),
      '--out',
      configs.path('o3'),
    );
    expect(code).toBe(2);
    // As for `wfm shift-plan --rules` above: line 8, column 19 of DEEP_RULES.
    expect(stderr).toContain(
      `${configs.path('deep-rules.json')} (plan config shiftPlan): Invalid shift-plan rules: templates[1].starts[0].from (line 8, column 19): `,
    );
    expect(stderr).toContain('  - shiftPlan.templates[1].starts[0].from (line 8, column 19): ');
  });

  it('the agents CSV with odd headers and a misspelt template: the line, the value and the template meant', async () => {
    const { code, stderr } = await runCli(
      'plan',
      '--config',
      configs.path('agents-bad.json'),
      '--out',
      configs.path('o3'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`${configs.path('agents.csv')} (plan config agents): `);
    expect(stderr).toContain('line 3');
    expect(stderr).toContain('"erly"');
    expect(stderr).toContain('did you mean "early"?');
  });
});
