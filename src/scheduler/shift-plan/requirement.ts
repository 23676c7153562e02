import { WfmError } from '../../errors.js';
import type { QueueParams } from '../../erlang/types.js';
import { inferIntervalMinutes, isIntervalMinutes, parseInstant } from '../../time/instant.js';
import type { PlanRequirement } from './rules.js';

/** One requirement row (one interval of a staffing result); `where` names it in messages. */
export interface RequirementRowInput {
  start: string;
  agents: number;
  volume?: number | undefined;
  ahtSeconds?: number | undefined;
  where: (string | number)[];
}

/**
 * Puts requirement rows on a grid: slot 0 is the earliest start, the interval length is given or
 * inferred, missing rows are gaps (nothing required, no SL). Throws `WFM_ERR_INPUT_TIME` naming a
 * start that is off the grid, and `WFM_ERR_INPUT_INVALID` naming a duplicate. O(rows log rows).
 */
export function buildPlanRequirement(
  rows: readonly RequirementRowInput[],
  options: {
    timeZone: string;
    intervalMinutes?: number | undefined;
    queue?: QueueParams | undefined;
    maxSlots: number;
  },
): PlanRequirement {
  const timed = rows.map((row) => ({ row, ms: parseInstant(row.start, options.timeZone, row.where.join('.')) }));
  timed.sort((a, b) => a.ms - b.ms);
  for (let i = 1; i < timed.length; i++) {
    const cur = timed[i] as (typeof timed)[number];
    if (cur.ms === (timed[i - 1] as (typeof timed)[number]).ms) {
      throw new WfmError(
        'WFM_ERR_INPUT_INVALID',
        `${cur.row.where.join('.')}: duplicate interval start "${cur.row.start}".`,
        {
          issues: [{ path: cur.row.where, message: 'duplicate interval start' }],
        },
      );
    }
  }
  let intervalMinutes = options.intervalMinutes;
  if (intervalMinutes === undefined) intervalMinutes = inferIntervalMinutes(timed.map((t) => t.ms));
  else if (!isIntervalMinutes(intervalMinutes)) {
    throw new WfmError(
      'WFM_ERR_INPUT_TIME',
      `intervalMinutes ${intervalMinutes} is not one of 5, 6, 10, 15, 20, 30, 60.`,
      {
        issues: [{ path: ['intervalMinutes'], message: 'unsupported interval length' }],
      },
    );
  }
  const stepMs = intervalMinutes * 60_000;
  const originMs = (timed[0] as (typeof timed)[number]).ms;
  const slotCount = Math.round(((timed[timed.length - 1] as (typeof timed)[number]).ms - originMs) / stepMs) + 1;
  if (slotCount > options.maxSlots) {
    throw new WfmError(
      'WFM_ERR_INPUT_TOO_LARGE',
      `The requirement spans ${slotCount} intervals; at most ${options.maxSlots} per plan.`,
      {
        issues: [{ path: ['intervals'], message: `spans ${slotCount} intervals` }],
      },
    );
  }
  const required = new Array<number>(slotCount).fill(0);
  const present = new Array<boolean>(slotCount).fill(false);
  const hasLoad = rows.every((r) => r.volume !== undefined && r.ahtSeconds !== undefined);
  const volume = new Array<number>(slotCount).fill(0);
  const ahtSeconds = new Array<number>(slotCount).fill(0);
  for (const { row, ms } of timed) {
    const offset = (ms - originMs) / stepMs;
    if (!Number.isInteger(offset)) {
      throw new WfmError(
        'WFM_ERR_INPUT_TIME',
        `${row.where.join('.')}: "${row.start}" is not on the ${intervalMinutes}-minute grid of the first interval.`,
        {
          issues: [{ path: row.where, message: 'off the interval grid' }],
        },
      );
    }
    required[offset] = row.agents;
    present[offset] = true;
    volume[offset] = row.volume ?? 0;
    ahtSeconds[offset] = row.ahtSeconds ?? 0;
  }
  return {
    originMs,
    intervalMinutes,
    timeZone: options.timeZone,
    required,
    present,
    ...(hasLoad ? { volume, ahtSeconds } : {}),
    ...(options.queue ? { queue: options.queue } : {}),
  };
}

/**
 * The requirement on a finer grid that divides its interval (30 -> 15 minutes for 15-minute
 * breaks): each interval becomes `k` slots that each need the same agents on the phones, and
 * share its offered volume equally at the same AHT, so the traffic (volume x AHT / length) and the
 * service level of each slot are the interval's. O(slots x k).
 */
export function splitRequirement(requirement: PlanRequirement, intervalMinutes: number): PlanRequirement {
  const k = requirement.intervalMinutes / intervalMinutes;
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`splitRequirement: ${intervalMinutes} does not divide ${requirement.intervalMinutes}`);
  }
  const spread = <T>(values: readonly T[], f: (v: T) => T = (v) => v): T[] =>
    values.flatMap((v) => Array<T>(k).fill(f(v)));
  return {
    ...requirement,
    intervalMinutes,
    required: spread(requirement.required),
    present: spread(requirement.present),
    ...(requirement.volume ? { volume: spread(requirement.volume, (v) => v / k) } : {}),
    ...(requirement.ahtSeconds ? { ahtSeconds: spread(requirement.ahtSeconds) } : {}),
  };
}
