/**
 * The report's charts as plain SVG strings (no script, no external requests): the forecast with
 * its p10-p90 band, requirement against rostered on-phone coverage with under/over shading, and
 * the flexible pool per day.
 */
import type { ForecastResult } from '../forecast/types.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import type { PlanDaySummary } from '../app/summary.js';
import { FRAME, c, dayAxis, esc, fmt, niceMax, weekdayLabel, yAxis, type Frame } from './svg.js';
import { isoLocalLabel } from '../time/instant.js';

function scales(frame: Frame, n: number, yMax: number) {
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  return {
    x: (i: number) => frame.left + (plotW * i) / Math.max(1, n),
    y: (v: number) => frame.top + plotH - (plotH * v) / yMax,
  };
}

function svgOpen(id: string, frame: Frame, label: string, extra = ''): string {
  return (
    `<svg id="${id}" class="chart" viewBox="0 0 ${frame.width} ${frame.height}" role="img" ` +
    `aria-label="${esc(label)}"${extra}>`
  );
}

/**
 * The rows worth drawing: per local day, from its first to its last active row (closed nights and
 * empty days are left out, so the open hours get the width). Day separators still come from the
 * row starts. O(rows).
 */
export function activeRows<T extends { start: string }>(rows: readonly T[], active: (row: T) => boolean): T[] {
  const span = new Map<string, [number, number]>();
  rows.forEach((row, i) => {
    if (!active(row)) return;
    const day = row.start.slice(0, 10);
    const s = span.get(day);
    span.set(day, s ? [s[0], i] : [i, i]);
  });
  if (span.size === 0) return [...rows];
  return rows.filter((row, i) => {
    const s = span.get(row.start.slice(0, 10));
    return s !== undefined && i >= s[0] && i <= s[1];
  });
}

/** Forecast volume per interval (line) inside its p10-p90 band (area), open hours only. O(intervals). */
export function forecastChart(result: ForecastResult): string {
  const rows = activeRows(result.intervals, (r) => r.volumeP90 > 0);
  const yMax = niceMax(Math.max(1, ...rows.map((r) => r.volumeP90)));
  const { x, y } = scales(FRAME, rows.length, yMax);
  const mid = (i: number) => x(i + 0.5);
  const upper = rows.map((r, i) => `${c(mid(i))},${c(y(r.volumeP90))}`);
  const lower = rows.map((r, i) => `${c(mid(i))},${c(y(r.volumeP10))}`).reverse();
  const line = rows.map((r, i) => `${i === 0 ? 'M' : 'L'}${c(mid(i))},${c(y(r.volume))}`).join('');
  return [
    svgOpen(
      'chart-forecast',
      FRAME,
      `Forecast contacts per ${result.intervalMinutes}-minute interval with the p10-p90 band`,
    ),
    yAxis(FRAME, yMax, `contacts per ${result.intervalMinutes} min`),
    dayAxis(
      FRAME,
      rows.map((r) => r.start),
      x,
    ),
    rows.length > 0 ? `<polygon class="band" points="${[...upper, ...lower].join(' ')}"/>` : '',
    `<path class="forecast" d="${line}"/>`,
    '</svg>',
  ].join('');
}

/**
 * Required on-phone agents (step line) against rostered on-phone agents (step line) per interval;
 * under-coverage shaded red, over-coverage shaded blue; from each day's first to its last staffed
 * interval. The totals (over every interval) are in data attributes.
 */
export function coverageChart(roster: RosterResult): string {
  const rows = activeRows(roster.coverage, (r) => r.required > 0 || r.onPhone > 0);
  const yMax = niceMax(Math.max(1, ...rows.map((r) => Math.max(r.required, r.onPhone))));
  const { x, y } = scales(FRAME, rows.length, yMax);
  const shades: string[] = [];
  const under = roster.coverage.reduce((sum, r) => sum + r.under, 0);
  const over = roster.coverage.reduce((sum, r) => sum + r.over, 0);
  rows.forEach((r, i) => {
    if (r.onPhone < r.required)
      shades.push(
        `<rect class="under" x="${c(x(i))}" width="${c(x(i + 1) - x(i))}" y="${c(y(r.required))}" ` +
          `height="${c(y(r.onPhone) - y(r.required))}"><title>${esc(isoLocalLabel(r.start))}: ${r.required - r.onPhone} ` +
          `short</title></rect>`,
      );
    else if (r.onPhone > r.required)
      shades.push(
        `<rect class="over" x="${c(x(i))}" width="${c(x(i + 1) - x(i))}" y="${c(y(r.onPhone))}" ` +
          `height="${c(y(r.required) - y(r.onPhone))}"/>`,
      );
  });
  const step = (value: (i: number) => number) =>
    rows.map((_, i) => `${i === 0 ? 'M' : 'L'}${c(x(i))},${c(y(value(i)))}H${c(x(i + 1))}`).join('');
  return [
    svgOpen(
      'chart-coverage',
      FRAME,
      'Required against rostered on-phone agents per interval',
      ` data-under="${under}" data-over="${over}"`,
    ),
    yAxis(FRAME, yMax, 'agents on the phones'),
    dayAxis(
      FRAME,
      rows.map((r) => r.start),
      x,
    ),
    shades.join(''),
    `<path class="required" d="${step((i) => rows[i]?.required ?? 0)}"/>`,
    `<path class="onphone" d="${step((i) => rows[i]?.onPhone ?? 0)}"/>`,
    '</svg>',
  ].join('');
}

/** The flexible pool per day: hours the plan placed, and retraining / coaching hours rostered. */
export function poolChart(days: readonly PlanDaySummary[]): string {
  const frame: Frame = { ...FRAME, height: 220 };
  const yMax = niceMax(
    Math.max(1, ...days.map((d) => Math.max(d.poolHoursPlaced, d.retrainingHoursRostered + d.coachingHoursRostered))),
  );
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const slot = plotW / Math.max(1, days.length);
  const bar = Math.min(40, slot / 3);
  const y = (v: number) => frame.top + plotH - (plotH * v) / yMax;
  const parts = [
    svgOpen(
      'chart-pool',
      frame,
      'Flexible pool hours per day: placed by the plan, rostered as retraining and coaching',
    ),
    yAxis(frame, yMax, 'agent-hours'),
  ];
  days.forEach((d, i) => {
    const x0 = frame.left + slot * i + slot / 2 - bar;
    const rect = (cls: string, x: number, from: number, to: number, value: number) =>
      `<rect class="${cls}" x="${c(x)}" width="${c(bar - 2)}" y="${c(y(to))}" height="${c(y(from) - y(to))}" ` +
      `data-date="${d.date}" data-hours="${value}"><title>${esc(d.date)} ${cls}: ${fmt(value)} h</title></rect>`;
    parts.push(rect('pool-placed', x0, 0, d.poolHoursPlaced, d.poolHoursPlaced));
    parts.push(rect('pool-retraining', x0 + bar, 0, d.retrainingHoursRostered, d.retrainingHoursRostered));
    parts.push(
      rect(
        'pool-coaching',
        x0 + bar,
        d.retrainingHoursRostered,
        d.retrainingHoursRostered + d.coachingHoursRostered,
        d.coachingHoursRostered,
      ),
    );
    parts.push(
      `<text class="tick" x="${c(frame.left + slot * i + slot / 2)}" y="${frame.height - frame.bottom + 16}" ` +
        `text-anchor="middle">${esc(weekdayLabel(d.date))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
