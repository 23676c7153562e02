/** Size limits checked before work starts (413 `WFM_ERR_INPUT_TOO_LARGE`, naming the field and the limit). */
import { WfmError } from '../errors.js';

/**
 * Throws 413 `WFM_ERR_INPUT_TOO_LARGE` when `count` is over `limit`, naming the field and the
 * limit. Checked before the schema so that a huge array is refused without validating each item.
 */
export function checkLimit(count: number, limit: number, path: (string | number)[], what: string): void {
  if (count > limit) {
    throw new WfmError('WFM_ERR_INPUT_TOO_LARGE', `At most ${limit} ${what} per request (got ${count}).`, {
      issues: [{ path, message: `at most ${limit} ${what}` }],
    });
  }
}

/**
 * The offered load of each interval, Erlangs, bounded by `maxAgents`: staffing N agents costs
 * O(N) work, so a load that would need more agents than the limit is refused with 413 before any
 * work starts (a 10-million-call interval must not hold the event loop). `intervalMinutes`
 * absent (to be inferred) counts as the shortest interval, 5 minutes, so the bound is safe.
 */
export function checkLoad(
  rows: readonly { volume: number; ahtSeconds: number }[],
  intervalMinutes: number | undefined,
  maxAgents: number,
  path: (string | number)[],
  factor = 1,
): void {
  const seconds = (intervalMinutes ?? 5) * 60;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as { volume: number; ahtSeconds: number };
    const erlangs = ((row.volume * row.ahtSeconds) / seconds) * factor;
    if (erlangs > maxAgents) {
      throw new WfmError(
        'WFM_ERR_INPUT_TOO_LARGE',
        `The load of ${path.join('.')}[${i}] (${erlangs.toPrecision(4)} Erlangs) needs more than the ` +
          `${maxAgents} agents a request may staff.`,
        {
          issues: [{ path: [...path, i], message: `offered load over ${maxAgents} Erlangs` }],
        },
      );
    }
  }
}
