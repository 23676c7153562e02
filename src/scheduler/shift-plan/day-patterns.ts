/**
 * Day-on/day-off patterns of one agent over one contract week (docs/shift-plan.md, "Supply"): the
 * tour-scheduling half of the supply model. A pattern is a bit mask over the week's days (bit i =
 * works day fromDay + i). The shift plan counts, per group of agents, how many work each pattern,
 * and plans on a day at most as many of the group's shifts as agents whose pattern works that day,
 * so that days off are decided together with the shifts (Jacobs & Brusco 1996; Kiermaier, Frey &
 * Bard 2020).
 */

/** The roster's hard day rules the patterns keep (a rule that is soft in the roster is left out). */
export interface DayPatternRules {
  /** Two consecutive days off inside each full 7-day week. */
  twoConsecutiveDaysOffPerWeek: boolean;
  /** Longest run of working days (Infinity: none). */
  maxConsecutiveDays: number;
  /** Shortest run of working days between days off inside the week (1: none). */
  minConsecutiveDays: number;
  /** Shortest run of days off between working days inside the week (1: none). */
  minConsecutiveDaysOff: number;
}

/** No rule but the contract's maximum days (a plan whose caller gives no roster rules). */
export const NO_DAY_RULES: DayPatternRules = {
  twoConsecutiveDaysOffPerWeek: false,
  maxConsecutiveDays: Infinity,
  minConsecutiveDays: 1,
  minConsecutiveDaysOff: 1,
};

const popcount = (m: number): number => {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
};

/**
 * Whether working the days of `mask` in a week of `length` days keeps the rules. Runs touching the
 * week's edges are not checked against the minimum run lengths (their other part lies in the next
 * or previous week), so the test never refuses a week a roster could work. O(length).
 */
export function keepsDayRules(mask: number, length: number, maxDays: number, rules: DayPatternRules): boolean {
  if (popcount(mask) > maxDays) return false;
  const works = (i: number) => ((mask >> i) & 1) === 1;
  let twoOff = false;
  let run = 0;
  for (let i = 0; i <= length; i++) {
    if (i < length && works(i)) {
      run++;
      if (run > rules.maxConsecutiveDays) return false;
      continue;
    }
    const runStart = i - run;
    if (run > 0 && runStart > 0 && i < length && run < rules.minConsecutiveDays) return false;
    run = 0;
    if (i < length && i > 0 && !works(i - 1)) twoOff = true;
  }
  if (rules.twoConsecutiveDaysOffPerWeek && length === 7 && !twoOff) return false;
  return offRunsLongEnough(mask, length, rules.minConsecutiveDaysOff);
}

/** Every run of days off with working days on both sides inside the week lasts `minOff` days or more. */
function offRunsLongEnough(mask: number, length: number, minOff: number): boolean {
  if (minOff <= 1) return true;
  let off = 0;
  let seenWork = false;
  for (let i = 0; i < length; i++) {
    if ((mask >> i) & 1) {
      if (seenWork && off > 0 && off < minOff) return false;
      seenWork = true;
      off = 0;
    } else off++;
  }
  return true;
}

const cache = new Map<string, number[]>();

/**
 * The maximal patterns inside `available` (a mask of the days the agents may work): those keeping
 * the rules that no other such pattern contains. Only they are needed, as the plan's day rows are
 * upper bounds (an agent on a pattern may still be given no shift on one of its days). Memoised;
 * O(4^length) at most once per distinct argument (length <= 7).
 */
export function maximalPatterns(available: number, length: number, maxDays: number, rules: DayPatternRules): number[] {
  const key = `${available}:${length}:${maxDays}:${JSON.stringify(rules)}:${rules.maxConsecutiveDays}`;
  const known = cache.get(key);
  if (known) return known;
  const valid: number[] = [];
  for (let m = available; ; m = (m - 1) & available) {
    if (keepsDayRules(m, length, maxDays, rules)) valid.push(m);
    if (m === 0) break;
  }
  const maximal = valid.filter((m) => !valid.some((o) => o !== m && (o & m) === m));
  cache.set(key, maximal);
  return maximal;
}
