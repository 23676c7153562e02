import { WfmError } from '../errors.js';
import { isoWeekdayOfName } from './weekdays.js';

/** Open hours on some weekdays: `[openMinute, closeMinute)` local minutes; weekdays ISO 1-7 (1 = Monday). */
export interface OpeningHours {
  weekdays: number[];
  openMinute: number;
  closeMinute: number;
}

/**
 * Reads the text spelling of opening hours, e.g. `"Mon-Fri 07:00-21:00; Sat 09:00-13:00"`.
 * Clauses are separated by `;` or `,`; a clause is a weekday or a range (`Fri-Sun` wraps), and one
 * or more `HH:MM-HH:MM` ranges (end `24:00` allowed; a range past midnight is two clauses).
 * Weekdays named nowhere are closed. Throws WFM_ERR_INPUT_INVALID naming the clause.
 *
 * @example parseOpeningHoursText('Mon-Fri 08:00-18:00') // [{ weekdays: [1,2,3,4,5], openMinute: 480, closeMinute: 1080 }]
 */
export function parseOpeningHoursText(spec: string): OpeningHours[] {
  const clauses = spec
    .split(/[;,]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (clauses.length === 0) throw badHours(spec, 'no clause');
  const out: OpeningHours[] = [];
  for (const clause of clauses) {
    const m = /^([A-Za-z]+)(?:\s*-\s*([A-Za-z]+))?\s+(.+)$/.exec(clause);
    if (!m) throw badHours(clause, 'expected "<Day>[-<Day>] HH:MM-HH:MM"');
    const from = isoWeekdayOfName(m[1] as string);
    const to = m[2] === undefined ? from : isoWeekdayOfName(m[2]);
    if (from === undefined || to === undefined) throw badHours(clause, 'unknown weekday');
    const weekdays: number[] = [];
    for (let d = from; ; d = (d % 7) + 1) {
      weekdays.push(d);
      if (d === to) break;
    }
    for (const range of (m[3] as string).split(/\s+/)) {
      const r = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(range);
      if (!r) throw badHours(clause, `cannot read "${range}" as HH:MM-HH:MM`);
      const openMinute = Number(r[1]) * 60 + Number(r[2]);
      const closeMinute = Number(r[3]) * 60 + Number(r[4]);
      if (Number(r[2]) > 59 || Number(r[4]) > 59 || openMinute >= closeMinute || closeMinute > 1440)
        throw badHours(clause, `"${range}" is not a range within one day`);
      out.push({ weekdays: [...weekdays], openMinute, closeMinute });
    }
  }
  return out;
}

/**
 * The open mask over (weekday index 0 = Monday, slot of the day): `mask[(isoWeekday - 1) *
 * slotsPerDay + slot] = 1` when the slot overlaps an open range. Accepts either spelling.
 *
 * @example parseOpeningHours('Mon-Fri 08:00-18:00', 30) // 20 open slots on each weekday
 */
export function parseOpeningHours(spec: string | readonly OpeningHours[], intervalMinutes: number): Uint8Array {
  const hours = typeof spec === 'string' ? parseOpeningHoursText(spec) : spec;
  const slotsPerDay = 1440 / intervalMinutes;
  const mask = new Uint8Array(7 * slotsPerDay);
  for (const h of hours) {
    for (const d of h.weekdays) {
      for (let s = 0; s < slotsPerDay; s++) {
        const a = s * intervalMinutes;
        if (a < h.closeMinute && a + intervalMinutes > h.openMinute) mask[(d - 1) * slotsPerDay + s] = 1;
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
