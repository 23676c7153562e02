/**
 * The roster as a timeline: one row per agent (grouped by team), the horizon across; each shift a
 * bar, with paid breaks, unpaid lunch and retraining / coaching sessions drawn on it in distinct
 * colours. Plain SVG.
 */
import { shiftName } from '../formats/shift-names.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import { c, esc, weekdayLabel } from './svg.js';

const ROW = 12;
const LABEL = 150;
const WIDTH = 1100;
const TOP = 22;

/**
 * Each day's drawn window: from its earliest shift start to its latest shift end (the whole day when
 * nobody works), so the bars are wide enough to show the breaks. Days sit side by side, each as
 * wide as its window. O(agents x days).
 */
function dayWindows(roster: RosterResult): { date: string; fromMs: number; toMs: number }[] {
  const originMs = Date.parse(roster.grid.start);
  const windows = new Map<string, { date: string; fromMs: number; toMs: number }>();
  for (const r of roster.coverage) {
    const date = r.start.slice(0, 10);
    if (!windows.has(date)) windows.set(date, { date, fromMs: Infinity, toMs: -Infinity });
  }
  for (const a of roster.agents) {
    for (const d of a.days) {
      const w = windows.get(d.date) ?? { date: d.date, fromMs: Infinity, toMs: -Infinity };
      w.fromMs = Math.min(w.fromMs, Date.parse(d.start));
      w.toMs = Math.max(w.toMs, Date.parse(d.end));
      windows.set(d.date, w);
    }
  }
  const days = [...windows.values()].sort((a, b) => a.date.localeCompare(b.date));
  for (const w of days) {
    if (w.fromMs === Infinity) {
      const first = roster.coverage.find((r) => r.start.startsWith(w.date));
      w.fromMs = first ? Date.parse(first.start) : originMs;
      w.toMs = w.fromMs + 86_400_000;
    }
  }
  return days;
}

/** One row per agent, grouped by team; agents without a shift keep a (grey) row. */
export function rosterTimeline(roster: RosterResult): string {
  const plotW = WIDTH - LABEL - 8;
  const days = dayWindows(roster);
  const gap = 6;
  const totalMs = days.reduce((s, d) => s + (d.toMs - d.fromMs), 0) || 1;
  const usable = plotW - gap * Math.max(0, days.length - 1);
  const segments = new Map<string, { x0: number; fromMs: number; toMs: number; scale: number }>();
  let cursor = LABEL;
  for (const d of days) {
    const scale = usable / totalMs;
    segments.set(d.date, { x0: cursor, fromMs: d.fromMs, toMs: d.toMs, scale });
    cursor += (d.toMs - d.fromMs) * scale + gap;
  }
  /** x of an instant on the segment of the shift's date (clamped into it). */
  const at = (date: string) => {
    const seg = segments.get(date);
    return (iso: string) =>
      seg ? seg.x0 + (Math.min(seg.toMs, Math.max(seg.fromMs, Date.parse(iso))) - seg.fromMs) * seg.scale : LABEL;
  };
  const agents = [...roster.agents].sort((a, b) => a.team.localeCompare(b.team) || a.id.localeCompare(b.id));
  const height = TOP + agents.length * ROW + 8;
  const parts = [
    `<svg id="chart-roster" class="chart timeline" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Roster ` +
      `timeline, one row per agent" data-rows="${agents.length}">`,
  ];
  for (const d of days) {
    const seg = segments.get(d.date);
    if (!seg) continue;
    const from = new Date(d.fromMs).toISOString();
    parts.push(
      `<line class="day" x1="${c(seg.x0 - gap / 2)}" x2="${c(seg.x0 - gap / 2)}" y1="${TOP - 6}" y2="${height}"/>` +
        `<text class="tick" x="${c(seg.x0)}" y="${TOP - 8}">${esc(`${weekdayLabel(d.date)} ${clockOf(roster, from)}`)}</text>`,
    );
  }
  agents.forEach((a, row) => {
    const y = TOP + row * ROW;
    parts.push(`<g class="agent" data-agent="${esc(a.id)}" data-shifts="${a.days.length}">`);
    parts.push(
      `<text class="name" x="${LABEL - 6}" y="${y + ROW - 3}" text-anchor="end">${esc(`${a.name} · ${a.team}`)}</text>`,
    );
    if (a.days.length === 0) parts.push(`<rect class="off" x="${LABEL}" width="${plotW}" y="${y + 4}" height="2"/>`);
    for (const d of a.days) {
      const x = at(d.date);
      const x0 = x(d.start);
      parts.push(
        `<rect class="shift${d.extra ? ' extra' : ''}" x="${c(x0)}" width="${c(Math.max(1, x(d.end) - x0))}" ` +
          `y="${y + 1}" height="${ROW - 2}">` +
          `<title>${esc(`${a.name}: ${shiftText(d, shiftName(d.template, d.start, roster.grid.timeZone, roster.templateNames))}`)}</title></rect>`,
      );
      for (const b of d.breaks) {
        const bx = x(b.start);
        parts.push(
          `<rect class="${b.paid ? 'break' : 'lunch'}" x="${c(bx)}" width="${c(Math.max(0.8, x(b.end) - bx))}" ` +
            `y="${y + 3}" height="${ROW - 6}"><title>${esc(
              `${b.name}${b.paid ? '' : ' (unpaid)'} ` + `${b.start.slice(11, 16)}-${b.end.slice(11, 16)}`,
            )}</title></rect>`,
        );
      }
      for (const r of d.retraining) {
        const rx = x(r.start);
        parts.push(
          `<rect class="${r.kind}" x="${c(rx)}" width="${c(Math.max(0.8, x(r.end) - rx))}" ` +
            `y="${y + 3}" height="${ROW - 6}"><title>${esc(
              `${r.kind} (${r.pool}) ${r.start.slice(11, 16)}-` + `${r.end.slice(11, 16)}`,
            )}</title></rect>`,
        );
      }
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Local HH:mm of an instant: read from the shift and coverage strings, which carry the zone's offset. */
function clockOf(roster: RosterResult, iso: string): string {
  const ms = Date.parse(iso);
  for (const a of roster.agents) for (const d of a.days) if (Date.parse(d.start) === ms) return d.start.slice(11, 16);
  const row = roster.coverage.find((r) => Date.parse(r.start) === ms);
  return row ? row.start.slice(11, 16) : '';
}

/**
 * "Early shift 08:00-16:30, 8 paid h; break 10:00-10:15, lunch (unpaid) 12:00-12:30": the shift's
 * name for people (its template id when none is given), local times (the strings' offsets).
 */
export function shiftText(d: RosterResult['agents'][number]['days'][number], name: string = d.template): string {
  const hm = (iso: string) => iso.slice(11, 16);
  const breaks = d.breaks.map((b) => `${b.name}${b.paid ? '' : ' (unpaid)'} ${hm(b.start)}-${hm(b.end)}`);
  const sessions = d.retraining.map((r) => `${r.kind} ${hm(r.start)}-${hm(r.end)}`);
  const rest = [...breaks, ...sessions];
  return `${name} ${hm(d.start)}-${hm(d.end)}, ${d.paidHours} paid h${rest.length ? `; ${rest.join(', ')}` : ''}`;
}
