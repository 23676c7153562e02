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
  const touched = new Set<string>();
  edits.forEach((edit, i) => {
    const c = editContext(next, `edits[${i}]`, touched);
    if (edit.op.endsWith('-shift') || edit.op === 'swap-shifts') applyShiftEdit(c, edit as ShiftEdit);
    else if (edit.op.endsWith('-break')) applyBreakEdit(c, edit as BreakEdit);
    else applySessionEdit(c, edit as SessionEdit);
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

type ShiftEdit = Extract<RosterEdit, { op: 'move-shift' | 'swap-shifts' | 'add-shift' | 'remove-shift' }>;
type BreakEdit = Extract<RosterEdit, { op: 'move-break' | 'add-break' | 'remove-break' }>;
type SessionEdit = Extract<RosterEdit, { op: 'move-session' | 'add-session' | 'remove-session' }>;

/** One edit's view of the draft: its position for messages, the agents it touched, and lookups that name what is missing. */
interface EditContext {
  doc: RosterDraftDocument;
  where: string;
  touched: Set<string>;
  fmt: (ms: number) => string;
  dateOf: (ms: number) => string;
  shiftBy: <T extends { start: string; end: string }>(item: T, deltaMs: number) => T;
  agentOf: (id: string) => DraftAgent;
  shiftOf: (agent: DraftAgent, date: string) => DraftShift;
  itemOf: <T>(list: T[], index: number, what: string) => T;
}

function editContext(doc: RosterDraftDocument, where: string, touched: Set<string>): EditContext {
  const zone = doc.grid.timeZone;
  const fmt = (ms: number): string =>
    DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
  return {
    doc,
    where,
    touched,
    fmt,
    dateOf: (ms) => DateTime.fromMillis(ms, { zone }).toISODate() ?? '',
    shiftBy: (item, deltaMs) => ({
      ...item,
      start: fmt(Date.parse(item.start) + deltaMs),
      end: fmt(Date.parse(item.end) + deltaMs),
    }),
    agentOf: (id) => {
      const agent = doc.agents.find((a) => a.id === id);
      if (!agent) throw target(where, ['agent'], `no agent "${id}" in this roster`);
      return agent;
    },
    shiftOf: (agent, date) => {
      const shift = agent.shifts.find((s) => s.date === date);
      if (!shift) throw target(where, ['date'], `agent "${agent.id}" has no shift on ${date}`);
      return shift;
    },
    itemOf: (list, index, what) => {
      const item = list[index];
      if (item === undefined) throw target(where, ['index'], `the shift has no ${what} ${index}`);
      return item;
    },
  };
}

/** Moves, swaps, adds or removes a shift (with its breaks and sessions). */
function applyShiftEdit(
  c: EditContext,
  edit: Extract<RosterEdit, { op: 'move-shift' | 'swap-shifts' | 'add-shift' | 'remove-shift' }>,
): void {
  switch (edit.op) {
    case 'move-shift': {
      const agent = c.agentOf(edit.agent);
      const shift = c.shiftOf(agent, edit.date);
      const delta = Date.parse(edit.start) - Date.parse(shift.start);
      const moved = c.shiftBy(shift, delta);
      moved.breaks = shift.breaks.map((b) => c.shiftBy(b, delta));
      moved.activities = shift.activities.map((r) => c.shiftBy(r, delta));
      moved.date = c.dateOf(Date.parse(moved.start));
      agent.shifts[agent.shifts.indexOf(shift)] = moved;
      c.touched.add(agent.id);
      return;
    }
    case 'swap-shifts': {
      const [a, b] = [c.agentOf(edit.agents[0]), c.agentOf(edit.agents[1])];
      const sa = a.shifts.filter((s) => s.date === edit.date);
      const sb = b.shifts.filter((s) => s.date === edit.date);
      if (sa.length + sb.length === 0) throw target(c.where, ['date'], `neither agent has a shift on ${edit.date}`);
      a.shifts = [...a.shifts.filter((s) => s.date !== edit.date), ...sb];
      b.shifts = [...b.shifts.filter((s) => s.date !== edit.date), ...sa];
      c.touched.add(a.id).add(b.id);
      return;
    }
    case 'add-shift': {
      const agent = c.agentOf(edit.agent);
      const startMs = Date.parse(edit.start);
      const endMs = Date.parse(edit.end);
      if (!(endMs > startMs)) throw target(c.where, ['end'], 'the shift must end after it starts');
      const unpaidMs = edit.breaks
        .filter((b) => !b.paid)
        .reduce((t, b) => t + Date.parse(b.end) - Date.parse(b.start), 0);
      agent.shifts.push({
        start: c.fmt(startMs),
        end: c.fmt(endMs),
        template: edit.template,
        date: c.dateOf(startMs),
        paidHours: (endMs - startMs - unpaidMs) / HOUR_MS,
        extra: false,
        breaks: edit.breaks.map((b) => ({
          ...b,
          kind: 'break',
          start: c.fmt(Date.parse(b.start)),
          end: c.fmt(Date.parse(b.end)),
        })),
        activities: [],
      });
      c.touched.add(agent.id);
      return;
    }
    case 'remove-shift': {
      const agent = c.agentOf(edit.agent);
      const shift = c.shiftOf(agent, edit.date);
      agent.shifts.splice(agent.shifts.indexOf(shift), 1);
      c.touched.add(agent.id);
      return;
    }
  }
}

/** Moves, adds or removes a break; an unpaid break changes the paid hours. */
function applyBreakEdit(
  c: EditContext,
  edit: Extract<RosterEdit, { op: 'move-break' | 'add-break' | 'remove-break' }>,
): void {
  switch (edit.op) {
    case 'move-break': {
      const shift = c.shiftOf(c.agentOf(edit.agent), edit.date);
      const b = c.itemOf(shift.breaks, edit.index, 'break');
      shift.breaks[edit.index] = c.shiftBy(b, Date.parse(edit.start) - Date.parse(b.start));
      c.touched.add(edit.agent);
      return;
    }
    case 'add-break': {
      const shift = c.shiftOf(c.agentOf(edit.agent), edit.date);
      const lengthMs = Date.parse(edit.end) - Date.parse(edit.start);
      if (!(lengthMs > 0)) throw target(c.where, ['end'], 'the break must end after it starts');
      shift.breaks.push({
        kind: 'break',
        name: edit.name,
        paid: edit.paid,
        start: c.fmt(Date.parse(edit.start)),
        end: c.fmt(Date.parse(edit.end)),
      });
      if (!edit.paid) shift.paidHours -= lengthMs / HOUR_MS;
      c.touched.add(edit.agent);
      return;
    }
    case 'remove-break': {
      const shift = c.shiftOf(c.agentOf(edit.agent), edit.date);
      const b = c.itemOf(shift.breaks, edit.index, 'break');
      shift.breaks.splice(edit.index, 1);
      if (!b.paid) shift.paidHours += (Date.parse(b.end) - Date.parse(b.start)) / HOUR_MS;
      c.touched.add(edit.agent);
      return;
    }
  }
}

/** Moves, adds or removes a retraining or coaching session on a shift. */
function applySessionEdit(
  c: EditContext,
  edit: Extract<RosterEdit, { op: 'move-session' | 'add-session' | 'remove-session' }>,
): void {
  switch (edit.op) {
    case 'move-session': {
      const shift = c.shiftOf(c.agentOf(edit.agent), edit.date);
      const r = c.itemOf(shift.activities, edit.index, 'session');
      shift.activities[edit.index] = c.shiftBy(r, Date.parse(edit.start) - Date.parse(r.start));
      c.touched.add(edit.agent);
      return;
    }
    case 'add-session': {
      const shift = c.shiftOf(c.agentOf(edit.agent), edit.date);
      const startMs = Date.parse(edit.start);
      const endMs = Date.parse(edit.end);
      if (!(endMs > startMs)) throw target(c.where, ['end'], 'the session must end after it starts');
      const start = c.fmt(startMs);
      const end = c.fmt(endMs);
      shift.activities.push({ kind: edit.kind, pool: edit.pool, start, end, hours: (endMs - startMs) / HOUR_MS });
      if (!c.doc.sessions.some((s) => s.pool === edit.pool && Date.parse(s.start) === startMs))
        c.doc.sessions.push({ pool: edit.pool, day: c.dateOf(startMs), start, end, seats: edit.seats });
      c.touched.add(edit.agent);
      return;
    }
    case 'remove-session': {
      const shift = c.shiftOf(c.agentOf(edit.agent), edit.date);
      c.itemOf(shift.activities, edit.index, 'session');
      shift.activities.splice(edit.index, 1);
      c.touched.add(edit.agent);
      return;
    }
  }
}

function target(where: string, path: string[], message: string): WfmError {
  const index = Number(/\[(\d+)\]/.exec(where)?.[1] ?? 0);
  return new WfmError('WFM_ERR_SCHEDULER_EDIT_TARGET', `Roster edit ${where}: ${message}.`, {
    issues: [{ path: ['edits', index, ...path], message }],
  });
}
