/* global document, window, sessionStorage, clearTimeout, setTimeout, performance, CustomEvent */
// The planner page: load history, run forecast -> staffing -> shift plan -> roster through the
// HTTP API, draw the week, and re-run what-if scenarios as the sliders move.
import { ApiError, deleteJson, download, postJson, postText, runJob } from './api.js';
import { barChart, dayMarks, forecastChart, intervalLabel, linesChart } from './charts.js';
import { renderCoverageView } from './coverage-view.js';
import { planQueues, renderQueues, simulateQueues } from './queues.js';
import { agentDetail, drawTimeline, unfilledList } from './timeline.js';
import { loadAgentsFile, loadDemo, loadHistoryFile, loadRulesFile, missingInputs, showInputs } from './inputs.js';

const $ = (id) => document.getElementById(id);
const state = {
  whatIfUpdates: 0,
  demo: null,
  history: null,
  historyQueues: null,
  agents: null,
  forecast: null,
  staffing: null,
  staffingRequest: null,
  plan: null,
  roster: null,
  whatIf: null,
};
window.wfm = state; // for the browser tests and the curious

/** The status line; an error is also shown under the Run button, where the user looks. */
function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
  $('run-message').textContent = isError ? text : '';
}

function describeError(error) {
  if (error instanceof ApiError) {
    const first = error.issues[0];
    return `${error.message}${first && !error.message.includes(first.message) ? ` (${first.path.join('.')}: ${first.message})` : ''} [${error.code}]`;
  }
  return String(error?.message ?? error);
}

// ---------- the plan ----------

function num(id) {
  return Number($(id).value);
}

function shiftRules() {
  let rules;
  try {
    rules = JSON.parse($('shift-rules').value);
  } catch (error) {
    throw new Error(`Shift rules: not valid JSON (${error.message}).`);
  }
  // The setting is the first (weekday) pool's sessions per day; 0 drops that pool.
  const sessions = num('pool-sessions');
  const [first, ...rest] = rules.pool ?? [];
  if (first) rules.pool = sessions > 0 ? [{ ...first, sessionsPerDay: sessions }, ...rest] : rest;
  rules.solver = { ...(rules.solver ?? {}), timeLimitSeconds: num('plan-seconds') };
  return rules;
}

/** A step's line: `status` is 'running', 'done' or 'failed'. */
function step(name, text, status = 'running') {
  let li = document.querySelector(`#steps li[data-step="${name}"]`);
  if (!li) {
    li = document.createElement('li');
    li.dataset.step = name;
    $('steps').appendChild(li);
  }
  li.textContent = text;
  li.dataset.status = status;
  li.classList.toggle('done', status === 'done');
  li.classList.toggle('failed', status === 'failed');
}

const STEP_NAMES = {
  forecast: 'Forecast',
  staffing: 'Staffing',
  plan: 'Shift plan',
  roster: 'Roster',
  queues: 'Queues',
};

/** The step that was running when the plan stopped now says so, with the reason (never "running" or "0.0 s"). */
function failRunningStep(error) {
  const running = document.querySelector('#steps li[data-status="running"]');
  if (running)
    step(running.dataset.step, `${STEP_NAMES[running.dataset.step]}: stopped. ${describeError(error)}`, 'failed');
}

/** A job's progress line: its time only while it runs. */
function progressText(label, view) {
  return view.status === 'running' && view.elapsedMs
    ? `${label}: running (${(view.elapsedMs / 1000).toFixed(1)} s)...`
    : `${label}: ${view.status}...`;
}

function meanAht(history) {
  let w = 0;
  let s = 0;
  for (const r of history) {
    if (typeof r.ahtSeconds === 'number' && r.volume > 0) {
      s += r.ahtSeconds * r.volume;
      w += r.volume;
    }
  }
  return w > 0 ? Math.round(s / w) : 300;
}

