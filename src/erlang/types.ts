/**
 * The staffing core's public types. Units are in the names (docs/semantics.md, "Units and names"):
 * durations in seconds, interval length in minutes, rates as fractions in [0, 1].
 */

export type QueueModel = 'erlang-c' | 'erlang-a' | 'chat';

/** Targets that the minimal agent count must meet all at once. Absent = not active. */
export interface StaffingTargets {
  /** Fraction of offered contacts answered within `answerSeconds`, e.g. 0.8. */
  serviceLevel?: number;
  /** The answer-time threshold of the service-level target, seconds. */
  answerSeconds?: number;
  /** Ceiling on the average speed of answer (answered contacts), seconds. */
  maxAsaSeconds?: number;
  /** Cap on agent occupancy, e.g. 0.85. */
  maxOccupancy?: number;
  /** Cap on the fraction of offered contacts that abandon (Erlang A, chat). */
  maxAbandonRate?: number;
}

/** How one queue behaves, beyond its per-interval load. */
export interface QueueParams {
  model: QueueModel;
  targets: StaffingTargets;
  /** Mean patience (exponential), seconds. Erlang A and chat. */
  patienceSeconds?: number;
  /** Lines: contacts in system (in service + waiting) at most; an arrival beyond it is blocked. */
  queueCapacity?: number;
  /** Fraction of paid time not available for contacts; headcount = ceil(agents / (1 - s) - eps). */
  shrinkage?: number;
  /** Chat: handle time, seconds, when an agent holds 1, 2, ... k chats at once. */
  chat?: { ahtSecondsByConcurrency: number[] };
}

/** One interval's offered load. */
export interface IntervalLoad {
  /** Contacts offered in the interval. */
  volume: number;
  /** Average handle time, seconds (for chat: AHT at concurrency 1 unless `chat` says otherwise). */
  ahtSeconds: number;
  intervalMinutes: number;
}

/** Queue metrics at a given number of agents. Keys are the public JSON keys of `wfm staff`. */
export interface IntervalMetrics {
  /** Offered traffic A = volume x ahtSeconds / (intervalMinutes x 60), Erlangs. */
  erlangs: number;
  agents: number;
  /** Answered within `answerSeconds` over offered (abandons count as failures). */
  serviceLevel: number;
  /** Mean wait of answered contacts, seconds (Infinity when unstable). */
  asaSeconds: number;
  occupancy: number;
  /** Probability that an arriving contact waits (Erlang C: C(N, A)). */
  probWait: number;
  /** Mean number waiting. */
  queueLength: number;
  /** Mean number in system (waiting + in service), L = Lq + carried load. */
  inSystem?: number;
  /** Mean time in system of an answered contact (wait + handle), seconds. */
  sojournSeconds?: number;
  /** N <= A with no abandonment: the queue grows without bound. */
  unstable: boolean;
  // Erlang A and chat only:
  abandonRate?: number;
  slAnsweredOfAnswered?: number;
  slWaitEndedWithin?: number;
  slVirtual?: number;
  asaVirtualSeconds?: number;
  asaAllSeconds?: number;
  blockRate?: number;
}

/** The solver's answer for one interval. */
export interface IntervalStaffing extends IntervalMetrics {
  /**
   * The requirement continuous in N (interpolated where the binding target is crossed), so that
   * summing over intervals or queues does not stack round-ups. agents - 1 < agentsFractional <= agents.
   */
  agentsFractional: number;
  /** Agents to schedule after shrinkage: ceil(agents / (1 - shrinkage) - eps). */
  headcount: number;
  /** True when every active target is met (false only when the search hit its cap). */
  met: boolean;
  /**
   * Which target decided N: 'serviceLevel' | 'maxAsaSeconds' | 'maxOccupancy' | 'maxAbandonRate' |
   * 'stability' | 'none' (no traffic, or no target); 'given' for an interval evaluated at its own
   * agents; 'deadline' for deferred work.
   */
  binding: string;
  /**
   * Erlang A and chat: false when no abandonment cap was given, so the requirement says nothing
   * about how many contacts give up (the solver may return fewer agents than the traffic).
   */
  abandonmentCapped?: boolean;
  /** A short human-readable remark (e.g. why `met` is false, or that abandonment was not capped). */
  note?: string;
}

/**
 * Deferred work (email, back office): contacts need not be answered live, only finished within a
 * deadline. Work arriving in an interval can be worked from that interval on.
 */
export interface DeferredParams {
  /** Every contact must be finished within this many hours of the start of its arrival interval. */
  deadlineHours: number;
  /** Productive fraction of staffed agent time (occupancy target), e.g. 0.85. Default 1. */
  maxOccupancy?: number;
  /**
   * Opening hours: `open[i]` false means nobody works interval i (no capacity; work arriving
   * then waits for the next open interval). Default: all open.
   */
  open?: boolean[];
}

/** Whole-queue totals of a staffing run (`staffQueue`). */
export interface StaffingTotals {
  intervals: number;
  /** Contacts offered over all intervals. */
  volume: number;
  /** Sum of agents x interval hours. */
  agentHours: number;
  /** Sum of agentsFractional x interval hours (no stacked round-ups). */
  agentHoursFractional: number;
  /** Sum of headcount x interval hours (after shrinkage). */
  headcountHours: number;
  /** Volume-weighted service level (1 when there is no volume). */
  serviceLevel: number;
  /** Mean wait of answered contacts over all intervals, seconds (Infinity if any is unstable). */
  asaSeconds: number;
  /** Busy agent time over staffed agent time. */
  occupancy: number;
  /** Volume-weighted abandonment rate (Erlang A, chat). */
  abandonRate?: number;
  /** Lowest service level of an interval with volume (1 when none). */
  worstServiceLevel: number;
  unstableIntervals: number;
  unmetIntervals: number;
}
