/** The readable summary `wfm plan` and `wfm demo` print: key figures and one line per day. */
import type { PlanSummary } from '../app/summary.js';

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

/** Formats the summary as plain text lines (no colour, fixed columns). */
export function summaryText(s: PlanSummary, outDir?: string): string {
  const p = s.shiftPlan;
  const r = s.roster;
  const lines = [
    `${s.name}`,
    `Week from ${s.horizon.start} (${s.horizon.timeZone}), ${gridText(s.horizon)}`,
    '',
    `Forecast   ${s.forecast.volume.toFixed(0)} contacts ` +
      `(p10-p90 ${s.forecast.volumeP10.toFixed(0)}-${s.forecast.volumeP90.toFixed(0)}), method ${s.forecast.method}, ` +
      `backtest WAPE ${s.forecast.backtestWape === null ? 'n/a' : `${s.forecast.backtestWape.toFixed(1)} %`}`,
    `Staffing   ${s.staffing.model}, ${pct(s.staffing.serviceLevelTarget)} in ${s.staffing.answerSeconds ?? '-'} ` +
      `s: ${s.staffing.agentHours} agent-hours, peak agents ${s.staffing.peakAgents}`,
    `Shift plan ${p.status}: ${p.shifts} shifts, ${p.paidHours} paid h, LP bound ${p.lpBound} (paid/bound ` +
      `${p.paidOverBound}), gap ${p.mipGap === null ? 'n/a' : pct(p.mipGap)}, ` +
      `pool ${p.poolHoursPlaced}/${p.poolHoursRequested} h, under ${p.underAgentIntervals} agent-intervals`,
    `Roster     ${r.agentsWorking}/${r.agents} agents working, ${r.shiftsFilled}/${r.shiftsRequired} ` +
      `shifts filled (+${r.extraShifts} extra), ${r.paidHours} paid h, SL ${pct(r.serviceLevel)}, ` +
      `retraining ${r.retrainingHoursAssigned}/${r.retrainingHoursNeeded} h`,
    `Rules      ${r.feasible ? 'every hard rule met' : `hard rules violated (${r.hardViolations})`}; ` +
      `${r.violations.map((v) => `${v.rule} ${v.amount}`).join(', ') || 'no violation'}`,
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

/** "30-minute intervals", or how a finer plan grid came about. */
export function gridText(h: { intervalMinutes: number; dataIntervalMinutes: number }): string {
  if (h.intervalMinutes === h.dataIntervalMinutes) return `${h.intervalMinutes}-minute intervals`;
  return (
    `${h.intervalMinutes}-minute intervals (the ${h.dataIntervalMinutes}-minute forecast split evenly, ` +
    `so that ${h.intervalMinutes}-minute breaks fit)`
  );
}
