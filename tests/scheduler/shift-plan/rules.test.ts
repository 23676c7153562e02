import { describe, expect, it } from 'vitest';
import { isWfmError, type WfmError } from '../../../src/errors.js';
import { parseShiftPlanRules } from '../../../src/contracts/shift-plan.js';

const base = () => ({
  templates: [{ name: 'ft8', paidMinutes: 480, starts: [{ from: '07:00', to: '12:00' }] }],
  breakRules: [
    {
      template: 'ft8',
      breaks: [
        { name: 'lunch', minutes: 30, paid: false, earliestStartMinutes: 210, latestStartMinutes: 300 },
        { name: 'break-2', minutes: 15, paid: true, earliestStartMinutes: 360, latestStartMinutes: 420 },
      ],
    },
  ],
});

function rejection(data: unknown): WfmError {
  try {
    parseShiftPlanRules(data);
  } catch (error) {
    if (isWfmError(error)) return error;
    throw error;
  }
  throw new Error('expected the rules to be rejected');
}

const paths = (e: WfmError) => e.issues.map((i) => i.path.join('.'));

describe('shift-plan rules validation', () => {
  it('accepts a valid rule set with defaults (every day, step = interval, hard cover, 10 s)', () => {
    const { rules } = parseShiftPlanRules(base());
    expect(rules.templates[0]?.starts[0]).toEqual({ weekdays: [1, 2, 3, 4, 5, 6, 7], fromMinute: 420, toMinute: 720 });
    expect(rules.templates[0]?.breaks.map((b) => b.name)).toEqual(['lunch', 'break-2']);
    expect(rules.coverage.mode).toBe('hard');
    expect(rules.solver.timeLimitSeconds).toBe(10);
  });

  it('rejects a start window outside the day, naming the field', () => {
    const data = base();
    (data.templates[0] as { starts: unknown[] }).starts = [{ from: '07:00', to: '25:00' }];
    const e = rejection(data);
    expect(e.code).toBe('WFM_ERR_SCHEDULER_RULES');
    expect(paths(e)).toContain('templates.0.starts.0.to');
  });

  it('rejects a break longer than the shift, naming the field', () => {
    const data = base();
    data.templates[0]!.paidMinutes = 60;
    // A paid 90-minute break in a 60-minute shift.
    data.breakRules[0]!.breaks = [
      { name: 'long', minutes: 90, paid: true, earliestStartMinutes: 15, latestStartMinutes: 30 },
    ];
    const e = rejection(data);
    expect(paths(e)).toEqual(expect.arrayContaining(['breakRules.0.breaks.0.minutes']));
  });

  it('rejects a break window that runs past the end of the shift', () => {
    const data = base();
    data.breakRules[0]!.breaks[1]!.latestStartMinutes = 500;
    expect(paths(rejection(data))).toContain('breakRules.0.breaks.1.latestStartMinutes');
  });

  it('rejects break rules for an unknown template, naming it', () => {
    const data = base();
    data.breakRules[0]!.template = 'ft10';
    const e = rejection(data);
    expect(paths(e)).toContain('breakRules.0.template');
    expect(e.issues[0]?.message).toMatch(/unknown template "ft10"/);
  });

  it('rejects overlapping break windows and a pool asking for both sessions and agent-hours', () => {
    const data = {
      ...base(),
      pool: [
        {
          name: 'r',
          windowStart: '09:00',
          windowEnd: '17:00',
          sessionMinutes: 60,
          sessionsPerDay: 2,
          agentHoursPerDay: 4,
        },
      ],
    };
    data.breakRules[0]!.breaks[0]!.latestStartMinutes = 350;
    const e = rejection(data);
    expect(paths(e)).toEqual(
      expect.arrayContaining(['breakRules.0.breaks.0.latestStartMinutes', 'pool.0.sessionsPerDay']),
    );
  });
});
