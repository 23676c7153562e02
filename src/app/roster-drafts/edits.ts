/**
 * Applies hand edits to a roster draft document (a copy; the input is not changed). Times move as
 * instants and are written back as ISO with the zone's offset; a shift's local date follows its
 * start. Paid hours: a moved shift keeps them; an added shift is paid its length less its unpaid
 * breaks; adding or removing an unpaid break changes them by its length. Naming a shift, break or
 * session the draft does not have is `WFM_ERR_SCHEDULER_EDIT_TARGET` (misuse throws); breaking a
 * rule is not checked here (see recheck.ts).
 */
import { DateTime } from 'luxon';
import { WfmError } from '../../errors.js';
import type { RosterEdit } from '../../contracts/roster-edits.js';
import type { DraftAgent, DraftShift, RosterDraftDocument } from './document.js';

const HOUR_MS = 3_600_000;

export interface EditOutcome {
  document: RosterDraftDocument;
  /** Agents whose shifts changed (their hard rules are re-checked). */
  touched: Set<string>;
}

export function applyEdits(doc: RosterDraftDocument, edits: readonly RosterEdit[]): EditOutcome {
  const next = structuredClone(doc);
  const zone = next.grid.timeZone;
  const touched = new Set<string>();
  const fmt = (ms: number): string =>
    DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
  const dateOf = (ms: number): string => DateTime.fromMillis(ms, { zone }).toISODate() ?? '';
  const shiftBy = <T extends { start: string; end: string }>(item: T, deltaMs: number): T => ({
    ...item,
    start: fmt(Date.parse(item.start) + deltaMs),
    end: fmt(Date.parse(item.end) + deltaMs),
  });
  edits.forEach((edit, i) => {
    const where = `edits[${i}]`;
    const agentOf = (id: string): DraftAgent => {
      const agent = next.agents.find((a) => a.id === id);
      if (!agent) throw target(where, ['agent'], `no agent "${id}" in this roster`);
      return agent;
    };
    const shiftOf = (agent: DraftAgent, date: string): DraftShift => {
      const shift = agent.shifts.find((s) => s.date === date);
      if (!shift) throw target(where, ['date'], `agent "${agent.id}" has no shift on ${date}`);
      return shift;
    };
    const itemOf = <T>(list: T[], index: number, what: string): T => {
      const item = list[index];
      if (item === undefined) throw target(where, ['index'], `the shift has no ${what} ${index}`);
      return item;
    };
    switch (edit.op) {
      case 'move-shift': {
        const agent = agentOf(edit.agent);
        const shift = shiftOf(agent, edit.date);
        const delta = Date.parse(edit.start) - Date.parse(shift.start);
        const moved = shiftBy(shift, delta);
        moved.breaks = shift.breaks.map((b) => shiftBy(b, delta));
        moved.activities = shift.activities.map((r) => shiftBy(r, delta));
        moved.date = dateOf(Date.parse(moved.start));
        agent.shifts[agent.shifts.indexOf(shift)] = moved;
        touched.add(agent.id);
        break;
      }
      case 'swap-shifts': {
        const [a, b] = [agentOf(edit.agents[0]), agentOf(edit.agents[1])];
        const sa = a.shifts.filter((s) => s.date === edit.date);
        const sb = b.shifts.filter((s) => s.date === edit.date);
        if (sa.length + sb.length === 0) throw target(where, ['date'], `neither agent has a shift on ${edit.date}`);
        a.shifts = [...a.shifts.filter((s) => s.date !== edit.date), ...sb];
        b.shifts = [...b.shifts.filter((s) => s.date !== edit.date), ...sa];
        touched.add(a.id).add(b.id);
        break;
      }
      case 'add-shift': {
        const agent = agentOf(edit.agent);
        const startMs = Date.parse(edit.start);
        const endMs = Date.parse(edit.end);
        if (!(endMs > startMs)) throw target(where, ['end'], 'the shift must end after it starts');
        const unpaidMs = edit.breaks
          .filter((b) => !b.paid)
          .reduce((t, b) => t + Date.parse(b.end) - Date.parse(b.start), 0);
        agent.shifts.push({
          start: fmt(startMs),
          end: fmt(endMs),
          template: edit.template,
          date: dateOf(startMs),
          paidHours: (endMs - startMs - unpaidMs) / HOUR_MS,
          extra: false,
          breaks: edit.breaks.map((b) => ({
            ...b,
            kind: 'break',
            start: fmt(Date.parse(b.start)),
            end: fmt(Date.parse(b.end)),
          })),
          activities: [],
        });
        touched.add(agent.id);
        break;
      }
      case 'remove-shift': {
        const agent = agentOf(edit.agent);
        const shift = shiftOf(agent, edit.date);
        agent.shifts.splice(agent.shifts.indexOf(shift), 1);
        touched.add(agent.id);
        break;
      }
      case 'move-break': {
        const shift = shiftOf(agentOf(edit.agent), edit.date);
        const b = itemOf(shift.breaks, edit.index, 'break');
        shift.breaks[edit.index] = shiftBy(b, Date.parse(edit.start) - Date.parse(b.start));
        touched.add(edit.agent);
        break;
      }
      case 'add-break': {
        const shift = shiftOf(agentOf(edit.agent), edit.date);
        const lengthMs = Date.parse(edit.end) - Date.parse(edit.start);
        if (!(lengthMs > 0)) throw target(where, ['end'], 'the break must end after it starts');
        shift.breaks.push({
          kind: 'break',
          name: edit.name,
          paid: edit.paid,
          start: fmt(Date.parse(edit.start)),
          end: fmt(Date.parse(edit.end)),
        });
        if (!edit.paid) shift.paidHours -= lengthMs / HOUR_MS;
        touched.add(edit.agent);
        break;
      }
      case 'remove-break': {
        const shift = shiftOf(agentOf(edit.agent), edit.date);
        const b = itemOf(shift.breaks, edit.index, 'break');
        shift.breaks.splice(edit.index, 1);
        if (!b.paid) shift.paidHours += (Date.parse(b.end) - Date.parse(b.start)) / HOUR_MS;
        touched.add(edit.agent);
        break;
      }
      case 'move-session': {
        const shift = shiftOf(agentOf(edit.agent), edit.date);
        const r = itemOf(shift.activities, edit.index, 'session');
        shift.activities[edit.index] = shiftBy(r, Date.parse(edit.start) - Date.parse(r.start));
        touched.add(edit.agent);
        break;
      }
      case 'add-session': {
        const shift = shiftOf(agentOf(edit.agent), edit.date);
        const startMs = Date.parse(edit.start);
        const endMs = Date.parse(edit.end);
        if (!(endMs > startMs)) throw target(where, ['end'], 'the session must end after it starts');
        const start = fmt(startMs);
        const end = fmt(endMs);
        shift.activities.push({ kind: edit.kind, pool: edit.pool, start, end, hours: (endMs - startMs) / HOUR_MS });
        if (!next.sessions.some((s) => s.pool === edit.pool && Date.parse(s.start) === startMs))
          next.sessions.push({ pool: edit.pool, day: dateOf(startMs), start, end, seats: edit.seats });
        touched.add(edit.agent);
        break;
      }
      case 'remove-session': {
        const shift = shiftOf(agentOf(edit.agent), edit.date);
        itemOf(shift.activities, edit.index, 'session');
        shift.activities.splice(edit.index, 1);
        touched.add(edit.agent);
        break;
      }
    }
  });
  for (const id of touched) {
    const agent = next.agents.find((a) => a.id === id) as DraftAgent;
    agent.shifts.sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
    for (const s of agent.shifts) {
      s.breaks.sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
      s.activities.sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
    }
  }
  return { document: next, touched };
}

function target(where: string, path: string[], message: string): WfmError {
  const index = Number(/\[(\d+)\]/.exec(where)?.[1] ?? 0);
  return new WfmError('WFM_ERR_SCHEDULER_EDIT_TARGET', `Roster edit ${where}: ${message}.`, {
    issues: [{ path: ['edits', index, ...path], message }],
  });
}
