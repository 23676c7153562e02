/**
 * The what-if core's types: a base (one or many queues over a week) and scenarios that change
 * its assumptions. Units as everywhere (docs/semantics.md): seconds, minutes, fractions in [0, 1].
 */
import type { QueueModel, QueueParams } from '../erlang/types.js';

/** What a scenario may change. Absent = the queue's own value. */
export interface ScenarioChanges {
  /** Multiplies every interval's volume (1.15 = +15 %). */
  volumeFactor?: number;
  /** Multiplies every interval's handle time. */
  ahtFactor?: number;
  /** Service-level target (fraction answered within answerSeconds). */
  serviceLevel?: number;
  /** Answer-time threshold of the service-level target, seconds. */
  answerSeconds?: number;
  /** Shrinkage (fraction of paid time off the phones). */
  shrinkage?: number;
  /** Occupancy cap. */
  maxOccupancy?: number;
  /** Erlang C or Erlang A (Erlang A needs the queue's patienceSeconds). */
  model?: Extract<QueueModel, 'erlang-c' | 'erlang-a'>;
}

export interface Scenario extends ScenarioChanges {
  /** Shown in the output; default "s<index>: volume x1.15, ..." */
  name: string;
}

/** One queue's base week, already validated and in core units. */
export interface WhatIfQueue {
  name: string;
  intervalMinutes: number;
  params: QueueParams;
  /** Contacts offered per interval (base, before the scenario's factor). */
  volume: Float64Array;
  /** Handle time per interval, seconds. */
  ahtSeconds: Float64Array;
  /**
   * Optional fixed roster: scheduled heads per interval. Under a scenario with shrinkage s, the
   * agents on the phones are floor(heads x (1 - s) + eps).
   */
  rosterHeadcount?: Float64Array;
}

export interface WhatIfInput {
  queues: WhatIfQueue[];
  scenarios: Scenario[];
  /** 'intervals' (default) adds per-interval arrays to each queue's result; 'summary' omits them. */
  detail: 'intervals' | 'summary';
}

/** A queue's result under one scenario. */
export interface WhatIfQueueResult {
  name: string;
  /** Sum of agents x interval length, hours (agents on the phones). */
  agentHours: number;
  /** Sum of headcount x interval length, hours (agents to schedule, after shrinkage). */
  headcountHours: number;
  peakHeadcount: number;
  /** Volume-weighted service level achieved at the required agents; null with no volume. */
  serviceLevel: number | null;
  /** Intervals where the search hit its cap without meeting the targets. */
  unmetIntervals: number;
  /** Headcount per interval, NaN where unmet (detail 'intervals'; `whatIfJson` writes NaN as null). */
  headcount?: Float64Array;
  /** The fixed roster under this scenario, when the queue has one. */
  roster?: WhatIfRosterResult;
}

export interface WhatIfRosterResult {
  /** Volume-weighted service level with the roster's agents on the phones; null with no volume. */
  serviceLevel: number | null;
  /** Intervals where the roster's on-phone agents are fewer than the scenario requires. */
  intervalsUnderRequirement: number;
  /** Sum over intervals of max(0, required - on-phone agents), agent-intervals. */
  shortAgentIntervals: number;
  /** Service level per interval (detail 'intervals'). */
  serviceLevelByInterval?: Float64Array;
}

export interface WhatIfScenarioResult {
  index: number;
  name: string;
  /** The values this scenario used (the queue's own where the scenario left one unchanged: see each queue). */
  changes: ScenarioChanges;
  totals: {
    agentHours: number;
    headcountHours: number;
    /** Volume-weighted over all queues; null with no volume. */
    serviceLevel: number | null;
    unmetIntervals: number;
    /** Roster service level over all queues that have a roster; null without. */
    rosterServiceLevel: number | null;
  };
  queues: WhatIfQueueResult[];
}

export interface WhatIfResult {
  scenarioCount: number;
  intervalCount: number;
  scenarios: WhatIfScenarioResult[];
}
