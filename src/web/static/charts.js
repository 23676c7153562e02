/* global document, window */
// Plain SVG charts for the planner page: no library, a few hundred elements per chart.
// Every chart carries its numbers in data-* attributes and a text summary (<desc>) for screen readers;
// every interval, bar and shift has its values in a <title>, shown as a tooltip on hover.

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes. */
export function el(name, attrs = {}, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

/** "Nice" axis ticks for [0, max]: about `count` steps of 1, 2 or 5 x 10^k. */
export function niceTicks(max, count = 4) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks = [];
  for (let v = 0; v <= max + step * 0.999; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/** The frame every chart shares: size, margins, scales, y grid and day labels on the x axis. */
function frame(container, { title, height = 220, n, yMax, days, yLabel }) {
  container.textContent = '';
  const width = Math.max(320, container.clientWidth || 800);
  const m = { top: 18, right: 8, bottom: 24, left: 44 };
  const svg = el(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width: '100%', height, role: 'img', 'aria-label': title, class: 'chart' },
    container,
  );
  const ticks = niceTicks(yMax);
  const top = ticks[ticks.length - 1] || 1;
  const x = (i) => m.left + (i / Math.max(1, n)) * (width - m.left - m.right);
  const y = (v) => height - m.bottom - (v / top) * (height - m.top - m.bottom);
  for (const t of ticks) {
    el('line', { x1: m.left, x2: width - m.right, y1: y(t), y2: y(t), class: 'grid' }, svg);
    el('text', { x: m.left - 4, y: y(t) + 4, 'text-anchor': 'end', class: 'tick' }, svg).textContent = String(t);
  }
  if (yLabel) el('text', { x: 2, y: 11, class: 'tick' }, svg).textContent = yLabel;
  // Every day gets a line and a label: "Mon 01" when it fits, else "Mo", else Mondays only.
  const dayWidth = (days?.length ?? 0) > 0 ? (width - m.left - m.right) / days.length : Infinity;
  for (const d of days ?? []) {
    el('line', { x1: x(d.index), x2: x(d.index), y1: m.top, y2: height - m.bottom, class: 'day-line' }, svg);
    const text =
      dayWidth >= 52 ? d.label : dayWidth >= 20 ? d.label.slice(0, 2) : d.label.startsWith('Mon') ? d.label : '';
    if (text) el('text', { x: x(d.index) + 3, y: height - 8, class: 'tick' }, svg).textContent = text;
  }
  return { svg, x, y, width, height, m };
}

/** A line through the values; a null or missing value breaks it (no line drawn across a gap). */
function polyline(svg, values, x, y, cls, step = false) {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || v === undefined || Number.isNaN(v)) {
      pen = false;
      return;
    }
    if (step) d += `${pen ? 'L' : 'M'}${x(i)},${y(v)}L${x(i + 1)},${y(v)}`;
    else d += `${pen ? 'L' : 'M'}${x(i + 0.5)},${y(v)}`;
    pen = true;
  });
  return el('path', { d: d || 'M0,0', class: cls, fill: 'none' }, svg);
}

/**
 * History and forecast: the last weeks of history, then the forecast with its p10-p90 band.
 * `history` and `forecast` are arrays of numbers per interval; `band` = { lo, hi } over the forecast.
 */
export function forecastChart(container, { history, forecast, band, days, title, tips }) {
  const n = history.length + forecast.length;
  const yMax = Math.max(1, ...history, ...band.hi, ...forecast);
  const f = frame(container, { title, n, yMax, days, yLabel: 'contacts' });
  const off = history.length;
  const hiPts = band.hi.map((v, i) => `${f.x(off + i + 0.5)},${f.y(v)}`);
  const loPts = band.lo.map((v, i) => `${f.x(off + i + 0.5)},${f.y(v)}`).reverse();
  el('polygon', { points: [...hiPts, ...loPts].join(' '), class: 'band' }, f.svg);
  polyline(f.svg, history, f.x, f.y, 'line-history');
  polyline(f.svg, [...new Array(off).fill(null), ...forecast], f.x, f.y, 'line-forecast');
  el('line', { x1: f.x(off), x2: f.x(off), y1: f.m.top, y2: f.height - f.m.bottom, class: 'now-line' }, f.svg);
  if (tips) hoverStrips(f, tips);
  f.svg.dataset.forecastTotal = String(Math.round(forecast.reduce((s, v) => s + v, 0)));
  el('desc', {}, f.svg).textContent =
    `${title}: history ${history.length} intervals, forecast ${forecast.length} intervals, total forecast ${f.svg.dataset.forecastTotal} contacts.`;
  return f.svg;
}

