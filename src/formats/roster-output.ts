import { toCsv } from './csv.js';
import { localClock, shiftName } from './shift-names.js';

import type { RosterResult } from '../scheduler/roster/result-types.js';

export const AGENT_DAY_COLUMNS = [
  'agent_id',
  'name',
  'team',
  'date',
  'status',
  'template',
  'shift_name',
  'start',
  'end',
  'paid_hours',
  'breaks',
  'retraining',
  'extra',
] as const;

/** One CSV row per agent and day of the horizon (worked or off). */
export function agentDayCsv(result: RosterResult): string {
  const zone = result.grid.timeZone;
  const dates = [...new Set(result.coverage.map((c) => c.start.slice(0, 10)))];
  const rows: Record<string, unknown>[] = [];
  for (const a of result.agents) {
    const byDate = new Map(a.days.map((d) => [d.date, d]));
    const allDates = [...new Set([...dates, ...byDate.keys()])].sort();
    for (const date of allDates) {
      const d = byDate.get(date);
      rows.push(
        d
          ? {
              agent_id: a.id,
              name: a.name,
              team: a.team,
              date,
              status: 'work',
              template: d.template,
              shift_name: shiftName(d.template, d.start, result.grid.timeZone, result.templateNames),
              start: d.start,
              end: d.end,
              paid_hours: d.paidHours,
              // Local clock times for people: "break 09:00-09:15; lunch 11:30-12:00" (full instants in
              // roster-activities.csv and roster.json).
              breaks: d.breaks.map((b) => `${b.name} ${span(b, zone)}`).join('; '),
              retraining: d.retraining.map((r) => `${r.kind} (${r.pool}) ${span(r, zone)}`).join('; '),
              extra: d.extra,
            }
          : {
              agent_id: a.id,
              name: a.name,
              team: a.team,
              date,
              status: 'off',
              template: '',
              shift_name: '',
              start: '',
              end: '',
              paid_hours: 0,
              breaks: '',
              retraining: '',
              extra: false,
            },
      );
    }
  }
  return toCsv(rows, AGENT_DAY_COLUMNS);
}

function span(x: { start: string; end: string }, zone: string): string {
  return `${localClock(x.start, zone)}-${localClock(x.end, zone)}`;
}

export const ACTIVITY_COLUMNS = [
  'agent_id',
  'name',
  'date',
  'activity',
  'what',
  'start',
  'end',
  'minutes',
  'paid',
  'start_instant',
  'end_instant',
] as const;

/**
 * One CSV row per activity of the roster: each shift, then its breaks and retraining or coaching
 * sessions, with local clock times (and the instants with their offset, for machines).
 */
export function activityCsv(result: RosterResult): string {
  const zone = result.grid.timeZone;
  const rows: Record<string, unknown>[] = [];
  const minutes = (x: { start: string; end: string }) => Math.round((Date.parse(x.end) - Date.parse(x.start)) / 60_000);
  for (const a of result.agents) {
    for (const d of a.days) {
      const row = (activity: string, what: string, x: { start: string; end: string }, paid: boolean) => ({
        agent_id: a.id,
        name: a.name,
        date: d.date,
        activity,
        what,
        start: localClock(x.start, zone),
        end: localClock(x.end, zone),
        minutes: minutes(x),
        paid,
        start_instant: x.start,
        end_instant: x.end,
      });
      rows.push(row('shift', shiftName(d.template, d.start, zone, result.templateNames), d, true));
      for (const b of d.breaks) rows.push(row('break', b.name, b, b.paid));
      for (const r of d.retraining) rows.push(row(r.kind, r.pool, r, true));
    }
  }
  return toCsv(rows, ACTIVITY_COLUMNS);
}

/** A file name safe on every OS for an agent id. */
export function safeFileName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'agent';
}
