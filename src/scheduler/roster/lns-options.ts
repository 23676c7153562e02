import type { Highs } from 'highs';
import type { SubMipMode } from './sub-mip.js';

/** Options of the large-neighbourhood search (`improveWithMip`). */
export interface LnsOptions {
  highs: Highs;
  seed: number;
  timeLimitMs: number;
  now: () => number;
  /** Agents re-optimised together in one sub-MIP (default 6). */
  agentsPerMove?: number;
  /** HiGHS time limit per sub-MIP, seconds (default 2). */
  subTimeLimitSeconds?: number;
  /** Share of sub-MIPs that free every agent (or `agentsPerWindow`) over a window of days (default 0.5). */
  dayWindowShare?: number;
  /** Days in a window: a number, or [min, max] drawn uniformly (default 7). */
  windowDays?: number | [number, number];
  agentsPerWindow?: number;
  /** Keep equal-score sub-MIP results (default true). */
  acceptEqual?: boolean;
  /** Share of sub-MIPs over two weekends (each with its Friday and Monday) for every agent (default 0). */
  weekendShare?: number;
  /** Agents freed in a weekend move (default: all, or at least half keeping it near 1000 binaries). */
  weekendAgents?: number;
  /** Days freed before and after each weekend day (default 2 on small instances, else 1). */
  weekendPad?: number;
  /** Weekends freed together (default: as many as keep the sub-MIP near 900 binaries, at least 2). */
  weekendsPerMove?: number;
  /**
   * Every so many ms, one set-partitioning MIP recombines the agent rows the sub-MIPs have
   * produced (see `mergeRows`); 0 = never (default).
   */
  mergeEveryMs?: number;
  /** HiGHS time limit of a merge, seconds (default 3). */
  mergeSeconds?: number;
  /** Rows kept per agent for merging (default 400). */
  poolPerAgent?: number;
  /** What each sub-MIP minimises (default `score`; `keep-filled` never lets a filled shift go). */
  subMipMode?: SubMipMode;
  /**
   * Share of sub-MIPs, while a cell is short, that free agents who may work a short cell over the
   * whole horizon (default 0; the plan roster's fill stage uses it, docs/roster.md "What is exact").
   */
  shortCellShare?: number;
  /** Binary columns such a sub-MIP is kept near (default 1,000). */
  shortCellColumns?: number;
  /** Stop once no hard rule is broken and no cell is short (default false). */
  stopWhenFilled?: boolean;
  /** Cap on sub-MIPs (default unlimited). */
  maxMoves?: number;
  /**
   * Choose among the neighbourhoods (day window over `agentsPerWindow` agents, a run of agents,
   * random agents, a double-length window over half the agents) by how often each has improved
   * lately instead of the fixed `dayWindowShare` (default false: on Curtois & Qu, 60 s, it took
   * instance 7 from 1156 to 1066 and 8 from 1747 to 1674-1658, but 6 from 2138 to 2236, 9 from
   * 472 to 491 and 12 from 5677 to 6248, measured one instance at a time).
   */
  adaptive?: boolean;
}
