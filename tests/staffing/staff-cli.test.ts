import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli-harness.js';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function files(content: Record<string, string>) {
  const t = tempDir(content);
  cleanup = t.cleanup;
  return t;
}

// Interval 1 is the reference case C01 of ../shared/reference/erlang-cases.json (Damonsoul/ErlangC,
// pyworkforce): 100 calls in 30 min, AHT 180 s, 80 % in 20 s, occupancy <= 85 %: 14 agents,
// SL 0.888350019179, and with 30 % shrinkage 20 scheduled. Interval 2 evaluates C02 (11 agents:
// SL 0.389613811729, ASA 122.781276844 s).
const CSV = `start,volume,aht_seconds,agents
2026-06-01 09:00,100,180,
2026-06-01 09:30,100,180,11
`;
const FLAGS = ['--service-level', '0.8', '--answer-seconds', '20', '--max-occupancy', '0.85', '--shrinkage', '0.3'];

describe('wfm staff', () => {
  it('staffs a CSV and writes CSV with snake_case columns; totals go to stderr', async () => {
    const t = files({ 'in.csv': CSV });
    const r = await runCli('staff', '--input', t.path('in.csv'), ...FLAGS);
    expect(r.code).toBe(0);
    const [header, first, second] = r.stdout.trim().split('\n');
    const columns = (header as string).split(',');
    expect(columns.slice(0, 8)).toEqual([
      'start',
      'volume',
      'aht_seconds',
      'erlangs',
      'agents',
      'agents_fractional',
      'headcount',
      'service_level',
    ]);
    const cell = (line: string | undefined, column: string) => (line as string).split(',')[columns.indexOf(column)];
    expect(cell(first, 'start')).toBe('2026-06-01T09:00:00Z');
    expect(cell(first, 'agents')).toBe('14');
    expect(cell(first, 'headcount')).toBe('20');
    expect(cell(first, 'service_level')).toBe('0.8884'); // 0.888350019179 to the CSV's 4 decimals
    expect(cell(second, 'agents')).toBe('11');
    expect(cell(second, 'evaluated')).toBe('true');
    expect(cell(second, 'asa_seconds')).toBe('122.7813'); // 122.781276844 to the CSV's 4 decimals
    expect(r.stderr).toMatch(/^totals: intervals 2, volume 200, /);
    expect(r.stderr).toMatch(/peak agents 14/);
  });

  it('--view headcount writes start,agents,headcount (CSV) or the API headcount view (JSON), same numbers as the full answer', async () => {
    const t = files({ 'in.csv': CSV });
    const csv = await runCli('staff', '--input', t.path('in.csv'), ...FLAGS, '--view', 'headcount');
    expect(csv.code).toBe(0);
    // C01: 14 agents, 20 scheduled at 30 % shrinkage; C02 evaluated at 11 agents: ceil(11 / 0.7) = 16.
    expect(csv.stdout).toBe('start,agents,headcount\n2026-06-01T09:00:00Z,14,20\n2026-06-01T09:30:00Z,11,16\n');
    expect(csv.stderr).toMatch(/^totals: intervals 2, /);
    const json = await runCli(
      'staff',
      '--input',
      t.path('in.csv'),
      ...FLAGS,
      '--view',
      'headcount',
      '--format',
      'json',
    );
    const doc = JSON.parse(json.stdout) as {
      view: string;
      agents: number[];
      headcount: number[];
      totals: { peakAgents: number; intervals: number };
    };
    expect([doc.view, doc.agents, doc.headcount, doc.totals.peakAgents, doc.totals.intervals]).toEqual([
      'headcount',
      [14, 11],
      [20, 16],
      14,
      2,
    ]);
    const bad = await runCli('staff', '--input', t.path('in.csv'), ...FLAGS, '--view', 'columns');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--view');
  });

  it('writes JSON with totals; the zone gives the output offsets', async () => {
    const t = files({ 'in.csv': CSV });
    const r = await runCli(
      'staff',
      '--input',
      t.path('in.csv'),
      ...FLAGS,
      '--time-zone',
      'America/New_York',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.intervalMinutes).toBe(30); // inferred from the starts
    expect(out.intervals[0].start).toBe('2026-06-01T09:00:00-04:00');
    expect(out.intervals[0].agents).toBe(14);
    // totals computed by hand: 14 + 11 agents x 0.5 h = 12.5 agent-hours; peak 14.
    expect(out.totals.agentHours).toBeCloseTo(12.5, 12);
    expect(out.totals.peakAgents).toBe(14);
  });

  it('reads a JSON request; flags override the file', async () => {
    const request = {
      intervalMinutes: 30,
      target: { serviceLevel: 0.5, answerSeconds: 20 },
      intervals: [{ start: '2026-06-01T09:00:00Z', volume: 100, ahtSeconds: 180 }],
    };
    const t = files({ 'req.json': JSON.stringify(request) });
    const r = await runCli('staff', '--input', t.path('req.json'), '--service-level', '0.8', '--max-occupancy', '0.85');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).intervals[0].agents).toBe(14); // C01 again
  });

  it('uses 80 % in 20 s when no target is given at all', async () => {
    const t = files({ 'in.csv': 'start,volume,aht_seconds\n2026-06-01T09:00Z,100,180\n' });
    const r = await runCli('staff', '--input', t.path('in.csv'), '--interval', '30', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.target).toEqual({ serviceLevel: 0.8, answerSeconds: 20 });
    // ../shared/reference/erlang-cases.json C04: 13 agents give SL 0.7956 < 0.8; 14 give 0.888 (C01).
    expect(out.intervals[0].agents).toBe(14);
  });

  it('takes the forecast CSV unchanged and staffs at a band with --volume-quantile', async () => {
    const forecast =
      'start,volume,aht_seconds,volume_p10,volume_p90\n2026-06-01T09:00:00Z,80,180,60,100\n2026-06-01T09:30:00Z,90,180,70,110\n';
    const t = files({ 'f.csv': forecast });
    const r = await runCli(
      'staff',
      '--input',
      t.path('f.csv'),
      '--volume-quantile',
      'p90',
      '--format',
      'json',
      ...FLAGS,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.intervals[0].volume).toBe(100);
    expect(out.intervals[0].agents).toBe(14); // p90 volume 100 is case C01
  });

  it('takes a forecast JSON document; its other keys are ignored, targets come from flags', async () => {
    const forecast = {
      method: 'seasonal-naive',
      intervalMinutes: 30,
      timeZone: 'UTC',
      intervals: [{ start: '2026-06-01T09:00:00Z', volume: 100, ahtSeconds: 180, volumeP10: 90, volumeP90: 110 }],
      report: { mape: 0.1 },
    };
    const t = files({ 'f.json': JSON.stringify(forecast) });
    const r = await runCli('staff', '--input', t.path('f.json'), ...FLAGS);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).intervals[0].agents).toBe(14);
  });

  it('fills missing handle times (a forecast without AHT history) from --default-aht-seconds', async () => {
    const forecast =
      'start,volume,aht_seconds,volume_p10,volume_p90\n2026-06-01T09:00:00Z,100,,90,110\n2026-06-01T09:30:00Z,100,180,90,110\n';
    const t = files({ 'f.csv': forecast });
    const missing = await runCli('staff', '--input', t.path('f.csv'), ...FLAGS);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/line 2, column "aht_seconds": the cell is empty: .*give --default-aht-seconds/);
    const r = await runCli(
      'staff',
      '--input',
      t.path('f.csv'),
      '--default-aht-seconds',
      '180',
      '--format',
      'json',
      ...FLAGS,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.intervals.map((x: { ahtSeconds: number; agents: number }) => [x.ahtSeconds, x.agents])).toEqual([
      [180, 14],
      [180, 14],
    ]); // C01
  });

  it('asks for --default-aht-seconds when a forecast JSON has null handle times', async () => {
    const forecast = {
      method: 'snaive',
      intervalMinutes: 30,
      timeZone: 'UTC',
      report: {},
      intervals: [{ start: '2026-06-01T09:00:00Z', volume: 100, ahtSeconds: null, volumeP10: 90, volumeP90: 110 }],
    };
    const t = files({ 'f.json': JSON.stringify(forecast) });
    const missing = await runCli('staff', '--input', t.path('f.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/intervals\[0\]\.ahtSeconds is null .*give --default-aht-seconds/);
    const r = await runCli('staff', '--input', t.path('f.json'), '--default-aht-seconds', '180');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).intervals[0].agents).toBe(14); // C01, default target 80 % in 20 s
  });

  it('staffs deferred work (email) by deadline with --deadline-hours; missing hours are closed', async () => {
    // Computed by hand: 10 emails x 360 s = 1 agent-hour arriving per hour; with a 2-hour deadline
    // at occupancy 1 a constant 1 agent per open hour finishes every email on time.
    const csv =
      'start,volume,aht_seconds\n2026-06-01T09:00Z,10,360\n2026-06-01T10:00Z,10,360\n2026-06-01T11:00Z,10,360\n2026-06-01T14:00Z,10,360\n';
    const t = files({ 'mail.csv': csv });
    const r = await runCli(
      'staff',
      '--input',
      t.path('mail.csv'),
      '--deadline-hours',
      '2',
      '--interval',
      '60',
      '--format',
      'json',
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.deferred).toEqual({ deadlineHours: 2 });
    expect(out.intervals.map((x: { agents: number }) => x.agents).slice(0, 3)).toEqual([1, 1, 1]);
    expect(
      out.intervals.every(
        (x: { serviceLevel: number; binding: string }) => x.serviceLevel === 1 && x.binding === 'deadline',
      ),
    ).toBe(true);
    expect(out.intervals).toHaveLength(4);
  });

  it('adds the Erlang A columns for the erlang-a model', async () => {
    const t = files({ 'in.csv': 'start,volume,aht_seconds,agents\n2026-06-01T09:00Z,100,180,14\n' });
    const r = await runCli(
      'staff',
      '--input',
      t.path('in.csv'),
      '--interval',
      '30',
      '--model',
      'erlang-a',
      '--patience-seconds',
      '300',
      '--answer-seconds',
      '20',
    );
    expect(r.code).toBe(0);
    const [header, line] = r.stdout.trim().split('\n');
    const columns = (header as string).split(',');
    expect(columns).toEqual(
      expect.arrayContaining([
        'abandon_rate',
        'sl_answered_of_answered',
        'sl_wait_ended_within',
        'sl_virtual',
        'asa_virtual_seconds',
        'asa_all_seconds',
        'block_rate',
      ]),
    );
    // ../shared/reference/erlang-cases.json A01: 14 agents, patience 300 s: abandonment 0.0139837441224
    // (the CSV has 4 decimals for people; the JSON keeps every digit).
    expect((line as string).split(',')[columns.indexOf('abandon_rate')]).toBe('0.014');
  });

  it('ignores columns it does not use (a phone-system export), with one note naming them', async () => {
    const t = files({
      'in.csv': 'start,volume,aht_seconds,queue_name,email,Agent Count\n2026-06-01T09:00Z,100,180,Sales,x@y.z,3\n',
    });
    const r = await runCli('staff', '--input', t.path('in.csv'), '--interval', '30', ...FLAGS);
    expect(r.code, r.stderr).toBe(0);
    const notes = r.stderr.split('\n').filter((l) => l.startsWith('note:'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('"queue_name", "email", "Agent Count"');
    expect(r.stdout.split('\n')[1]).toMatch(/^2026-06-01T09:00:00Z,100,180,/);
  });

  it('writes --out atomically and nothing else in the folder', async () => {
    const t = files({ 'in.csv': CSV });
    const r = await runCli('staff', '--input', t.path('in.csv'), ...FLAGS, '--out', t.path('out/staff.json'));
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(t.path('out/staff.json'), 'utf8')).intervals).toHaveLength(2);
    expect(readdirSync(t.path('out'))).toEqual(['staff.json']);
  });
});

