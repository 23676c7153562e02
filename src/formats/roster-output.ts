import { toCsv } from './csv.js';

import type { RosterResult } from '../scheduler/roster/result-types.js';

export const AGENT_DAY_COLUMNS = [
  'agent_id',
  'name',
  'team',
  'date',
  'status',
  'template',
  'start',
  'end',
  'paid_hours',
  'breaks',
  'retraining',
  'extra',
] as const;

/** One CSV row per agent and day of the horizon (worked or off). */
export function agentDayCsv(result: RosterResult): string {
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
              start: d.start,
              end: d.end,
              paid_hours: d.paidHours,
              breaks: d.breaks.map((b) => `${b.name} ${b.start}/${b.end}`).join('; '),
              retraining: d.retraining.map((r) => `${r.kind} ${r.pool} ${r.start}/${r.end}`).join('; '),
              extra: d.extra,
            }
          : {
              agent_id: a.id,
              name: a.name,
              team: a.team,
              date,
              status: 'off',
              template: '',
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

/** A file name safe on every OS for an agent id. */
export function safeFileName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'agent';
}
