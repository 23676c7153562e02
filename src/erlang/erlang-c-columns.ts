import { solveErlangCAgents } from './erlang-c-solver.js';
import { headcountAfterShrinkage } from './traffic.js';
import type { StaffingTargets } from './types.js';

/** Input of `staffErlangCColumns`: one Erlang C queue, its loads as columns. */
export interface ErlangCColumnsInput {
  intervalMinutes: number;
  /** Contacts offered per interval; only the first `count` cells are read. */
  volume: Float64Array;
  /** Average handle time per interval, seconds; same layout. */
  ahtSeconds: Float64Array;
  /** Intervals to staff (at most the arrays' length). */
  count: number;
  targets: StaffingTargets;
  /** Fraction of paid time off the phones, [0, 1); default 0. */
  shrinkage?: number | undefined;
  /** Arrays to write into (at least `count` long) instead of allocating new ones. */
  into?: { agents: Float64Array; headcount: Float64Array } | undefined;
}

/** Agents and headcount per interval, plus the sums a headcount answer carries. */
export interface ErlangCColumns {
  /** Minimal agents per interval; -1 where no agent count up to the search cap meets the targets. */
  agents: Float64Array;
  /** ceil(agents / (1 - shrinkage) - eps) per interval (0 where agents is -1). */
  headcount: Float64Array;
  /** Index of the first interval whose targets are unreachable, or -1 when every one is met. */
  firstUnreachable: number;
}

/**
 * Minimal agents (and headcount after shrinkage) for each interval of one Erlang C queue, held
 * in typed arrays: no object per interval. Each interval is solved by `solveErlangCAgents`, the
 * same incremental search `solveInterval` runs for Erlang C, with the same traffic expression
 * (volume x ahtSeconds / (intervalMinutes x 60)), so `agents` equals `staffQueue`'s agents
 * interval by interval (tests/erlang/erlang-c-columns.test.ts checks it on random weeks).
 * No metrics are computed: use `staffQueue` for service level, ASA and occupancy.
 *
 * O(count x agents searched). Allocation: two Float64Arrays of `count`, none with `into`.
 *
 * @example
 * staffErlangCColumns({ intervalMinutes: 30, count: 1, volume: Float64Array.of(100),
 *   ahtSeconds: Float64Array.of(180), targets: { serviceLevel: 0.8, answerSeconds: 20 } }).agents[0] // 14
 */
export function staffErlangCColumns(input: ErlangCColumnsInput): ErlangCColumns {
  const { volume, ahtSeconds, count, targets } = input;
  if (count > volume.length || count > ahtSeconds.length) {
    throw new RangeError(
      `staffErlangCColumns: ${count} intervals but volume has ${volume.length}, ahtSeconds ${ahtSeconds.length}`,
    );
  }
  const shrinkage = input.shrinkage ?? 0;
  const intervalSeconds = input.intervalMinutes * 60;
  const into = input.into;
  if (into && (into.agents.length < count || into.headcount.length < count))
    throw new RangeError(`staffErlangCColumns: output arrays shorter than ${count}`);
  const agents = into ? into.agents : new Float64Array(count);
  const headcount = into ? into.headcount : new Float64Array(count);
  let firstUnreachable = -1;
  let lastVolume = Number.NaN;
  let lastAht = Number.NaN;
  let lastAgents = 0;
  for (let i = 0; i < count; i++) {
    const v = volume[i] as number;
    const aht = ahtSeconds[i] as number;
    // The same load as the interval before (nights, flat hours) has the same answer: the solve is a
    // pure function of (erlangs, AHT, targets).
    const n =
      v === lastVolume && aht === lastAht ? lastAgents : solveErlangCAgents((v * aht) / intervalSeconds, aht, targets);
    lastVolume = v;
    lastAht = aht;
    lastAgents = n;
    agents[i] = n;
    if (n < 0) {
      if (firstUnreachable < 0) firstUnreachable = i;
      headcount[i] = 0;
      continue;
    }
    headcount[i] = headcountAfterShrinkage(n, shrinkage);
  }
  return { agents, headcount, firstUnreachable };
}