/**
 * Requirement against rostered on-phone agents per interval, with under-staffing shaded red and
 * over-staffing shaded green. Returns the SVG; its data-under / data-over hold agent-intervals.
 */
export function coverageChart(container, { required, onPhone, days, title, tips }) {
  const n = required.length;
  const yMax = Math.max(1, ...required, ...onPhone);
  const f = frame(container, { title, n, yMax, days, yLabel: 'agents' });
  let under = 0;
  let over = 0;
  const w = f.x(1) - f.x(0);
  for (let i = 0; i < n; i++) {
    const r = required[i] ?? 0;
    const p = onPhone[i] ?? 0;
    if (p < r) {
      under += r - p;
      el('rect', { x: f.x(i), y: f.y(r), width: w, height: f.y(p) - f.y(r), class: 'under' }, f.svg);
    } else if (p > r) {
      over += p - r;
      el('rect', { x: f.x(i), y: f.y(p), width: w, height: f.y(r) - f.y(p), class: 'over' }, f.svg);
    }
  }
  polyline(f.svg, onPhone, f.x, f.y, 'line-onphone', true);
  polyline(f.svg, required, f.x, f.y, 'line-required', true);
  if (tips) hoverStrips(f, tips);
  f.svg.dataset.intervals = String(n);
  f.svg.dataset.under = String(under);
  f.svg.dataset.over = String(over);
  f.svg.dataset.requiredPeak = String(Math.max(0, ...required));
  el('desc', {}, f.svg).textContent = `${title}: ${under} agent-intervals under the requirement, ${over} over.`;
  return f.svg;
}

/** Grouped bars per day: `groups` = [{ label, values: [a, b] }], `series` = [{ name, cls }]. */
export function barChart(container, { groups, series, title, yLabel }) {
  const n = groups.length;
  const yMax = Math.max(1, ...groups.flatMap((g) => g.values));
  const f = frame(container, { title, n, yMax, days: [], yLabel, height: 200 });
  const slot = f.x(1) - f.x(0);
  const bw = (slot * 0.7) / series.length;
  groups.forEach((g, i) => {
    g.values.forEach((v, k) => {
      const rect = el(
        'rect',
        { x: f.x(i) + slot * 0.15 + k * bw, y: f.y(v), width: bw, height: f.y(0) - f.y(v), class: series[k].cls },
        f.svg,
      );
      el('title', {}, rect).textContent =
        `${g.label} ${series[k].name}: ${v.toLocaleString('en-US', { maximumFractionDigits: 1 })}${yLabel ? ` ${yLabel}` : ''}`;
    });
    el('text', { x: f.x(i) + slot / 2, y: f.height - 8, 'text-anchor': 'middle', class: 'tick' }, f.svg).textContent =
      g.label;
  });
  el('desc', {}, f.svg).textContent =
    `${title}: ${groups.map((g) => `${g.label} ${g.values.map((v) => v.toLocaleString('en-US', { maximumFractionDigits: 1 })).join(' / ')}`).join('; ')}.`;
  attachTooltip(f.svg);
  return f.svg;
}

/** Several step lines on one frame (the what-if headcount curves). `lines` = [{ values, cls }]. */
export function linesChart(container, { lines, days, title, yLabel, tips }) {
  const n = Math.max(...lines.map((l) => l.values.length));
  const yMax = Math.max(1, ...lines.flatMap((l) => l.values.filter((v) => v !== null)));
  const f = frame(container, { title, n, yMax, days, yLabel });
  for (const l of lines) {
    const line = polyline(f.svg, l.values, f.x, f.y, l.cls, true);
    if (l.colour) line.style.stroke = l.colour;
  }
  if (tips) hoverStrips(f, tips);
  return f.svg;
}

