/** The weekday and clock-time fields shared by the request schemas (roster agents, shift-plan rules). */
import { z } from 'zod';
import { parseClockMinutes } from '../time/slot-grid.js';
import { WEEKDAY_NAMES } from '../time/weekdays.js';

/** An ISO weekday 1-7 (1 = Monday) or its name (`mon` ... `sun`), as the ISO number. */
const NOT_A_WEEKDAY = 'not a weekday: write mon, tue, wed, thu, fri, sat or sun (or 1-7, 1 = Monday)';
export const WeekdaySchema = z
  .union([
    z.int({ error: NOT_A_WEEKDAY }).min(1, NOT_A_WEEKDAY).max(7, NOT_A_WEEKDAY),
    z.enum(WEEKDAY_NAMES, { error: NOT_A_WEEKDAY }),
  ])
  .transform((d) => (typeof d === 'number' ? d : WEEKDAY_NAMES.indexOf(d) + 1));

/** A local clock time `HH:mm` as minutes since midnight, at most `maxMinute` (1440 = 24:00). */
export function clockSchema(maxMinute: number) {
  return z.string().transform((text, ctx) => {
    const minutes = parseClockMinutes(text);
    if (minutes === null || minutes > maxMinute) {
      const last = maxMinute === 1440 ? '24:00' : maxMinute > 1440 ? '47:59' : '23:59';
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a time of the day (HH:mm, 00:00 to ${last})` });
      return z.NEVER;
    }
    return minutes;
  });
}
