/**
 * Opening hours, in either spelling, for every request that has them (the forecast options, the
 * shift-plan rules): the text `"Mon-Fri 07:00-21:00; Sat 09:00-13:00"` or the list
 * `[{ days: ["mon", ...], open: "07:00", close: "21:00" }]`. Both become the core's `OpeningHours[]`.
 */
import { z } from 'zod';
import { isWfmError } from '../errors.js';
import { parseOpeningHoursText, type OpeningHours } from '../time/opening-hours.js';
import { formatClockMinutes } from '../time/slot-grid.js';
import { ALL_ISO_WEEKDAYS } from '../time/weekdays.js';
import { clockSchema, WeekdaySchema } from './weekdays.js';

const OpeningHoursEntrySchema = z.strictObject({
  days: z.array(WeekdaySchema).min(1, 'give at least one day').optional().describe('Default: every day.'),
  open: clockSchema(1439),
  close: clockSchema(1440),
});

/** The text spelling in the list spelling, so that both are checked by one schema. */
function textAsEntries(value: unknown, ctx: { addIssue: (issue: { code: 'custom'; message: string }) => void }) {
  if (typeof value !== 'string') return value;
  try {
    return parseOpeningHoursText(value).map((h) => ({
      days: h.weekdays,
      open: formatClockMinutes(h.openMinute),
      close: formatClockMinutes(h.closeMinute),
    }));
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: isWfmError(error) ? error.message : String(error) });
    return z.NEVER;
  }
}

export const OpeningHoursSchema = z
  .preprocess(textAsEntries, z.array(OpeningHoursEntrySchema).min(1).max(200))
  .superRefine((entries, ctx) => {
    entries.forEach((h, i) => {
      if (h.close <= h.open)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'close'],
          message: 'closes before it opens (opening hours lie inside one day; use 24:00 and a second entry)',
        });
    });
  })
  .transform((entries): OpeningHours[] =>
    entries.map((h) => ({ weekdays: h.days ?? [...ALL_ISO_WEEKDAYS], openMinute: h.open, closeMinute: h.close })),
  )
  .describe(
    '"Mon-Fri 07:00-21:00; Sat 09:00-13:00", or [{ days, open: "HH:mm", close: "HH:mm" }]. Absent = always open.',
  );
