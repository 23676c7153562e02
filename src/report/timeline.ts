/**
 * The roster as a timeline: one row per agent (grouped by team), the horizon across; each shift a
 * bar, with paid breaks, unpaid lunch and retraining / coaching sessions drawn on it in distinct
 * colours. Plain SVG.
 */
import type { RosterResult } from '../scheduler/roster/result-types.js';
import { c, esc, weekdayLabel } from './svg.js';

const ROW = 12;
const LABEL = 150;
const WIDTH = 1100;
const TOP = 22;

/** O(agents x days). Agents without a shift are listed (grey row) so the row count is the roster's. */
export function rosterTimeline(roster: RosterResult): string {
  const originMs = Date.parse(roster.grid.start);
  const spanMs = roster.grid.slotCount * roster.grid.intervalMinutes * 60_000;
  const plotW = WIDTH - LABEL - 8;
  const x = (iso: string) => LABEL + (plotW * Math.min(spanMs, Math.max(0, Date.parse(iso) - originMs))) / spanMs;
  const agents = [...roster.agents].sort((a, b) => a.team.localeCompare(b.team) || a.id.localeCompare(b.id));
  const height = TOP + agents.length * ROW + 8;
  const parts = [`<svg id="chart-roster" class="chart timeline" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Roster timeline, one row per agent" data-rows="${agents.length}">`];
  const dates = [...new Set(roster.coverage.map((r) => r.start.slice(0, 10)))];
  for (const date of dates) {
    const first = roster.coverage.find((r) => r.start.startsWith(date));
    if (!first) continue;
    const dayX = x(first.start);
    parts.push(`<line class="day" x1="${c(dayX)}" x2="${c(dayX)}" y1="${TOP - 6}" y2="${height}"/><text class="tick" x="${c(dayX + 3)}" y="${TOP - 8}">${esc(weekdayLabel(date))}</text>`);
  }
  agents.forEach((a, row) => {
    const y = TOP + row * ROW;
    parts.push(`<g class="agent" data-agent="${esc(a.id)}" data-shifts="${a.days.length}">`);
    parts.push(`<text class="name" x="${LABEL - 6}" y="${y + ROW - 3}" text-anchor="end">${esc(`${a.name} · ${a.team}`)}</text>`);
    if (a.days.length === 0) parts.push(`<rect class="off" x="${LABEL}" width="${plotW}" y="${y + 4}" height="2"/>`);
    for (const d of a.days) {
      const x0 = x(d.start);
      parts.push(`<rect class="shift${d.extra ? ' extra' : ''}" x="${c(x0)}" width="${c(Math.max(1, x(d.end) - x0))}" y="${y + 1}" height="${ROW - 2}"><title>${esc(`${a.name}: ${d.template} ${d.start} - ${d.end}, ${d.paidHours} paid h`)}</title></rect>`);
      for (const b of d.breaks) {
        const bx = x(b.start);
        parts.push(`<rect class="${b.paid ? 'break' : 'lunch'}" x="${c(bx)}" width="${c(Math.max(0.8, x(b.end) - bx))}" y="${y + 1}" height="${ROW - 2}"/>`);
      }
      for (const r of d.retraining) {
        const rx = x(r.start);
        parts.push(`<rect class="${r.kind}" x="${c(rx)}" width="${c(Math.max(0.8, x(r.end) - rx))}" y="${y + 1}" height="${ROW - 2}"><title>${esc(`${r.kind} (${r.pool}) ${r.start} - ${r.end}`)}</title></rect>`);
      }
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}
