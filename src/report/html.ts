/**
 * The plan's self-contained HTML report: inline CSS and SVG, no script to run and no external
 * request. Every figure shown carries `data-figure="<path in summary.json>"` and
 * `data-value="<the number>"`, and the whole summary is embedded as
 * `<script type="application/json" id="wfm-summary">`, so that tools (and the end-to-end test)
 * can check that the report shows the numbers of the JSON outputs.
 */
import type { ForecastResult } from '../forecast/types.js';
import type { PlanSummary } from '../app/summary.js';
import type { StaffingResponse } from '../contracts/staffing.js';
import type { RosterResult } from '../scheduler/roster/result-types.js';
import type { ShiftPlan } from '../scheduler/shift-plan/types.js';
import { coverageChart, forecastChart, poolChart } from './charts.js';
import { REPORT_CSS } from './style.js';
import { esc, pct, weekdayLabel } from './svg.js';
import { forecastMethodWords, tenths, whole } from './people.js';
import { rosterTimeline } from './timeline.js';
import { queuesSection } from './queue-charts.js';
import type { PlanQueuesResult } from '../app/plan-queues.js';
import { gridText } from './summary-text.js';
import { isoDayLabel } from '../time/instant.js';

export interface ReportInput {
  summary: PlanSummary;
  forecast: ForecastResult;
  staffing: StaffingResponse;
  shiftPlan: ShiftPlan;
  roster: RosterResult;
  /** A multi-queue plan's per-queue results (the section "Queues"). */
  queues?: { verdict: PlanQueuesResult } | undefined;
}

type Value = number | string | boolean | null;

/** One figure: the value shown, tagged with its summary.json path. */
function figure(path: string, raw: Value, shown?: string): string {
  // A figure the run could not compute (e.g. no LP bound within the time limit) is null in
  // summary.json and "n/a" here, never "NaN".
  const value = typeof raw === 'number' && !Number.isFinite(raw) ? null : raw;
  const text = value === null ? 'n/a' : (shown ?? (typeof value === 'number' ? number(value) : String(value)));
  return (
    `<span data-figure="${esc(path)}" ` +
    `data-value="${esc(value === null ? 'null' : String(value))}` +
    `">${esc(text)}</span>`
  );
}

/** A figure for people: whole numbers as they are, others to one decimal (hours, penalties). */
function number(x: number): string {
  return Number.isInteger(x) ? whole(x) : tenths(x);
}

function card(title: string, rows: [string, string][]): string {
  const items = rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('');
  return `<section class="card"><h3>${esc(title)}</h3><dl>${items}</dl></section>`;
}

function forecastCard(s: PlanSummary): string {
  return card('Forecast', [
    ['method', figure('forecast.method', s.forecast.method, forecastMethodWords(s.forecast))],
    ['contacts', figure('forecast.volume', s.forecast.volume, whole(s.forecast.volume))],
    [
      'p10 - p90 contacts',
      `${figure('forecast.volumeP10', s.forecast.volumeP10, whole(s.forecast.volumeP10))} - ` +
        `${figure('forecast.volumeP90', s.forecast.volumeP90, whole(s.forecast.volumeP90))}`,
    ],
    [
      'backtest WAPE',
      figure(
        'forecast.backtestWape',
        s.forecast.backtestWape,
        s.forecast.backtestWape === null ? 'n/a' : `${s.forecast.backtestWape.toFixed(1)} %`,
      ),
    ],
  ]);
}

function staffingCard(s: PlanSummary): string {
  return card('Staffing', [
    ['model', figure('staffing.model', s.staffing.model)],
    [
      'target',
      s.staffing.serviceLevelTarget === null
        ? 'per queue (see Queues)'
        : `${figure('staffing.serviceLevelTarget', s.staffing.serviceLevelTarget, pct(s.staffing.serviceLevelTarget))} ` +
          `in ${figure('staffing.answerSeconds', s.staffing.answerSeconds)} s`,
    ],
    ['agent-hours required on the phones', figure('staffing.agentHours', s.staffing.agentHours)],
    ['peak agents', figure('staffing.peakAgents', s.staffing.peakAgents)],
    [
      'headcount-hours (shrinkage ' + pct(s.staffing.shrinkage) + ')',
      figure('staffing.headcountHours', s.staffing.headcountHours),
    ],
  ]);
}

