/* global document, getComputedStyle */
// Several queues (a history CSV with a `queue` column): each queue forecast and staffed on its own
// through the API, combined into one requirement for the shift plan and roster, then the roster
// simulated per queue; the Queues view shows them side by side (requirement stacked per queue, SL
// per queue by formula and by simulation with its 95 % interval).
import { postJson } from './api.js';
import { dayMarks, intervalLabel, linesChart, stackedChart } from './charts.js';

const pct = (x) => (x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(1)} %`);
const colour = (k) =>
  getComputedStyle(document.documentElement)
    .getPropertyValue(`--queue-${k % 8}`)
    .trim();

/** The queues' history summed per interval start (the forecast chart's history line). */
export function summedHistory(queues) {
  const byStart = new Map();
  for (const q of queues)
    for (const r of q.history)
      if (typeof r.volume === 'number') byStart.set(r.start, (byStart.get(r.start) ?? 0) + r.volume);
  return [...byStart].sort((a, b) => Date.parse(a[0]) - Date.parse(b[0])).map(([start, volume]) => ({ start, volume }));
}

/**
 * Forecasts and staffs each queue (`forecastBody` without its history, `staffingOf(forecast, history)`
 * the staffing request of one queue), then combines them. Returns the combined forecast and staffing
 * and each queue's own. `step(name, text, status)` reports progress.
 */
export async function planQueues(queues, forecastBody, staffingOf, step) {
  const forecasts = [];
  for (const q of queues) forecasts.push(await postJson('/v1/forecast', { ...forecastBody, history: q.history }));
  step('forecast', `Forecast: ${queues.length} queues (${queues.map((q) => q.queue).join(', ')}).`, 'done');
  step('staffing', 'Staffing: running...');
  const staffing = [];
  for (let k = 0; k < queues.length; k++)
    staffing.push(await postJson('/v1/staffing', staffingOf(forecasts[k], queues[k].history)));
  const combined = await postJson('/web/queues/combine', {
    queues: queues.map((q, k) => ({ name: q.queue, forecast: forecasts[k], staffing: staffing[k] })),
  });
  return {
    ...combined,
    perQueue: queues.map((q, k) => ({ name: q.queue, forecast: forecasts[k], staffing: staffing[k] })),
  };
}

/** The roster simulated per queue (POST /web/queues/simulate). */
export function simulateQueues(perQueue, roster, agents, timeZone) {
  return postJson('/web/queues/simulate', {
    queues: perQueue.map((q, k) => ({ name: q.name, priority: perQueue.length - k, staffing: q.staffing })),
    roster,
    agents,
    timeZone,
  });
}

function queuePanel(q, k, minutes) {
  const panel = document.createElement('section');
  panel.className = 'queue-panel';
  panel.dataset.queue = q.name;
  const h = document.createElement('h4');
  const key = document.createElement('span');
  key.className = 'k';
  key.style.background = colour(k);
  h.append(key, ` ${q.name}${q.met ? '' : ' (short)'}`);
  const sl = q.serviceLevel;
  const dl = document.createElement('dl');
  const rows = [
    ['Target', pct(q.targetServiceLevel), 'target'],
    ['SL simulated (95 %)', sl ? `${pct(sl.mean)} (${pct(sl.low)} - ${pct(sl.high)})` : 'not simulated', 'sl'],
    ['Abandoned', pct(q.abandonRate?.mean), 'abandon'],
    [
      'Intervals short',
      String(q.intervals.filter((r) => r.covered !== null && r.covered < r.requirement).length),
      'short',
    ],
  ];
  for (const [label, value, name] of rows) {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.dataset.queueFigure = name;
    div.append(dt, dd);
    dl.appendChild(div);
  }
  const box = document.createElement('div');
  box.className = 'chart-box';
  panel.append(h, dl, box);
  return { panel, box, draw: () => slChart(box, q, k, minutes) };
}

function slChart(box, q, k, minutes) {
  const live = (r) => r.volume > 0;
  const svg = linesChart(box, {
    title: `Service level of ${q.name} per interval: simulated (its 95 % interval on hover), formula, target`,
    yLabel: 'SL',
    days: dayMarks(q.intervals.map((r) => r.start)),
    lines: [
      {
        values: q.intervals.map((r) => (live(r) ? (r.serviceLevelSimulated?.mean ?? null) : null)),
        cls: 'line-queue-sl',
        colour: colour(k),
      },
      { values: q.intervals.map((r) => (live(r) ? r.serviceLevelFormula : null)), cls: 'line-formula' },
      { values: q.intervals.map(() => q.targetServiceLevel), cls: 'line-target' },
    ],
    tips: q.intervals.map((r) => {
      if (!live(r)) return '';
      const s = r.serviceLevelSimulated;
      return (
        `${intervalLabel(r.start, minutes)}: SL simulated ${pct(s?.mean)} (95 %: ${pct(s?.low)} - ${pct(s?.high)}), ` +
        `formula ${pct(r.serviceLevelFormula)}; required ${r.requirement}, covered ${r.covered ?? 'n/a'}`
      );
    }),
  });
  svg.dataset.queue = q.name;
}

/** The Queues view: every queue's requirement stacked against the roster on the phones, then one panel per queue. */
export function renderQueues(container, result, roster) {
  container.textContent = '';
  const minutes = roster.grid.intervalMinutes;
  const first = result.queues[0];
  const onPhone = new Map(roster.coverage.map((c) => [Date.parse(c.start), c.onPhone]));
  const starts = first.intervals.map((r) => r.start);
  const stackBox = document.createElement('div');
  stackBox.className = 'chart-box';
  stackBox.id = 'chart-queues';
  const grid = document.createElement('div');
  grid.className = 'queue-panels';
  container.append(stackBox, grid);
  const svg = stackedChart(stackBox, {
    title: 'Requirement per queue (each staffed alone), stacked, against the roster on the phones',
    yLabel: 'agents',
    days: dayMarks(starts),
    layers: result.queues.map((q, k) => ({
      name: q.name,
      colour: colour(k),
      values: q.intervals.map((r) => r.requirement),
    })),
    lines: [{ values: starts.map((s) => onPhone.get(Date.parse(s)) ?? 0), cls: 'line-onphone' }],
    tips: starts.map(
      (s, i) =>
        `${intervalLabel(s, minutes)}: ${result.queues.map((q) => `${q.name} ${q.intervals[i]?.requirement ?? 0}`).join(', ')} required; ` +
        `${onPhone.get(Date.parse(s)) ?? 0} on the phones`,
    ),
  });
  svg.dataset.queues = String(result.queues.length);
  const panels = result.queues.map((q, k) => queuePanel(q, k, minutes));
  for (const p of panels) grid.appendChild(p.panel);
  for (const p of panels) p.draw();
  const note = document.createElement('p');
  note.className = 'legend';
  note.textContent = `Simulated: ${result.replications} replications, seed ${result.seed}; the line in the queue's colour is the simulated mean, dashed the formula (the queue alone at its requirement), red the target.`;
  container.appendChild(note);
}
