/**
 * Independent checks of the retraining pulls in a roster's output: seats, flags, agents on shift
 * (not on a break) for the whole session, no agent in two sessions at once, and coverage never
 * taken below the requirement by a pull. Shares no code with the roster's pull logic.
 */
import type { RosterBody } from '../roster/result-types.js';
import type { RosterAgent } from '../roster/types.js';
import type { CheckViolation } from './check-roster.js';

export function checkPulls(roster: RosterBody, agents: RosterAgent[]): CheckViolation[] {
  const out: CheckViolation[] = [];
  const need = new Map(agents.map((a) => [a.id, a.retrainingHoursNeeded]));
  const ms = (iso: string): number => Date.parse(iso);
  for (const s of roster.retraining.sessions) {
    const seated = s.retraining.length + s.coaching.length;
    if (seated > s.seats)
      out.push({ agent: '-', rule: 'seats', amount: seated - s.seats, detail: `${s.pool} ${s.start}` });
    for (const id of s.retraining)
      if (!((need.get(id) ?? 0) > 0))
        out.push({ agent: id, rule: 'notFlagged', amount: 1, detail: `${s.pool} ${s.start}` });
  }
  for (const a of roster.agents) {
    const sessions = a.days.flatMap((d) => d.retraining.map((r) => ({ r, d })));
    for (const { r, d } of sessions) {
      if (!(ms(d.start) <= ms(r.start) && ms(r.end) <= ms(d.end)))
        out.push({ agent: a.id, rule: 'notOnShift', amount: 1, detail: r.start });
      if (d.breaks.some((b) => ms(b.start) < ms(r.end) && ms(r.start) < ms(b.end)))
        out.push({ agent: a.id, rule: 'onBreak', amount: 1, detail: r.start });
    }
    for (let i = 0; i < sessions.length; i++) {
      for (let j = i + 1; j < sessions.length; j++) {
        const x = sessions[i]!.r;
        const y = sessions[j]!.r;
        if (ms(x.start) < ms(y.end) && ms(y.start) < ms(x.end))
          out.push({ agent: a.id, rule: 'twoSessions', amount: 1, detail: x.start });
      }
    }
    const assigned = sessions.filter((s) => s.r.kind === 'retraining').reduce((t, s) => t + s.r.hours, 0);
    const wanted = need.get(a.id) ?? 0;
    // a pull may overshoot by at most one session's length
    const longest = Math.max(0, ...sessions.map((s) => s.r.hours));
    if (assigned > wanted + longest + 1e-9)
      out.push({
        agent: a.id,
        rule: 'overTrained',
        amount: assigned - wanted,
        detail: `${assigned} h for ${wanted} h needed`,
      });
  }
  for (const c of roster.coverage) {
    if (c.inRetraining > 0 && c.onPhone < c.required)
      out.push({ agent: '-', rule: 'pullBelowRequirement', amount: c.required - c.onPhone, detail: c.start });
  }
  return out;
}
