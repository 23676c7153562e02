/* global document, window, localStorage, CustomEvent */
// The planning store on the page: each run is saved as a draft roster version of the current
// centre; the Versions panel lists a centre's versions, opens one (verdict, coverage, timeline),
// publishes a draft, compares two versions and shows who did what. The last opened centre and
// version are reopened from the store on reload. Hand edits are in roster-edit.js.
import { ApiError, getJson, postJson } from './api.js';
import { coverageChart, dayMarks } from './charts.js';
import { setupEditForm } from './roster-edit.js';
import { drawTimeline } from './timeline.js';
import { shiftName } from './shift-names.js';

const $ = (id) => document.getElementById(id);
const KEY_CENTRE = 'wfm-store-centre';
const KEY_VERSION = 'wfm-store-version';

/** What the panel holds; `window.wfmStore` for the browser tests. */
const store = {
  available: false,
  centres: [],
  centre: null,
  versions: [],
  open: null,
  lastEditMs: null,
  lastEditAnswerMs: null,
};
window.wfmStore = store;

const enc = encodeURIComponent;
const centreUrl = () => `/v1/centres/${enc(store.centre.code)}`;
const versionUrl = (id) => `${centreUrl()}/rosters/${enc(id)}`;

function say(text, isError = false) {
  $('st-status').textContent = text;
  $('st-status').classList.toggle('error', isError);
}

export function describe(error) {
  if (error instanceof ApiError) return `${error.message} [${error.code}]`;
  return String(error?.message ?? error);
}

function guard(fn) {
  return (...args) => Promise.resolve(fn(...args)).catch((error) => say(describe(error), true));
}

