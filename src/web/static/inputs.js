/* global document, window, URLSearchParams */
// The page's inputs, each explicit: the history, the agents, the shift rules, the time zone, the week
// and the targets. The page shows what is loaded and where it came from, and names what is missing
// instead of filling a gap with the demo's data.
import { getJson, postJson } from './api.js';
import { summedHistory } from './queues.js';

const $ = (id) => document.getElementById(id);

/** Fills the form from a demo centre (a `wfm plan` configuration: forecast, staffing, shiftPlan, roster, limits). */
function fillSettings(demo) {
  $('week-start').value = demo.forecast.start;
  $('time-zone').value = demo.forecast.timeZone;
  $('opening-hours').value = demo.forecast.openingHours ?? '';
  $('sl').value = String(Math.round(demo.staffing.target.serviceLevel * 100));
  $('answer').value = String(demo.staffing.target.answerSeconds);
  $('occupancy').value = String(Math.round((demo.staffing.target.maxOccupancy ?? 1) * 100));
  $('shrinkage').value = String(Math.round((demo.staffing.shrinkage ?? 0) * 100));
  $('shift-rules').value = JSON.stringify(demo.shiftPlan, null, 2);
  const pool = demo.shiftPlan.pool?.[0];
  if (pool) $('pool-sessions').value = String(pool.sessionsPerDay ?? 0);
  $('plan-seconds').value = String(demo.limits.shiftPlanSeconds);
  $('roster-seconds').value = String(demo.limits.rosterSeconds);
}

const day = (iso) => String(iso ?? '').slice(0, 10);

/** "2,016 rows, 15-minute intervals, 2026-04-06 to 2026-05-31" */
function historyText(facts) {
  const interval = facts.intervalMinutes ? `${facts.intervalMinutes}-minute intervals` : 'contact records';
  return `${facts.rows.toLocaleString('en-US')} rows, ${interval}, ${day(facts.first)} to ${day(facts.last)}`;
}

/** The templates the loaded rules name (agents may only name these), or undefined without rules. */
function ruleTemplates() {
  try {
    const names = JSON.parse($('shift-rules').value).templates?.map((t) => t.name);
    return Array.isArray(names) && names.every((n) => typeof n === 'string') ? names : undefined;
  } catch {
    return undefined;
  }
}

/** What is missing before a plan can run, in words (empty when everything is there). */
export function missingInputs(state) {
  const missing = [];
  if (!(state.history?.length > 0) && !(state.historyQueues?.length > 1)) missing.push('a history CSV');
  if (!(state.agents?.length > 0)) missing.push('agents (a CSV or JSON file)');
  if ($('shift-rules').value.trim() === '') missing.push('shift rules (a JSON file)');
  if ($('time-zone').value.trim() === '') missing.push('the time zone');
  if ($('week-start').value === '') missing.push('the week start');
  const targets = [
    ['sl', 'service level %'],
    ['answer', 'answer within s'],
    ['occupancy', 'max occupancy %'],
    ['shrinkage', 'shrinkage %'],
  ];
  const blank = targets.filter(([id]) => $(id).value.trim() === '').map(([, label]) => label);
  if (blank.length > 0) missing.push(`targets (${blank.join(', ')})`);
  return missing;
}

/** Shows each input with its source, and what is still missing. */
export function showInputs(state) {
  const rows = [
    ['history', 'History', state.historyLoaded ?? 'not loaded'],
    ['agents', 'Agents', state.agentsLoaded ?? 'not loaded'],
    ['rules', 'Shift rules', $('shift-rules').value.trim() ? (state.rulesLoaded ?? 'typed in') : 'not loaded'],
    ['time-zone', 'Time zone', $('time-zone').value.trim() || 'not set'],
  ];
  const list = $('loaded');
  list.textContent = '';
  for (const [key, label, value] of rows) {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.dataset.input = key;
    dd.textContent = value;
    dd.classList.toggle('missing', /^not /.test(value));
    div.append(dt, dd);
    list.appendChild(div);
  }
  const missing = missingInputs(state);
  $('missing').textContent = missing.length > 0 ? `Still needed: ${missing.join(', ')}.` : 'Ready to run.';
}

