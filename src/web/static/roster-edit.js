/* global document, performance, Option */
// Hand edits of an open draft: move, swap, add or remove a shift, add, move or remove a break or a
// retraining session. Each edit goes to POST .../edits (re-checked there by the independent rule
// checker, coverage and SL recomputed); its verdict, figures, coverage and timeline are shown at
// once. An edit that breaks a hard rule is refused naming the rule; "Keep as override" sends it
// again with force and the planner's reason, which the store records.
import { ApiError, postJson } from './api.js';

const $ = (id) => document.getElementById(id);

/** Which inputs each edit needs (the others are hidden). */
const FIELDS = {
  'move-shift': ['agent', 'date', 'start'],
  'swap-shifts': ['agent', 'agent2', 'date'],
  'add-shift': ['agent', 'date', 'start', 'end', 'template'],
  'remove-shift': ['agent', 'date'],
  'add-break': ['agent', 'date', 'start', 'end', 'name', 'paid'],
  'move-break': ['agent', 'date', 'index', 'start'],
  'remove-break': ['agent', 'date', 'index'],
  'add-session': ['agent', 'date', 'start', 'end', 'pool', 'kind'],
  'move-session': ['agent', 'date', 'index', 'start'],
  'remove-session': ['agent', 'date', 'index'],
};
const ALL = ['agent', 'agent2', 'date', 'index', 'start', 'end', 'template', 'name', 'paid', 'pool', 'kind'];

let ctx;
let pending = null;

const doc = () => ctx.store.open.document;
const op = () => $('ed-op').value;
const agentOf = (id) => doc().agents.find((a) => a.id === id);
const shiftOn = (agent, date) => agent?.shifts.find((s) => s.date === date);

/** The UTC offset ("+01:00") the roster uses on a local date: from a shift that day, else the grid's. */
function offsetOn(date) {
  for (const a of doc().agents) for (const s of a.shifts) if (s.start.slice(0, 10) === date) return s.start.slice(19);
  return doc().grid.start.slice(19);
}

