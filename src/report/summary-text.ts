/** The readable summary `wfm plan` and `wfm demo` print: key figures and one line per day. */
import type { PlanSummary } from '../app/summary.js';

const h1 = (x: number) => x.toFixed(1);
const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

/** Formats the summary as plain text lines (no colour, fixed columns). */
export function summaryText(s: PlanSummary, outDir?: string): string {
  const p = s.shiftPlan;
  const r = s.roster;
  const lines = [
    `Verdict    ${s.verdict.line}`,
    `${s.name}`,
    `Week from ${s.horizon.start} (${s.horizon.timeZone}), ${s.horizon.intervalMinutes}-minute intervals`,
    '',
    `Forecast   ${s.forecast.volume.toFixed(0)} contacts ` +
      `(p10-p90 ${s.forecast.volumeP10.toFixed(0)}-${s.forecast.volumeP90.toFixed(0)}), method ${s.forecast.method}, ` +
      `backtest WAPE ${s.forecast.backtestWape === null ? 'n/a' : `${s.forecast.backtestWape.toFixed(1)} %`}`,
    `Staffing   ${s.staffing.model}, ${pct(s.staffing.serviceLevelTarget)} in ${s.staffing.answerSeconds ?? '-'} ` +
      `s: ${s.staffing.agentHours} agent-hours, peak agents ${s.staffing.peakAgents}`,
    `Shift plan ${p.status}: ${p.shifts} shifts, ${p.paidHours} paid h planned, cost ${p.cost} vs LP bound ` +
      `${p.lpBound} (cost/bound ${p.objectiveOverBound.toFixed(3)}), gap ${p.mipGap === null ? 'n/a' : pct(p.mipGap)}, ` +
      `under ${p.underAgentIntervals} agent-intervals`,
    `Roster     ${r.agentsWorking}/${r.agents} agents working, ${r.shiftsFilled}/${r.shiftsRequired} ` +
      `shifts filled (+${r.extraShifts} extra), ${r.paidHours} paid h rostered, SL ${pct(r.serviceLevel)}`,
    `Pool       plan placed ${h1(p.poolHoursPlaced)} of ${h1(p.poolHoursRequested)} h asked; roster delivered ` +
      `${h1(r.retrainingHoursAssigned)} h retraining to flagged agents (of ${h1(r.retrainingHoursNeeded)} h they ` +
      `need) and ${h1(s.days.reduce((t, d) => t + d.coachingHoursRostered, 0))} h coaching on spare seats`,
    `Rules      ${r.feasible ? 'every hard rule met' : 'hard rules broken'}; ` +
      `${r.violations.map((v) => `${v.label} (${v.hard ? 'hard' : 'soft'}) ${v.shownAmount} ${v.shownUnit}`).join(', ') || 'no rule broken'}`,
    '',
    'day          contacts  required h  on-phone h  under  SL (roster)  pool h  retraining h',
  ];
  for (const d of s.days) {
    const weekday = new Date(`${d.date}T12:00:00Z`).toUTCString().slice(0, 3);
    lines.push(
      `${weekday} ${d.date.slice(5)}  ${d.volume.toFixed(0).padStart(9)}  ` +
        `${d.requiredAgentHours.toFixed(1).padStart(10)}  ${d.onPhoneAgentHours.toFixed(1).padStart(10)}  ` +
        `${String(d.underAgentIntervals).padStart(5)}  ${pct(d.serviceLevel).padStart(11)}  ` +
        `${d.poolHoursPlaced.toFixed(1).padStart(6)}  ${d.retrainingHoursRostered.toFixed(1).padStart(12)}`,
    );
  }
  if (outDir)
    lines.push(
      '',
      `Wrote ${outDir}/: report.html, summary.json, forecast, staffing, shift plan, coverage, roster ` +
        `(JSON/CSV) and ics/ (one calendar per agent)`,
    );
  return `${lines.join('\n')}\n`;
}
