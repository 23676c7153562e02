/* global document */
// The roster as a timeline: one row per agent (a button: click or Enter opens the agent's week),
// shifts with paid breaks, unpaid lunch, retraining and coaching sessions in distinct colours.
import { attachTooltip, el } from './charts.js';
import { shiftName, wallHour } from './shift-names.js';

/** Minutes since the first day's local midnight, read from an ISO string with offset (its wall clock). */
export function localMinutes(iso, firstDate) {
  const days = Math.round(
    (Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) - Date.parse(`${firstDate}T00:00:00Z`)) / 86_400_000,
  );
  return days * 1440 + Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
}

function hhmm(iso) {
  return iso.slice(11, 16);
}

/** Hours and amounts for people: at most one decimal (`37.5`, `40`). */
const h1 = (x) => (Math.round(x * 10) / 10).toLocaleString('en-US');

/** A shift's display name (the template's `templateNames` entry, else named from its local start). */
const nameOf = (d, names) => shiftName(d.template, wallHour(d.start), names);

/**
 * "Early shift 08:00-16:30, 8 paid h; break 10:00-10:15, lunch (unpaid) 12:00-12:30" (local times;
 * `names` is the roster's `templateNames`).
 */
export function shiftText(d, names) {
  const rest = [
    ...d.breaks.map((b) => `${b.name}${b.paid ? '' : ' (unpaid)'} ${hhmm(b.start)}-${hhmm(b.end)}`),
    ...d.retraining.map((r) => `${r.kind} ${hhmm(r.start)}-${hhmm(r.end)}`),
  ];
  return `${nameOf(d, names)} ${hhmm(d.start)}-${hhmm(d.end)}, ${h1(d.paidHours)} paid h${rest.length ? `; ${rest.join(', ')}` : ''}`;
}