/** Stacked areas per interval (the requirement of each queue) with step lines on top. */
export function stackedChart(container, { layers, lines = [], days, title, yLabel, tips }) {
  const n = Math.max(0, ...layers.map((l) => l.values.length));
  const totals = Array.from({ length: n }, (_, i) => layers.reduce((t, l) => t + (l.values[i] ?? 0), 0));
  const yMax = Math.max(1, ...totals, ...lines.flatMap((l) => l.values.filter((v) => v !== null)));
  const f = frame(container, { title, n, yMax, days, yLabel });
  const below = new Array(n).fill(0);
  for (const layer of layers) {
    const top = below.map((b, i) => b + (layer.values[i] ?? 0));
    const upper = top.flatMap((v, i) => [`${f.x(i)},${f.y(v)}`, `${f.x(i + 1)},${f.y(v)}`]);
    const lower = below.flatMap((v, i) => [`${f.x(i)},${f.y(v)}`, `${f.x(i + 1)},${f.y(v)}`]).reverse();
    const poly = el('polygon', { points: [...upper, ...lower].join(' '), class: 'queue-layer' }, f.svg);
    poly.style.fill = layer.colour;
    poly.dataset.queue = layer.name;
    top.forEach((v, i) => (below[i] = v));
  }
  for (const l of lines) polyline(f.svg, l.values, f.x, f.y, l.cls, true);
  if (tips) hoverStrips(f, tips);
  return f.svg;
}

/**
 * One transparent strip per interval over the whole plot, each with its values in a <title>:
 * the browser's tooltip, screen readers, and the page's own tooltip (attachTooltip) read it.
 */
export function hoverStrips(f, tips) {
  const g = el('g', { class: 'hover-strips' }, f.svg);
  const w = f.x(1) - f.x(0);
  tips.forEach((text, i) => {
    if (!text) return;
    const rect = el(
      'rect',
      { x: f.x(i), y: f.m.top, width: w, height: f.height - f.m.top - f.m.bottom, class: 'hit', 'data-i': i },
      g,
    );
    el('title', {}, rect).textContent = text;
  });
  attachTooltip(f.svg);
}

/** Shows the <title> of the element under the pointer in a tooltip beside it (one tooltip per page). */
export function attachTooltip(root) {
  let tip = document.getElementById('chart-tip');
  if (!tip) {
    tip = document.createElement('div');
    tip.id = 'chart-tip';
    tip.setAttribute('aria-hidden', 'true');
    tip.hidden = true;
    document.body.appendChild(tip);
  }
  root.addEventListener('pointermove', (e) => {
    const target = e.target.closest?.('rect, polygon, circle');
    const title = target && [...target.children].find((c) => c.tagName === 'title');
    if (!title) {
      tip.hidden = true;
      return;
    }
    tip.textContent = title.textContent;
    tip.hidden = false;
    const left = Math.min(e.clientX + 12, window.innerWidth - tip.offsetWidth - 4);
    tip.style.left = `${Math.max(4, left)}px`;
    tip.style.top = `${e.clientY + 14}px`;
  });
  root.addEventListener('pointerleave', () => (tip.hidden = true));
}

/** Hour marks of one day's interval starts: every `everyHours` hours, labelled "08:00". */
export function hourMarks(starts, everyHours = 2) {
  const marks = [];
  starts.forEach((s, i) => {
    const h = Number(s.slice(11, 13));
    if (s.slice(14, 16) === '00' && h % everyHours === 0) marks.push({ index: i, label: s.slice(11, 16) });
  });
  return marks;
}

/** "Mon 06-01 08:00-08:15" for an interval start (its local wall clock) and length. */
export function intervalLabel(start, minutes) {
  const wd = new Date(`${start.slice(0, 10)}T12:00:00Z`).toUTCString().slice(0, 3);
  const m = Number(start.slice(11, 13)) * 60 + Number(start.slice(14, 16)) + minutes;
  const end = `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${wd} ${start.slice(5, 10)} ${start.slice(11, 16)}-${end}`;
}

/** Day boundaries of a list of ISO starts (local dates in their offsets): [{ index, label }]. */
export function dayMarks(starts) {
  const marks = [];
  let last = '';
  starts.forEach((s, i) => {
    const date = s.slice(0, 10);
    if (date !== last) {
      const wd = new Date(`${date}T12:00:00Z`).toUTCString().slice(0, 3);
      marks.push({ index: i, label: `${wd} ${date.slice(8, 10)}` });
      last = date;
    }
  });
  return marks;
}