/** The `/v1/staffing` request of a forecast with the page's targets (AHT from the history where the forecast has none). */
function staffingRequestOf(forecast, history) {
  const aht = meanAht(history ?? []);
  return {
    model: 'erlang-c',
    target: { serviceLevel: num('sl') / 100, answerSeconds: num('answer'), maxOccupancy: num('occupancy') / 100 },
    shrinkage: num('shrinkage') / 100,
    timeZone: forecast.timeZone,
    intervalMinutes: forecast.intervalMinutes,
    intervals: forecast.intervals.map((r) => ({ start: r.start, volume: r.volume, ahtSeconds: r.ahtSeconds ?? aht })),
  };
}

/** Forecast and staffing (per queue when the history has several), into `state`. */
async function forecastAndStaff(timeZone) {
  step('forecast', 'Forecast: running...');
  const forecastBody = { history: state.history, timeZone, start: $('week-start').value, weeks: 1 };
  if ($('opening-hours').value.trim()) forecastBody.openingHours = $('opening-hours').value.trim();
  if (state.demo && state.history === state.demo.history) {
    // The demo's own forecast options (interval, method, its holidays as special days).
    const { intervalMinutes, method, specialDays } = state.demo.forecast;
    Object.assign(forecastBody, { intervalMinutes, method, specialDays });
  }
  if (state.historyQueues) {
    // Several queues: each forecast and staffed on its own, combined for the plan (queues.js).
    const q = await planQueues(state.historyQueues, forecastBody, staffingRequestOf, step);
    Object.assign(state, { forecast: q.forecast, staffing: q.staffing, perQueue: q.perQueue });
    state.staffingRequest = staffingRequestOf(q.forecast, state.history);
  } else {
    state.perQueue = null;
    state.forecast = await postJson('/v1/forecast', forecastBody);
    const contacts = state.forecast.intervals.reduce((s, r) => s + r.volume, 0);
    step('forecast', `Forecast: ${whole(contacts)} contacts.`, 'done');
    step('staffing', 'Staffing: running...');
    state.staffingRequest = staffingRequestOf(state.forecast, state.history);
    state.staffing = await postJson('/v1/staffing', state.staffingRequest);
  }
  step(
    'staffing',
    `Staffing: peak ${state.staffing.totals.peakAgents} agents, ${whole(state.staffing.totals.agentHours)} agent-hours.`,
    'done',
  );
}

/**
 * A job's progress: its id is the one a cancel stops; a cancel asked before the id was known stops
 * it now. Then `show` the progress.
 */
function tracked(view, show) {
  const first = state.runningJob !== view.id;
  state.runningJob = view.id;
  if (first && state.cancelRequested) deleteJson(`/v1/jobs/${encodeURIComponent(view.id)}`).catch(() => {});
  show();
}

