/** Small helpers for the report's server-side SVG: escaping, number formatting, axes. */

/** Escapes text for HTML/SVG content and attribute values. */
export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate with at most one decimal (keeps the SVG small). */
export function c(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/**
 * A "nice" upper bound for an axis (its quarters are round too): 1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6 or 8 times a power
 * of ten, at or above `max`.
 */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const FRAME: Frame = { width: 1100, height: 260, left: 48, right: 12, top: 14, bottom: 28 };

/** Horizontal grid lines with y labels (0 .. yMax in 4 steps). */
export function yAxis(frame: Frame, yMax: number, unit: string): string {
  const parts: string[] = [];
  const plotH = frame.height - frame.top - frame.bottom;
  for (let k = 0; k <= 4; k++) {
    const value = (yMax * k) / 4;
    const y = frame.top + plotH - (plotH * k) / 4;
    parts.push(`<line class="grid" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${c(y)}" y2="${c(y)}"/>`);
    parts.push(`<text class="tick" x="${frame.left - 6}" y="${c(y + 4)}" text-anchor="end">${esc(fmt(value))}</text>`);
  }
  parts.push(`<text class="unit" x="${frame.left}" y="${frame.top - 4}">${esc(unit)}</text>`);
  return parts.join('');
}

/** Vertical day separators with day labels, for series laid out by interval index. */
export function dayAxis(frame: Frame, starts: readonly string[], x: (i: number) => number): string {
  const parts: string[] = [];
  let previous = '';
  starts.forEach((start, i) => {
    const day = start.slice(0, 10);
    if (day === previous) return;
    previous = day;
    const xi = x(i);
    parts.push(`<line class="day" x1="${c(xi)}" x2="${c(xi)}" y1="${frame.top}" y2="${frame.height - frame.bottom}"/>`);
    parts.push(
      `<text class="tick" x="${c(xi + 4)}" y="${frame.height - frame.bottom + 16}">${esc(weekdayLabel(day))}</text>`,
    );
  });
  return parts.join('');
}

/** "Mon 06-01" for a local date. */
export function weekdayLabel(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).toUTCString().slice(0, 3);
  return `${weekday} ${date.slice(5)}`;
}

/** A number for display: integers as is, others with up to 2 decimals. */
export function fmt(x: number): string {
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A rate in [0, 1] as a percentage with one decimal. */
export function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`;
}