function shiftPlanCard(p: PlanSummary['shiftPlan'], perQueue = false): string {
  return card('Shift plan', [
    ['status', figure('shiftPlan.status', p.status)],
    ['shifts', figure('shiftPlan.shifts', p.shifts)],
    ['plan paid hours (the shifts it asks for)', figure('shiftPlan.paidHours', p.paidHours)],
    ['cost (weighted paid h + penalties)', figure('shiftPlan.cost', p.cost)],
    ['LP bound on the cost', figure('shiftPlan.lpBound', p.lpBound)],
    [
      'cost over LP bound',
      figure(
        'shiftPlan.objectiveOverBound',
        p.objectiveOverBound,
        `${((p.objectiveOverBound - 1) * 100).toFixed(1)} %`,
      ),
    ],
    [
      'MIP gap',
      figure('shiftPlan.mipGap', p.mipGap, p.mipGap === null ? 'n/a (heuristic)' : `${(p.mipGap * 100).toFixed(2)} %`),
    ],
    [
      'pool hours placed / requested',
      `${figure('shiftPlan.poolHoursPlaced', p.poolHoursPlaced)} / ` +
        `${figure('shiftPlan.poolHoursRequested', p.poolHoursRequested)}`,
    ],
    [
      'under / over (agent-intervals)',
      `${figure('shiftPlan.underAgentIntervals', p.underAgentIntervals)} ` +
        `/ ${figure('shiftPlan.overAgentIntervals', p.overAgentIntervals)}`,
    ],
    [
      'SL on the plan',
      perQueue
        ? 'per queue, on the roster by simulation'
        : figure('shiftPlan.serviceLevel', p.serviceLevel, pct(p.serviceLevel)),
    ],
    ['uncoverable intervals', figure('shiftPlan.uncoverableIntervals', p.uncoverableIntervals)],
  ]);
}

function rosterCard(r: PlanSummary['roster']): string {
  return card('Roster', [
    ['agents (working)', `${figure('roster.agents', r.agents)} (${figure('roster.agentsWorking', r.agentsWorking)})`],
    ['roster paid hours (named agents, extra shifts included)', figure('roster.paidHours', r.paidHours)],
    [
      'shifts filled / required',
      `${figure('roster.shiftsFilled', r.shiftsFilled)} / ${figure('roster.shiftsRequired', r.shiftsRequired)}`,
    ],
    [
      'extra / unfilled shifts',
      `${figure('roster.extraShifts', r.extraShifts)} / ${figure('roster.unfilledShifts', r.unfilledShifts)}`,
    ],
    [
      r.serviceLevelJudgedBy === 'simulation'
        ? 'SL simulated per queue (worst interval vs its target)'
        : 'SL on the roster (worst interval)',
      `${figure('roster.serviceLevel', r.serviceLevel, pct(r.serviceLevel))} ` +
        `(${figure('roster.worstServiceLevel', r.worstServiceLevel, pct(r.worstServiceLevel))})`,
    ],
    [
      'under-coverage (loss vs plan)',
      `${figure('roster.underAgentIntervals', r.underAgentIntervals)} ` +
        `(${figure('roster.coverageLossAgentIntervals', r.coverageLossAgentIntervals)})`,
    ],
    [
      'retraining hours assigned / needed',
      `${figure('roster.retrainingHoursAssigned', r.retrainingHoursAssigned)} ` +
        `/ ${figure('roster.retrainingHoursNeeded', r.retrainingHoursNeeded)}`,
    ],
    ['hard rules', figure('roster.feasible', r.feasible, r.feasible ? 'all met' : 'violated')],
    [
      'hard / soft penalty',
      `${figure('roster.hardViolations', r.hardViolations)} / ${figure('roster.softPenalty', r.softPenalty)}`,
    ],
  ]);
}

/** One row per day of the summary's `days`. */
function dayRows(s: PlanSummary): string {
  const fields = [
    'volume',
    'requiredAgentHours',
    'onPhoneAgentHours',
    'underAgentIntervals',
    'overAgentIntervals',
    'serviceLevel',
    'poolHoursPlaced',
    'retrainingHoursRostered',
    'coachingHoursRostered',
  ] as const;
  return s.days
    .map((d, i) => {
      const cells = fields.map((f) => {
        const shown = f === 'serviceLevel' ? pct(d.serviceLevel) : f === 'volume' ? whole(d.volume) : undefined;
        return `<td>${figure(`days.${i}.${f}`, d[f], shown)}</td>`;
      });
      return `<tr><td>${esc(weekdayLabel(d.date))}</td>${cells.join('')}</tr>`;
    })
    .join('');
}

