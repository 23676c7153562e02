import { WfmError } from '../errors.js';
import { parseWeekday } from './local-time.js';

/**
 * Parses opening hours such as `"Mon-Fri 07:00-21:00; Sat 09:00-13:00"` into an open mask over
 * (weekday 0 = Monday, slot): `mask[weekday * slotsPerDay + slot] = 1` when the slot is open.
 * Clauses are separated by `;` or `,`; a clause is a weekday or a range (`Fri-Sun` wraps), and one
 * or more `HH:MM-HH:MM` ranges (end `24:00` allowed; an end before the start runs past midnight
 * into the same weekday's early hours is not supported: write two clauses). A slot is open when it
 * overlaps an open range. Weekdays named nowhere are closed.
 *
 * @example parseOpeningHours('Mon-Fri 08:00-18:00', 30) // 20 open slots on each weekday
 */
export function parseOpeningHours(spec: string, intervalMinutes: number): Uint8Array {
  const S = 1440 / intervalMinutes;
  const mask = new Uint8Array(7 * S);
  const clauses = spec
    .split(/[;,]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (clauses.length === 0) throw badHours(spec, 'no clause');
  for (const clause of clauses) {
    const m = /^([A-Za-z]+)(?:\s*-\s*([A-Za-z]+))?\s+(.+)$/.exec(clause);
    if (!m) throw badHours(clause, 'expected "<Day>[-<Day>] HH:MM-HH:MM"');
    const from = parseWeekday(m[1] as string);
    const to = m[2] === undefined ? from : parseWeekday(m[2]);
    if (from === undefined || to === undefined) throw badHours(clause, 'unknown weekday');
    const days: number[] = [];
    for (let d = from; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === to) break;
    }
    for (const range of (m[3] as string).split(/\s+/)) {
      const r = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(range);
      if (!r) throw badHours(clause, `cannot read "${range}" as HH:MM-HH:MM`);
      const start = Number(r[1]) * 60 + Number(r[2]);
      const end = Number(r[3]) * 60 + Number(r[4]);
      if (Number(r[2]) > 59 || Number(r[4]) > 59 || start >= end || end > 1440)
        throw badHours(clause, `"${range}" is not a range within one day`);
      for (const d of days) {
        for (let s = 0; s < S; s++) {
          const a = s * intervalMinutes;
          if (a < end && a + intervalMinutes > start) mask[d * S + s] = 1;
        }
      }
    }
  }
  return mask;
}

function badHours(clause: string, why: string): WfmError {
  return new WfmError('WFM_ERR_INPUT_INVALID', `openingHours: cannot read "${clause}" (${why}).`, {
    issues: [{ path: ['openingHours'], message: why }],
  });
}