describe('wfm staff rejects bad input with exit 2, naming the line and field, writing nothing', () => {
  const cases: [string, string, string[], RegExp][] = [
    [
      'negative volume',
      'start,volume,aht_seconds\n2026-06-01T09:00Z,10,180\n2026-06-01T09:15Z,-3,180\n',
      [],
      /line 3, volume: volume must be >= 0/,
    ],
    [
      'NaN volume',
      'start,volume,aht_seconds\n2026-06-01T09:00Z,NaN,180\n',
      [],
      /line 2, column "volume": "NaN" is not a number/,
    ],
    [
      'unknown column with --strict',
      'start,volume,aht_seconds,colour\n2026-06-01T09:00Z,10,180,red\n',
      ['--strict'],
      /Unknown column "colour"/,
    ],
    [
      'unparsable timestamp',
      'start,volume,aht_seconds\n2026-06-01T09:00Z,10,180\nyesterday,10,180\n',
      [],
      /line 3, start: cannot read "yesterday"/,
    ],
    [
      'duplicate interval',
      'start,volume,aht_seconds\n2026-06-01T09:00Z,10,180\n2026-06-01T09:00Z,12,180\n',
      [],
      /line 3, start: duplicate interval/,
    ],
    [
      'same instant, two offsets',
      'start,volume,aht_seconds\n2026-06-01T09:00Z,10,180\n2026-06-01T05:00-04:00,12,180\n',
      ['--interval', '15'],
      /line 3, start: duplicate interval/,
    ],
    [
      'service level above 1',
      'start,volume,aht_seconds\n2026-06-01T09:00Z,10,180\n',
      ['--interval', '15', '--service-level', '80', '--answer-seconds', '20'],
      /--service-level: serviceLevel must be in \(0, 1\)/,
    ],
    [
      'answer time missing',
      'start,volume,aht_seconds\n2026-06-01T09:00Z,10,180\n',
      ['--interval', '15', '--service-level', '0.8'],
      /target\.answerSeconds: answerSeconds is required with a serviceLevel target \(--answer-seconds\)/,
    ],
    [
      'a start off the grid',
      'start,volume,aht_seconds\n2026-06-01T09:00Z,10,180\n2026-06-01T09:20Z,10,180\n',
      ['--interval', '15'],
      /line 3, start: starts 20 minutes after/,
    ],
    [
      'a non-number flag',
      'start,volume,aht_seconds\n2026-06-01T09:00Z,10,180\n',
      ['--interval', '15', '--shrinkage', 'lots'],
      /--shrinkage: "lots" is not a number/,
    ],
  ];
  it.each(cases)('%s', async (_name, csv, flags, message) => {
    const t = files({ 'in.csv': csv });
    const r = await runCli('staff', '--input', t.path('in.csv'), ...flags, '--out', t.path('out.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^wfm: WFM_ERR_INPUT_/);
    expect(r.stderr).toMatch(message);
    expect(existsSync(t.path('out.csv'))).toBe(false);
    expect(readdirSync(t.dir)).toEqual(['in.csv']);
  });

  it('names the JSON path for a JSON request', async () => {
    const t = files({
      'req.json': JSON.stringify({
        intervalMinutes: 15,
        intervals: [{ start: '2026-06-01T09:00Z', volume: -1, ahtSeconds: 180 }],
      }),
    });
    const r = await runCli('staff', '--input', t.path('req.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/intervals\[0\]\.volume: volume must be >= 0/);
  });

  it('rejects an unknown model through commander with exit 2', async () => {
    const t = files({ 'in.csv': CSV });
    const r = await runCli('staff', '--input', t.path('in.csv'), '--model', 'erlang-x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/erlang-x/);
  });
});
