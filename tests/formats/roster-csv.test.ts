/**
 * The roster's CSV files for people (issue 16: "all breaks in one cell, retraining written as
 * 'coaching retraining 2026-...': one row per activity, local times"): roster-agent-days.csv
 * keeps one row per agent and day with local clock times in its cells, and roster-activities.csv
 * has one row per shift, break and session.
 */
import { describe, expect, it } from 'vitest';
import { activityCsv, agentDayCsv } from '../../src/formats/roster-output.js';
import type { RosterDay, RosterResult } from '../../src/scheduler/roster/result-types.js';

// One Berlin agent's Monday: 08:00-16:30 with a paid break, an unpaid lunch and a coaching hour.
const monday: RosterDay = {
  date: '2026-06-01',
  template: 'ft8',
  start: '2026-06-01T08:00:00+02:00',
  end: '2026-06-01T16:30:00+02:00',
  paidHours: 8,
  breaks: [
    { name: 'break', paid: true, start: '2026-06-01T10:00:00+02:00', end: '2026-06-01T10:15:00+02:00' },
    { name: 'lunch', paid: false, start: '2026-06-01T12:00:00+02:00', end: '2026-06-01T12:30:00+02:00' },
  ],
  retraining: [
    { kind: 'coaching', pool: 'retraining', start: '2026-06-01T14:00:00+02:00', end: '2026-06-01T15:00:00+02:00' },
  ],
  extra: false,
} as unknown as RosterDay;

const roster = {
  grid: { start: '2026-06-01T00:00:00+02:00', intervalMinutes: 30, slotCount: 48, timeZone: 'Europe/Berlin' },
  agents: [{ id: 'A1', name: 'Ada', team: 'Billing', days: [monday] }],
  coverage: [{ start: '2026-06-01T00:00:00+02:00' }],
  templateNames: { ft8: 'Early shift' },
} as unknown as RosterResult;

describe('roster CSV files', () => {
  it('writes breaks and sessions in local clock times in the agent-days file', () => {
    const [, row] = agentDayCsv(roster).trim().split('\n');
    expect(row).toContain('break 10:00-10:15; lunch 12:00-12:30');
    expect(row).toContain('coaching (retraining) 14:00-15:00');
    expect(row).not.toContain('T10:00:00');
  });

  it('writes one row per activity with local times and minutes', () => {
    const lines = activityCsv(roster).trim().split('\n');
    expect(lines[0]).toBe('agent_id,name,date,activity,what,start,end,minutes,paid,start_instant,end_instant');
    expect(lines.slice(1).map((l) => l.split(',').slice(3, 9).join(','))).toEqual([
      'shift,Early shift,08:00,16:30,510,true',
      'break,break,10:00,10:15,15,true',
      'break,lunch,12:00,12:30,30,false',
      'coaching,retraining,14:00,15:00,60,true',
    ]);
  });
});
