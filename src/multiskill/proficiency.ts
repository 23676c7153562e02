/**
 * An agent's handle-time factor on one skill: a proficiency (1 = the queue's AHT, 1.2 = 20 % slower)
 * times a learning curve by tenure. Pure; no clock (tenure is given in months).
 */

/** New hires are slower: `firstMonthFactor` in month one, easing linearly to 1.0 from month `proficientMonth` on. */
export interface LearningCurve {
  /** Handle-time factor in the first month (tenure < 1 month), e.g. 1.5. */
  firstMonthFactor: number;
  /** The month (1-based) from which the factor is 1.0, e.g. 9. */
  proficientMonth: number;
}

/**
 * The learning curve's factor at `tenureMonths` (0 = hired today): month m = floor(tenure) + 1 gets
 * 1 + (first - 1) x (proficientMonth - m) / (proficientMonth - 1) while m < proficientMonth, else 1.
 * Example: with { firstMonthFactor: 1.5, proficientMonth: 9 }, tenure 0 -> 1.5, 4.2 months (month 5)
 * -> 1.25, 8 months (month 9) -> 1.
 */
export function learningCurveFactor(tenureMonths: number, curve: LearningCurve): number {
  const month = Math.floor(Math.max(0, tenureMonths)) + 1;
  if (month >= curve.proficientMonth || curve.proficientMonth <= 1) return 1;
  return 1 + ((curve.firstMonthFactor - 1) * (curve.proficientMonth - month)) / (curve.proficientMonth - 1);
}

/** Whole months (fractional) from an ISO date `hireDate` (YYYY-MM-DD) to epoch ms `atMs`, at 30.4375 days a month. */
export function tenureMonthsAt(hireDateMs: number, atMs: number): number {
  return Math.max(0, (atMs - hireDateMs) / (30.4375 * 86_400_000));
}