/** The week view's start and end times: one cell per day under the bars, e.g. "08:00" over "16:30". */
function weekTimes(agent, firstDate) {
  const times = document.createElement('span');
  times.className = 'tl-times';
  for (let d = 0; d < 7; d++) {
    const cell = document.createElement('span');
    const date = new Date(Date.parse(`${firstDate}T12:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
    const shift = agent.days.find((x) => x.date === date);
    if (shift) {
      cell.dataset.date = date;
      const start = document.createElement('span');
      start.textContent = hhmm(shift.start);
      const end = document.createElement('span');
      end.textContent = hhmm(shift.end);
      cell.append(start, end);
    }
    times.appendChild(cell);
  }
  return times;
}

/**
 * Draws the rows. `view` is { dayIndex: -1 (whole week) or 0..6, team: '' (all) or a team name }.
 * `onSelect(agent)` runs on click. Returns the number of rows drawn.
 */
export function drawTimeline(container, roster, firstDate, view, onSelect) {
  container.textContent = '';
  const week = view.dayIndex < 0;
  const dayDate = week
    ? ''
    : new Date(Date.parse(`${firstDate}T12:00:00Z`) + view.dayIndex * 86_400_000).toISOString().slice(0, 10);
  const works = (a) => (week ? a.days.length > 0 : a.days.some((d) => d.date === dayDate));
  const agents = roster.agents.filter((a) => (view.team === '' || a.team === view.team) && (view.showIdle || works(a)));
  const from = week ? 0 : view.dayIndex * 1440 + 6 * 60;
  const to = week ? 7 * 1440 : view.dayIndex * 1440 + 22 * 60;
  const width = 1000;
  const height = 18;
  const x = (min) => ((Math.min(Math.max(min, from), to) - from) / (to - from)) * width;

  const axis = document.createElement('div');
  axis.className = 'tl-row tl-axis';
  axis.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'tl-name';
  label.textContent = `${agents.length} agents`;
  axis.appendChild(label);
  // Axis labels are HTML (a stretched SVG would distort its text).
  const scale = document.createElement('div');
  scale.className = 'tl-scale';
  const step = week ? 1440 : 120;
  for (let m = from; m < to; m += step) {
    const t = document.createElement('span');
    t.style.left = `${(x(m) / width) * 100}%`;
    t.textContent = week
      ? new Date(Date.parse(`${firstDate}T12:00:00Z`) + (m / 1440) * 86_400_000).toUTCString().slice(0, 3)
      : `${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}:00`;
    scale.appendChild(t);
  }
  axis.appendChild(scale);
  container.appendChild(axis);

  for (const agent of agents) {
    const row = document.createElement('button');
    row.type = 'button';
    row.className = 'tl-row';
    row.dataset.agent = agent.id;
    const worked = agent.days.reduce((s, d) => s + d.paidHours, 0);
    row.setAttribute(
      'aria-label',
      `${agent.name}, team ${agent.team}, ${agent.days.length} shifts, ${h1(worked)} paid hours${agent.violations.length ? `, ${agent.violations.length} rule violations` : ''}`,
    );
    const name = document.createElement('span');
    name.className = 'tl-name';
    name.textContent = `${agent.violations.length ? '⚠ ' : ''}${agent.name}`;
    row.appendChild(name);
    const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', class: 'tl-svg' }, row);
    for (let d = 1; d < 7 && week; d++)
      el('line', { x1: x(d * 1440), x2: x(d * 1440), y1: 0, y2: height, class: 'day-line' }, svg);
    for (const day of agent.days) {
      const s = localMinutes(day.start, firstDate);
      const e = localMinutes(day.end, firstDate);
      if (e <= from || s >= to) continue;
      // Breaks and sessions sit inside the shift bar (inset), so each is drawn against the shift's colour.
      const seg = (startIso, endIso, cls, text, inset = 3) => {
        const a = localMinutes(startIso, firstDate);
        const b = localMinutes(endIso, firstDate);
        const rect = el(
          'rect',
          { x: x(a), y: 1 + inset, width: Math.max(1, x(b) - x(a)), height: height - 2 - 2 * inset, class: cls },
          svg,
        );
        el('title', {}, rect).textContent = text ?? '';
        return rect;
      };
      seg(day.start, day.end, 'seg-shift', `${agent.name}: ${shiftText(day, roster.templateNames)}`, 0);
      for (const b of day.breaks)
        seg(
          b.start,
          b.end,
          b.paid ? 'seg-break' : 'seg-lunch',
          `${agent.name}: ${b.name}${b.paid ? '' : ' (unpaid)'} ${hhmm(b.start)}-${hhmm(b.end)}`,
        );
      for (const r of day.retraining)
        seg(
          r.start,
          r.end,
          r.kind === 'retraining' ? 'seg-retraining' : 'seg-coaching',
          `${agent.name}: ${r.kind} (${r.pool}) ${hhmm(r.start)}-${hhmm(r.end)}`,
        );
    }
    if (week) row.appendChild(weekTimes(agent, firstDate));
    row.addEventListener('click', () => onSelect(agent));
    container.appendChild(row);
  }
  attachTooltip(container);
  // Up/Down move between rows, Home/End jump to the first/last, so 150 agents are not 150 tabs away.
  container.onkeydown = (e) => {
    const rows = [...container.querySelectorAll('button.tl-row')];
    const i = rows.indexOf(document.activeElement);
    if (i < 0) return;
    const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1 }[e.key];
    if (next === undefined || !rows[next]) return;
    e.preventDefault();
    rows[next].focus();
  };
  return agents.length;
}

/**
 * The agent's week: shifts, breaks, sessions, hours against the contract, and rule violations
 * (`names`: the roster's `templateNames`).
 */
export function agentDetail(container, agent, names) {
  container.textContent = '';
  const h = document.createElement('h3');
  h.textContent = `${agent.name} (${agent.id}, team ${agent.team || '-'})`;
  container.appendChild(h);
  const p = document.createElement('p');
  const wk = agent.weeks[0];
  p.textContent = wk
    ? `${h1(wk.paidHours)} paid hours (contract ${h1(wk.minHours)}-${h1(wk.maxHours)} h), ${wk.days} days (at most ${wk.maxDays}). Preferences met ${agent.preferences.met}/${agent.preferences.total}. Retraining ${h1(agent.retrainingHoursAssigned)}/${h1(agent.retrainingHoursNeeded)} h.`
    : 'No shifts this week.';
  container.appendChild(p);
  const table = document.createElement('table');
  table.innerHTML =
    '<caption>Shifts</caption><thead><tr><th scope="col">Day</th><th scope="col">Shift</th><th scope="col">Breaks</th><th scope="col">Sessions</th></tr></thead>';
  const body = document.createElement('tbody');
  for (const d of agent.days) {
    const tr = document.createElement('tr');
    const cells = [
      `${new Date(`${d.date}T12:00:00Z`).toUTCString().slice(0, 3)} ${d.date}`,
      `${nameOf(d, names)} ${hhmm(d.start)}-${hhmm(d.end)} (${h1(d.paidHours)} h)${d.extra ? ' extra' : ''}`,
      d.breaks.map((b) => `${b.name}${b.paid ? '' : ' (unpaid)'} ${hhmm(b.start)}-${hhmm(b.end)}`).join(', '),
      d.retraining.map((r) => `${r.kind} ${hhmm(r.start)}-${hhmm(r.end)}`).join(', ') || '-',
    ];
    for (const c of cells) {
      const td = document.createElement('td');
      td.textContent = c;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  table.appendChild(body);
  container.appendChild(table);
  const v = document.createElement('div');
  v.className = 'violations';
  const vh = document.createElement('h4');
  vh.textContent = agent.violations.length ? `Rule violations (${agent.violations.length})` : 'No rule violations';
  v.appendChild(vh);
  if (agent.violations.length) {
    const ul = document.createElement('ul');
    for (const x of agent.violations) {
      const li = document.createElement('li');
      li.textContent = `${x.rule}${x.hard ? ' (hard)' : ''}: ${h1(x.amount)} ${x.unit}`;
      ul.appendChild(li);
    }
    v.appendChild(ul);
  }
  container.appendChild(v);
}

/** The plan's shifts the roster could not fill, and why (agents blocked, by reason). */
export function unfilledList(container, roster) {
  container.textContent = '';
  const list = roster.unfilledShifts ?? [];
  const summary = document.createElement('summary');
  summary.textContent =
    list.length === 0
      ? 'Every planned shift is filled'
      : `Unfilled shifts (${list.reduce((n, u) => n + (u.required - u.filled), 0)})`;
  container.appendChild(summary);
  const ul = document.createElement('ul');
  for (const u of list) {
    const li = document.createElement('li');
    const why =
      u.why ??
      Object.entries(u.blockedBy)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    li.textContent = `${u.day} ${nameOf(u, roster.templateNames)} ${hhmm(u.start)}-${hhmm(u.end)}: ${u.filled} of ${u.required} filled${why ? ` (${why})` : ''}`;
    ul.appendChild(li);
  }
  container.appendChild(ul);
}