function nextDate(date) {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** "2026-06-02T09:30:00-04:00" from a local date and "09:30"; an end at or before the start is the next day. */
function instant(date, time, after) {
  const day = after && time <= after.slice(11, 16) && after.slice(0, 10) === date ? nextDate(date) : date;
  return `${day}T${time}:00${offsetOn(day)}`;
}

function fillAgents() {
  for (const id of ['ed-agent', 'ed-agent2']) {
    const sel = $(id);
    const keep = sel.value;
    sel.textContent = '';
    for (const a of doc().agents) sel.add(new Option(`${a.name} (${a.id})`, a.id));
    if (agentOf(keep)) sel.value = keep;
  }
  const dates = [];
  const g = doc().grid;
  const days = Math.ceil((g.slotCount * g.intervalMinutes) / 1440);
  for (let d = 0, date = g.start.slice(0, 10); d < days; d++, date = nextDate(date)) dates.push(date);
  const sel = $('ed-date');
  const keep = sel.value;
  sel.textContent = '';
  for (const date of dates)
    sel.add(new Option(`${new Date(`${date}T12:00:00Z`).toUTCString().slice(0, 3)} ${date}`, date));
  if (dates.includes(keep)) sel.value = keep;
  $('ed-pools').textContent = '';
  for (const pool of new Set(doc().sessions.map((s) => s.pool))) $('ed-pools').append(new Option(pool));
}

/** Shows the inputs the edit needs and fills them from the agent's shift that day. */
function refresh() {
  const need = FIELDS[op()];
  for (const f of ALL) $(`ed-${f}-label`).hidden = !need.includes(f);
  const shift = shiftOn(agentOf($('ed-agent').value), $('ed-date').value);
  const items = op().endsWith('-break') ? (shift?.breaks ?? []) : (shift?.activities ?? []);
  const index = $('ed-index');
  index.textContent = '';
  items.forEach((b, i) =>
    index.add(new Option(`${b.name ?? b.kind ?? 'item'} ${b.start.slice(11, 16)}-${b.end.slice(11, 16)}`, String(i))),
  );
  const item = items[Number(index.value)];
  const source = op().startsWith('move-') && op() !== 'move-shift' ? item : shift;
  $('ed-start').value = source ? source.start.slice(11, 16) : '09:00';
  $('ed-end').value = source ? source.end.slice(11, 16) : '17:00';
  if (op() === 'add-break' || op() === 'add-session') {
    // Half an hour in the middle of the shift, in its local time.
    if (shift) {
      const from = Number(shift.start.slice(11, 13)) * 60 + Number(shift.start.slice(14, 16));
      const mid = from + Math.round((Date.parse(shift.end) - Date.parse(shift.start)) / 120_000 / 15) * 15;
      const hm = (m) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      [$('ed-start').value, $('ed-end').value] = [hm(mid), hm(mid + 30)];
    }
  }
  if (!$('ed-template').value) $('ed-template').value = shift?.template ?? doc().agents[0]?.shifts[0]?.template ?? '';
  $('ed-apply').disabled = ['move-shift', 'remove-shift'].includes(op()) && !shift;
}

/** The edit as the API takes it, from the form. */
export function editOfForm() {
  const o = op();
  const agent = $('ed-agent').value;
  const date = $('ed-date').value;
  const start = instant(date, $('ed-start').value);
  const end = instant(date, $('ed-end').value, start);
  const index = Number($('ed-index').value);
  switch (o) {
    case 'move-shift':
      return { op: o, agent, date, start: startOnShiftDay(agent, date) };
    case 'swap-shifts':
      return { op: o, agents: [agent, $('ed-agent2').value], date };
    case 'add-shift':
      return { op: o, agent, start, end, template: $('ed-template').value.trim() || 'hand' };
    case 'add-break':
      return { op: o, agent, date, name: $('ed-name').value.trim() || 'break', paid: $('ed-paid').checked, start, end };
    case 'add-session':
      return { op: o, agent, date, pool: $('ed-pool').value.trim(), kind: $('ed-kind').value, start, end };
    case 'move-break':
    case 'move-session':
      return { op: o, agent, date, index, start: startOnShiftDay(agent, date) };
    default:
      return { op: o, agent, date, ...(o === 'remove-shift' ? {} : { index }) };
  }
}

/** A new start for a shift, break or session: the time given, on the day the shift starts. */
function startOnShiftDay(agent, date) {
  const shift = shiftOn(agentOf(agent), date);
  return instant(shift ? shift.start.slice(0, 10) : date, $('ed-start').value);
}

async function send(body) {
  const t0 = performance.now();
  const answer = await postJson(`${ctx.versionUrl(ctx.store.open.version.id)}/edits?coverage=true`, body);
  ctx.store.lastEditAnswerMs = performance.now() - t0;
  const open = ctx.store.open;
  const touched = new Map(answer.agents.map((a) => [a.id, a]));
  open.document.agents = open.document.agents.map((a) => touched.get(a.id) ?? a);
  open.document.verdict = answer.verdict;
  open.version = answer.version;
  open.coverage = answer.coverage;
  ctx.renderCheck(answer.verdict, answer.coverage);
  ctx.renderRoster();
  const ms = performance.now() - t0;
  ctx.store.lastEditMs = ms;
  showResult(answer, ms);
  return answer;
}

function showResult(answer, ms) {
  const box = $('ed-result');
  box.className = 'ed-result ok';
  box.dataset.ms = String(Math.round(ms));
  box.textContent =
    `${answer.overridden ? 'Kept as an override' : 'Applied'}; re-checked: ${answer.verdict.line}. ` +
    `(${Math.round(ms)} ms from the click to this answer.)`;
  $('ed-override-box').hidden = true;
  pending = null;
}

function showRefusal(error, body) {
  pending = body;
  const box = $('ed-result');
  box.className = 'ed-result refused';
  box.textContent = `Refused: ${error.message}`;
  const list = document.createElement('ul');
  for (const i of error.issues) {
    const li = document.createElement('li');
    li.textContent = i.message;
    list.appendChild(li);
  }
  box.appendChild(list);
  $('ed-override-box').hidden = false;
  $('ed-reason').focus();
}

async function apply(event) {
  event.preventDefault();
  const body = { edits: [editOfForm()] };
  try {
    await send(body);
    ctx.say('Edit saved to the draft.');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'WFM_ERR_SCHEDULER_EDIT_RULE') showRefusal(error, body);
    else throw error;
  }
  await after();
}

async function override() {
  const reason = $('ed-reason').value.trim();
  if (!pending) return;
  if (!reason) {
    ctx.say('Give a reason to keep the edit as an override.', true);
    $('ed-reason').focus();
    return;
  }
  await send({ ...pending, force: true, reason });
  $('ed-reason').value = '';
  ctx.say('Edit kept as an override; the reason is in the audit.');
  await after(true);
}

/** The overrides, audit and versions list follow the edit (after its answer is shown). */
async function after(overridden = false) {
  await Promise.all([ctx.loadAudit(), ctx.loadVersions(), ...(overridden ? [ctx.reloadOverrides()] : [])]);
}

/** Wires the edit form; `c` gives the Versions panel's state and renderers. */
export function setupEditForm(c) {
  ctx = c;
  const wrap =
    (fn) =>
    (...args) =>
      Promise.resolve(fn(...args)).catch((error) => c.say(c.describe(error), true));
  $('st-edit').addEventListener('submit', wrap(apply));
  $('ed-override').addEventListener('click', wrap(override));
  for (const id of ['ed-op', 'ed-agent', 'ed-date', 'ed-index']) $(id).addEventListener('change', refresh);
  document.addEventListener('wfm:version-open', () => {
    if (ctx.store.open.version.status !== 'draft') return;
    fillAgents();
    refresh();
    $('ed-result').textContent = '';
    $('ed-override-box').hidden = true;
  });
  document.addEventListener('wfm:pick-agent', (e) => {
    if ($('st-edit').closest('[hidden]')) return;
    $('ed-agent').value = e.detail;
    const shift = agentOf(e.detail)?.shifts[0];
    if (shift) $('ed-date').value = shift.date;
    refresh();
    $('ed-op').focus();
  });
}
