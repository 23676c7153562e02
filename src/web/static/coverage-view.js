/* global document */
// The coverage chart with its zoom: the whole week, or one day (day buttons above the chart, or a
// click on a day of the week chart); every interval's values on hover.
import { coverageChart, dayMarks, hourMarks, intervalLabel } from './charts.js';

let zoomDay = ''; // '' = the whole week, else a local date

const pct = (x) => (x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(1)} %`);

/** The hover text of one coverage row: requirement, on the phones, the gap, who is off the phones, SL. */
export function coverageTip(c, minutes) {
  const gap = c.onPhone - c.required;
  const gapText = gap === 0 ? 'as required' : gap > 0 ? `${gap} over` : `${-gap} under`;
  return (
    `${intervalLabel(c.start, minutes)}: required ${c.required}, on the phones ${c.onPhone} (${gapText}); ` +
    `on break ${c.onBreak}, in retraining ${c.inRetraining}; service level ${pct(c.serviceLevel)}`
  );
}

function dayButtons(box, dates, onPick) {
  box.textContent = '';
  const make = (value, text) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.day = value;
    b.textContent = text;
    b.setAttribute('aria-pressed', String(value === zoomDay));
    b.addEventListener('click', () => onPick(value));
    box.appendChild(b);
  };
  make('', 'Week');
  for (const d of dates) make(d, `${new Date(`${d}T12:00:00Z`).toUTCString().slice(0, 3)} ${d.slice(8)}`);
}

/**
 * Draws the coverage of `roster` into `chartBox`, with day buttons in `daysBox`. Returns the SVG
 * (its data-intervals, data-under and data-over are of the rows drawn).
 */
export function renderCoverageView(chartBox, daysBox, roster) {
  const all = roster.coverage;
  const minutes = roster.grid.intervalMinutes;
  const dates = [...new Set(all.map((c) => c.start.slice(0, 10)))];
  if (zoomDay && !dates.includes(zoomDay)) zoomDay = '';
  const rows = zoomDay ? all.filter((c) => c.start.startsWith(zoomDay)) : all;
  const redraw = (day) => {
    zoomDay = day;
    renderCoverageView(chartBox, daysBox, roster);
  };
  dayButtons(daysBox, dates, redraw);
  const starts = rows.map((c) => c.start);
  const svg = coverageChart(chartBox, {
    title: zoomDay
      ? `Agents required and rostered on the phones, ${zoomDay}`
      : 'Agents required and rostered on the phones per interval',
    required: rows.map((c) => c.required),
    onPhone: rows.map((c) => c.onPhone),
    days: zoomDay ? hourMarks(starts) : dayMarks(starts),
    tips: rows.map((c) => coverageTip(c, minutes)),
  });
  svg.dataset.day = zoomDay;
  // On the week, a click picks that interval's day.
  if (!zoomDay)
    svg.addEventListener('click', (e) => {
      const i = Number(e.target.closest?.('rect.hit')?.dataset.i);
      if (Number.isInteger(i) && rows[i]) redraw(rows[i].start.slice(0, 10));
    });
  return svg;
}
