/**
 * The simulation's public types. Units are in the names (docs/semantics.md, "Units and names"): durations
 * in seconds, interval length in minutes, rates as fractions in [0, 1], instants in epoch ms.
 */

/** Handle time of one contact before the agent's proficiency factor, seconds. */
export type HandleTimeDistribution =
  | { kind: 'exponential'; meanSeconds: number }
  /** Log-normal with the given mean and coefficient of variation (standard deviation / mean). */
  | { kind: 'lognormal'; meanSeconds: number; cv: number };

/** One queue (call type, skill) of the centre. */
export interface SimQueue {
  name: string;
  /** Routing tier: a freed agent serves the highest priority among its skills first. */
  priority: number;
  /** Contacts offered per interval: the mean of a Poisson count, arrivals uniform in the interval. */
  volume: ArrayLike<number>;
  handleTime: HandleTimeDistribution;
  /** Mean patience (exponential), seconds; absent = infinitely patient (nobody abandons). */
  patienceSeconds?: number;
  /** The answer-time threshold of the service level, seconds (e.g. 20 for 80/20). */
  answerSeconds: number;
  /** Service-level target (answered within answerSeconds / offered), used by the staffing loop. */
  targetServiceLevel?: number;
}

/** Agents who share one skill set (a skill group) and one proficiency per skill. */
export interface SimGroup {
  name: string;
  /** Queue indices this group may serve. */
  skills: number[];
  /** Handle-time factor per skill, parallel to `skills` (1.5 = a new hire 50 % slower). Default 1. */
  handleTimeFactors?: number[];
  /**
   * Agents on the phones per interval (length = intervals). Agents above the count leave at the
   * interval's start, the idle first, the busy after finishing their contact.
   */
  agents?: ArrayLike<number>;
  /**
   * Instead of `agents`: one on-phone mask per named agent (length = intervals; nonzero = on the
   * phones). A roster with breaks and retraining pulls: an agent leaves at the slot boundary, after
   * finishing the current contact.
   */
  onPhoneMasks?: ArrayLike<number>[];
}

/**
 * A multi-skill centre on an interval grid: every interval is `[start, start + intervalMinutes)`.
 * Treat a model as immutable once simulated: its compiled form is cached per object.
 */
export interface SimModel {
  intervalMinutes: number;
  intervals: number;
  /** Start of interval 0, epoch ms (labels only; the simulation runs on integer slots). */
  startMs?: number;
  queues: SimQueue[];
  groups: SimGroup[];
}

/**
 * One replication's raw counts, flat typed arrays indexed `[queue * intervals + interval]` (by the
 * contact's arrival interval) or `[group * intervals + interval]`. Counts are integers stored in
 * float64 so that sums across replications stay exact.
 */
export interface ReplicationResult {
  replication: number;
  /** The 32-bit seed of queue 0's stream, `replicationSeed(seed, replication, 0)` (a label of the run). */
  seed: number;
  intervals: number;
  queues: number;
  groups: number;
  /** Contacts that arrived. */
  offered: Float64Array;
  /** Contacts whose service started (answered). */
  answered: Float64Array;
  abandoned: Float64Array;
  /** Answered with a wait <= answerSeconds. */
  answeredWithin: Float64Array;
  /** Abandoned with a wait <= answerSeconds (the "short abandons"). */
  abandonedWithin: Float64Array;
  /** Sum of the waits of answered contacts, seconds. */
  waitSecondsAnswered: Float64Array;
  /** Sum of the waits of abandoned contacts (their patience), seconds. */
  waitSecondsAbandoned: Float64Array;
  /** Still waiting (neither answered nor abandoned) when the grid ends. */
  waitingAtEnd: Float64Array;
  /** Agent-seconds in service, by the interval they fall in (group x interval). */
  busySeconds: Float64Array;
  /** Agent-seconds on the phones and idle (group x interval). */
  idleSeconds: Float64Array;
  /** Contacts simulated in all (the speed figure's numerator). */
  contacts: number;
}

/** Mean over replications and the half-width of its 95 % confidence interval (Student t). */
export interface Estimate {
  mean: number;
  /** mean - low = high - mean; NaN with fewer than 2 replications where the figure is defined. */
  halfWidth: number;
  low: number;
  high: number;
  /** Replications where the figure is defined (its denominator is nonzero). */
  n: number;
}

/** Per-queue figures over a range of intervals. */
export interface QueueSummary {
  /** Index of the queue in the model. */
  queue: number;
  offered: Estimate;
  answered: Estimate;
  abandoned: Estimate;
  /** Answered within answerSeconds / offered (abandons count as failures). */
  serviceLevel: Estimate;
  /** Answered within answerSeconds / answered. */
  slAnsweredOfAnswered: Estimate;
  /** Answered within answerSeconds / (offered - abandoned within answerSeconds). */
  slExcludingShortAbandons: Estimate;
  /** Mean wait of answered contacts, seconds. */
  asaSeconds: Estimate;
  /** Mean wait of the answered and the abandoned together, seconds. */
  meanWaitSeconds: Estimate;
  /** Abandoned / offered. */
  abandonRate: Estimate;
  waitingAtEnd: Estimate;
}

/** Figures per queue x interval as flat arrays `[queue * intervals + interval]`. */
export interface IntervalFigures {
  mean: Float64Array;
  halfWidth: Float64Array;
}

export interface SimulationSummary {
  replications: number;
  /** The half-open interval range the totals cover. */
  fromInterval: number;
  toInterval: number;
  /** Totals per queue over [fromInterval, toInterval). */
  queues: QueueSummary[];
  /** Occupancy per group over the range: busy / (busy + idle). */
  groupOccupancy: Estimate[];
  /** Per queue and interval (by arrival interval). */
  byInterval: {
    offered: IntervalFigures;
    answered: IntervalFigures;
    abandoned: IntervalFigures;
    serviceLevel: IntervalFigures;
    slAnsweredOfAnswered: IntervalFigures;
    slExcludingShortAbandons: IntervalFigures;
    asaSeconds: IntervalFigures;
    abandonRate: IntervalFigures;
    /** Per group and interval. */
    occupancy: IntervalFigures;
  };
}