export async function loadDemo(state, setStatus) {
  setStatus('Loading the demo centre...');
  const query = new URLSearchParams(window.location.search);
  const params = new URLSearchParams();
  for (const k of ['agents', 'weekdayVolume', 'historyWeeks', 'seed']) if (query.has(k)) params.set(k, query.get(k));
  state.demo = await getJson(`/web/demo${params.size ? `?${params}` : ''}`);
  state.history = state.demo.history;
  state.historyQueues = null;
  state.agents = state.demo.agents;
  const rows = state.history;
  state.historyLoaded = `demo: ${historyText({
    rows: rows.length,
    intervalMinutes: state.demo.forecast.intervalMinutes ?? null,
    first: rows[0]?.start,
    last: rows[rows.length - 1]?.start,
  })}`;
  state.agentsLoaded = `demo: ${state.agents.length} agents in ${new Set(state.agents.map((a) => a.team ?? '')).size} teams`;
  state.rulesLoaded = `demo: ${state.demo.shiftPlan.templates.length} shift templates`;
  fillSettings(state.demo);
  showInputs(state);
  setStatus(`Loaded: ${state.demo.name}. Run the plan when the settings suit.`);
}

export async function loadHistoryFile(state, file, setStatus) {
  setStatus(`Reading ${file.name}...`);
  const answer = await postJson('/web/history-csv', { csv: await file.text() });
  const queues = answer.queues;
  state.history = answer.history ?? summedHistory(queues);
  state.historyQueues = queues.length > 1 ? queues : null;
  const facts = queues[0].facts;
  state.historyLoaded =
    queues.length > 1
      ? `${file.name}: ${queues.length} queues (${queues.map((q) => `${q.queue} ${q.facts.rows.toLocaleString('en-US')} rows`).join(', ')}), ${facts.intervalMinutes ? `${facts.intervalMinutes}-minute intervals, ` : ''}${day(facts.first)} to ${day(facts.last)}`
      : `${file.name}: ${historyText(facts)}`;
  const lastDate = day(
    queues
      .map((q) => q.facts.last)
      .sort()
      .pop(),
  );
  if (/^\d{4}-\d{2}-\d{2}$/.test(lastDate)) {
    // The Monday after the last history day.
    const d = new Date(`${lastDate}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
    $('week-start').value = d.toISOString().slice(0, 10);
  }
  showInputs(state);
  setStatus(`Read ${state.historyLoaded}.`);
}

export async function loadAgentsFile(state, file, setStatus) {
  const timeZone = $('time-zone').value.trim();
  if (!timeZone) throw new Error('Set the time zone before loading agents: their local times are read in it.');
  const templates = ruleTemplates();
  const answer = await postJson('/web/agents', {
    text: await file.text(),
    fileName: file.name,
    timeZone,
    ...(templates ? { templates } : {}),
  });
  state.agents = answer.agents;
  state.agentsLoaded = `${file.name}: ${answer.agents.length} agents in ${answer.teams} teams (${answer.format.toUpperCase()})`;
  showInputs(state);
  setStatus(`Read ${state.agentsLoaded}.`);
}

export async function loadRulesFile(state, file, setStatus) {
  const text = await file.text();
  let rules;
  try {
    rules = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file.name}: not valid JSON (${error.message}).`);
  }
  if (!Array.isArray(rules?.templates))
    throw new Error(`${file.name}: no "templates" list (the rules file of wfm shift-plan --rules).`);
  $('shift-rules').value = JSON.stringify(rules, null, 2);
  state.rulesLoaded = `${file.name}: ${rules.templates.length} shift templates`;
  showInputs(state);
  setStatus(`Read ${state.rulesLoaded}.`);
}
