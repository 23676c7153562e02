/**
 * Multi-skill staffing types. Units are in the names: durations in seconds, interval length in
 * minutes, service levels as fractions in [0, 1].
 */
import type { Estimate, SimGroup, SimQueue } from '../simulation/types.js';

/** A skill group to staff: agents who serve the same set of queues (no staffing yet). */
export type SkillGroup = Omit<SimGroup, 'agents' | 'onPhoneMasks'>;

/** A centre to staff: queues with their forecast volume and targets, and its skill groups. */
export interface MultiSkillCentre {
  intervalMinutes: number;
  intervals: number;
  /** Every queue needs `targetServiceLevel` (answered within answerSeconds / offered). */
  queues: SimQueue[];
  groups: SkillGroup[];
}

export interface MultiSkillOptions {
  seed: number;
  /** Replications per verification, default 6. */
  replications?: number;
  /** Simulated minutes measured per replication (stationary at the interval's rates), default 480. */
  simulatedMinutes?: number;
  /** Simulated minutes before the measurement starts (from empty), default 60. */
  warmUpMinutes?: number;
  /** Simulated correction steps (one agent added or given back) per interval, default 40. */
  maxIterations?: number;
  /**
   * When a queue counts as meeting its target: 'interval' (default) when the target is inside or
   * below its 95 % confidence interval (not significantly short); 'mean' when the mean is at or
   * above it; 'strict' when the whole interval is at or above it.
   */
  acceptance?: 'interval' | 'mean' | 'strict';
}

/** How an interval's staffing was decided. */
export type StaffingMethod = 'none' | 'erlang' | 'simulation';

export interface QueueVerdict {
  queue: number;
  targetServiceLevel: number;
  /** The simulated service level with its 95 % interval; null when not simulated (method 'erlang' or 'none'). */
  serviceLevel: Estimate | null;
  /** Erlang C/A service level at the approximation, for a queue staffed by the exact single-queue model. */
  erlangServiceLevel?: number;
  met: boolean;
}

export interface MultiSkillInterval {
  interval: number;
  method: StaffingMethod;
  /** Agents per group from the pooled approximation. */
  approximation: number[];
  /** Agents per group after the simulation's correction. */
  agents: number[];
  /** Correction steps (an agent added or given back, each one a simulation run). */
  iterations: number;
  met: boolean;
  queues: QueueVerdict[];
}

/** An interval whose targets the loop could not confirm: data, not an exception. */
export interface MultiSkillIssue {
  code: 'iteration-cap';
  interval: number;
  /** The queue furthest below its target when the loop stopped. */
  queue: number;
  message: string;
}

export interface MultiSkillStaffing {
  /** True when every interval meets every queue's target. */
  met: boolean;
  /** Agents per group and interval: agents[group][interval]. */
  agents: number[][];
  intervals: MultiSkillInterval[];
  issues: MultiSkillIssue[];
}
