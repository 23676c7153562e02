import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticRows, weeklyPattern } from '../forecast/helpers.js';
import { runCli, tempDir } from './cli-harness.js';

// Four winter weeks of history written at +01:00 (Europe/Berlin's offset in January), 08:00-18:00.
const history = syntheticRows('2026-01-05', 28, 'UTC+01:00', 60, (w, m) =>
  m >= 8 * 60 && m < 18 * 60 ? weeklyPattern(w, m) : 0,
);
const files = tempDir({
  'history.csv': `start,volume,aht_seconds\n${history.map((r) => `${String(r.start)},${r.volume},240`).join('\n')}\n`,
  'rules.json': JSON.stringify({
    templates: [{ name: 'day', paidMinutes: 480, starts: [{ from: '08:00', to: '10:00' }] }],
    openingHours: [{ open: '08:00', close: '18:00' }],
  }),
});
afterAll(() => files.cleanup());

describe('CSV times keep the offset of the input from step to step (no --time-zone repeated)', () => {
  it('forecast -> staff -> shift-plan writes +01:00 times and plans on +01:00 days', async () => {
    expect(history[8]?.start).toBe('2026-01-05T08:00:00+01:00');
    const f = await runCli('forecast', '--history', files.path('history.csv'), '--out', files.path('forecast.csv'));
    expect(f.code, f.stderr).toBe(0);
    expect(readFileSync(files.path('forecast.csv'), 'utf8')).toContain('2026-02-02T08:00:00+01:00,');

    const s = await runCli('staff', '--input', files.path('forecast.csv'), '--out', files.path('staff.csv'));
    expect(s.code, s.stderr).toBe(0);
    const staff = readFileSync(files.path('staff.csv'), 'utf8');
    // 08:00 local stays 08:00+01:00, not 07:00:00Z
    expect(staff).toContain('2026-02-02T08:00:00+01:00,');
    expect(staff).not.toContain('2026-02-02T07:00:00Z');

    const p = await runCli(
      'shift-plan',
      '--requirements',
      files.path('staff.csv'),
      '--rules',
      files.path('rules.json'),
      '--out',
      files.path('plan.json'),
    );
    expect(p.code, p.stderr).toBe(0);
    const plan = JSON.parse(readFileSync(files.path('plan.json'), 'utf8')) as { shifts: { start: string }[] };
    expect(plan.shifts.length).toBeGreaterThan(0);
    // the 08:00-10:00 start window is read on the +01:00 clock, as the requirement was written
    for (const shift of plan.shifts) expect(shift.start).toMatch(/T(08|09|10):00:00\+01:00$/);
  });

  it('a requirement across a daylight-saving change asks for the zone instead of planning UTC days', async () => {
    writeFileSync(
      files.path('dst.csv'),
      'start,agents\n2026-03-28T08:00:00+01:00,3\n2026-03-28T09:00:00+01:00,3\n' +
        '2026-03-29T08:00:00+02:00,3\n2026-03-29T09:00:00+02:00,3\n',
    );
    const p = await runCli('shift-plan', '--requirements', files.path('dst.csv'), '--rules', files.path('rules.json'));
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/more than one UTC offset .*give the time zone/);
  });
});
