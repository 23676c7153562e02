/** The readable summary `wfm plan` and `wfm demo` print: key figures and one line per day. */
import type { PlanSummary } from '../app/summary.js';
import { isoDayLabel } from '../time/instant.js';
import { forecastMethodWords, percent, tenths, whole } from './people.js';

const h1 = tenths;
const pct = percent;

/** "80.0 % in 20 s", or "targets per queue" on a multi-queue plan. */
function targetText(s: PlanSummary['staffing']): string {
  return s.serviceLevelTarget === null
    ? 'targets per queue'
    : `${pct(s.serviceLevelTarget)} in ${s.answerSeconds ?? '-'} s`;
}

/** Formats the summary as plain text lines (no colour, fixed columns). */
export function summaryText(s: PlanSummary, outDir?: string): string {
  const p = s.shiftPlan;
  const r = s.roster;
  const wape = s.forecast.backtestWape === null ? 'n/a' : `${s.forecast.backtestWape.toFixed(1)} %`;
  const lines = [
    `Verdict    ${s.verdict.line}`,
    `${s.name}`,
    `Week from ${isoDayLabel(s.horizon.start)} (${s.horizon.timeZone}), ${gridText(s.horizon)}`,
    '',
    `Forecast   ${whole(s.forecast.volume)} contacts ` +
      `(p10-p90 ${whole(s.forecast.volumeP10)}-${whole(s.forecast.volumeP90)}), method ` +
      `${forecastMethodWords(s.forecast)}, backtest WAPE ${wape}`,
    `Staffing   ${s.staffing.model}, ${targetText(s.staffing)}: ${tenths(s.staffing.agentHours)} agent-hours on the phones, peak ${whole(s.staffing.peakAgents)} agents`,
    `Shift plan ${p.status}: ${whole(p.shifts)} shifts, plan paid hours ${tenths(p.paidHours)}, cost ${tenths(p.cost)} ` +
      `vs LP bound ${tenths(p.lpBound)} (cost ${Number.isFinite(p.objectiveOverBound) ? pct(p.objectiveOverBound - 1) : 'n/a'} over it), ` +
      `gap ${p.mipGap === null ? 'n/a' : pct(p.mipGap)}, under ${whole(p.underAgentIntervals)} agent-intervals`,
    `Roster     ${r.agentsWorking}/${r.agents} agents working, ${r.shiftsFilled}/${r.shiftsRequired} ` +
      `shifts filled (+${r.extraShifts} extra), roster paid hours ${tenths(r.paidHours)}, SL ${pct(r.serviceLevel)}` +
      (r.serviceLevelJudgedBy === 'simulation' ? ' (simulated per queue)' : ''),
    `Pool       plan placed ${h1(p.poolHoursPlaced)} of ${h1(p.poolHoursRequested)} h asked; roster delivered ` +
      `${h1(r.retrainingHoursAssigned)} h retraining to flagged agents (of ${h1(r.retrainingHoursNeeded)} h they ` +
      `need) and ${h1(s.days.reduce((t, d) => t + d.coachingHoursRostered, 0))} h coaching on spare seats`,
    `Rules      ${r.feasible ? 'every hard rule met' : 'hard rules broken'}; ` +
      `${r.violations.map((v) => `${v.label} (${v.hard ? 'hard' : 'soft'}) ${tenths(v.shownAmount)} ${v.shownUnit}`).join(', ') || 'no rule broken'}`,
    '',
    'day          contacts  required h  on-phone h  under  SL (roster)  pool h  retraining h',
  ];
  for (const d of s.days) {
    const weekday = new Date(`${d.date}T12:00:00Z`).toUTCString().slice(0, 3);
    lines.push(
      `${weekday} ${d.date.slice(5)}  ${whole(d.volume).padStart(9)}  ` +
        `${d.requiredAgentHours.toFixed(1).padStart(10)}  ${d.onPhoneAgentHours.toFixed(1).padStart(10)}  ` +
        `${String(d.underAgentIntervals).padStart(5)}  ${pct(d.serviceLevel).padStart(11)}  ` +
        `${d.poolHoursPlaced.toFixed(1).padStart(6)}  ${d.retrainingHoursRostered.toFixed(1).padStart(12)}`,
    );
  }
  if (s.queues) {
    lines.push('', 'queue        model      target  SL simulated (95 %)     abandon  required h  covered h  short');
    for (const q of s.queues) {
      const sl = q.serviceLevel;
      const band = sl && sl.low !== null && sl.high !== null ? ` (${pct(sl.low)}-${pct(sl.high)})` : '';
      lines.push(
        `${q.name.slice(0, 12).padEnd(12)} ${q.model.padEnd(10)} ${pct(q.serviceLevelTarget).padStart(6)}  ` +
          `${((sl ? pct(sl.mean) : 'not simulated') + band).padEnd(22)}  ${pct(q.abandonRate).padStart(7)}  ` +
          `${q.requiredAgentHours.toFixed(1).padStart(10)}  ${(q.coveredAgentHours === null ? 'n/a' : q.coveredAgentHours.toFixed(1)).padStart(9)}  ` +
          `${String(q.shortIntervals).padStart(5)}${q.met ? '' : '  SHORT'}`,
      );
    }
  }
  if (outDir)
    lines.push(
      '',
      `Wrote ${outDir}/: report.html, summary.json, forecast, staffing, shift plan, coverage, roster ` +
        `(JSON/CSV)${s.queues ? ', queues (JSON/CSV)' : ''} and ics/ (one calendar per agent)`,
    );
  return `${lines.join('\n')}\n`;
}

/** "30-minute intervals", or how a finer plan grid came about. */
export function gridText(h: { intervalMinutes: number; dataIntervalMinutes: number }): string {
  if (h.intervalMinutes === h.dataIntervalMinutes) return `${h.intervalMinutes}-minute intervals`;
  return (
    `${h.intervalMinutes}-minute intervals (the ${h.dataIntervalMinutes}-minute forecast split evenly, ` +
    `so that ${h.intervalMinutes}-minute breaks fit)`
  );
}
