import { describe, expect, it } from 'vitest';
import { ForecastOptionsSchema } from '../../src/contracts/forecast.js';
import { parseShiftPlanRules } from '../../src/contracts/shift-plan.js';
import { isWfmError } from '../../src/errors.js';
import { parseOpeningHours, parseOpeningHoursText } from '../../src/time/opening-hours.js';

const templates = [{ name: 'ft8', paidMinutes: 480, starts: [{ from: '08:00', to: '10:00' }] }];

describe('opening hours: one type, two spellings', () => {
  it('reads the text spelling into ISO-weekday rules (Fri-Sun wraps, 24:00 allowed)', () => {
    // Worked by hand: Fri-Sun is ISO 5, 6, 7; 09:00 = 540 min, 24:00 = 1440 min.
    expect(parseOpeningHoursText('Fri-Sun 09:00-24:00')).toEqual([
      { weekdays: [5, 6, 7], openMinute: 540, closeMinute: 1440 },
    ]);
  });

  it('gives the same open mask for the text and the list', () => {
    const text = parseOpeningHours('Mon-Fri 08:00-18:00; Sat 09:00-13:00', 30);
    const list = parseOpeningHours(
      [
        { weekdays: [1, 2, 3, 4, 5], openMinute: 480, closeMinute: 1080 },
        { weekdays: [6], openMinute: 540, closeMinute: 780 },
      ],
      30,
    );
    expect(list).toEqual(text);
    // 10 h x 2 slots on five weekdays + 4 h x 2 slots on Saturday.
    expect(text.reduce((s, x) => s + x, 0)).toBe(5 * 20 + 8);
  });

  it('is accepted in both spellings by the shift-plan rules and the forecast options, with the same result', () => {
    const fromText = parseShiftPlanRules({ templates, openingHours: 'Mon-Fri 08:00-20:00' }).rules.openingHours;
    const fromList = parseShiftPlanRules({
      templates,
      openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:00', close: '20:00' }],
    }).rules.openingHours;
    expect(fromText).toEqual(fromList);
    expect(ForecastOptionsSchema.parse({ openingHours: 'Mon-Fri 08:00-20:00' }).openingHours).toEqual(fromList);
  });

  it('names the entry that closes before it opens, and the clause it cannot read', () => {
    const closes = (() => {
      try {
        parseShiftPlanRules({ templates, openingHours: [{ open: '18:00', close: '08:00' }] });
      } catch (error) {
        return error;
      }
    })();
    expect(isWfmError(closes) && closes.issues[0]?.path).toEqual(['openingHours', 0, 'close']);
    const unreadable = (() => {
      try {
        parseShiftPlanRules({ templates, openingHours: 'Mnday 08:00-18:00' });
      } catch (error) {
        return error;
      }
    })();
    expect(isWfmError(unreadable) && unreadable.issues[0]?.message).toContain('unknown weekday');
  });
});