async function runPlan(event) {
  event?.preventDefault();
  const missing = missingInputs(state);
  if (missing.length > 0) {
    // Nothing is filled in from the demo: the plan is of the centre the user loaded, or none.
    setStatus(`Cannot run the plan: missing ${missing.join(', ')}.`, true);
    return;
  }
  $('run-plan').disabled = true;
  $('cancel-plan').hidden = false;
  state.cancelRequested = false;
  $('steps').textContent = '';
  const t0 = performance.now();
  try {
    const timeZone = $('time-zone').value.trim();
    await forecastAndStaff(timeZone);

    step('plan', 'Shift plan: queued...');
    state.plan = await runJob('/v1/shift-plans', { requirement: state.staffing, rules: shiftRules() }, (v) =>
      tracked(v, () => step('plan', progressText('Shift plan', v))),
    );
    step(
      'plan',
      `Shift plan: ${state.plan.shifts.reduce((s, x) => s + x.count, 0)} shifts, ${tenths(state.plan.quality.paidHours)} paid hours, cost ${((state.plan.quality.objectiveOverBound - 1) * 100).toFixed(1)} % over its LP bound.`,
      'done',
    );

    state.runningJob = null;
    if (state.cancelRequested) throw new Error('cancelled before the roster started');
    step('roster', 'Roster: queued...');
    // The plan's coverage rows get the offered load, so that the roster re-computes its service level.
    const load = new Map(state.staffing.intervals.map((r) => [Date.parse(r.start), r]));
    // (A row without handle time, e.g. a closed interval of several queues summed, carries no load.)
    const coverage = state.plan.coverage.map(({ volume: _v, ahtSeconds: _a, ...c }) => {
      const row = load.get(Date.parse(c.start));
      return row && row.ahtSeconds > 0 ? { ...c, volume: row.volume, ahtSeconds: row.ahtSeconds } : c;
    });
    const rosterBody = {
      plan: { ...state.plan, coverage },
      agents: state.agents,
      rules: {
        // The demo's roster rules come with the demo's shift rules only.
        ...(state.rulesLoaded?.startsWith('demo') ? (state.demo?.roster?.rules ?? {}) : {}),
        minRestHours: num('min-rest'),
        maxConsecutiveDays: num('max-consecutive'),
      },
      options: { timeLimitSeconds: num('roster-seconds'), answerSeconds: num('answer') },
    };
    state.roster = await runJob('/v1/rosters', rosterBody, (v) =>
      tracked(v, () => step('roster', progressText('Roster', v))),
    );
    const q = state.roster.quality;
    step(
      'roster',
      `Roster ${state.roster.verdict ? state.roster.verdict.line : `${q.shiftsFilled} of ${q.shiftsRequired} shifts filled`}.`,
      'done',
    );
    state.queues = null;
    if (state.perQueue) {
      step('queues', 'Queues: simulating the roster per queue...');
      state.queues = await simulateQueues(state.perQueue, state.roster, state.agents, timeZone);
      step(
        'queues',
        `Queues: ${state.queues.queues.map((q) => `${q.name} ${q.met ? 'met' : 'short'}`).join(', ')}.`,
        'done',
      );
    }
    render();
    // The Versions panel (versions.js) saves the run as a draft in the store, when there is one.
    const note = state.demo && state.history === state.demo.history ? state.demo.name : 'Planner page';
    document.dispatchEvent(
      new CustomEvent('wfm:roster', { detail: { request: rosterBody, result: state.roster, note } }),
    );
    $('results').scrollIntoView({ block: 'start' });
    setStatus(`Plan ready in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    await runWhatIf();
  } catch (error) {
    failRunningStep(error);
    setStatus(`The plan stopped: ${describeError(error)}`, true);
  } finally {
    state.runningJob = null;
    $('run-plan').disabled = false;
    $('cancel-plan').hidden = true;
  }
}

// ---------- views ----------

function kpis(list, target) {
  target.textContent = '';
  for (const [label, value, key] of list) {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (key) dd.dataset.kpi = key;
    div.append(dt, dd);
    target.appendChild(div);
  }
}

const pct = (x) => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)} %`);
/** A whole number for people: contacts, agents, hours on a KPI tile (`4,408`). */
const whole = (x) => Math.round(x).toLocaleString('en-US');
/** Hours to one decimal for people (`4,408.5`). */
const tenths = (x) => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function render() {
  $('results').hidden = false;
  $('wi-sl').value = String(state.staffingRequest.target.serviceLevel);
  $('wi-shrinkage').value = String(state.staffingRequest.shrinkage);
  sliderText();
  const q = state.roster.quality;
  const pq = state.plan.quality;
  // Several queues: the verdict judges each queue by the simulation (web/queues.ts), not the summed load.
  const verdict = state.queues?.verdict ?? state.roster.verdict;
  renderVerdict(verdict);
  const simulatedSl = state.queues?.verdict?.serviceLevel?.judgedBy === 'simulation';
  kpis(
    [
      ['Forecast contacts', whole(state.forecast.intervals.reduce((s, r) => s + r.volume, 0)), 'contacts'],
      ['Peak agents', String(state.staffing.totals.peakAgents), 'peak-agents'],
      ['Peak headcount', String(state.staffing.totals.peakHeadcount), 'peak-headcount'],
      ['Roster paid hours (named agents)', tenths(q.paidHours), 'paid-hours'],
      ['Plan paid hours (shifts asked for)', tenths(pq.paidHours), 'plan-paid-hours'],
      [
        'Plan cost over its LP bound',
        pq.objectiveOverBound ? `${((pq.objectiveOverBound - 1) * 100).toFixed(1)} %` : '-',
        'over-bound',
      ],
      ['Shifts filled', `${q.shiftsFilled} / ${q.shiftsRequired}`, 'shifts'],
      ['Under (agent-intervals)', String(q.rosterUnderAgentIntervals), 'under'],
      simulatedSl
        ? ['Service level, simulated per queue', pct(verdict.serviceLevel.volumeWeighted), 'sl']
        : ['Service level, rostered', pct(q.serviceLevel?.volumeWeighted), 'sl'],
      ['Pool hours placed', `${tenths(pq.poolHoursPlaced)} / ${tenths(pq.poolHoursRequested)}`, 'pool'],
      ['Hard rules broken', hardRulesText(state.roster.verdict), 'hard'],
    ],
    $('kpis'),
  );
  renderForecast();
  renderCoverage();
  renderRosterControls();
  renderTimeline();
  unfilledList($('unfilled'), state.roster);
  renderExport();
  $('tab-queues').hidden = !state.queues;
  if (state.queues) renderQueues($('queues-view'), state.queues, state.roster);
}

/** The verdict first: met or falls short, its line and each shortfall (the API result's `verdict`). */
function renderVerdict(verdict) {
  const box = $('verdict');
  box.textContent = '';
  if (!verdict) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.className = `verdict ${verdict.met ? 'met' : 'short'}`;
  const head = document.createElement('strong');
  head.textContent = verdict.met ? 'Met:' : 'Falls short:';
  const line = document.createElement('span');
  line.textContent = ` ${verdict.line.replace(/^(met|falls short): /, '')}`;
  box.append(head, line);
  if (verdict.shortfalls.length > 0) {
    const list = document.createElement('ul');
    for (const text of verdict.shortfalls) {
      const li = document.createElement('li');
      li.textContent = text;
      list.appendChild(li);
    }
    box.appendChild(list);
  }
}

/** Hard-rule breaches as "0", or e.g. "2 (rest between shifts: 1 agent, 2.5 h of rest short)". */
function hardRulesText(verdict) {
  const breaches = verdict?.hardRules?.breaches ?? [];
  if (breaches.length === 0) return '0';
  const agents = breaches.reduce((t, b) => t + b.agents, 0);
  return `${agents} (${breaches.map((b) => `${b.label}: ${b.amount.toFixed(1)} ${b.unit}`).join(', ')})`;
}

function renderForecast() {
  const fc = state.forecast.intervals;
  const minutes = state.forecast.intervalMinutes;
  const stepMs = minutes * 60_000;
  const originMs = Date.parse(fc[0].start);
  const histSlots = 14 * 24 * (60 / state.forecast.intervalMinutes);
  const history = new Array(histSlots).fill(null);
  for (const r of state.history) {
    const slot = Math.round((Date.parse(r.start ?? r.timestamp) - (originMs - histSlots * stepMs)) / stepMs);
    if (slot >= 0 && slot < histSlots && typeof r.volume === 'number') history[slot] = r.volume;
  }
  // Local wall-clock starts at the forecast's offset (day labels in the centre's time, not UTC).
  const offset = /[+-]\d{2}:\d{2}$/.exec(fc[0].start)?.[0] ?? 'Z';
  const offsetMs =
    offset === 'Z'
      ? 0
      : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  const histStarts = history.map(
    (_, i) => `${new Date(originMs - (histSlots - i) * stepMs + offsetMs).toISOString().slice(0, 19)}${offset}`,
  );
  const starts = [...histStarts, ...fc.map((r) => r.start)];
  forecastChart($('chart-forecast'), {
    title: 'Contacts per interval: the last two weeks of history and the forecast week with its p10-p90 band',
    history,
    forecast: fc.map((r) => r.volume),
    band: { lo: fc.map((r) => r.volumeP10), hi: fc.map((r) => r.volumeP90) },
    days: dayMarks(starts),
    tips: [
      ...history.map((v, i) =>
        v === null ? '' : `${intervalLabel(histStarts[i], minutes)}: ${whole(v)} contacts (history)`,
      ),
      ...fc.map(
        (r) =>
          `${intervalLabel(r.start, minutes)}: forecast ${whole(r.volume)} contacts, p10-p90 ${whole(r.volumeP10)}-${whole(r.volumeP90)}`,
      ),
    ],
  });
  const f = state.forecast;
  const name = f.method === 'pool' ? `the mean of ${f.methods.join(' and ')}` : f.method;
  $('forecast-note').textContent =
    `Method ${name}, chosen by week-ahead backtests${f.backtestWape !== null && f.backtestWape !== undefined ? ` (mean WAPE ${f.backtestWape.toFixed(1)} %)` : ''}.`;
  $('forecast-notes').textContent = state.forecast.notes.join(' ');
}

function renderCoverage() {
  renderCoverageView($('chart-coverage'), $('coverage-days'), state.roster);
  const planned = new Map();
  for (const s of state.plan.retraining ?? []) {
    const hours = ((Date.parse(s.end) - Date.parse(s.start)) / 3_600_000) * s.seats;
    planned.set(s.day, (planned.get(s.day) ?? 0) + hours);
  }
  const days = new Map();
  for (const d of state.roster.retraining.days) {
    const r = d.team.filter((x) => x.kind === 'retraining').reduce((s, x) => s + x.hours, 0);
    const c = d.team.filter((x) => x.kind === 'coaching').reduce((s, x) => s + x.hours, 0);
    days.set(d.date, [r, c]);
  }
  const dates = [...new Set([...planned.keys(), ...days.keys()])].sort();
  barChart($('chart-pool'), {
    title: 'Agent-hours off the phones per day: planned seats, retraining and coaching',
    yLabel: 'hours',
    series: [
      { name: 'planned', cls: 'bar-planned' },
      { name: 'retraining', cls: 'bar-retraining' },
      { name: 'coaching', cls: 'bar-coaching' },
    ],
    groups: dates.map((d) => ({
      label: `${new Date(`${d}T12:00:00Z`).toUTCString().slice(0, 3)} ${d.slice(8)}`,
      values: [planned.get(d) ?? 0, ...(days.get(d) ?? [0, 0])],
    })),
  });
}

function renderRosterControls() {
  const teams = [...new Set(state.roster.agents.map((a) => a.team))].sort();
  $('team-filter').innerHTML = '<option value="">All teams</option>';
  for (const t of teams) $('team-filter').add(new window.Option(t || '(none)', t));
  const dates = [...new Set(state.roster.coverage.map((c) => c.start.slice(0, 10)))].slice(0, 7);
  $('day-filter').innerHTML = '<option value="-1">Whole week</option>';
  dates.forEach((d, i) =>
    $('day-filter').add(new window.Option(`${new Date(`${d}T12:00:00Z`).toUTCString().slice(0, 3)} ${d}`, String(i))),
  );
  // A week of shifts is too fine to read on a phone: start there on the first day.
  if (window.innerWidth < 700 && dates.length > 0) $('day-filter').value = '0';
}

function renderTimeline() {
  const firstDate = state.roster.coverage[0]?.start.slice(0, 10) ?? state.roster.grid.start.slice(0, 10);
  drawTimeline(
    $('timeline'),
    state.roster,
    firstDate,
    { dayIndex: Number($('day-filter').value), team: $('team-filter').value, showIdle: $('show-idle').checked },
    (agent) => {
      agentDetail($('agent-detail'), agent, state.roster.templateNames);
      $('ics-agent').value = agent.id;
      $('agent-detail').focus();
    },
  );
}

function renderExport() {
  $('ics-agent').textContent = '';
  for (const a of state.roster.agents.filter((x) => x.days.length > 0))
    $('ics-agent').add(new window.Option(`${a.name} (${a.id})`, a.id));
}

// ---------- what-if ----------

let whatIfTimer;
let whatIfSeq = 0;

function sliderText() {
  const signed = (f) => `${f >= 1 ? '+' : ''}${Math.round((f - 1) * 100)} %`;
  $('wi-volume-out').textContent = signed(num('wi-volume'));
  $('wi-aht-out').textContent = signed(num('wi-aht'));
  $('wi-sl-out').textContent = `${Math.round(num('wi-sl') * 100)} %`;
  $('wi-shrinkage-out').textContent = `${Math.round(num('wi-shrinkage') * 100)} %`;
}

/** Rostered heads per staffing interval: on-phone agents grossed up by the base shrinkage. */
function rosterHeadcount() {
  const byMs = new Map(state.roster.coverage.map((c) => [Date.parse(c.start), c.onPhone]));
  const s = state.staffingRequest.shrinkage;
  return state.staffingRequest.intervals.map((r) => Math.ceil((byMs.get(Date.parse(r.start)) ?? 0) / (1 - s) - 1e-9));
}

async function runWhatIf() {
  if (!state.staffingRequest || !state.roster) return;
  const seq = ++whatIfSeq;
  const t0 = performance.now();
  const scenario = {
    name: 'scenario',
    volumeFactor: num('wi-volume'),
    ahtFactor: num('wi-aht'),
    serviceLevel: num('wi-sl'),
    answerSeconds: state.staffingRequest.target.answerSeconds,
    shrinkage: num('wi-shrinkage'),
  };
  const heads = rosterHeadcount();
  try {
    const result = await postJson('/v1/what-if', {
      queues: [{ name: 'week', request: state.staffingRequest, rosterHeadcount: heads }],
      scenarios: [{ name: 'base' }, scenario],
      detail: 'intervals',
    });
    if (seq !== whatIfSeq) return;
    state.whatIf = result;
    const [base, sc] = result.scenarios;
    const ms = performance.now() - t0;
    kpis(
      [
        [
          'Headcount-hours',
          `${whole(sc.totals.headcountHours)} (base ${whole(base.totals.headcountHours)})`,
          'wi-headcount-hours',
        ],
        ['Peak headcount', `${sc.queues[0].peakHeadcount} (base ${base.queues[0].peakHeadcount})`, 'wi-peak'],
        ['Agent-hours on the phones', whole(sc.totals.agentHours), 'wi-agent-hours'],
        ['Service level, roster as is', pct(sc.totals.rosterServiceLevel), 'wi-roster-sl'],
        [
          'Intervals the roster falls short',
          `${whole(sc.queues[0].roster?.intervalsUnderRequirement ?? 0)} of ${whole(heads.length)}`,
          'wi-short',
        ],
        ['Intervals no staffing can meet', whole(sc.totals.unmetIntervals), 'wi-unmet'],
      ],
      $('wi-totals'),
    );
    const svg = linesChart($('chart-whatif'), {
      title: 'Headcount required per interval: base, scenario, and the roster',
      yLabel: 'heads',
      days: dayMarks(state.staffingRequest.intervals.map((r) => r.start)),
      lines: [
        { values: heads, cls: 'line-rostered' },
        { values: base.queues[0].headcount, cls: 'line-base' },
        { values: sc.queues[0].headcount, cls: 'line-scenario' },
      ],
      tips: state.staffingRequest.intervals.map(
        (r, i) =>
          `${intervalLabel(r.start, state.staffingRequest.intervalMinutes)}: headcount base ${base.queues[0].headcount[i]}, ` +
          `scenario ${sc.queues[0].headcount[i]}, rostered ${heads[i]}`,
      ),
    });
    svg.dataset.peak = String(sc.queues[0].peakHeadcount);
    state.whatIfUpdates++;
    // The roster's own SL needs the load on its plan; without it, the base scenario's SL of the roster stands in.
    if (!state.roster.quality.serviceLevel && base.totals.rosterServiceLevel !== null) {
      const slKpi = document.querySelector('[data-kpi="sl"]');
      if (slKpi) slKpi.textContent = pct(base.totals.rosterServiceLevel);
    }
    setStatus(`What-if recalculated (${ms.toFixed(0)} ms to compute).`);
  } catch (error) {
    if (seq === whatIfSeq) setStatus(`What-if failed: ${describeError(error)}`, true);
  }
}

function scheduleWhatIf() {
  sliderText();
  clearTimeout(whatIfTimer);
  whatIfTimer = setTimeout(runWhatIf, 120);
}

// ---------- exports ----------

async function exportCsv() {
  const csv = await postText('/web/export/roster.csv', state.roster);
  download(csv, 'roster-agent-days.csv', 'text/csv');
  setStatus('Roster CSV saved.');
}

async function exportIcs() {
  const id = $('ics-agent').value;
  const agent = state.roster.agents.find((a) => a.id === id);
  if (!agent) return;
  const ics = await postText('/web/export/agent.ics', {
    roster: { grid: state.roster.grid, agents: [agent] },
    agentId: id,
  });
  download(ics, `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.ics`, 'text/calendar');
  setStatus(`Calendar of ${agent.name} saved.`);
}

async function exportReport() {
  const name = state.demo && state.history === state.demo.history ? state.demo.name : 'Planner page';
  const html = await postText('/web/export/report.html', {
    name,
    forecast: state.forecast,
    staffing: state.staffing,
    plan: state.plan,
    roster: state.roster,
    ...(state.queues ? { queues: state.queues } : {}),
  });
  download(html, 'wfm-report.html', 'text/html');
  setStatus('HTML report saved.');
}

function exportJson() {
  const { forecast, staffing, plan, roster } = state;
  download(JSON.stringify({ forecast, staffing, plan, roster }, null, 2), 'wfm-week.json', 'application/json');
}

// ---------- wiring ----------

function selectTab(tab) {
  for (const t of document.querySelectorAll('[role="tab"]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (state.roster) {
    if (tab.id === 'tab-forecast') renderForecast();
    if (tab.id === 'tab-coverage') renderCoverage();
    if (tab.id === 'tab-queues' && state.queues) renderQueues($('queues-view'), state.queues, state.roster);
    if (tab.id === 'tab-whatif') runWhatIf();
  }
}

function guard(fn) {
  return (...args) => Promise.resolve(fn(...args)).catch((error) => setStatus(describeError(error), true));
}

function init() {
  $('load-demo').addEventListener(
    'click',
    guard(() => loadDemo(state, setStatus)),
  );
  const upload = (id, load) =>
    $(id).addEventListener(
      'change',
      guard((e) => e.target.files[0] && load(state, e.target.files[0], setStatus)),
    );
  upload('history-file', loadHistoryFile);
  upload('agents-file', loadAgentsFile);
  upload('rules-file', loadRulesFile);
  for (const id of ['time-zone', 'week-start', 'shift-rules', 'sl', 'answer', 'occupancy', 'shrinkage'])
    $(id).addEventListener('input', () => showInputs(state));
  $('settings').addEventListener('submit', runPlan);
  // Cancelling a job frees its worker; the plan then stops with the service's "cancelled" error.
  $('cancel-plan').addEventListener(
    'click',
    guard(async () => {
      // A click before the step's job is known (between steps, or while it is being posted) cancels
      // it as soon as its id comes back (tracked), not the step before it.
      state.cancelRequested = true;
      if (state.runningJob) await deleteJson(`/v1/jobs/${encodeURIComponent(state.runningJob)}`);
    }),
  );
  $('api-key').value = sessionStorage.getItem('wfm-api-key') ?? '';
  $('api-key').addEventListener('change', () => sessionStorage.setItem('wfm-api-key', $('api-key').value));
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  tabs.forEach((tab) => {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (e) => {
      // A hidden tab (Queues, for one queue) is skipped.
      const shown = tabs.filter((t) => !t.hidden);
      const i = shown.indexOf(tab);
      const next =
        e.key === 'ArrowRight'
          ? shown[(i + 1) % shown.length]
          : e.key === 'ArrowLeft'
            ? shown[(i + shown.length - 1) % shown.length]
            : null;
      if (next) {
        next.focus();
        selectTab(next);
      }
    });
  });
  for (const id of ['team-filter', 'day-filter', 'show-idle'])
    $(id).addEventListener('change', () => state.roster && renderTimeline());
  for (const id of ['wi-volume', 'wi-aht', 'wi-sl', 'wi-shrinkage']) $(id).addEventListener('input', scheduleWhatIf);
  $('export-csv').addEventListener('click', guard(exportCsv));
  $('export-ics').addEventListener('click', guard(exportIcs));
  $('export-report').addEventListener('click', guard(exportReport));
  $('export-json').addEventListener('click', exportJson);
  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (!state.roster) return;
      renderForecast();
      renderCoverage();
      if (state.queues) renderQueues($('queues-view'), state.queues, state.roster);
    }, 200);
  });
  sliderText();
  showInputs(state);
  $('run-plan').disabled = false;
  document.body.dataset.ready = 'true';
}

init();