/** "Tue 2 Jun 09:30" in the centre's zone. */
export function when(iso, timeZone = store.centre?.timeZone) {
  if (!iso) return '-';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

function cell(tr, text, tag = 'td') {
  const c = document.createElement(tag);
  c.textContent = text;
  tr.appendChild(c);
  return c;
}

function button(text, onClick, cls = '') {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (cls) b.className = cls;
  b.addEventListener('click', guard(onClick));
  return b;
}

// ---------- centres ----------

async function loadCentres() {
  try {
    store.centres = (await getJson('/v1/centres')).centres;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false; // served without a store
    throw error;
  }
  store.available = true;
  $('store').hidden = false;
  const pick = $('st-centre');
  pick.textContent = '';
  for (const c of store.centres) pick.add(new window.Option(`${c.name} (${c.code})`, c.code));
  pick.hidden = store.centres.length === 0;
  $('st-no-centre').hidden = store.centres.length > 0;
  return true;
}

async function selectCentre(code) {
  store.centre = store.centres.find((c) => c.code === code) ?? store.centres[0] ?? null;
  if (!store.centre) return;
  $('st-centre').value = store.centre.code;
  localStorage.setItem(KEY_CENTRE, store.centre.code);
  if (store.open && store.open.version.centreId !== store.centre.id) {
    store.open = null; // another centre's version is not shown under this one
    $('st-open').hidden = true;
  }
  await loadVersions();
}

async function createCentre(input) {
  const centre = await postJson('/v1/centres', input);
  await loadCentres();
  await selectCentre(centre.code);
  say(`Centre ${centre.name} (${centre.code}) created.`);
  return centre;
}

/** The centre a run is saved to: the one picked, else a first one ("main", as `wfm plan --data`). */
async function ensureCentre(timeZone) {
  if (store.centre) return store.centre;
  return createCentre({ code: 'main', name: 'Main centre', timeZone });
}

// ---------- versions ----------

async function loadVersions() {
  store.versions = (await getJson(`${centreUrl()}/rosters`)).versions;
  renderVersions();
}

function stateText(v) {
  return v.status === 'published' ? `published by ${v.publishedBy}, ${when(v.publishedAt)}` : 'draft';
}

function renderVersions() {
  const body = $('st-versions').querySelector('tbody');
  body.textContent = '';
  for (const v of store.versions) {
    const tr = document.createElement('tr');
    tr.dataset.version = v.id;
    tr.classList.toggle('open', store.open?.version.id === v.id);
    cell(tr, `${v.series} v${v.version}`, 'th').scope = 'row';
    cell(tr, stateText(v)).className = `st-state ${v.status}`;
    cell(tr, `${v.createdBy}, ${when(v.createdAt)}`);
    const line = v.verdict?.line ?? '-';
    const extra = v.verdict?.overrides ? ` (${v.verdict.overrides} override${v.verdict.overrides > 1 ? 's' : ''})` : '';
    cell(tr, `${line}${extra}`).className = v.verdict?.met ? 'met' : 'short';
    const actions = document.createElement('div');
    actions.className = 'st-actions';
    cell(tr, '').appendChild(actions);
    const what = `${v.series} v${v.version}`;
    actions.appendChild(button('Open', () => openVersion(v.id))).setAttribute('aria-label', `Open ${what}`);
    if (v.status === 'draft')
      actions
        .appendChild(button('Publish', () => publish(v), 'st-publish'))
        .setAttribute('aria-label', `Publish ${what}`);
    body.appendChild(tr);
  }
  $('st-empty').hidden = store.versions.length > 0;
  for (const id of ['st-diff-from', 'st-diff-to']) {
    const sel = $(id);
    const keep = sel.value;
    sel.textContent = '';
    for (const v of store.versions) sel.add(new window.Option(`${v.series} v${v.version} (${v.status})`, v.id));
    if (store.versions.some((v) => v.id === keep)) sel.value = keep;
  }
  if (store.versions.length > 1 && $('st-diff-from').value === $('st-diff-to').value)
    $('st-diff-from').value = store.versions[1].id;
  $('st-compare').disabled = store.versions.length < 2;
}

/** Saves a roster run as the next draft of its week (the ISO week of its first day). */
async function saveRun({ request, result, note }) {
  if (!store.available) return;
  await ensureCentre(result.grid.timeZone);
  say('Saving the roster as a draft...');
  const saved = await postJson(`${centreUrl()}/rosters`, {
    series: isoWeek(result.grid.start),
    note: note ?? '',
    request,
    result,
  });
  await loadVersions();
  await openVersion(saved.version.id);
  say(`Saved as draft ${saved.version.series} v${saved.version.version} in ${store.centre.name}.`);
}

/** "2026-W23": the ISO week of the local date an ISO instant starts on. */
export function isoWeek(iso) {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4, 12));
  const week = 1 + Math.round((d - jan4) / 86_400_000 / 7 - ((jan4.getUTCDay() + 6) % 7) / 7 + 3 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

async function publish(v) {
  const done = await postJson(`${versionUrl(v.id)}/publish`, {});
  await loadVersions();
  if (store.open?.version.id === v.id) await openVersion(v.id);
  const c = done.calendar;
  say(
    `Published ${v.series} v${v.version}: ${c.created} calendar events new, ${c.updated} moved, ${c.cancelled} cancelled.`,
  );
}

async function copyOpen() {
  const from = store.open.version.version;
  const copy = await postJson(`${versionUrl(store.open.version.id)}/copy`, {});
  await loadVersions();
  await openVersion(copy.version.id);
  say(`Draft ${copy.version.series} v${copy.version.version} made from v${from}: edit it, then publish.`);
}

/** The open version's overrides as stored (after an edit kept against a rule). */
async function reloadOverrides() {
  const view = await getJson(versionUrl(store.open.version.id));
  store.open.document.overrides = view.document.overrides;
  renderOverrides(view.document.overrides);
}

// ---------- one version ----------

async function openVersion(id) {
  const view = await getJson(versionUrl(id));
  store.open = view;
  localStorage.setItem(KEY_VERSION, id);
  renderOpen();
  renderVersions();
  await loadAudit();
  document.dispatchEvent(new CustomEvent('wfm:version-open', { detail: view }));
}

/** The draft document as the timeline draws a roster (agents with days, violations per agent). */
export function rosterOfDocument(doc) {
  const byAgent = new Map();
  for (const v of doc.verdict.hardViolations) {
    const list = byAgent.get(v.agent) ?? [];
    list.push({ rule: v.rule, hard: true, amount: v.amount, unit: v.detail });
    byAgent.set(v.agent, list);
  }
  return {
    grid: doc.grid,
    templateNames: doc.templateNames,
    agents: doc.agents.map((a) => ({
      id: a.id,
      name: a.name,
      team: a.team,
      violations: byAgent.get(a.id) ?? [],
      days: a.shifts.map((s) => ({ ...s, retraining: s.activities })),
    })),
  };
}

function renderOpen() {
  const { version: v, document: doc } = store.open;
  $('st-open').hidden = false;
  $('st-open-title').textContent = `${v.series} v${v.version}: ${stateText(v)}`;
  $('st-open-note').textContent =
    `Saved by ${v.createdBy}, ${when(v.createdAt)}${v.note ? `; ${v.note}` : ''}. ` +
    `${doc.agents.filter((a) => a.shifts.length > 0).length} of ${doc.agents.length} agents rostered.`;
  $('st-copy').hidden = v.status !== 'published';
  $('st-edit').hidden = v.status !== 'draft';
  renderCheck(doc.verdict, store.open.coverage);
  renderOverrides(doc.overrides);
  fillDays();
  renderRoster();
}

/** The verdict line, the figures that follow from the check, and the coverage chart. */
export function renderCheck(verdict, coverage) {
  const box = $('st-verdict');
  box.className = `verdict ${verdict.met ? 'met' : 'short'}`;
  box.textContent = '';
  const head = document.createElement('strong');
  head.textContent = verdict.met ? 'Met:' : 'Falls short:';
  box.append(head, ` ${verdict.line.replace(/^(met|falls short): /, '')}`);
  const sl = verdict.serviceLevel?.volumeWeighted;
  const figures = [
    ['Service level', sl === null || sl === undefined ? '-' : `${(sl * 100).toFixed(1)} %`, 'sl'],
    ['Under (agent-intervals)', String(verdict.underAgentIntervals), 'under'],
    ['Over (agent-intervals)', String(verdict.overAgentIntervals), 'over'],
    ['Paid hours', verdict.paidHours.toLocaleString('en-US', { maximumFractionDigits: 1 }), 'paid'],
    ['Hard-rule violations', String(verdict.hardViolations.length), 'hard'],
  ];
  const dl = $('st-kpis');
  dl.textContent = '';
  for (const [label, value, key] of figures) {
    const div = document.createElement('div');
    cell(div, label, 'dt');
    cell(div, value, 'dd').dataset.stKpi = key;
    dl.appendChild(div);
  }
  if (coverage) {
    coverageChart($('st-coverage'), {
      title: 'Agents required and rostered on the phones per interval (this version)',
      required: coverage.map((c) => c.required),
      onPhone: coverage.map((c) => c.onPhone),
      days: dayMarks(coverage.map((c) => c.start)),
    });
  }
}

function renderOverrides(overrides) {
  const list = $('st-overrides');
  list.textContent = '';
  list.hidden = overrides.length === 0;
  for (const o of overrides) {
    const li = document.createElement('li');
    const rules = o.rules.map((r) => `${r.label ?? r.rule} (agent ${r.agent}: ${r.detail})`).join('; ');
    li.textContent = `Override by ${o.by}, ${when(o.at)}: ${rules}. Reason: ${o.reason}`;
    list.appendChild(li);
  }
}

/** The days of the open version in the timeline's day picker; a phone starts on the first day. */
function fillDays() {
  const sel = $('st-day');
  const keep = sel.value;
  sel.textContent = '';
  sel.add(new window.Option('Whole week', '-1'));
  const dates = [...new Set(store.open.coverage.map((c) => c.start.slice(0, 10)))].slice(0, 7);
  dates.forEach((d, i) =>
    sel.add(new window.Option(`${new Date(`${d}T12:00:00Z`).toUTCString().slice(0, 3)} ${d}`, String(i))),
  );
  sel.value = keep !== '' && Number(keep) < dates.length ? keep : window.innerWidth < 700 ? '0' : '-1';
}

export function renderRoster() {
  const doc = store.open.document;
  const roster = rosterOfDocument(doc);
  const firstDate = doc.grid.start.slice(0, 10);
  const day = Number($('st-day').value || -1);
  drawTimeline($('st-timeline'), roster, firstDate, { dayIndex: day, team: '', showIdle: false }, (agent) =>
    document.dispatchEvent(new CustomEvent('wfm:pick-agent', { detail: agent.id })),
  );
}

// ---------- audit and diff ----------

const ACTIONS = { draft: 'saved as a draft', edit: 'edited', publish: 'published' };

function auditText(e) {
  const after = e.after ?? {};
  const parts = [];
  if (Array.isArray(after.edits)) parts.push(after.edits.join(', '));
  const moved = ['added', 'removed', 'moved', 'changed'].filter((k) => after[k] > 0).map((k) => `${after[k]} ${k}`);
  if (moved.length) parts.push(`shifts ${moved.join(', ')}`);
  if (after.override) parts.push(`override of ${after.override.rules.join(', ')}: "${after.override.reason}"`);
  if (e.action === 'draft' && after.shifts !== undefined) parts.push(`${after.shifts} shifts`);
  return `${ACTIONS[e.action] ?? e.action}${parts.length ? `: ${parts.join('; ')}` : ''}`;
}

async function loadAudit() {
  const { entries } = await getJson(`${versionUrl(store.open.version.id)}/audit`);
  const body = $('st-audit').querySelector('tbody');
  body.textContent = '';
  for (const e of entries) {
    const tr = document.createElement('tr');
    cell(tr, when(e.at));
    cell(tr, e.actor);
    cell(tr, auditText(e));
    body.appendChild(tr);
  }
}

/** The local hour (0-23) of an instant in the centre's zone. */
function hourAt(ms) {
  const hour = new Intl.DateTimeFormat('en-GB', {
    timeZone: store.centre?.timeZone,
    hour: 'numeric',
    hourCycle: 'h23',
  });
  return Number(hour.format(new Date(ms)));
}

/** "Early shift Tue 08:00-16:30": the shift's display name and local times (the diff keeps template ids). */
function shiftText(s) {
  const t = (ms) => when(new Date(ms).toISOString()).replace(/^(\w+) \d+ \w+,? /, '$1 ');
  const name = shiftName(s.template, hourAt(s.startMs), store.open?.document.templateNames);
  return `${name} ${t(s.startMs)}-${t(s.endMs).slice(-5)}`;
}

async function compare() {
  const from = store.versions.find((v) => v.id === $('st-diff-from').value);
  const to = store.versions.find((v) => v.id === $('st-diff-to').value);
  const diff = await getJson(`${centreUrl()}/rosters/${enc(from.id)}/diff/${enc(to.id)}`);
  const t = diff.totals;
  $('st-diff-summary').textContent =
    `From v${from.version} to v${to.version}: ${t.added} shifts added, ${t.removed} removed, ${t.moved} moved, ` +
    `${t.changed} with other breaks or sessions, ${t.unchanged} unchanged.`;
  const table = $('st-diff-table');
  const body = table.querySelector('tbody');
  body.textContent = '';
  for (const a of diff.agents) {
    const tr = document.createElement('tr');
    const named = store.open?.document.agents.find((x) => x.id === a.agentId);
    cell(tr, named ? `${named.name} (${a.agentId})` : a.agentId, 'th').scope = 'row';
    cell(tr, a.added.map(shiftText).join('; ') || '-');
    cell(tr, a.removed.map(shiftText).join('; ') || '-');
    cell(tr, a.moved.map((m) => `${shiftText(m.from)} -> ${shiftText(m.to)}`).join('; ') || '-');
    cell(tr, a.changed.map((m) => shiftText(m.to)).join('; ') || '-');
    body.appendChild(tr);
  }
  table.hidden = diff.agents.length === 0;
}

// ---------- wiring ----------

/** Reopens the last centre and version: the ones kept in this browser when the store still has them, else the newest. */
async function restore() {
  if (!(await loadCentres())) return;
  if (store.centres.length === 0) {
    say('No centre yet: the first run is saved to a new centre "main", or create one below.');
    return;
  }
  await selectCentre(localStorage.getItem(KEY_CENTRE) ?? '');
  const kept = store.versions.find((v) => v.id === localStorage.getItem(KEY_VERSION));
  const newest = [...store.versions].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
  const target = kept ?? newest;
  if (target) {
    await openVersion(target.id);
    say(`Reopened ${target.series} v${target.version} of ${store.centre.name} from the store.`);
  } else say(`${store.centre.name}: no roster saved yet. Run the plan to save a draft.`);
}

function init() {
  $('st-centre').addEventListener(
    'change',
    guard(async (e) => {
      await selectCentre(e.target.value);
      const newest = store.versions[0];
      if (newest) await openVersion(newest.id);
    }),
  );
  $('st-new-centre').addEventListener(
    'submit',
    guard(async (e) => {
      e.preventDefault();
      await createCentre({
        code: $('st-code').value.trim(),
        name: $('st-name').value.trim(),
        timeZone: $('st-tz').value.trim(),
      });
    }),
  );
  $('st-compare').addEventListener('click', guard(compare));
  $('st-day').addEventListener('change', () => store.open && renderRoster());
  $('st-copy').addEventListener('click', guard(copyOpen));
  document.addEventListener('wfm:roster', (e) => guard(saveRun)(e.detail));
  setupEditForm({
    store,
    say,
    describe,
    renderCheck,
    renderRoster,
    loadAudit,
    loadVersions,
    reloadOverrides,
    versionUrl,
  });
  guard(restore)().finally(() => {
    document.body.dataset.storeReady = 'true';
  });
}

init();