/** One row per rule the roster breaks (hard or soft), or one row saying none is. */
function violationRows(r: PlanSummary['roster']): string {
  return r.violations.length === 0
    ? '<tr><td colspan="5">No rule is violated.</td></tr>'
    : r.violations
        .map(
          (v, i) =>
            `<tr><td>${figure(`roster.violations.${i}.label`, v.label)}</td><td>${v.hard ? 'hard' : 'soft'}</td>` +
            `<td>${figure(`roster.violations.${i}.shownAmount`, v.shownAmount)}</td><td>${esc(v.shownUnit)}</td>` +
            `<td>${figure(`roster.violations.${i}.penalty`, v.penalty)}</td></tr>`,
        )
        .join('');
}

/** The verdict first: met or falls short, the one line, and each shortfall (docs/semantics.md, "Verdict"). */
function verdictBanner(s: PlanSummary): string {
  const v = s.verdict;
  const items = v.shortfalls.map((x) => `<li>${esc(x)}</li>`).join('');
  return (
    `<section class="verdict ${v.met ? 'met' : 'short'}" role="status" data-figure="verdict.met" ` +
    `data-value="${v.met}"><strong>${v.met ? 'Met' : 'Falls short'}:</strong> ` +
    `${esc(v.line.replace(/^(met|falls short): /, ''))}` +
    `${items ? `<ul>${items}</ul>` : ''}</section>`
  );
}

/**
 * Renders the report. O(intervals + agents x days); about 1 KiB per agent-week plus the charts.
 *
 * @example writeFileSync('report.html', renderReport({ summary, forecast, staffing, shiftPlan, roster }))
 */
export function renderReport(input: ReportInput): string {
  const s = input.summary;
  const figures = [
    forecastCard(s),
    staffingCard(s),
    shiftPlanCard(s.shiftPlan, s.roster.serviceLevelJudgedBy === 'simulation'),
    rosterCard(s.roster),
  ].join('');
  const notes = [...input.forecast.notes, ...input.shiftPlan.issues.slice(0, 20).map((i) => i.message)];
  const embedded = JSON.stringify(s).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.name)}: plan ${esc(s.horizon.start.slice(0, 10))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${esc(s.name)}</h1>
<p>Week from ${esc(isoDayLabel(s.horizon.start))} (${esc(s.horizon.timeZone)}),
${s.horizon.days} days of ${esc(gridText(s.horizon))}.
Files beside this report: forecast, staffing, shift plan, coverage, roster (JSON and CSV), one calendar per agent,
summary.json${input.queues ? ', queues (JSON and CSV)' : ''}.</p></header>
<main>
${verdictBanner(s)}
<div class="cards">${figures}</div>
<h2>Forecast</h2>
<p class="legend"><span class="key forecast"></span>forecast <span class="key band"></span>p10 - p90 band</p>
${forecastChart(input.forecast)}
<h2>Requirement against rostered coverage</h2>
<p class="legend"><span class="key required"></span>required on the phones <span class="key onphone"></span>
rostered on the phones <span class="key under"></span>under <span class="key over"></span>over</p>
${coverageChart(input.roster)}
${input.queues && s.queues ? queuesSection(input.queues.verdict, s.queues, input.roster, figure) : ''}
<h2>By day</h2>
<table class="days"><thead><tr><th>day</th><th>contacts</th><th>required agent-h</th><th>on-phone agent-h</th>
<th>under</th><th>over</th><th>SL (roster)</th><th>pool h placed</th><th>retraining h</th><th>coaching h</th>
</tr></thead>
<tbody>${dayRows(s)}</tbody></table>
<h2>Flexible pool per day</h2>
<p class="legend"><span class="key pool-placed"></span>
placed by the plan <span class="key pool-retraining"></span>
retraining rostered <span class="key pool-coaching"></span>coaching (spare seats)</p>
${poolChart(s.days)}
<h2>Roster</h2>
<p class="legend"><span class="key shift"></span>on shift <span class="key break"></span>
paid break <span class="key lunch"></span>lunch (unpaid) <span class="key retraining"></span>
retraining <span class="key coaching"></span>coaching <span class="key extra"></span>extra shift (minimum hours)</p>
<div class="scroll">${rosterTimeline(input.roster)}</div>
<h2>Rule violations</h2>
<table class="violations"><thead><tr><th>rule</th><th>kind</th><th>amount</th><th>unit</th><th>penalty</th>
</tr></thead><tbody>${violationRows(s.roster)}</tbody></table>
${notes.length > 0 ? `<h2>Notes</h2><ul class="notes">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
</main>
<script type="application/json" id="wfm-summary">${embedded}</script>
</body>
</html>
`;
}
