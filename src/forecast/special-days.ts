import { WfmError } from '../errors.js';
import { epochDayOfDate, parseWeekday } from '../time/local-time.js';
import type { SpecialDay } from './types.js';

export interface SpecialDayPlan {
  /** Local epoch days left out of training. */
  excluded: Set<number>;
  /** Future local epoch day -> multiplier. */
  factors: Map<number, number>;
  /** Future local epoch day -> weekday (0 = Monday) whose forecast it takes. */
  likes: Map<number, number>;
}

/**
 * Sorts special days into training exclusions (dates before `horizonStartDay`) and horizon
 * adjustments. Throws naming the entry for a bad date, factor or weekday.
 */
export function planSpecialDays(days: readonly SpecialDay[], horizonStartDay: number): SpecialDayPlan {
  const plan: SpecialDayPlan = { excluded: new Set(), factors: new Map(), likes: new Map() };
  days.forEach((day, i) => {
    const epochDay = epochDayOfDate(day.date ?? '');
    if (epochDay === undefined)
      throw bad(i, 'date', `"${String(day.date)}" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-25`);
    if (day.factor !== undefined && day.factor !== null && (!Number.isFinite(day.factor) || day.factor < 0)) {
      throw bad(i, 'factor', `must be a number >= 0 (got ${String(day.factor)})`);
    }
    let like: number | undefined;
    if (day.like !== undefined && day.like !== null && day.like !== '') {
      like = parseWeekday(day.like);
      if (like === undefined) throw bad(i, 'like', `"${day.like}" is not a weekday`);
    }
    if (epochDay < horizonStartDay) {
      plan.excluded.add(epochDay);
      return;
    }
    if (like !== undefined) plan.likes.set(epochDay, like);
    if (day.factor !== undefined && day.factor !== null) plan.factors.set(epochDay, day.factor);
  });
  return plan;
}

function bad(index: number, field: string, message: string): WfmError {
  return new WfmError('WFM_ERR_INPUT_INVALID', `specialDays[${index}].${field}: ${message}.`, {
    issues: [{ path: ['specialDays', index, field], message }],
  });
}
